using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using CometApi.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Polly.CircuitBreaker;

namespace CometAnalyzers.Resilience.Tests
{
    /// <summary>
    /// The circuit breaker, a <c>Retry-After</c> given as an HTTP date, and the retry's log, as docs/client.md
    /// ("With Microsoft.Extensions.Http.Resilience", "Telemetry") describes them. Part of <see cref="StandardPipelineTests"/>,
    /// so these tests too run one at a time with the others that record the client's spans.
    /// </summary>
    public sealed partial class StandardPipelineTests
    {
        /// <summary>The name of the options the registration's standard pipeline reads (docs: <c>&lt;Name&gt;Client-standard</c>).</summary>
        private const string PipelineName = nameof(CometApiClient) + "-standard";

        /// <summary>A breaker that opens when half of at least two calls in the sampling window failed, and stays open a minute.</summary>
        private static Action<IServiceCollection> QuickBreaker => services => services.Configure<HttpStandardResilienceOptions>(PipelineName, standard =>
        {
            standard.CircuitBreaker.MinimumThroughput = 2;
            standard.CircuitBreaker.FailureRatio = 0.5;
            standard.CircuitBreaker.BreakDuration = TimeSpan.FromMinutes(1);
        });

        [Fact]
        public async Task Retryable_failures_open_the_circuit_and_the_next_call_is_Rejected_without_reaching_the_server()
        {
            using var rig = new PipelineRig(
                (_, _) => Task.FromResult(Answer.Status(503, ("x-request-id", "req-503"))),
                options => options.MaxRetries = 3,
                QuickBreaker);

            // Two 503s open the circuit; the retry's third attempt is refused by the breaker, which the retry does not retry.
            CometApiClientException opening = await rig.FailsAsync(client => client.CompleteAsync(PipelineRig.Chat()));

            Assert.Equal(CometApiClientFailureClass.Rejected, opening.FailureClass);
            Assert.IsType<BrokenCircuitException>(opening.InnerException);
            Assert.Equal(2, opening.Attempts);
            Assert.Equal(503, opening.StatusCode);
            Assert.Equal(2, rig.Attempts.Count);

            CometApiClientException refused = await rig.FailsAsync(client => client.CompleteAsync(PipelineRig.Chat()));

            Assert.Equal(CometApiClientFailureClass.Rejected, refused.FailureClass);
            Assert.IsType<BrokenCircuitException>(refused.InnerException);
            Assert.Equal(0, refused.Attempts);
            Assert.Null(refused.StatusCode);
            Assert.Equal(2, rig.Attempts.Count);
        }

        [Fact]
        public async Task Failed_calls_without_retries_open_the_circuit_too()
        {
            using var rig = new PipelineRig(
                (_, _) => Task.FromResult(Answer.Status(500)),
                options => options.MaxRetries = 0,
                QuickBreaker);

            for (int i = 0; i < 2; i++)
            {
                CometApiClientException failure = await rig.FailsAsync(client => client.CompleteAsync(PipelineRig.Chat()));
                Assert.Equal(CometApiClientFailureClass.ServerError, failure.FailureClass);
                Assert.Equal(1, failure.Attempts);
            }

            CometApiClientException refused = await rig.FailsAsync(client => client.CompleteAsync(PipelineRig.Chat()));

            Assert.Equal(CometApiClientFailureClass.Rejected, refused.FailureClass);
            Assert.IsType<BrokenCircuitException>(refused.InnerException);
            Assert.Equal(0, refused.Attempts);
            Assert.Equal(2, rig.Attempts.Count);
        }

        [Theory]
        [InlineData(400, CometApiClientFailureClass.ClientRequest)]
        [InlineData(401, CometApiClientFailureClass.Authentication)]
        public async Task A_run_of_statuses_the_retry_would_not_retry_never_opens_the_circuit(int status, CometApiClientFailureClass expected)
        {
            const int Failures = 6;
            using var rig = new PipelineRig(
                (attempt, _) => Task.FromResult(attempt < Failures ? Answer.Status(status) : Answer.Ok()),
                services: QuickBreaker);

            for (int i = 0; i < Failures; i++)
            {
                CometApiClientException failure = await rig.FailsAsync(client => client.CompleteAsync(PipelineRig.Chat()));
                Assert.Equal(expected, failure.FailureClass);
                Assert.Equal(1, failure.Attempts);
            }

            ChatCompletionResponse response = await rig.RunAsync(client => client.CompleteAsync(PipelineRig.Chat()));

            Assert.Equal("Hi.", response.Choices[0].Message.Content);
            Assert.Equal(Failures + 1, rig.Attempts.Count);
        }

        [Fact]
        public async Task A_Retry_After_date_is_waited_for_on_the_pipeline_s_clock_then_the_call_succeeds_on_the_second_attempt()
        {
            TimeSpan promised = TimeSpan.Zero;
            PipelineRig? rigRef = null;
            using var rig = new PipelineRig(
                (attempt, _) =>
                {
                    if (attempt > 0)
                    {
                        return Task.FromResult(Answer.Ok());
                    }

                    // An RFC 1123 date has whole seconds: four seconds after the current one, so 3 to 4 s from now.
                    DateTimeOffset now = rigRef!.Time.GetUtcNow();
                    DateTimeOffset date = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero).AddSeconds(4);
                    promised = date - now;
                    return Task.FromResult(Answer.Status(429, ("Retry-After", date.ToString("r", CultureInfo.InvariantCulture))));
                });
            rigRef = rig;
            using var spans = new SpanRecorder();

            await rig.RunAsync(client => client.CompleteAsync(PipelineRig.Chat()));

            Assert.Equal(2, rig.Attempts.Count);
            Assert.InRange(promised, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(4));
            // The clock moves in steps: the gap may exceed the promised wait by a few, never fall short of it.
            Assert.InRange(rig.Attempts[1] - rig.Attempts[0], promised, promised + TimeSpan.FromSeconds(2));
            ActivityEvent retry = Assert.Single(spans.Single().Events);
            Assert.Equal("RateLimited", retry.Tags.Single(t => t.Key == "failure.class").Value);
            // The delay is read when the retry starts, a clock step or so after the answer arrived.
            Assert.InRange((double)retry.Tags.Single(t => t.Key == "delay_ms").Value!, (promised - TimeSpan.FromSeconds(1)).TotalMilliseconds, promised.TotalMilliseconds);
        }

        [Fact]
        public async Task A_Retry_After_date_past_MaxRetryAfter_ends_the_call_at_once_with_the_answer_s_class_and_RetryAfter()
        {
            PipelineRig? rigRef = null;
            using var rig = new PipelineRig(
                (_, _) =>
                {
                    DateTimeOffset now = rigRef!.Time.GetUtcNow();
                    DateTimeOffset date = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero).AddMinutes(2);
                    return Task.FromResult(Answer.Status(503, ("Retry-After", date.ToString("r", CultureInfo.InvariantCulture))));
                },
                options => options.MaxRetryAfter = TimeSpan.FromSeconds(60));
            rigRef = rig;

            CometApiClientException failure = await rig.FailsAsync(client => client.CompleteAsync(PipelineRig.Chat()));

            Assert.Equal(CometApiClientFailureClass.ServerError, failure.FailureClass);
            Assert.Equal(503, failure.StatusCode);
            Assert.Equal(1, failure.Attempts);
            Assert.NotNull(failure.RetryAfter);
            Assert.InRange(failure.RetryAfter.Value, TimeSpan.FromSeconds(119), TimeSpan.FromSeconds(120));
            Assert.Single(rig.Attempts);
        }

        [Fact]
        public async Task Each_retry_of_the_pipeline_is_logged_once_with_its_real_delay_and_no_log_holds_the_key()
        {
            using var rig = new PipelineRig(
                (attempt, _) => Task.FromResult(attempt switch
                {
                    0 => Answer.Status(429, ("Retry-After", "2"), ("x-request-id", "req-429")),
                    1 => Answer.Status(503, ("x-request-id", "req-503")),
                    _ => Answer.Ok(),
                }),
                services: services => services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging()));

            await rig.RunAsync(client => client.CompleteAsync(PipelineRig.Chat()));

            IReadOnlyList<FakeLogRecord> logs = rig.Service<FakeLogCollector>().GetSnapshot();
            List<FakeLogRecord> client = logs.Where(l => l.Category == CometApiClient.TelemetryName).ToList();
            FakeLogRecord[] retrying = client.Where(l => l.Id.Name == "CallRetrying").ToArray();
            Assert.Equal(2, retrying.Length);
            Assert.All(retrying, l => Assert.Equal(LogLevel.Information, l.Level));

            Assert.Equal("1", retrying[0].GetStructuredStateValue("Attempt"));
            Assert.Equal("RateLimited", retrying[0].GetStructuredStateValue("FailureClass"));
            Assert.Equal("429", retrying[0].GetStructuredStateValue("StatusCode"));
            Assert.Equal("req-429", retrying[0].GetStructuredStateValue("RequestId"));
            Assert.Equal(2000.0, DelayMs(retrying[0]));

            // The second delay is the pipeline's jittered backoff (BaseDelay 100 ms, MaxDelay 1 s): the log has the one waited.
            Assert.Equal("2", retrying[1].GetStructuredStateValue("Attempt"));
            Assert.Equal("ServerError", retrying[1].GetStructuredStateValue("FailureClass"));
            Assert.Equal("503", retrying[1].GetStructuredStateValue("StatusCode"));
            double backoff = DelayMs(retrying[1]);
            Assert.InRange(backoff, 0.0, 1000.0);
            IReadOnlyList<TimeSpan> attempts = rig.Attempts;
            Assert.Equal(3, attempts.Count);
            Assert.InRange(attempts[1] - attempts[0], TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2) + TimeSpan.FromSeconds(1));
            Assert.InRange(attempts[2] - attempts[1], TimeSpan.FromMilliseconds(backoff), TimeSpan.FromMilliseconds(backoff) + TimeSpan.FromSeconds(1));

            FakeLogRecord succeeded = Assert.Single(client, l => l.Id.Name == "CallSucceeded");
            Assert.Equal("3", succeeded.GetStructuredStateValue("Attempts"));

            // Every entry of the container (the client's, the pipeline's, the factory's): message and fields.
            Assert.Contains(logs, l => l.Category != CometApiClient.TelemetryName);
            foreach (FakeLogRecord log in logs)
            {
                Assert.DoesNotContain("sk-resilience-test", log.Message, StringComparison.Ordinal);
                foreach (KeyValuePair<string, string?> field in log.StructuredState ?? [])
                {
                    Assert.DoesNotContain("sk-resilience-test", field.Value ?? string.Empty, StringComparison.Ordinal);
                }
            }
        }

        private static double DelayMs(FakeLogRecord log)
            => double.Parse(log.GetStructuredStateValue("DelayMs")!, CultureInfo.InvariantCulture);
    }
}
