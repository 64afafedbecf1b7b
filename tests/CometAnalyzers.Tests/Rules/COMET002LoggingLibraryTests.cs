using System.Globalization;
using System.Threading.Tasks;
using CometAnalyzers.Tests.Infrastructure;
using Xunit;
using static CometAnalyzers.Tests.Rules.COMET002Sources;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>NLog and Serilog calls are log sinks like ILogger's, with their real types.</summary>
    public class COMET002LoggingLibraryTests
    {
        [Fact]
        public Task NLog_writes_are_sinks()
            => Test("""
                class ProviderSettings { public string ApiKey { get; set; } = ""; public string Model { get; set; } = ""; }
                class Client
                {
                    private static readonly NLog.Logger Logger = NLog.LogManager.GetCurrentClassLogger();

                    void Connect(ProviderSettings settings, NLog.ILogger log, HttpRequestMessage request, Exception error)
                    {
                        Logger.Error(error, "Could not connect with key {0}", {|COMET012:settings.ApiKey|});
                        Logger.Info({|COMET012:$"Key: {settings.ApiKey}"|});
                        Logger.Debug("Model {Model}", settings.Model);
                        Logger.Trace("Request {Request}", {|COMET002:request|});
                        log.Warn("Auth {Auth}", {|COMET002:request.Headers.Authorization|});
                        log.Fatal({|COMET012:"key=" + settings.ApiKey|});
                        log.Log(NLog.LogLevel.Info, "Key {Key}", {|COMET012:settings.ApiKey|});
                        NLog.ILoggerExtensions.ConditionalDebug(log, "Key {Key}", {|COMET012:settings.ApiKey|});
                    }
                }
                """).WithLibrary(TestReferences.NLog).RunAsync();

        [Fact]
        public Task Serilog_writes_and_context_values_are_sinks()
            => Test("""
                class ProviderSettings { public string ApiKey { get; set; } = ""; public string Model { get; set; } = ""; }
                class Client
                {
                    void Connect(ProviderSettings settings, Serilog.ILogger log, HttpRequestMessage request)
                    {
                        Serilog.Log.Information("Connecting with {Key}", {|COMET012:settings.ApiKey|});
                        Serilog.Log.Error("Auth {Auth}", {|COMET002:request.Headers.Authorization|});
                        Serilog.Log.Debug("Model {Model}", settings.Model);
                        log.Warning({|COMET012:$"Key {settings.ApiKey}"|});
                        log.Verbose("Request {@Request}", {|COMET002:request|});
                        log.Write(Serilog.Events.LogEventLevel.Fatal, "Key {Key}", {|COMET012:settings.ApiKey|});
                        log.ForContext("ApiKey", {|COMET012:settings.ApiKey|}).Information("Connected");
                        log.ForContext("Model", settings.Model).Information("Connected");
                    }
                }
                """).WithLibrary(TestReferences.Serilog).RunAsync();

        [Fact]
        public async Task The_message_names_the_library_and_its_method()
        {
            var diagnostics = await Test("""
                class Client
                {
                    private static readonly NLog.Logger Logger = NLog.LogManager.GetCurrentClassLogger();

                    void Connect(HttpRequestMessage request) => Logger.Error("Auth {Auth}", request.Headers.Authorization);
                }
                """).WithLibrary(TestReferences.NLog).GetDiagnosticsAsync();

            Assert.Equal(
                "'request.Headers.Authorization' (the Authorization header) is written to a log through NLog Error; log a redacted value or omit it",
                Assert.Single(diagnostics).GetMessage(CultureInfo.InvariantCulture));
        }

        [Fact]
        public Task Methods_of_the_same_names_on_other_types_are_not_sinks()
            => Test("""
                class Reporter
                {
                    public void Error(string text) { }
                    public void Info(string text) { }
                    public void Information(string text) { }
                }
                class Client
                {
                    void Connect(Reporter reporter, string apiKey)
                    {
                        reporter.Error(apiKey);
                        reporter.Info(apiKey);
                        reporter.Information(apiKey);
                    }
                }
                """).WithLibrary(TestReferences.NLog).WithLibrary(TestReferences.Serilog).RunAsync();
    }
}
