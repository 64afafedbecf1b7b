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
                        logger.LogInformation("Key {Key}", {|COMET012:apiKey|});
                        logger.LogDebug(new EventId(1), "Key {Key}", {|COMET012:apiKey|});
                        logger.LogError(ex, "Failed with {Key} and {Id}", {|COMET012:apiKey|}, 42);
                        logger.LogTrace("{A}{B}", "x", {|COMET012:apiKey|});
                        logger.LogWarning("Key {Key}", new object[] { {|COMET012:apiKey|} });
                        logger.Log(LogLevel.Critical, "Key {Key}", {|COMET012:apiKey|});
                        using var scope = logger.BeginScope("Key {Key}", {|COMET012:apiKey|});
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
                        logger.LogInformation({|COMET012:$"Using key {apiKey}"|});
                        logger.LogWarning({|COMET012:"Using key " + apiKey|});
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
                        logger.Log(LogLevel.Information, new EventId(1), {|COMET012:apiKey|}, null, (state, _) => state);
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
                        LogCall(logger, {|COMET012:apiKey|}, user);
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

                    void M(ILogger logger, string apiKey) => Calling(logger, {|COMET012:apiKey|}, null);
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
                        Calling.Invoke(logger, {|COMET012:apiKey|}, null);
                        Calling?.Invoke(logger, {|COMET012:apiKey|}, null);
                        C.Calling.Invoke(logger, {|COMET012:apiKey|}, null);
                        var local = Calling;
                        local.Invoke(logger, {|COMET012:apiKey|}, null);

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
                        logger.LogInformation("{Key}", {|COMET012:[apiKey]|});
                        using var dictionary = logger.BeginScope(new Dictionary<string, object?> { ["ApiKey"] = {|COMET012:apiKey|} });
                        using var added = logger.BeginScope(new Dictionary<string, object?> { { "ApiKey", {|COMET012:apiKey|} } });
                        using var pairs = logger.BeginScope(new List<KeyValuePair<string, object?>> { {|COMET012:new("ApiKey", apiKey)|} });

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
                        Console.WriteLine({|COMET012:apiKey|});
                        Console.Write({|COMET012:apiKey|});
                        Console.WriteLine("Key {0}", {|COMET012:apiKey|});
                        Console.WriteLine("{0}{1}{2}{3}", 1, 2, 3, {|COMET012:apiKey|});
                        Console.Out.WriteLine({|COMET012:apiKey|});
                        Console.Error.Write({|COMET012:apiKey|});
                    }

                    Task N(string apiKey) => Console.Error.WriteLineAsync({|COMET012:apiKey|});
                }
                """).RunAsync();

        [Fact]
        public Task Debug_and_Trace_writes_are_sinks()
            => Test("""
                class C
                {
                    void M(string apiKey, bool verbose)
                    {
                        Debug.WriteLine({|COMET012:apiKey|});
                        Debug.Write({|COMET012:apiKey|}, "auth");
                        Debug.WriteLineIf(verbose, {|COMET012:$"key={apiKey}"|});
                        Debug.Print({|COMET012:apiKey|});
                        Trace.WriteLine({|COMET012:apiKey|});
                        Trace.TraceInformation("Key {0}", {|COMET012:apiKey|});
                        Trace.TraceWarning({|COMET012:apiKey|});
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
                        activity.SetTag("comet.key", {|COMET012:apiKey|});
                        activity.AddTag("comet.key", {|COMET012:apiKey|});
                        activity.AddTag("comet.key", {|COMET012:(object?)apiKey|});
                        activity.AddBaggage("comet.key", {|COMET012:apiKey|});
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
                        if (attempt > 3) throw new InvalidOperationException({|COMET012:$"Key {apiKey} was refused"|});
                        if (attempt > 4) throw new HttpRequestException([|"Failed: " + request|]);
                        if (attempt > 5) throw new ArgumentException({|COMET012:configuration["CometApi:ApiKey"]|}, nameof(apiKey));
                        if (attempt > 6) throw new Boom({|COMET012:$"Key {apiKey}"|});
                        if (attempt > 7) throw new CometAuthException({|COMET012:$"Refused {apiKey}"|});
                        var error = new Exception(message: {|COMET012:apiKey|});
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
                "'apiKey' (named like a secret) is written to a log through the message of InvalidOperationException; log a redacted value or omit it",
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
                "'apiKey' (named like a secret) is written to a log through LogInformation; log a redacted value or omit it",
                diagnostic.GetMessage(CultureInfo.InvariantCulture));
            Assert.Equal("https://github.com/CometAnalyzers/CometAnalyzers/blob/main/docs/rules/COMET012.md", diagnostic.Descriptor.HelpLinkUri);
        }

        [Fact]
        public async Task A_certain_secret_is_an_error_with_the_COMET002_page()
        {
            var diagnostics = await Test("""
                class C
                {
                    void M(ILogger logger, HttpRequestMessage request) => logger.LogInformation("Auth {Auth}", request.Headers.Authorization);
                }
                """).GetDiagnosticsAsync();

            var diagnostic = Assert.Single(diagnostics);
            Assert.Equal(
                "'request.Headers.Authorization' (the Authorization header) is written to a log through LogInformation; log a redacted value or omit it",
                diagnostic.GetMessage(CultureInfo.InvariantCulture));
            Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Error, diagnostic.Severity);
            Assert.Equal("https://github.com/CometAnalyzers/CometAnalyzers/blob/main/docs/rules/COMET002.md", diagnostic.Descriptor.HelpLinkUri);
        }

        [Fact]
        public async Task A_secret_known_only_by_its_name_is_a_warning_with_the_COMET012_page()
        {
            var diagnostics = await Test("""
                class C
                {
                    void M(ILogger logger, string clientSecret) => logger.LogInformation("Secret {Secret}", clientSecret);
                }
                """).GetDiagnosticsAsync();

            var diagnostic = Assert.Single(diagnostics);
            Assert.Equal("COMET012", diagnostic.Id);
            Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, diagnostic.Severity);
            Assert.Equal("Value named like a secret is written to a log", diagnostic.Descriptor.Title.ToString(CultureInfo.InvariantCulture));
        }

        [Fact]
        public Task Severity_can_be_lowered_to_a_warning_in_editorconfig()
            => Test("""
                class C
                {
                    void M(ILogger logger, HttpRequestMessage request) => logger.LogInformation("Auth {Auth}", [|request.Headers.Authorization|]);
                }
                """)
                .WithEditorConfig("dotnet_diagnostic.COMET002.severity = warning")
                .ExpectSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
                .RunAsync();

        [Fact]
        public Task The_name_based_rule_can_be_raised_to_an_error_in_editorconfig()
            => Test("""
                class C
                {
                    void M(ILogger logger, string apiKey) => logger.LogInformation("Key {Key}", {|COMET012:apiKey|});
                }
                """)
                .WithEditorConfig("dotnet_diagnostic.COMET012.severity = error")
                .ExpectSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Error)
                .RunAsync();

        [Fact]
        public Task Severity_none_silences_both_rules()
            => Test("""
                class C
                {
                    void M(ILogger logger, string apiKey, HttpRequestMessage request)
                    {
                        logger.LogInformation("Key {Key}", apiKey);
                        logger.LogInformation("Auth {Auth}", request.Headers.Authorization);
                    }
                }
                """)
                .WithEditorConfig("dotnet_diagnostic.COMET002.severity = none")
                .WithEditorConfig("dotnet_diagnostic.COMET012.severity = none")
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
