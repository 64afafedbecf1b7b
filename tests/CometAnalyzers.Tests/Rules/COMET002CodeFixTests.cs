using System.Threading.Tasks;
using CometAnalyzers.CodeFixes;
using Xunit;
using static CometAnalyzers.Tests.Rules.COMET002Sources;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>COMET002's fix: "[REDACTED]" where the secret was, and nothing else changed.</summary>
    public class COMET002CodeFixTests
    {
        [Fact]
        public Task A_leaking_argument_becomes_the_placeholder()
            => Test("""
                class C
                {
                    void M(ILogger logger, string apiKey, int attempt)
                    {
                        logger.LogInformation("Calling with {Key} (attempt {Attempt})", {|COMET012:apiKey|}, attempt);
                    }
                }
                """)
                .WithCodeFix<SecretWrittenToLogCodeFixProvider>(Usings + """
                class C
                {
                    void M(ILogger logger, string apiKey, int attempt)
                    {
                        logger.LogInformation("Calling with {Key} (attempt {Attempt})", "[REDACTED]", attempt);
                    }
                }
                """, equivalenceKey: "COMET002_Redact")
                .RunAsync();

        [Fact]
        public Task A_leaking_hole_of_an_exception_message_is_replaced()
            => Test("""
                class C
                {
                    void M(string apiKey, string model)
                    {
                        throw new InvalidOperationException({|COMET012:$"Model {model} refused key {apiKey}"|});
                    }
                }
                """)
                .WithCodeFix<SecretWrittenToLogCodeFixProvider>(Usings + """
                class C
                {
                    void M(string apiKey, string model)
                    {
                        throw new InvalidOperationException($"Model {model} refused key [REDACTED]");
                    }
                }
                """, equivalenceKey: "COMET002_Redact")
                .RunAsync();

        [Fact]
        public Task Only_the_leaking_hole_of_an_interpolation_is_replaced()
            => Test("""
                class C
                {
                    void M(ILogger logger, string apiKey, string model, HttpRequestMessage request)
                    {
                        logger.LogInformation([|$"Calling {model} with key {apiKey} and {request.Headers.Authorization}."|]);
                    }
                }
                """)
                .WithCodeFix<SecretWrittenToLogCodeFixProvider>(Usings + """
                class C
                {
                    void M(ILogger logger, string apiKey, string model, HttpRequestMessage request)
                    {
                        logger.LogInformation($"Calling {model} with key [REDACTED] and [REDACTED].");
                    }
                }
                """)
                .RunAsync();

        [Fact]
        public Task Only_the_leaking_operand_of_a_concatenation_is_replaced()
            => Test("""
                class C
                {
                    void M(string apiKey, string model)
                    {
                        Console.WriteLine({|COMET012:"Calling " + model + " with key " + apiKey|});
                    }
                }
                """)
                .WithCodeFix<SecretWrittenToLogCodeFixProvider>(Usings + """
                class C
                {
                    void M(string apiKey, string model)
                    {
                        Console.WriteLine("Calling " + model + " with key " + "[REDACTED]");
                    }
                }
                """)
                .RunAsync();

        [Fact]
        public Task A_whole_request_or_built_value_is_replaced()
            => Test("""
                class C
                {
                    void M(Activity activity, HttpRequestMessage request)
                    {
                        activity.SetTag("http.request", [|request|]);
                        Debug.WriteLine([|string.Join(",", request.Headers.GetValues("Authorization"))|]);
                    }
                }
                """)
                .WithCodeFix<SecretWrittenToLogCodeFixProvider>(Usings + """
                class C
                {
                    void M(Activity activity, HttpRequestMessage request)
                    {
                        activity.SetTag("http.request", "[REDACTED]");
                        Debug.WriteLine("[REDACTED]");
                    }
                }
                """)
                .RunAsync();

        [Fact]
        public Task Verbatim_and_raw_interpolations_keep_their_form()
            => Test(""""
                class C
                {
                    void M(ILogger logger, string apiKey)
                    {
                        logger.LogDebug({|COMET012:$@"key ""{apiKey}"""|});
                        logger.LogDebug({|COMET012:$$"""{"key": "{{apiKey}}"}"""|});
                    }
                }
                """")
                .WithCodeFix<SecretWrittenToLogCodeFixProvider>(Usings + """"
                class C
                {
                    void M(ILogger logger, string apiKey)
                    {
                        logger.LogDebug($@"key ""[REDACTED]""");
                        logger.LogDebug($$"""{"key": "[REDACTED]"}""");
                    }
                }
                """")
                .RunAsync();

        [Fact]
        public Task An_interpolated_string_handler_argument_is_fixed_too()
            => Test("""
                class C
                {
                    void M(string apiKey, bool verbose) => Debug.WriteLineIf(verbose, {|COMET012:$"key={apiKey}"|});
                }
                """)
                .WithCodeFix<SecretWrittenToLogCodeFixProvider>(Usings + """
                class C
                {
                    void M(string apiKey, bool verbose) => Debug.WriteLineIf(verbose, $"key=[REDACTED]");
                }
                """)
                .RunAsync();

        [Fact]
        public Task No_fix_where_a_string_does_not_fit_the_parameter()
            => Test("""
                partial class C
                {
                    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Auth {Header}")]
                    static partial void LogAuth(ILogger logger, AuthenticationHeaderValue header);

                    void M(ILogger logger, HttpRequestMessage request) => LogAuth(logger, [|request.Headers.Authorization|]!);
                }
                """)
                .WithCodeFix<SecretWrittenToLogCodeFixProvider>(Usings + """
                partial class C
                {
                    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Auth {Header}")]
                    static partial void LogAuth(ILogger logger, AuthenticationHeaderValue header);

                    void M(ILogger logger, HttpRequestMessage request) => LogAuth(logger, request.Headers.Authorization!);
                }
                """)
                .RunAsync();
    

        [Fact]
        public Task Fix_All_redacts_every_leak_in_the_document_the_project_and_the_solution()
            => Test("""
                class C
                {
                    void M(ILogger logger, string apiKey, string password)
                    {
                        logger.LogInformation("Calling with {Key}", {|COMET012:apiKey|});
                        logger.LogWarning("Signing in with {Password}", {|COMET012:password|});
                    }
                }
                """)
                .WithSource(Usings + """
                class D
                {
                    void M(ILogger logger, string apiKey)
                    {
                        logger.LogError("Refused {Key}", {|COMET012:apiKey|});
                    }
                }
                """)
                .WithCodeFix<SecretWrittenToLogCodeFixProvider>(Usings + """
                class C
                {
                    void M(ILogger logger, string apiKey, string password)
                    {
                        logger.LogInformation("Calling with {Key}", "[REDACTED]");
                        logger.LogWarning("Signing in with {Password}", "[REDACTED]");
                    }
                }
                """, equivalenceKey: "COMET002_Redact")
                .WithFixedSource(1, Usings + """
                class D
                {
                    void M(ILogger logger, string apiKey)
                    {
                        logger.LogError("Refused {Key}", "[REDACTED]");
                    }
                }
                """)
                .RunAsync();
}
}
