using System.Threading.Tasks;
using CometAnalyzers.Tests.Infrastructure;
using Xunit;
using static CometAnalyzers.Tests.Rules.COMET005Sources;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>COMET005 sinks: COMET002's (logs, console, debug and trace, Activity tags and events, exception messages) and metric tags.</summary>
    public class COMET005SinkTests
    {
        [Fact]
        public Task Logger_extensions_scopes_and_LoggerMessage_methods_are_sinks()
            => Test("""
                partial class C
                {
                    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Answered {Answer}")]
                    private static partial void Answered(ILogger logger, string? answer);

                    private static partial void Answered(ILogger logger, string? answer) { }

                    void M(ILogger<C> logger, ChatCompletionMessage message, Exception error)
                    {
                        logger.LogError(error, "Failed after {Answer}", [|message.Content|]);
                        logger.Log(LogLevel.Debug, "Answer {Answer}", [|message.Content|]);
                        using IDisposable? scope = logger.BeginScope("Answer {Answer}", [|message.Content|]);
                        Answered(logger, [|message.Content|]);
                    }
                }
                """).RunAsync();

        [Fact]
        public Task Every_log_level_above_Trace_is_a_sink_however_it_is_given()
            => Test("""
                partial class C
                {
                    [LoggerMessage(4, LogLevel.Debug, "Answer {Answer}")]
                    private static partial void Answered(ILogger logger, string? answer);

                    private static partial void Answered(ILogger logger, string? answer) { }

                    void M(ILogger logger, ChatCompletionMessage message, LogLevel configured)
                    {
                        logger.LogDebug("Answer {Answer}", [|message.Content|]);
                        logger.Log(LogLevel.Information, "Answer {Answer}", [|message.Content|]);
                        logger.Log(configured, "Answer {Answer}", [|message.Content|]);
                        Answered(logger, [|message.Content|]);
                    }
                }
                """).RunAsync();

        [Fact]
        public Task Standard_error_Debug_and_Trace_are_sinks()
            => Test("""
                class C
                {
                    void M(ChatCompletionDelta delta)
                    {
                        Console.Error.Write([|delta.Content|]);
                        Console.Error.WriteLine([|$"Got {delta.Content}"|]);
                        Debug.WriteLine([|delta.Content|]);
                        Trace.TraceInformation("Delta {0}", [|delta.Content|]);
                    }
                }
                """).RunAsync();

        [Fact]
        public Task Activity_tags_and_events_are_sinks()
            => Test("""
                class C
                {
                    void M(Activity activity, UserMessage prompt)
                    {
                        activity.SetTag("gen_ai.prompt", [|prompt.Content.AsString|]);
                        Activity.Current?.AddTag("gen_ai.prompt", [|prompt.Content.AsString|]);
                        activity.AddEvent(new ActivityEvent("gen_ai.user.message", tags: new ActivityTagsCollection { { "content", [|prompt.Content.AsString|] } }));
                        activity.SetTag("gen_ai.request.model", "m");
                    }
                }
                """).RunAsync();

        [Fact]
        public Task Metric_tags_are_sinks_and_the_measured_value_is_not()
            => Test("""
                class C
                {
                    void M(Meter meter, ChatCompletionResponse response)
                    {
                        Counter<long> tokens = meter.CreateCounter<long>("gen_ai.tokens");
                        Histogram<double> latency = meter.CreateHistogram<double>("gen_ai.latency");
                        string? answer = response.Choices[0].Message.Content;
                        tokens.Add(response.Usage?.TotalTokens ?? 0, new KeyValuePair<string, object?>("answer", [|answer|]));
                        tokens.Add(1, new KeyValuePair<string, object?>("model", response.Model), new KeyValuePair<string, object?>("answer", [|answer|]));
                        latency.Record(0.5, new TagList { { "answer", [|answer|] } });
                        tokens.Add(response.Usage?.TotalTokens ?? 0, new KeyValuePair<string, object?>("model", response.Model));
                    }
                }
                """).RunAsync();

        [Fact]
        public Task An_exception_message_is_a_sink()
            => Test("""
                class C
                {
                    void M(ChatCompletionMessage message)
                    {
                        if (message.Refusal is { } refusal)
                        {
                            throw new InvalidOperationException([|$"The model refused: {refusal}"|]);
                        }
                    }
                }
                """).RunAsync();

        [Fact]
        public Task Serilog_and_NLog_are_sinks()
            => Test("""
                class C
                {
                    void M(Serilog.ILogger serilog, NLog.Logger nlog, ChatCompletionMessage message)
                    {
                        serilog.Information("Answer {Answer}", [|message.Content|]);
                        nlog.Info("Answer {Answer}", [|message.Content|]);
                    }
                }
                """).WithLibrary(TestReferences.Serilog).WithLibrary(TestReferences.NLog).RunAsync();
    }
}
