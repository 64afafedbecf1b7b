using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CometApi.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace CometAnalyzers.Resilience.Tests
{
    /// <summary>
    /// The client <c>AddCometApiClient</c> registers when the project references Microsoft.Extensions.Http.Resilience: the
    /// standard pipeline retries and times out as the contract says, the client sends each call once, and the outcome is
    /// classified and counted as without the pipeline. The contract retries 408, 429 and 5xx, at most 3 times.
    /// One class, so its tests (which share the client's static ActivitySource) run one at a time.
    /// </summary>
    public sealed partial class StandardPipelineTests
    {
        [Fact]
        public void The_registration_puts_the_standard_pipeline_configured_from_the_options_before_the_primary_handler()
        {
            using var rig = PipelineRig.Answers(options =>
            {
                options.MaxRetries = 2;
                options.AttemptTimeout = TimeSpan.FromSeconds(7);
                options.TotalTimeout = TimeSpan.FromSeconds(40);
                options.BaseDelay = TimeSpan.FromMilliseconds(300);
                options.MaxDelay = TimeSpan.FromSeconds(9);
            }, Answer.Ok);

            HttpStandardResilienceOptions standard = rig.Service<IOptionsMonitor<HttpStandardResilienceOptions>>().Get(nameof(CometApiClient) + "-standard");
            Assert.Equal(2, standard.Retry.MaxRetryAttempts);
            Assert.Equal(TimeSpan.FromMilliseconds(300), standard.Retry.Delay);
            Assert.Equal(TimeSpan.FromSeconds(9), standard.Retry.MaxDelay);
            Assert.Equal(Polly.DelayBackoffType.Exponential, standard.Retry.BackoffType);
            Assert.True(standard.Retry.UseJitter);
            Assert.Equal(TimeSpan.FromSeconds(7), standard.AttemptTimeout.Timeout);
            Assert.Equal(TimeSpan.FromSeconds(40), standard.TotalRequestTimeout.Timeout);
            Assert.True(standard.CircuitBreaker.SamplingDuration >= TimeSpan.FromSeconds(14));
        }

        [Fact]
        public void Null_timeouts_become_the_longest_ones_the_pipeline_validation_accepts()
        {
            using var rig = PipelineRig.Answers(options =>
            {
                options.AttemptTimeout = null;
                options.TotalTimeout = null;
            }, Answer.Ok);

            HttpStandardResilienceOptions standard = rig.Service<IOptionsMonitor<HttpStandardResilienceOptions>>().Get(nameof(CometApiClient) + "-standard");
            Assert.Equal(TimeSpan.FromDays(1), standard.TotalRequestTimeout.Timeout);
            Assert.Equal(TimeSpan.FromHours(12), standard.AttemptTimeout.Timeout);
            Assert.Equal(TimeSpan.FromDays(1), standard.CircuitBreaker.SamplingDuration);
            rig.Service<IStartupValidator>().Validate();
        }

        [Fact]
        public async Task A_success_is_one_attempt()
        {
            using var rig = PipelineRig.Answers(null, Answer.Ok);
            using var spans = new SpanRecorder();

            ChatCompletionResponse response = await rig.RunAsync(client => client.CompleteAsync(PipelineRig.Chat()));

            Assert.Equal("Hi.", response.Choices[0].Message.Content);
            Assert.Single(rig.Attempts);
            Assert.Empty(spans.Single().Events);
        }

        [Fact]
        public async Task A_429_with_Retry_After_waits_that_long_then_succeeds_on_the_second_attempt()
        {
            using var rig = PipelineRig.Answers(null, () => Answer.Status(429, ("Retry-After", "3")), Answer.Ok);
            using var spans = new SpanRecorder();

            await rig.RunAsync(client => client.CompleteAsync(PipelineRig.Chat()));

            Assert.Equal(2, rig.Attempts.Count);
            TimeSpan waited = rig.Attempts[1] - rig.Attempts[0];
            // The clock moves in steps, so the gap may exceed the wait by a few of them, never fall short of it.
            Assert.InRange(waited, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(5));
            ActivityEvent retry = Assert.Single(spans.Single().Events);
            Assert.Equal("retry", retry.Name);
            Assert.Equal("RateLimited", retry.Tags.Single(t => t.Key == "failure.class").Value);
            Assert.Equal(429, retry.Tags.Single(t => t.Key == "http.response.status_code").Value);
            Assert.Equal(1, retry.Tags.Single(t => t.Key == "attempt").Value);
            Assert.Equal(3000.0, retry.Tags.Single(t => t.Key == "delay_ms").Value);
        }

        [Fact]
        public async Task A_Retry_After_over_MaxRetryAfter_ends_the_retries_with_the_answer_and_its_RetryAfter()
        {
            using var rig = PipelineRig.Answers(options => options.MaxRetryAfter = TimeSpan.FromSeconds(60), () => Answer.Status(429, ("Retry-After", "120")), Answer.Ok);

            CometApiClientException failure = await rig.FailsAsync(client => client.CompleteAsync(PipelineRig.Chat()));

            Assert.Equal(CometApiClientFailureClass.RateLimited, failure.FailureClass);
            Assert.Equal(1, failure.Attempts);
            Assert.Equal(TimeSpan.FromSeconds(120), failure.RetryAfter);
            Assert.Single(rig.Attempts);
        }

        [Fact]
        public async Task A_transient_503_is_retried_after_a_backoff_within_MaxDelay()
        {
            using var rig = PipelineRig.Answers(options => options.MaxDelay = TimeSpan.FromSeconds(2), () => Answer.Status(503), Answer.Ok);

            await rig.RunAsync(client => client.CompleteAsync(PipelineRig.Chat()));

            Assert.Equal(2, rig.Attempts.Count);
            Assert.InRange(rig.Attempts[1] - rig.Attempts[0], TimeSpan.Zero, TimeSpan.FromSeconds(4));
        }

        [Theory]
        [InlineData(400, CometApiClientFailureClass.ClientRequest)]
        [InlineData(401, CometApiClientFailureClass.Authentication)]
        [InlineData(404, CometApiClientFailureClass.ClientRequest)]
        public async Task A_status_the_contract_does_not_retry_fails_after_one_attempt(int status, CometApiClientFailureClass expected)
        {
            using var rig = PipelineRig.Answers(null, () => Answer.Status(status), Answer.Ok);

            CometApiClientException failure = await rig.FailsAsync(client => client.CompleteAsync(PipelineRig.Chat()));

            Assert.Equal(expected, failure.FailureClass);
            Assert.Equal(status, failure.StatusCode);
            Assert.Equal(1, failure.Attempts);
            Assert.Single(rig.Attempts);
        }

        [Fact]
        public async Task A_persistent_503_is_tried_one_plus_MaxRetries_times_and_fails_as_a_server_error()
        {
            using var rig = PipelineRig.Answers(options => options.MaxRetries = 2, () => Answer.Status(503, ("x-request-id", "req-503")));
            using var spans = new SpanRecorder();

            CometApiClientException failure = await rig.FailsAsync(client => client.CompleteAsync(PipelineRig.Chat()));

            Assert.Equal(CometApiClientFailureClass.ServerError, failure.FailureClass);
            Assert.Equal(503, failure.StatusCode);
            Assert.Equal("req-503", failure.RequestId);
            Assert.Equal(3, failure.Attempts);
            Assert.Equal(3, rig.Attempts.Count);
            Assert.Equal(new object?[] { 1, 2 }, spans.Single().Events.Select(e => e.Tags.Single(t => t.Key == "attempt").Value));
        }

        [Fact]
        public async Task The_contract_s_budget_is_the_default_one_plus_three_attempts()
        {
            using var rig = PipelineRig.Answers(null, () => Answer.Status(500));

            CometApiClientException failure = await rig.FailsAsync(client => client.CompleteAsync(PipelineRig.Chat()));

            Assert.Equal(1 + CometApiContract.MaxRetries, failure.Attempts);
            Assert.Equal(1 + CometApiContract.MaxRetries, rig.Attempts.Count);
        }

        [Fact]
        public async Task MaxRetries_0_makes_one_attempt()
        {
            using var rig = PipelineRig.Answers(options => options.MaxRetries = 0, () => Answer.Status(503), Answer.Ok);

            CometApiClientException failure = await rig.FailsAsync(client => client.CompleteAsync(PipelineRig.Chat()));

            Assert.Equal(CometApiClientFailureClass.ServerError, failure.FailureClass);
            Assert.Equal(1, failure.Attempts);
            Assert.Single(rig.Attempts);
        }

        [Fact]
        public async Task An_attempt_that_outlasts_the_attempt_timeout_is_retried_then_fails_as_AttemptTimeout()
        {
            using var rig = new PipelineRig((_, token) => Answer.HangAsync(token), options =>
            {
                options.MaxRetries = 2;
                options.AttemptTimeout = TimeSpan.FromSeconds(2);
                options.TotalTimeout = null;
            });

            CometApiClientException failure = await rig.FailsAsync(client => client.CompleteAsync(PipelineRig.Chat()));

            Assert.Equal(CometApiClientFailureClass.AttemptTimeout, failure.FailureClass);
            Assert.IsType<TimeoutRejectedException>(failure.InnerException);
            Assert.Null(failure.StatusCode);
            Assert.Equal(3, failure.Attempts);
            Assert.Equal(3, rig.Attempts.Count);
        }

        [Fact]
        public async Task A_body_that_stalls_is_an_attempt_timeout_the_pipeline_retries()
        {
            using var rig = new PipelineRig(
                (attempt, _) => Task.FromResult(attempt == 0
                    ? new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StreamContent(new StallingStream()) }
                    : Answer.Ok()),
                options => options.AttemptTimeout = TimeSpan.FromSeconds(2));

            await rig.RunAsync(client => client.CompleteAsync(PipelineRig.Chat()));

            Assert.Equal(2, rig.Attempts.Count);
            Assert.True(rig.Attempts[1] >= TimeSpan.FromSeconds(2));
        }

        [Fact]
        public async Task The_total_timeout_ends_the_call_as_Timeout()
        {
            using var rig = new PipelineRig((_, token) => Answer.HangAsync(token), options =>
            {
                options.AttemptTimeout = TimeSpan.FromSeconds(2);
                options.TotalTimeout = TimeSpan.FromSeconds(5);
            });

            CometApiClientException failure = await rig.FailsAsync(client => client.CompleteAsync(PipelineRig.Chat()));

            Assert.Equal(CometApiClientFailureClass.Timeout, failure.FailureClass);
            Assert.IsType<TimeoutRejectedException>(failure.InnerException);
            Assert.InRange(failure.Attempts, 2, 1 + CometApiContract.MaxRetries);
            Assert.Equal(rig.Attempts.Count, failure.Attempts);
        }

        [Fact]
        public async Task A_drifted_200_is_a_parser_failure_after_one_attempt()
        {
            using var rig = PipelineRig.Answers(null, () => Answer.Json(System.Net.HttpStatusCode.OK, Answer.Drifted), Answer.Ok);

            CometApiClientException failure = await rig.FailsAsync(client => client.CompleteAsync(PipelineRig.Chat()));

            Assert.Equal(CometApiClientFailureClass.ParserFailure, failure.FailureClass);
            Assert.Equal("$.choices", failure.JsonPath);
            Assert.Equal(200, failure.StatusCode);
            Assert.Equal(1, failure.Attempts);
            Assert.Single(rig.Attempts);
        }

        [Fact]
        public async Task A_transport_failure_is_retried()
        {
            using var rig = new PipelineRig((attempt, _) => attempt == 0
                ? Task.FromException<HttpResponseMessage>(new HttpRequestException("connection refused"))
                : Task.FromResult(Answer.Ok()));
            using var spans = new SpanRecorder();

            await rig.RunAsync(client => client.CompleteAsync(PipelineRig.Chat()));

            Assert.Equal(2, rig.Attempts.Count);
            Assert.Equal("Transport", Assert.Single(spans.Single().Events).Tags.Single(t => t.Key == "failure.class").Value);
        }

        [Fact]
        public async Task A_persistent_transport_failure_fails_as_Transport_after_every_attempt()
        {
            using var rig = new PipelineRig((_, _) => Task.FromException<HttpResponseMessage>(new HttpRequestException("connection refused")), options => options.MaxRetries = 1);

            CometApiClientException failure = await rig.FailsAsync(client => client.CompleteAsync(PipelineRig.Chat()));

            Assert.Equal(CometApiClientFailureClass.Transport, failure.FailureClass);
            Assert.IsType<HttpRequestException>(failure.InnerException);
            Assert.Equal(2, failure.Attempts);
            Assert.Equal(2, rig.Attempts.Count);
        }

        [Fact]
        public async Task The_caller_s_cancellation_is_not_retried_and_stays_an_OperationCanceledException()
        {
            using var cancellation = new CancellationTokenSource();
            using var rig = new PipelineRig((_, token) =>
            {
                cancellation.Cancel();
                return Answer.HangAsync(token);
            });

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => rig.RunAsync(client => client.CompleteAsync(PipelineRig.Chat(), cancellation.Token)));

            Assert.Single(rig.Attempts);
        }

        [Fact]
        public async Task A_stream_is_retried_until_its_headers_then_read_to_the_end()
        {
            using var rig = PipelineRig.Answers(null, () => Answer.Status(503), () => Answer.Stream("Hel", "lo"));

            string text = await rig.RunAsync(async client =>
            {
                string content = string.Empty;
                await foreach (ChatCompletionChunk chunk in client.StreamAsync(PipelineRig.Chat()))
                {
                    content += chunk.Choices[0].Delta.Content;
                }

                return content;
            });

            Assert.Equal("Hello", text);
            Assert.Equal(2, rig.Attempts.Count);
        }

        [Fact]
        public async Task After_its_headers_a_stream_that_stalls_between_events_fails_as_AttemptTimeout_without_a_retry()
        {
            byte[] firstEvent = System.Text.Encoding.UTF8.GetBytes("data: {\"id\":\"chatcmpl-42\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"},\"finish_reason\":null}]}\n\n");
            using var rig = new PipelineRig(
                (_, _) => Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StreamContent(new StallingStream(firstEvent)) }),
                options => options.AttemptTimeout = TimeSpan.FromSeconds(2));
            int events = 0;

            CometApiClientException failure = await rig.FailsAsync(async client =>
            {
                await foreach (ChatCompletionChunk chunk in client.StreamAsync(PipelineRig.Chat()))
                {
                    events++;
                }
            });

            Assert.Equal(CometApiClientFailureClass.AttemptTimeout, failure.FailureClass);
            Assert.Equal(1, events);
            Assert.Equal(1, failure.Attempts);
            Assert.Single(rig.Attempts);
        }

        [Fact]
        public async Task A_call_the_rate_limiter_refuses_fails_as_Rejected_without_an_attempt()
        {
            var first = new TaskCompletionSource<HttpResponseMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
            using var rig = new PipelineRig(
                (_, _) => first.Task,
                services: services => services.Configure<HttpStandardResilienceOptions>(nameof(CometApiClient) + "-standard", standard =>
                {
                    standard.RateLimiter.DefaultRateLimiterOptions.PermitLimit = 1;
                    standard.RateLimiter.DefaultRateLimiterOptions.QueueLimit = 0;
                }));
            CometApiClient client = rig.Client;
            Task<ChatCompletionResponse> holding = client.CompleteAsync(PipelineRig.Chat());
            try
            {
                for (int i = 0; i < 5_000 && rig.Attempts.Count == 0; i++)
                {
                    await Task.Delay(1);
                }

                Assert.Single(rig.Attempts);
                CometApiClientException failure = await Assert.ThrowsAsync<CometApiClientException>(() => client.CompleteAsync(PipelineRig.Chat()));

                Assert.Equal(CometApiClientFailureClass.Rejected, failure.FailureClass);
                Assert.IsType<Polly.RateLimiting.RateLimiterRejectedException>(failure.InnerException);
                Assert.Equal(0, failure.Attempts);
                Assert.Null(failure.StatusCode);
                Assert.Single(rig.Attempts);
            }
            finally
            {
                first.TrySetResult(Answer.Ok());
            }

            await holding.WaitAsync(TimeSpan.FromSeconds(30));
        }

        /// <summary>A body that delivers its prefix, then nothing until its read is canceled.</summary>
        private sealed class StallingStream : System.IO.Stream
        {
            private readonly byte[] _prefix;
            private int _read;

            public StallingStream(byte[]? prefix = null) => _prefix = prefix ?? Array.Empty<byte>();

            public override bool CanRead => true;

            public override bool CanSeek => false;

            public override bool CanWrite => false;

            public override long Length => throw new NotSupportedException();

            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

            public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            {
                if (_read < _prefix.Length)
                {
                    int count = Math.Min(buffer.Length, _prefix.Length - _read);
                    _prefix.AsMemory(_read, count).CopyTo(buffer);
                    _read += count;
                    return count;
                }

                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
                return 0;
            }

            public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
                => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

            public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

            public override void Flush()
            {
            }

            public override long Seek(long offset, System.IO.SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }
    }
}
