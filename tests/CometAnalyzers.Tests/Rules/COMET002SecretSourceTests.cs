using System.Globalization;
using System.Threading.Tasks;
using Xunit;
using static CometAnalyzers.Tests.Rules.COMET002Sources;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>COMET002 secrets: requests, headers, configuration, environment, credentials and secret names.</summary>
    public class COMET002SecretSourceTests
    {
        [Fact]
        public Task A_whole_request_or_header_collection_leaks_its_Authorization()
            => Test("""
                class C
                {
                    void M(ILogger logger, HttpRequestMessage request, HttpClient client, HttpResponseMessage response)
                    {
                        logger.LogDebug("Sending {Request}", [|request|]);
                        logger.LogDebug("Headers {Headers}", [|request.Headers|]);
                        logger.LogDebug("Defaults {Headers}", [|client.DefaultRequestHeaders|]);
                        logger.LogDebug([|$"Sending {request}"|]);
                        logger.LogDebug("Headers {Headers}", [|request.Headers.ToString()|]);
                        logger.LogDebug("Original {Request}", [|response.RequestMessage|]);
                        logger.LogDebug("Headers {Headers}", [|request.Headers.NonValidated|]);
                        foreach (var header in request.Headers.NonValidated)
                        {
                            logger.LogDebug("{Name}: {Value}", header.Key, [|header.Value|]);
                        }
                    }
                }
                """).RunAsync();

        [Fact]
        public Task The_Authorization_header_and_its_parameter_leak()
            => Test("""
                class C
                {
                    void M(ILogger logger, HttpRequestMessage request, string apiKey)
                    {
                        logger.LogDebug("Auth {Auth}", [|request.Headers.Authorization|]);
                        logger.LogDebug("Auth {Auth}", [|request.Headers.Authorization?.Parameter|]);
                        logger.LogDebug("Auth {Auth}", [|request.Headers.Authorization!.Parameter|]);
                        logger.LogDebug("Auth {Auth}", [|request.Headers.Authorization?.ToString()|]);
                        logger.LogDebug("Auth {Auth}", [|new AuthenticationHeaderValue("Bearer", GetToken())|]);
                    }

                    static string GetToken() => "t";
                }
                """).RunAsync();

        [Fact]
        public Task Names_and_keys_held_by_static_readonly_fields_count_like_constants()
            => Test("""
                class C
                {
                    private static readonly string AuthHeader = "Authorization";
                    private static readonly string KeySetting = "CometApi:ApiKey";
                    private static readonly string RequestIdHeader = "x-request-id";
                    private static readonly string ModelSetting = "CometApi:Model";

                    void M(ILogger logger, HttpRequestMessage request, IConfiguration configuration)
                    {
                        logger.LogDebug("Auth {Auth}", [|request.Headers.GetValues(AuthHeader)|]);
                        logger.LogDebug("Key {Key}", {|COMET012:configuration[KeySetting]|});
                        if (request.Headers.TryGetValues(C.AuthHeader, out var values))
                        {
                            logger.LogDebug("Auth {Auth}", [|values|]);
                        }

                        logger.LogDebug("Id {Id}", request.Headers.GetValues(RequestIdHeader));
                        logger.LogDebug("Model {Model}", configuration[ModelSetting]);
                        logger.LogDebug("Headers {Headers}", request.Headers.Where(h => h.Key != AuthHeader));
                    }
                }
                """).RunAsync();

        [Theory]
        [InlineData("Authorization")]
        [InlineData("authorization")]
        [InlineData("api-key")]
        [InlineData("x-api-key")]
        [InlineData("X-Api-Key")]
        public Task Auth_header_values_read_by_name_leak(string header)
            => Test($$"""
                class C
                {
                    void M(ILogger logger, HttpRequestMessage request)
                    {
                        logger.LogDebug("Auth {Auth}", [|request.Headers.GetValues("{{header}}")|]);
                        logger.LogDebug("Auth {Auth}", [|string.Join(",", request.Headers.GetValues("{{header}}"))|]);
                        logger.LogDebug("Auth {Auth}", [|request.Headers.GetValues("{{header}}").First()|]);
                        logger.LogDebug("Auth {Auth}", [|request.Headers.NonValidated["{{header}}"]|]);
                        if (request.Headers.TryGetValues("{{header}}", out var values))
                        {
                            logger.LogDebug("Auth {Auth}", [|values|]);
                        }
                    }
                }
                """).RunAsync();

        [Fact]
        public Task The_contract_auth_header_is_certain_only_with_the_contract()
        {
            // Without the contract, "X-Comet-Auth" is only a header whose name says auth: COMET012.
            const string Source = """
                class C
                {
                    void M(ILogger logger, HttpRequestMessage request)
                    {
                        logger.LogDebug("Auth {Auth}", {{request.Headers.GetValues("X-Comet-Auth")}});
                    }
                }
                """;
            return Task.WhenAll(
                Test(Source.Replace("{{", "[|").Replace("}}", "|]")).WithContract(AuthContract).RunAsync(),
                Test(Source.Replace("{{", "{|COMET012:").Replace("}}", "|}")).RunAsync());
        }

        [Fact]
        public Task Response_headers_such_as_the_request_id_do_not_leak()
            => Test("""
                class C
                {
                    void M(ILogger logger, HttpResponseMessage response)
                    {
                        logger.LogInformation("Request id {Id}", response.Headers.GetValues("x-request-id").FirstOrDefault());
                        logger.LogInformation("Headers {Headers}", response.Headers);
                        logger.LogInformation("Headers {Headers}", response.Headers.NonValidated);
                        logger.LogInformation("Response {Response}", response);
                        logger.LogInformation("Status {Status}", response.StatusCode);
                    }
                }
                """).RunAsync();

        [Fact]
        public Task The_auth_scheme_alone_does_not_leak()
            => Test("""
                class C
                {
                    void M(ILogger logger, HttpRequestMessage request)
                    {
                        logger.LogDebug("Scheme {Scheme}", request.Headers.Authorization?.Scheme);
                        logger.LogDebug("Has auth {HasAuth}", request.Headers.Authorization is not null);
                        logger.LogDebug("Uri {Uri} {Method}", request.RequestUri, request.Method);
                        logger.LogDebug("Accept {Accept}", request.Headers.Accept);
                    }
                }
                """).RunAsync();

        [Fact]
        public Task The_contract_secret_configuration_key_leaks_only_with_the_contract()
        {
            const string Source = """
                class C
                {
                    void M(ILogger logger, IConfiguration configuration)
                    {
                        logger.LogDebug("Auth {Auth}", {{configuration["CometApi:Auth"]}});
                        logger.LogDebug("Auth {Auth}", {{configuration.GetSection("CometApi:Auth").Value}});
                        logger.LogDebug("Auth {Auth}", {{configuration.GetSection("CometApi")["Auth"]}});
                        logger.LogDebug("Auth {Auth}", {{configuration.GetRequiredSection("cometapi:auth").Value}});
                        logger.LogDebug("Url {Url}", configuration["CometApi:BaseUrl"]);
                    }
                }
                """;
            return Task.WhenAll(
                Test(Source.Replace("{{", "[|").Replace("}}", "|]")).WithContract(AuthContract).RunAsync(),
                Test(Source.Replace("{{", string.Empty).Replace("}}", string.Empty)).RunAsync());
        }

        [Fact]
        public Task Configuration_keys_that_name_a_secret_leak_without_a_contract()
            => Test("""
                class C
                {
                    void M(ILogger logger, IConfiguration configuration)
                    {
                        logger.LogDebug("Key {Key}", {|COMET012:configuration["CometApi:ApiKey"]|});
                        logger.LogDebug("Key {Key}", {|COMET012:configuration.GetSection("CometApi")["ApiKey"]|});
                        logger.LogDebug("Key name {Name}", configuration["CometApi:ApiKeyHeaderName"]);
                        logger.LogDebug("Section {Section}", configuration.GetSection("CometApi").Path);
                    }
                }
                """).RunAsync();

        [Fact]
        public Task The_contract_secret_environment_variable_leaks_only_with_the_contract()
        {
            const string Source = """
                class C
                {
                    void M(ILogger logger)
                    {
                        logger.LogDebug("Auth {Auth}", {{Environment.GetEnvironmentVariable("COMET_AUTH")}});
                        logger.LogDebug("Home {Home}", Environment.GetEnvironmentVariable("HOME"));
                    }
                }
                """;
            return Task.WhenAll(
                Test(Source.Replace("{{", "[|").Replace("}}", "|]")).WithContract(AuthContract).RunAsync(),
                Test(Source.Replace("{{", string.Empty).Replace("}}", string.Empty)).RunAsync());
        }

        [Fact]
        public Task Environment_variables_that_name_a_secret_leak_without_a_contract()
            => Test("""
                class C
                {
                    void M(ILogger logger) => logger.LogDebug("Key {Key}", {|COMET012:Environment.GetEnvironmentVariable("COMET_API_KEY")|});
                }
                """).RunAsync();

        [Fact]
        public Task An_ApiKeyCredential_leaks()
            => Test("""
                class C
                {
                    void M(ILogger logger, ApiKeyCredential auth, string key)
                    {
                        logger.LogDebug("Credential {Credential}", [|auth|]);
                        logger.LogDebug("Credential {Credential}", [|new ApiKeyCredential(key)|]);
                    }
                }
                """).RunAsync();

        [Theory]
        [InlineData("apiKey")]
        [InlineData("ApiKey")]
        [InlineData("api_key")]
        [InlineData("secret")]
        [InlineData("clientSecret")]
        [InlineData("password")]
        [InlineData("bearerToken")]
        [InlineData("accessToken")]
        [InlineData("authToken")]
        [InlineData("credential")]
        [InlineData("credentials")]
        [InlineData("token")]
        public Task Values_whose_name_says_secret_leak_as_parameters_locals_fields_and_properties(string name)
            => Test($$"""
                class Options { public string {{name}} { get; set; } = ""; }
                class C
                {
                    private readonly string _{{name}} = "";
                    void M(ILogger logger, string {{name}}, Options options)
                    {
                        logger.LogDebug("{V}", {|COMET012:{{name}}|});
                        logger.LogDebug("{V}", {|COMET012:_{{name}}|});
                        logger.LogDebug("{V}", {|COMET012:options.{{name}}|});
                        var copy = {{name}};
                        logger.LogDebug("{V}", {|COMET012:copy|});
                    }
                }
                """).RunAsync();

        [Fact]
        public Task A_getter_whose_name_says_secret_leaks()
            => Test("""
                class Vault { public string GetApiKey() => ""; public Task<string> GetSecretAsync() => Task.FromResult(""); }
                class C
                {
                    async Task M(ILogger logger, Vault vault)
                    {
                        logger.LogDebug("{V}", {|COMET012:vault.GetApiKey()|});
                        logger.LogDebug("{V}", {|COMET012:await vault.GetSecretAsync()|});
                    }
                }
                """).RunAsync();

        [Fact]
        public Task Locals_assigned_from_a_secret_in_the_same_method_leak()
            => Test("""
                class C
                {
                    void M(ILogger logger, HttpRequestMessage request, IConfiguration configuration, bool flag)
                    {
                        var header = request.Headers.Authorization;
                        logger.LogInformation("{H}", [|header|]);

                        string value = configuration["CometApi:ApiKey"]!;
                        logger.LogInformation("{V}", {|COMET012:value|});

                        string message = "none";
                        if (flag) message = $"key={value}";
                        logger.LogInformation({|COMET012:message|});

                        string built = "prefix ";
                        built += value;
                        logger.LogInformation({|COMET012:built|});
                    }
                }
                """).RunAsync();

        [Fact]
        public Task Iterating_request_headers_leaks_each_header()
            => Test("""
                class C
                {
                    void M(ILogger logger, HttpRequestMessage request)
                    {
                        foreach (var header in request.Headers)
                        {
                            logger.LogDebug("{Name}", header.Key);
                            logger.LogDebug("{Name}: {Values}", header.Key, [|header.Value|]);
                            logger.LogDebug("{Header}", [|header|]);
                        }
                    }
                }
                """).RunAsync();

        [Fact]
        public Task Deconstructing_request_headers_leaks_the_values_not_the_names()
            => Test("""
                class C
                {
                    void M(ILogger logger, HttpRequestMessage request)
                    {
                        foreach (var (name, values) in request.Headers)
                        {
                            logger.LogTrace("{Name}: {Values}", name, [|string.Join(",", values)|]);
                        }

                        foreach ((string name, IEnumerable<string> values) in request.Headers)
                        {
                            logger.LogTrace("{Name}: {Values}", name, [|values|]);
                        }
                    }
                }
                """).RunAsync();

        [Fact]
        public Task Locals_declared_by_patterns_leak_what_they_matched()
            => Test("""
                class C
                {
                    void M(ILogger logger, IConfiguration config)
                    {
                        if (config["CometApi:ApiKey"] is not { Length: > 0 } key)
                        {
                            throw new InvalidOperationException("CometApi:ApiKey is not set.");
                        }

                        logger.LogDebug("Using {Key}", {|COMET012:key|});

                        if (config["CometApi:ApiKey"] is string value)
                        {
                            logger.LogDebug("Using {Value}", {|COMET012:value|});
                        }

                        string shown = config["CometApi:ApiKey"] switch
                        {
                            null => "none",
                            var text => text,
                        };
                        logger.LogDebug("Using {Shown}", {|COMET012:shown|});

                        // The model name matched by the same pattern is not a secret.
                        if (config["CometApi:Model"] is { Length: > 0 } model)
                        {
                            logger.LogDebug("Using {Model}", model);
                        }
                    }
                }
                """).RunAsync();

        [Fact]
        public Task Locals_deconstructed_from_a_tuple_leak_by_position()
            => Test("""
                class C
                {
                    void M(ILogger logger, IConfiguration config)
                    {
                        var (model, key) = (config["CometApi:Model"], config["CometApi:ApiKey"]);
                        logger.LogDebug("Using {Model}", model);
                        logger.LogDebug("Using {Key}", {|COMET012:key|});

                        (string? first, (int tokens, string? second)) = (config["CometApi:Model"], (42, config["CometApi:ApiKey"]));
                        logger.LogDebug("{First} {Tokens}", first, tokens);
                        logger.LogDebug("{Second}", {|COMET012:second|});
                    }
                }
                """).RunAsync();

        [Fact]
        public Task A_StringBuilder_filled_in_statements_leaks_what_was_appended()
            => Test("""
                using System.Text;
                class C
                {
                    void M(ILogger logger, string apiKey, int promptTokens)
                    {
                        var header = new StringBuilder();
                        header.Append("Authorization: Bearer ");
                        header.Append(apiKey);
                        logger.LogDebug("{Header}", {|COMET012:header.ToString()|});

                        var usage = new StringBuilder();
                        usage.Append("prompt tokens: ").Append(promptTokens);
                        usage.AppendLine();
                        logger.LogDebug("{Usage}", usage.ToString());

                        var chained = new StringBuilder();
                        chained.Append("key=").Append(apiKey).AppendLine();
                        logger.LogDebug("{Header}", {|COMET012:chained.ToString()|});

                        var seeded = new StringBuilder(apiKey);
                        Console.WriteLine({|COMET012:seeded|});

                        var sized = new StringBuilder(256);
                        sized.Append("model=").Append("gpt-4o");
                        Console.WriteLine(sized);
                    }
                }
                """).RunAsync();

        [Fact]
        public Task Secrets_leak_through_tuples_anonymous_objects_builders_and_conditionals()
            => Test("""
                class C
                {
                    void M(ILogger logger, string apiKey, bool flag)
                    {
                        logger.LogDebug("{State}", {|COMET012:new { User = "u", Key = apiKey }|});
                        logger.LogDebug("{State}", {|COMET012:(1, apiKey)|});
                        logger.LogDebug("{State}", {|COMET012:new System.Text.StringBuilder("k=").Append(apiKey).ToString()|});
                        logger.LogDebug("{State}", {|COMET012:flag ? apiKey : "none"|});
                        logger.LogDebug("{State}", {|COMET012:apiKey ?? "none"|});
                        logger.LogDebug("{State}", {|COMET012:apiKey.Trim().ToUpperInvariant()|});
                        logger.LogDebug("{State}", {|COMET012:string.Format("k={0}", apiKey)|});
                        logger.LogDebug("{State}", {|COMET012:string.Concat("k=", apiKey)|});
                        logger.LogDebug("{State}", {|COMET012:string.Join(",", "a", "b", apiKey)|});
                        logger.LogDebug("{State}", {|COMET012:FormattableString.Invariant($"k={apiKey}")|});
                        logger.LogDebug("{State}", {|COMET012:string.Create(System.Globalization.CultureInfo.InvariantCulture, $"k={apiKey}")|});
                        logger.LogDebug("{State}", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"tokens={apiKey.Length}"));
                        logger.LogDebug("{State}", {|COMET012:apiKey.AsSpan().ToString()|});
                        logger.LogDebug("{State}", apiKey.AsSpan(0, 4).ToString());
                    }
                }
                """).RunAsync();

        [Fact]
        public async Task The_message_says_where_a_local_got_its_secret()
        {
            var diagnostics = await Test("""
                class C
                {
                    void M(ILogger logger, IConfiguration configuration)
                    {
                        var value = configuration["CometApi:Auth"];
                        logger.LogInformation("{V}", value);
                    }
                }
                """).WithContract(AuthContract).GetDiagnosticsAsync();

            Assert.Equal(
                "'value' (the secret read from configuration 'CometApi:Auth') is written to a log through LogInformation; log a redacted value or omit it",
                Assert.Single(diagnostics).GetMessage(CultureInfo.InvariantCulture));
        }

        [Fact]
        public Task A_token_local_is_judged_by_what_it_holds()
            => Test("""
                class Jwt { public string WriteToken(object claims) => ""; }
                class Options { public string Token { get; set; } = ""; }

                class C
                {
                    async Task M(ILogger logger, HttpRequestMessage request, IConfiguration configuration, Options options, Jwt jwt, string[] parts)
                    {
                        var token = request.Headers.Authorization?.Parameter;
                        logger.LogDebug("{T}", [|token|]);

                        var configured = configuration["CometApi:Token"];
                        logger.LogDebug("{T}", {|COMET012:configured|});

                        var fromOptions = options.Token;
                        logger.LogDebug("{T}", {|COMET012:fromOptions|});

                        var fetched = await GetTokenAsync();
                        logger.LogDebug("{T}", {|COMET012:fetched|});
                    }

                    void Produced(ILogger logger, Jwt jwt, object claims, string header, HttpRequestMessage request)
                    {
                        var token = jwt.WriteToken(claims);
                        logger.LogDebug("{T}", {|COMET012:token|});

                        var (scheme, credentials) = Split(header);
                        string token2 = credentials;
                        logger.LogDebug("{T}", {|COMET012:token2|});

                        var (kind, token3) = Split(header);
                        logger.LogDebug("{T} {K}", {|COMET012:token3|}, kind);

                        if (TryGetToken(out var token4))
                        {
                            logger.LogDebug("{T}", {|COMET012:token4|});
                        }

                        if (request.Headers.TryGetValues("Authorization", out var values) && values.FirstOrDefault() is { } token5)
                        {
                            logger.LogDebug("{T}", [|token5|]);
                        }
                    }

                    static bool TryGetToken(out string token)
                    {
                        token = "";
                        return true;
                    }

                    static (string, string) Split(string header) => (header, header);

                    Task<string> GetTokenAsync() => Task.FromResult("");
                }
                """).RunAsync();

        [Fact]
        public Task The_secret_names_option_adds_names()
            => Test("""
                class C
                {
                    void M(ILogger logger, string licenseKey, string githubPat, string pattern)
                    {
                        logger.LogDebug("{V}", {|COMET012:licenseKey|});
                        logger.LogDebug("{V}", {|COMET012:githubPat|});
                        logger.LogDebug("{V}", pattern);
                        logger.LogDebug("{V}", {|COMET012:Environment.GetEnvironmentVariable("ACME_LICENSE_KEY")|});
                    }
                }
                """)
                .WithEditorConfig("comet_secret_names = licenseKey, pat")
                .RunAsync();

        [Fact]
        public Task The_key_taken_out_of_an_ApiKeyCredential_is_a_secret()
            => Test("""
                class C
                {
                    void M(ILogger logger, ApiKeyCredential credential, Uri endpoint)
                    {
                        credential.Deconstruct(out string value);
                        logger.LogDebug("{K}", [|value|]);

                        var (host, port) = (endpoint.Host, endpoint.Port);
                        logger.LogDebug("{H}:{P}", host, port);
                    }
                }
                """).RunAsync();

        [Fact]
        public Task Listing_token_in_the_secret_names_option_judges_token_locals_by_name_again()
            => Test("""
                class C
                {
                    void M(ILogger logger, Func<string> next)
                    {
                        var token = next.Method.Name;
                        logger.LogDebug("{T}", {|COMET012:token|});
                    }
                }
                """)
                .WithEditorConfig("comet_secret_names = token")
                .RunAsync();

        [Fact]
        public Task Without_the_secret_names_option_those_names_are_not_secrets()
            => Test("""
                class C
                {
                    void M(ILogger logger, string licenseKey, string githubPat) => logger.LogDebug("{A} {B}", licenseKey, githubPat);
                }
                """).RunAsync();
    }
}
