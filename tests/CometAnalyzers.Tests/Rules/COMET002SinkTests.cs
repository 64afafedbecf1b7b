using System.Globalization;
using System.Threading.Tasks;
using Xunit;
using static CometAnalyzers.Tests.Rules.COMET002Sources;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>COMET002 sinks: every kind of log, console, debug and trace write, and what is not one.</summary>
    public class COMET002SinkTests
    {
        [Fact]
        public Task Logger_extension_args_are_sinks()
            => Test("""
                class C
                {
                    void M(ILogger logger, string apiKey, Exception ex)
                    {
                        logger.LogInformation("Key {Key}", [|apiKey|]);
                        logger.LogDebug(new EventId(1), "Key {Key}", [|apiKey|]);
                        logger.LogError(ex, "Failed with {Key} and {Id}", [|apiKey|], 42);
                        logger.LogTrace("{A}{B}", "x", [|apiKey|]);
                        logger.LogWarning("Key {Key}", new object[] { [|apiKey|] });
                        logger.Log(LogLevel.Critical, "Key {Key}", [|apiKey|]);
                        using var scope = logger.BeginScope("Key {Key}", [|apiKey|]);
                    }
                }
                """).RunAsync();

        [Fact]
        public Task An_interpolated_or_concatenated_message_is_a_sink()
            => Test("""
                class C
                {
                    void M(ILogger<C> logger, string apiKey)
                    {
                        logger.LogInformation([|$"Using key {apiKey}"|]);
                        logger.LogWarning([|"Using key " + apiKey|]);
                        logger.LogWarning("Using a key");
                    }
                }
                """).RunAsync();

        [Fact]
        public Task ILogger_Log_state_is_a_sink()
            => Test("""
                class C
                {
                    void M(ILogger logger, string apiKey)
                    {
                        logger.Log(LogLevel.Information, new EventId(1), [|apiKey|], null, (state, _) => state);
                    }
                }
                """).RunAsync();

        [Fact]
        public Task LoggerMessage_method_arguments_are_sinks()
            => Test("""
                partial class C
                {
                    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Calling with {ApiKey} for {User}")]
                    private static partial void LogCall(ILogger logger, string apiKey, string user);

                    private static partial void LogCall(ILogger logger, string apiKey, string user) { }

                    void M(ILogger logger, string apiKey, string user)
                    {
                        LogCall(logger, [|apiKey|], user);
                    }
                }
                """).RunAsync();

        [Fact]
        public Task LoggerMessage_Define_delegates_are_sinks()
            => Test("""
                class C
                {
                    static readonly Action<ILogger, string, Exception?> Calling =
                        LoggerMessage.Define<string>(LogLevel.Information, new EventId(1), "Calling with {ApiKey}");

                    void M(ILogger logger, string apiKey) => Calling(logger, [|apiKey|], null);
                }
                """).RunAsync();

        [Fact]
        public Task LoggerMessage_Define_delegates_called_through_Invoke_are_sinks()
            => Test("""
                class C
                {
                    static readonly Action<ILogger, string, Exception?> Calling =
                        LoggerMessage.Define<string>(LogLevel.Information, new EventId(1), "Calling with {ApiKey}");

                    event EventHandler<string>? KeyRotated;

                    void M(ILogger logger, string apiKey)
                    {
                        Calling.Invoke(logger, [|apiKey|], null);
                        Calling?.Invoke(logger, [|apiKey|], null);
                        C.Calling.Invoke(logger, [|apiKey|], null);
                        var local = Calling;
                        local.Invoke(logger, [|apiKey|], null);

                        // An event handler is not a logger delegate.
                        KeyRotated?.Invoke(this, apiKey);
                    }
                }
                """).RunAsync();

        [Fact]
        public Task Collection_expressions_and_scope_state_collections_carry_their_elements()
            => Test("""
                class C
                {
                    sealed class Settings { public string? ApiKey { get; set; } }

                    void M(ILogger logger, string apiKey, string model, int promptTokens)
                    {
                        logger.LogInformation("{Key}", [|[apiKey]|]);
                        using var dictionary = logger.BeginScope(new Dictionary<string, object?> { ["ApiKey"] = [|apiKey|] });
                        using var added = logger.BeginScope(new Dictionary<string, object?> { { "ApiKey", [|apiKey|] } });
                        using var pairs = logger.BeginScope(new List<KeyValuePair<string, object?>> { [|new("ApiKey", apiKey)|] });

                        // Non-secret state, and an object initializer: a plain object does not print its members.
                        logger.LogInformation("{Model}", [model]);
                        using var state = logger.BeginScope(new Dictionary<string, object?> { ["Model"] = model, ["PromptTokens"] = promptTokens });
                        logger.LogInformation("{Settings}", new Settings { ApiKey = apiKey });
                    }
                }
                """).RunAsync();

        [Fact]
        public Task Console_writes_are_sinks()
            => Test("""
                class C
                {
                    void M(string apiKey)
                    {
                        Console.WriteLine([|apiKey|]);
                        Console.Write([|apiKey|]);
                        Console.WriteLine("Key {0}", [|apiKey|]);
                        Console.WriteLine("{0}{1}{2}{3}", 1, 2, 3, [|apiKey|]);
                        Console.Out.WriteLine([|apiKey|]);
                        Console.Error.Write([|apiKey|]);
                    }

                    Task N(string apiKey) => Console.Error.WriteLineAsync([|apiKey|]);
                }
                """).RunAsync();

        [Fact]
        public Task Debug_and_Trace_writes_are_sinks()
            => Test("""
                class C
                {
                    void M(string apiKey, bool verbose)
                    {
                        Debug.WriteLine([|apiKey|]);
                        Debug.Write([|apiKey|], "auth");
                        Debug.WriteLineIf(verbose, [|$"key={apiKey}"|]);
                        Debug.Print([|apiKey|]);
                        Trace.WriteLine([|apiKey|]);
                        Trace.TraceInformation("Key {0}", [|apiKey|]);
                        Trace.TraceWarning([|apiKey|]);
                    }
                }
                """).RunAsync();

        [Fact]
        public Task Activity_tags_and_baggage_values_are_sinks()
            => Test("""
                class C
                {
                    void M(Activity activity, string apiKey)
                    {
                        activity.SetTag("comet.key", [|apiKey|]);
                        activity.AddTag("comet.key", [|apiKey|]);
                        activity.AddTag("comet.key", [|(object?)apiKey|]);
                        activity.AddBaggage("comet.key", [|apiKey|]);
                        activity.SetTag("comet.model", "gpt-4o");
                    }
                }
                """).RunAsync();

        [Fact]
        public Task Exception_messages_are_sinks()
            => Test("""
                using Boom = System.InvalidOperationException;

                class CometAuthException : Exception
                {
                    public CometAuthException(string message, string? apiKey = null) : base(message) => ApiKey = apiKey;

                    public string? ApiKey { get; }
                }

                class C
                {
                    void M(string apiKey, HttpRequestMessage request, IConfiguration configuration, int attempt)
                    {
                        if (attempt > 3) throw new InvalidOperationException([|$"Key {apiKey} was refused"|]);
                        if (attempt > 4) throw new HttpRequestException([|"Failed: " + request|]);
                        if (attempt > 5) throw new ArgumentException([|configuration["CometApi:ApiKey"]|], nameof(apiKey));
                        if (attempt > 6) throw new Boom([|$"Key {apiKey}"|]);
                        if (attempt > 7) throw new CometAuthException([|$"Refused {apiKey}"|]);
                        var error = new Exception(message: [|apiKey|]);
                        throw error;
                    }
                }
                """).RunAsync();

        [Fact]
        public Task Exceptions_that_only_name_or_hold_a_secret_are_not_reported()
            => Test("""
                class CometAuthException : Exception
                {
                    public CometAuthException(string message, string? apiKey = null) : base(message) => ApiKey = apiKey;

                    public string? ApiKey { get; }
                }

                class Keyed
                {
                    public Keyed(string message) { }
                }

                class C
                {
                    void M(string apiKey, string? model, int attempt)
                    {
                        if (apiKey is null) throw new ArgumentNullException(nameof(apiKey));
                        if (apiKey.Length == 0) throw new ArgumentException("The API key is empty.", nameof(apiKey));
                        if (attempt > 3) throw new InvalidOperationException($"Model {model} failed after {attempt} attempts");
                        if (attempt > 4) throw new CometAuthException("The key was refused", apiKey);
                        if (attempt > 5) throw new InvalidOperationException($"Key length {apiKey.Length}");
                        _ = new Keyed(apiKey);
                    }
                }
                """).RunAsync();

        [Fact]
        public async Task An_exception_message_names_the_exception_in_the_message()
        {
            var diagnostics = await Test("""
                class C
                {
                    void M(string apiKey) => throw new InvalidOperationException($"Key {apiKey}");
                }
                """).GetDiagnosticsAsync();

            Assert.Equal(
                "'apiKey' (a secret) is written to a log through the message of InvalidOperationException; log a redacted value or omit it",
                Assert.Single(diagnostics).GetMessage(CultureInfo.InvariantCulture));
        }

        [Fact]
        public Task Passing_a_secret_to_code_that_does_not_log_is_not_reported()
            => Test("""
                class C
                {
                    void M(HttpClient client, string apiKey, System.IO.TextWriter file)
                    {
                        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
                        var header = $"Bearer {apiKey}";
                        Use(apiKey);
                        file.WriteLine(apiKey);
                    }

                    static void Use(string value) { }
                }
                """).RunAsync();

        [Fact]
        public async Task The_message_names_the_secret_and_the_sink()
        {
            var diagnostics = await Test("""
                class C
                {
                    void M(ILogger logger, string apiKey) => logger.LogInformation("Key {Key}", apiKey);
                }
                """).GetDiagnosticsAsync();

            var diagnostic = Assert.Single(diagnostics);
            Assert.Equal(
                "'apiKey' (a secret) is written to a log through LogInformation; log a redacted value or omit it",
                diagnostic.GetMessage(CultureInfo.InvariantCulture));
            Assert.Equal("https://github.com/CometAnalyzers/CometAnalyzers/blob/main/docs/rules/COMET002.md", diagnostic.Descriptor.HelpLinkUri);
        }

        [Fact]
        public Task Severity_can_be_lowered_to_a_warning_in_editorconfig()
            => Test("""
                class C
                {
                    void M(ILogger logger, string apiKey) => logger.LogInformation("Key {Key}", [|apiKey|]);
                }
                """)
                .WithEditorConfig("dotnet_diagnostic.COMET002.severity = warning")
                .ExpectSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
                .RunAsync();

        [Fact]
        public Task Severity_none_silences_the_rule()
            => Test("""
                class C
                {
                    void M(ILogger logger, string apiKey) => logger.LogInformation("Key {Key}", apiKey);
                }
                """)
                .WithEditorConfig("dotnet_diagnostic.COMET002.severity = none")
                .RunAsync();

        [Fact]
        public Task Half_typed_code_does_not_throw()
            => Test("""
                class C
                {
                    void M(ILogger logger, string apiKey)
                    {
                        logger.LogInformation("Key {Key}", apiKey, );
                        logger.LogInformation("{K}", apiKey.);
                        logger.LogInformation("{K}", apiKey ?? );
                        Activity.Current?.SetTag("k", );
                        Console.WriteLine(undefined.ApiKey);
                        logger.LogInformation("{X}", Missing(apiKey));
                        var header = request.Headers.Authorization;
                        Console.WriteLine(header);
                        logger.
                    }
                }
                """).AllowCompilerErrors().RunAsync();
    }
}
