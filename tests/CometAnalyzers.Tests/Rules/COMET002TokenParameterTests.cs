using System.Threading.Tasks;
using Xunit;
using static CometAnalyzers.Tests.Rules.COMET002Sources;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>
    /// COMET002 on parameters with the ambiguous name <c>token</c>: a method's are judged by name; a lambda's or anonymous
    /// method's are not judged (whoever invokes the delegate is out of sight); a local function's are judged by what its
    /// calls in the same member pass.
    /// </summary>
    public class COMET002TokenParameterTests
    {
        private const string Streams = """
            class TokenStream { public void OnToken(Action<string> onToken) { } }
            class StreamingClient { public Task StreamAsync(string prompt, Func<string, Task> onToken) => Task.CompletedTask; }

            """;

        [Fact]
        public Task A_token_parameter_of_a_lambda_or_anonymous_method_is_not_judged_by_its_name()
            => Test(Streams + """
                class C
                {
                    private readonly ILogger _logger;

                    C(ILogger logger) => _logger = logger;

                    async Task M(TokenStream stream, StreamingClient client, List<string> tokens)
                    {
                        stream.OnToken(token => Console.Write(token));
                        await client.StreamAsync("Hi", token => { _logger.LogTrace("{Token}", token); return Task.CompletedTask; });
                        tokens.ForEach(token => Console.Write(token));
                        stream.OnToken((string lastToken) => _logger.LogDebug("Last {Token}", lastToken));
                        stream.OnToken(static token => Console.Write($"[{token.Trim()}]"));
                        stream.OnToken(delegate (string token) { Console.Write(token + " "); });
                        stream.OnToken(token => { var last = token; Console.Write(last); });
                        stream.OnToken(token => { var lastToken = token; Console.Write(lastToken); });
                        Func<int, Task> counted = token => { _logger.LogDebug("{Count}", token); return Task.CompletedTask; };
                    }
                }
                """).RunAsync();

        [Fact]
        public Task Secret_names_that_are_not_ambiguous_stay_secrets_on_lambda_parameters()
            => Test(Streams + """
                class C
                {
                    void M(ILogger logger, TokenStream stream)
                    {
                        Action<string> log = (string apiKey) => logger.LogInformation({|COMET012:apiKey|});
                        stream.OnToken(accessToken => Console.Write({|COMET012:accessToken|}));
                        stream.OnToken(bearerToken => logger.LogDebug("{T}", {|COMET012:bearerToken|}));
                        stream.OnToken(delegate (string clientSecret) { Console.Write({|COMET012:$"secret={clientSecret}"|}); });
                        stream.OnToken(token => Console.Write(token));
                    }
                }
                """).RunAsync();

        [Fact]
        public Task What_a_lambda_reads_is_still_judged()
            => Test(Streams + """
                class C
                {
                    void M(ILogger logger, TokenStream stream, HttpRequestMessage request, string apiKey)
                    {
                        stream.OnToken(token =>
                        {
                            var header = request.Headers.Authorization?.Parameter;
                            logger.LogDebug("{T} {H}", token, [|header|]);
                            Console.Write({|COMET012:$"{token} {apiKey}"|});
                        });
                        stream.OnToken(_ =>
                        {
                            var token = request.Headers.Authorization?.Parameter;
                            logger.LogDebug("{T}", [|token|]);
                        });
                    }
                }
                """).RunAsync();

        [Fact]
        public Task A_token_parameter_of_a_method_is_still_judged_by_its_name()
            => Test("""
                class C
                {
                    private readonly ILogger _logger;

                    C(ILogger logger) => _logger = logger;

                    void Send(string token) => _logger.LogInformation("{T}", {|COMET012:token|});

                    void Refresh(string lastToken, int token2) => Console.Write({|COMET012:$"{lastToken} {token2}"|});

                    // The lambda's token, beside them, is not judged.
                    Action<string> Printer() => token => _logger.LogInformation("{T}", token);
                }
                """).RunAsync();

        [Fact]
        public Task Listing_token_in_the_secret_names_option_judges_lambda_parameters_by_name_again()
            => Test(Streams + """
                class C
                {
                    void M(TokenStream stream) => stream.OnToken(token => Console.Write({|COMET012:token|}));
                }
                """)
                .WithEditorConfig("comet_secret_names = token")
                .RunAsync();

        [Fact]
        public Task A_token_parameter_of_a_local_function_is_judged_by_the_values_its_calls_pass()
            => Test(Streams + """
                class Jwt { public string WriteToken(object claims) => ""; }

                class C
                {
                    void M(ILogger logger, TokenStream stream, HttpRequestMessage request, IEnumerable<string> parts, string apiKey, Jwt jwt)
                    {
                        foreach (var part in parts)
                        {
                            Emit(part);
                        }

                        stream.OnToken(Emit);
                        Show(request.Headers.Authorization?.Parameter);
                        Relay(apiKey);
                        Echo("streamed", 1);
                        Print(jwt.WriteToken(new object()));

                        void Emit(string token) => Console.Write(token);
                        void Show(string? token) => logger.LogDebug("{T}", [|token|]);
                        void Relay(string token) => Write(token);
                        void Write(string outputToken) => Console.Write({|COMET012:outputToken|});
                        void Print(string token) => Console.Write({|COMET012:token|});
                        void Echo(string token, int depth)
                        {
                            Console.Write(token);
                            if (depth < 3) Echo(token + ".", depth + 1);
                        }
                    }
                }
                """).RunAsync();

        [Fact]
        public Task Half_typed_token_parameters_do_not_throw()
            => Test(Streams + """
                class C
                {
                    void M(ILogger logger, TokenStream stream)
                    {
                        stream.OnToken(token => Console.Write(token.));
                        stream.OnToken(token => logger.LogDebug("{T}", token, ));
                        stream.OnToken((token, extra) => Console.Write(token));
                        Show();
                        Show(Missing());
                        void Show(string token) => Console.Write(token
                    }
                }
                """).AllowCompilerErrors().RunAsync();
    }
}
