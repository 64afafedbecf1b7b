using System.Globalization;
using System.Threading.Tasks;
using Xunit;
using static CometAnalyzers.Tests.Rules.COMET002Sources;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>
    /// Which id a leak gets: COMET002 (error) when the contract, a standard credential header or a type makes the value a
    /// secret, COMET012 (warning) when only a name does; one diagnostic per argument, COMET002 when it is both.
    /// </summary>
    public class COMET012SplitTests
    {
        [Fact]
        public Task Names_alone_are_COMET012_and_the_contract_or_a_type_is_COMET002()
            => Test("""
                class Vault { public string GetApiKey() => ""; }
                class C
                {
                    void M(ILogger logger, IConfiguration configuration, HttpRequestMessage request, ApiKeyCredential credential, Vault vault, string clientSecret)
                    {
                        logger.LogDebug("{V}", {|COMET012:clientSecret|});
                        logger.LogDebug("{V}", {|COMET012:vault.GetApiKey()|});
                        logger.LogDebug("{V}", {|COMET012:configuration["Billing:ApiKey"]|});
                        logger.LogDebug("{V}", {|COMET012:Environment.GetEnvironmentVariable("BILLING_API_KEY")|});
                        logger.LogDebug("{V}", {|COMET002:configuration["CometApi:Auth"]|});
                        logger.LogDebug("{V}", {|COMET002:Environment.GetEnvironmentVariable("COMET_AUTH")|});
                        logger.LogDebug("{V}", {|COMET002:request.Headers.GetValues("X-Comet-Auth")|});
                        logger.LogDebug("{V}", {|COMET002:request.Headers.GetValues("Proxy-Authorization")|});
                        logger.LogDebug("{V}", {|COMET002:request|});
                        logger.LogDebug("{V}", {|COMET002:credential|});
                    }
                }
                """).WithContract(AuthContract).RunAsync();

        [Fact]
        public Task A_contract_secret_held_by_a_local_named_like_a_secret_is_COMET002_once()
            => Test("""
                class C
                {
                    void M(ILogger logger, IConfiguration configuration)
                    {
                        string? apiKey = configuration["CometApi:Auth"];
                        logger.LogInformation("Key {Key}", {|COMET002:apiKey|});
                    }
                }
                """).WithContract(AuthContract).RunAsync();

        [Fact]
        public Task An_argument_that_leaks_both_ways_is_reported_once_as_COMET002()
            => Test("""
                class C
                {
                    void M(ILogger logger, HttpRequestMessage request, string apiKey, bool flag)
                    {
                        logger.LogDebug({|COMET002:$"key={apiKey} auth={request.Headers.Authorization}"|});
                        logger.LogDebug({|COMET002:"key=" + apiKey + " auth=" + request.Headers.Authorization|});
                        logger.LogDebug("{V}", {|COMET002:flag ? apiKey : request.Headers.Authorization?.Parameter|});
                        logger.LogDebug("{V}", {|COMET002:(apiKey, request)|});
                    }
                }
                """).RunAsync();

        [Fact]
        public Task A_contract_key_that_also_sounds_secret_is_COMET002()
            => Test("""
                class C
                {
                    void M(ILogger logger, IConfiguration configuration)
                    {
                        logger.LogDebug("{V}", {|COMET002:configuration["CometApi:ApiKey"]|});
                        logger.LogDebug("{V}", {|COMET002:Environment.GetEnvironmentVariable("COMETAPI_API_KEY")|});
                        logger.LogDebug("{V}", {|COMET012:configuration["Other:ApiKey"]|});
                    }
                }
                """).WithContract("""
                    {
                      "name": "CometApi",
                      "auth": { "header": "Authorization", "scheme": "Bearer", "secretConfigKey": "CometApi:ApiKey", "secretEnvVar": "COMETAPI_API_KEY" },
                      "response": { "type": "object" }
                    }
                    """).RunAsync();

        [Fact]
        public async Task The_message_says_which_named_value_a_local_holds()
        {
            var diagnostics = await Test("""
                class C
                {
                    void M(ILogger logger, string? token)
                    {
                        var expected = string.IsNullOrEmpty(token) ? null : token;
                        logger.LogInformation("{Expected}", expected);
                    }
                }
                """).GetDiagnosticsAsync();

            Assert.Equal(
                "'expected' (it holds 'token', named like a secret) is written to a log through LogInformation; log a redacted value or omit it",
                Assert.Single(diagnostics).GetMessage(CultureInfo.InvariantCulture));
        }

        [Fact]
        public Task A_record_is_COMET002_for_a_secret_type_and_COMET012_for_a_secret_name()
            => Test("""
                public record Signed(string KeyId, AuthenticationHeaderValue Header);
                public record Named(string BaseUrl, string ApiKey);
                public record Both(string ApiKey, Signed Signature);
                class C
                {
                    void M(ILogger logger, Signed signed, Named named, Both both)
                    {
                        logger.LogDebug("{V}", {|COMET002:signed|});
                        logger.LogDebug("{V}", {|COMET012:named|});
                        logger.LogDebug("{V}", {|COMET002:both|});
                    }
                }
                """).RunAsync();
    }
}
