using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using CometApi.Contracts;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Xunit;

namespace CometAnalyzers.Runtime.Tests.Client
{
    /// <summary>
    /// The client's traces, metrics and logs: OpenTelemetry GenAI names and attributes, the failure counter by class, and
    /// never the key, the prompt or the completion anywhere.
    /// </summary>
    [Collection(ClientCollection.Name)]
    public sealed class ClientTelemetryTests : IDisposable
    {
        private readonly List<Activity> _activities = new();
        private readonly ActivityListener _listener;

        public ClientTelemetryTests()
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == CometApiClient.TelemetryName,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = activity =>
                {
                    lock (_activities)
                    {
                        _activities.Add(activity);
                    }
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public void Dispose() => _listener.Dispose();

        [Fact]
        public async Task A_success_is_traced_and_measured_with_the_GenAI_conventions()
        {
            using var rig = new ClientRig(clock => StubHandler.Answers(clock, () => Answer.Ok()));
            MetricCollector<double> duration = rig.Duration;
            MetricCollector<long> tokens = rig.Tokens;
            MetricCollector<long> failures = rig.Failures;

            await rig.Client.CompleteAsync(ClientRig.Chat());

            Activity span = Assert.Single(_activities);
            Assert.Equal("chat gpt-4o-mini", span.DisplayName);
            Assert.Equal(ActivityKind.Client, span.Kind);
            Assert.Equal("chat", span.GetTagItem("gen_ai.operation.name"));
            Assert.Equal("gpt-4o-mini", span.GetTagItem("gen_ai.request.model"));
            Assert.Equal("gpt-4o-mini-2024-07-18", span.GetTagItem("gen_ai.response.model"));
            Assert.Equal("chatcmpl-42", span.GetTagItem("gen_ai.response.id"));
            Assert.Equal(11L, span.GetTagItem("gen_ai.usage.input_tokens"));
            Assert.Equal(7L, span.GetTagItem("gen_ai.usage.output_tokens"));
            Assert.Equal("127.0.0.1", span.GetTagItem("server.address"));
            Assert.Equal(5099, span.GetTagItem("server.port"));
            Assert.Equal(200, span.GetTagItem("http.response.status_code"));
            Assert.Null(span.GetTagItem("error.type"));
            Assert.Equal(ActivityStatusCode.Unset, span.Status);

            CollectedMeasurement<double> measured = Assert.Single(duration.GetMeasurementSnapshot());
            Assert.Equal("chat", measured.Tags["gen_ai.operation.name"]);
            Assert.Equal("gpt-4o-mini", measured.Tags["gen_ai.request.model"]);
            Assert.Equal("gpt-4o-mini-2024-07-18", measured.Tags["gen_ai.response.model"]);
            Assert.False(measured.Tags.ContainsKey("error.type"));
            Assert.Equal("s", duration.Instrument!.Unit);

            var usage = tokens.GetMeasurementSnapshot().ToDictionary(m => (string)m.Tags["gen_ai.token.type"]!, m => m.Value);
            Assert.Equal(new Dictionary<string, long> { ["input"] = 11, ["output"] = 7 }, usage);
            Assert.Empty(failures.GetMeasurementSnapshot());

            FakeLogRecord log = Assert.Single(rig.Logger.Collector.GetSnapshot());
            Assert.Equal(LogLevel.Debug, log.Level);
            Assert.Equal("CallSucceeded", log.Id.Name);
            Assert.Equal("req-ok", log.GetStructuredStateValue("RequestId"));
            Assert.Equal("200", log.GetStructuredStateValue("StatusCode"));
            Assert.Equal("1", log.GetStructuredStateValue("Attempts"));
            Assert.Equal("11", log.GetStructuredStateValue("InputTokens"));
            AssertNoSecrets(rig);
        }

        [Fact]
        public async Task Each_failure_class_is_counted_separately_and_tagged_as_the_error_type()
        {
            string drifted = Payloads.Completion.Replace("\"choices\":[", "\"choice_list\":[", StringComparison.Ordinal);
            var cases = new (Func<TestClock, StubHandler> Server, CometApiClientFailureClass Expected)[]
            {
                (clock => StubHandler.Answers(clock, () => Answer.Ok(drifted)), CometApiClientFailureClass.ParserFailure),
                (clock => StubHandler.Answers(clock, () => Answer.Status(429)), CometApiClientFailureClass.RateLimited),
                (clock => StubHandler.Answers(clock, () => Answer.Status(500)), CometApiClientFailureClass.ServerError),
                (clock => new StubHandler(clock, (_, _, _) => throw new HttpRequestException("refused")), CometApiClientFailureClass.Transport),
            };

            foreach ((Func<TestClock, StubHandler> server, CometApiClientFailureClass expected) in cases)
            {
                lock (_activities)
                {
                    _activities.Clear();
                }

                using var rig = new ClientRig(server);
                MetricCollector<long> failures = rig.Failures;
                MetricCollector<double> duration = rig.Duration;

                CometApiClientException failure = await Assert.ThrowsAsync<CometApiClientException>(() => rig.Client.CompleteAsync(ClientRig.Chat()));

                Assert.Equal(expected, failure.FailureClass);
                string name = expected.ToString();
                CollectedMeasurement<long> counted = Assert.Single(failures.GetMeasurementSnapshot());
                Assert.Equal(1, counted.Value);
                Assert.Equal(name, counted.Tags["failure.class"]);
                Assert.Equal(name, Assert.Single(duration.GetMeasurementSnapshot()).Tags["error.type"]);

                Activity span = Assert.Single(_activities);
                Assert.Equal(name, span.GetTagItem("error.type"));
                Assert.Equal(ActivityStatusCode.Error, span.Status);
                Assert.Equal(failure.Attempts - 1, span.Events.Count(e => e.Name == "retry"));

                IReadOnlyList<FakeLogRecord> logs = rig.Logger.Collector.GetSnapshot();
                FakeLogRecord failed = Assert.Single(logs, l => l.Id.Name == "CallFailed");
                Assert.Equal(LogLevel.Warning, failed.Level);
                Assert.Equal(name, failed.GetStructuredStateValue("FailureClass"));
                Assert.Equal(failure.Attempts - 1, logs.Count(l => l.Id.Name == "CallRetrying"));
                if (expected == CometApiClientFailureClass.ParserFailure)
                {
                    Assert.Equal("$.choices", failed.GetStructuredStateValue("JsonPath"));
                    Assert.Equal("MissingRequiredField", failed.GetStructuredStateValue("ContractErrorKind"));
                }

                AssertNoSecrets(rig);
            }
        }

        [Fact]
        public async Task A_stream_records_its_usage_and_never_its_text()
        {
            string body = Payloads.Events(Payloads.Chunk(Payloads.CompletionText), Payloads.Chunk(string.Empty, "{\"prompt_tokens\":5,\"completion_tokens\":2,\"total_tokens\":7}"), "[DONE]");
            using var rig = new ClientRig(clock => StubHandler.Answers(clock, () => Answer.EventStream(body)));
            MetricCollector<long> tokens = rig.Tokens;

            await ClientStreamTests.ReadAllAsync(rig.Client.StreamAsync(ClientRig.Chat()));

            Assert.Equal(new long[] { 5, 2 }, tokens.GetMeasurementSnapshot().Select(m => m.Value));
            Activity span = Assert.Single(_activities);
            Assert.Equal("chatcmpl-42", span.GetTagItem("gen_ai.response.id"));
            Assert.Equal(2L, span.GetTagItem("gen_ai.usage.output_tokens"));
            AssertNoSecrets(rig);
        }

        [Fact]
        public async Task An_error_body_that_echoes_the_key_reaches_no_log_trace_metric_or_exception_message()
        {
            using var rig = new ClientRig(clock => new StubHandler(clock, (seen, _, _) => Task.FromResult(Answer.Json(
                System.Net.HttpStatusCode.Unauthorized,
                "{\"error\":{\"message\":\"Incorrect API key provided: " + seen.Headers[CometApiContract.AuthHeader] + "\",\"type\":\"invalid_request_error\"}}"))));
            MetricCollector<long> failures = rig.Failures;

            CometApiClientException failure = await Assert.ThrowsAsync<CometApiClientException>(() => rig.Client.CompleteAsync(ClientRig.Chat()));

            Assert.Equal(CometApiClientFailureClass.Authentication, failure.FailureClass);
            Assert.Contains(rig.Key, failure.Error?.Error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(rig.Key, failure.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(rig.Key, failure.ToString(), StringComparison.Ordinal);
            Assert.Equal("Authentication", Assert.Single(failures.GetMeasurementSnapshot()).Tags["failure.class"]);
            AssertNoSecrets(rig);
        }

        /// <summary>Every string the call left in logs (messages and fields), spans (names, tags, events) and metric tags.</summary>
        private void AssertNoSecrets(ClientRig rig)
        {
            var seen = new List<string>();
            foreach (FakeLogRecord log in rig.Logger.Collector.GetSnapshot())
            {
                seen.Add(log.Message);
                seen.AddRange((log.StructuredState ?? []).Select(field => field.Key + "=" + field.Value));
            }

            lock (_activities)
            {
                foreach (Activity span in _activities)
                {
                    seen.Add(span.DisplayName);
                    seen.Add(span.StatusDescription ?? string.Empty);
                    seen.AddRange(span.TagObjects.Select(tag => tag.Key + "=" + tag.Value));
                    seen.AddRange(span.Events.SelectMany(e => e.Tags).Select(tag => tag.Key + "=" + tag.Value));
                }
            }

            seen.AddRange(rig.Duration.GetMeasurementSnapshot().SelectMany(m => m.Tags).Select(tag => tag.Key + "=" + tag.Value));
            seen.AddRange(rig.Tokens.GetMeasurementSnapshot().SelectMany(m => m.Tags).Select(tag => tag.Key + "=" + tag.Value));
            seen.AddRange(rig.Failures.GetMeasurementSnapshot().SelectMany(m => m.Tags).Select(tag => tag.Key + "=" + tag.Value));

            Assert.NotEmpty(seen);
            foreach (string text in seen)
            {
                Assert.DoesNotContain(rig.Key, text, StringComparison.Ordinal);
                Assert.DoesNotContain(Payloads.PromptText, text, StringComparison.Ordinal);
                Assert.DoesNotContain(Payloads.CompletionText, text, StringComparison.Ordinal);
                Assert.DoesNotContain("Be brief.", text, StringComparison.Ordinal);
            }
        }
    }
}
