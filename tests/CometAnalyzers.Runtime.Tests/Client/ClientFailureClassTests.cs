using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CometApi.Contracts;
using Xunit;

namespace CometAnalyzers.Runtime.Tests.Client
{
    /// <summary>
    /// Every failure class of the generated <see cref="CometApiClient"/> against a stub server on a virtual clock: the class,
    /// the attempts made (never more than 1 + MaxRetries, never a retry of a status the contract does not list) and the
    /// delays. The repo contract: maxRetries 3, retryOn 408, 429, 500, 502, 503, 504, 524; attempt 30 s, total 90 s.
    /// </summary>
    [Collection(ClientCollection.Name)]
    public class ClientFailureClassTests
    {
        private static readonly int MostAttempts = 1 + CometApiContract.MaxRetries;

        [Fact]
        public async Task A_success_is_sent_as_the_contract_says_and_parsed()
        {
            using var rig = new ClientRig(clock => StubHandler.Answers(clock, () => Answer.Ok()));

            ChatCompletionResponse response = await rig.Client.CompleteAsync(ClientRig.Chat());

            Assert.Equal("chatcmpl-42", response.Id);
            Assert.Equal(Payloads.CompletionText, response.Choices[0].Message.Content);
            SeenRequest sent = Assert.Single(rig.Handler.Requests);
            Assert.Equal(CometApiContract.Method, sent.Method.Method);
            Assert.Equal("/comet" + CometApiContract.Path, sent.Uri.AbsolutePath);
            Assert.Equal(CometApiContract.AuthScheme + " " + rig.Key, sent.Headers[CometApiContract.AuthHeader]);
            Assert.StartsWith("application/json", sent.Headers["Content-Type"], StringComparison.Ordinal);
            Assert.Equal("application/json", sent.Headers["Accept"]);
            ChatCompletionRequest echoed = ChatCompletionRequest.Parse(System.Text.Encoding.UTF8.GetBytes(sent.Body));
            Assert.Equal("gpt-4o-mini", echoed.Model);
            Assert.Null(echoed.Stream);
            Assert.Empty(rig.Clock.Delays);
        }

        [Fact]
        public async Task A_request_that_breaks_the_contract_fails_as_InvalidRequest_without_sending()
        {
            using var rig = new ClientRig(clock => StubHandler.Answers(clock, () => Answer.Ok()));
            ChatCompletionRequest request = ClientRig.Chat();
            request.Messages.Clear();
            request.Temperature = 3;

            CometApiClientException failure = await Assert.ThrowsAsync<CometApiClientException>(() => rig.Client.CompleteAsync(request));

            Assert.Equal(CometApiClientFailureClass.InvalidRequest, failure.FailureClass);
            Assert.Equal(0, failure.Attempts);
            Assert.Null(failure.StatusCode);
            Assert.Contains(failure.Violations, v => v.JsonPath == "$.messages");
            Assert.Contains(failure.Violations, v => v.JsonPath == "$.temperature");
            Assert.Empty(rig.Handler.Requests);
        }

        [Fact]
        public async Task CompleteAsync_refuses_a_streaming_request()
        {
            using var rig = new ClientRig(clock => StubHandler.Answers(clock, () => Answer.Ok()));
            ChatCompletionRequest request = ClientRig.Chat();
            request.Stream = true;

            CometApiClientException failure = await Assert.ThrowsAsync<CometApiClientException>(() => rig.Client.CompleteAsync(request));

            Assert.Equal(CometApiClientFailureClass.InvalidRequest, failure.FailureClass);
            Assert.Equal("$.stream", Assert.Single(failure.Violations).JsonPath);
            Assert.Empty(rig.Handler.Requests);
        }

        [Theory]
        [InlineData(401)]
        [InlineData(403)]
        public async Task Unauthorized_and_forbidden_fail_as_Authentication_at_once(int status)
        {
            using var rig = new ClientRig(clock => StubHandler.Answers(clock, () => Answer.Status(status, ("x-request-id", "req-auth"))));

            CometApiClientException failure = await Assert.ThrowsAsync<CometApiClientException>(() => rig.Client.CompleteAsync(ClientRig.Chat()));

            Assert.Equal(CometApiClientFailureClass.Authentication, failure.FailureClass);
            Assert.Equal(status, failure.StatusCode);
            Assert.Equal(1, failure.Attempts);
            Assert.Single(rig.Handler.Requests);
            Assert.Equal("req-auth", failure.RequestId);
            Assert.Equal("comet_api_error", failure.Error?.Error.Type);
            Assert.Null(failure.ContractErrorKind);
        }

        [Fact]
        public async Task A_missing_key_sends_no_auth_header()
        {
            using var rig = new ClientRig(clock => StubHandler.Answers(clock, () => Answer.Status(401)), options => options.ApiKey = null);

            CometApiClientException failure = await Assert.ThrowsAsync<CometApiClientException>(() => rig.Client.CompleteAsync(ClientRig.Chat()));

            Assert.Equal(CometApiClientFailureClass.Authentication, failure.FailureClass);
            Assert.False(Assert.Single(rig.Handler.Requests).Headers.ContainsKey(CometApiContract.AuthHeader));
        }

        [Theory]
        [InlineData(400)]
        [InlineData(404)]
        [InlineData(422)]
        public async Task Another_4xx_fails_as_ClientRequest_and_is_never_retried(int status)
        {
            using var rig = new ClientRig(clock => StubHandler.Answers(clock, () => Answer.Status(status, ("request-id", "req-4xx"))));

            CometApiClientException failure = await Assert.ThrowsAsync<CometApiClientException>(() => rig.Client.CompleteAsync(ClientRig.Chat("no-such-model")));

            Assert.Equal(CometApiClientFailureClass.ClientRequest, failure.FailureClass);
            Assert.Equal(status, failure.StatusCode);
            Assert.Equal(1, failure.Attempts);
            Assert.Single(rig.Handler.Requests);
            Assert.Equal("req-4xx", failure.RequestId);
            Assert.Empty(rig.Clock.Delays);
        }

        [Fact]
        public async Task Rate_limits_are_retried_after_Retry_After_until_the_budget_is_spent()
        {
            using var rig = new ClientRig(clock => StubHandler.Answers(clock, () => Answer.Status(429, ("Retry-After", "2"))));

            CometApiClientException failure = await Assert.ThrowsAsync<CometApiClientException>(() => rig.Client.CompleteAsync(ClientRig.Chat()));

            Assert.Equal(CometApiClientFailureClass.RateLimited, failure.FailureClass);
            Assert.Equal(429, failure.StatusCode);
            Assert.Equal(MostAttempts, failure.Attempts);
            Assert.Equal(MostAttempts, rig.Handler.Requests.Count);
            Assert.Equal(TimeSpan.FromSeconds(2), failure.RetryAfter);
            Assert.Equal(Enumerable.Repeat(TimeSpan.FromSeconds(2), CometApiContract.MaxRetries), rig.Clock.Delays);
            SeenRequest[] seen = rig.Handler.Requests.ToArray();
            for (int i = 1; i < seen.Length; i++)
            {
                Assert.Equal(TimeSpan.FromSeconds(2), seen[i].At - seen[i - 1].At);
            }
        }

        [Fact]
        public async Task Retry_After_as_an_HTTP_date_is_honored()
        {
            using var rig = new ClientRig(clock => StubHandler.Answers(
                clock,
                () => Answer.Status(429, ("Retry-After", clock.GetUtcNow().AddSeconds(5).ToString("R", System.Globalization.CultureInfo.InvariantCulture))),
                () => Answer.Ok()));

            ChatCompletionResponse response = await rig.Client.CompleteAsync(ClientRig.Chat());

            Assert.Equal("chatcmpl-42", response.Id);
            Assert.Equal(2, rig.Handler.Requests.Count);
            Assert.Equal(TimeSpan.FromSeconds(5), Assert.Single(rig.Clock.Delays));
        }

        [Fact]
        public async Task A_Retry_After_beyond_the_cap_ends_the_retries()
        {
            using var rig = new ClientRig(clock => StubHandler.Answers(clock, () => Answer.Status(429, ("Retry-After", "120")), () => Answer.Ok()));

            CometApiClientException failure = await Assert.ThrowsAsync<CometApiClientException>(() => rig.Client.CompleteAsync(ClientRig.Chat()));

            Assert.Equal(CometApiClientFailureClass.RateLimited, failure.FailureClass);
            Assert.Equal(1, failure.Attempts);
            Assert.Equal(TimeSpan.FromSeconds(120), failure.RetryAfter);
            Assert.Empty(rig.Clock.Delays);
        }

        [Fact]
        public async Task Transient_statuses_then_a_success_succeed_with_exponential_jittered_backoff()
        {
            using var rig = new ClientRig(clock => StubHandler.Answers(clock, () => Answer.Status(503), () => Answer.Status(502), () => Answer.Status(524), () => Answer.Ok()));

            ChatCompletionResponse response = await rig.Client.CompleteAsync(ClientRig.Chat());

            Assert.Equal("chatcmpl-42", response.Id);
            Assert.Equal(4, rig.Handler.Requests.Count);

            // Full jitter at 0.5 of the ceiling: 1 s, 2 s, 4 s ceilings.
            Assert.Equal(new[] { TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2) }, rig.Clock.Delays);
        }

        [Theory]
        [InlineData(0.0)]
        [InlineData(0.999999)]
        public async Task Backoff_delays_stay_within_their_exponential_ceilings(double jitter)
        {
            using var rig = new ClientRig(clock => StubHandler.Answers(clock, () => Answer.Status(500)), jitter: jitter);

            CometApiClientException failure = await Assert.ThrowsAsync<CometApiClientException>(() => rig.Client.CompleteAsync(ClientRig.Chat()));

            Assert.Equal(CometApiClientFailureClass.ServerError, failure.FailureClass);
            Assert.Equal(MostAttempts, failure.Attempts);
            Assert.Equal(MostAttempts, rig.Handler.Requests.Count);
            SeenRequest[] seen = rig.Handler.Requests.ToArray();
            for (int retry = 1; retry < seen.Length; retry++)
            {
                // The server answers at once, so the virtual time between two attempts is the backoff.
                TimeSpan delay = seen[retry].At - seen[retry - 1].At;
                Assert.InRange(delay, TimeSpan.Zero, TimeSpan.FromSeconds(Math.Pow(2, retry - 1)));
            }
        }

        [Fact]
        public async Task A_5xx_the_contract_does_not_list_fails_as_ServerError_without_a_retry()
        {
            Assert.False(CometApiContract.IsRetryable(501));
            using var rig = new ClientRig(clock => StubHandler.Answers(clock, () => Answer.Status(501), () => Answer.Ok()));

            CometApiClientException failure = await Assert.ThrowsAsync<CometApiClientException>(() => rig.Client.CompleteAsync(ClientRig.Chat()));

            Assert.Equal(CometApiClientFailureClass.ServerError, failure.FailureClass);
            Assert.Equal(501, failure.StatusCode);
            Assert.Equal(1, failure.Attempts);
            Assert.Single(rig.Handler.Requests);
        }

        [Fact]
        public async Task A_redirect_status_fails_as_UnexpectedStatus()
        {
            using var rig = new ClientRig(clock => StubHandler.Answers(clock, () => Answer.Status(304)));

            CometApiClientException failure = await Assert.ThrowsAsync<CometApiClientException>(() => rig.Client.CompleteAsync(ClientRig.Chat()));

            Assert.Equal(CometApiClientFailureClass.UnexpectedStatus, failure.FailureClass);
            Assert.Equal(1, failure.Attempts);
        }

        [Fact]
        public async Task Transport_failures_are_retried_then_fail_as_Transport()
        {
            using var rig = new ClientRig(clock => new StubHandler(clock, (_, _, _) => throw new HttpRequestException("connection refused")));

            CometApiClientException failure = await Assert.ThrowsAsync<CometApiClientException>(() => rig.Client.CompleteAsync(ClientRig.Chat()));

            Assert.Equal(CometApiClientFailureClass.Transport, failure.FailureClass);
            Assert.Null(failure.StatusCode);
            Assert.Equal(MostAttempts, failure.Attempts);
            Assert.Equal(MostAttempts, rig.Handler.Requests.Count);
            Assert.IsType<HttpRequestException>(failure.InnerException);
        }

        [Fact]
        public async Task A_transport_failure_then_a_success_succeeds()
        {
            using var rig = new ClientRig(clock => new StubHandler(clock, (_, attempt, _) => attempt == 0 ? throw new HttpRequestException("reset") : Task.FromResult(Answer.Ok())));

            ChatCompletionResponse response = await rig.Client.CompleteAsync(ClientRig.Chat());

            Assert.Equal("chatcmpl-42", response.Id);
            Assert.Equal(2, rig.Handler.Requests.Count);
        }

        [Fact]
        public async Task Attempts_that_outlast_the_attempt_timeout_are_retried_then_fail_as_AttemptTimeout()
        {
            using var rig = new ClientRig(
                clock => new StubHandler(clock, (_, _, token) => Answer.Slow(clock, TimeSpan.FromSeconds(5), token)),
                options =>
                {
                    options.AttemptTimeout = TimeSpan.FromSeconds(2);
                    options.TotalTimeout = null;
                });

            CometApiClientException failure = await Assert.ThrowsAsync<CometApiClientException>(() => rig.Client.CompleteAsync(ClientRig.Chat()));

            Assert.Equal(CometApiClientFailureClass.AttemptTimeout, failure.FailureClass);
            Assert.Equal(MostAttempts, failure.Attempts);
            Assert.Equal(MostAttempts, rig.Handler.Requests.Count);
        }

        [Fact]
        public async Task A_slow_attempt_then_a_fast_one_succeeds()
        {
            using var rig = new ClientRig(clock => new StubHandler(clock, (_, attempt, token) => attempt == 0 ? Answer.Slow(clock, TimeSpan.FromSeconds(31), token) : Task.FromResult(Answer.Ok())));

            ChatCompletionResponse response = await rig.Client.CompleteAsync(ClientRig.Chat());

            Assert.Equal("chatcmpl-42", response.Id);
            Assert.Equal(2, rig.Handler.Requests.Count);
            Assert.Equal(TimeSpan.FromSeconds(30) + rig.Clock.Delays[0], rig.Handler.Requests[1].At);
        }

        [Fact]
        public async Task The_total_timeout_ends_the_call_as_Timeout()
        {
            // Attempts of 30 s each (the contract's attempt timeout) cannot fit three into the contract's 90 s.
            using var rig = new ClientRig(clock => new StubHandler(clock, (_, _, token) => Answer.Slow(clock, TimeSpan.FromSeconds(45), token)));

            CometApiClientException failure = await Assert.ThrowsAsync<CometApiClientException>(() => rig.Client.CompleteAsync(ClientRig.Chat()));

            Assert.Equal(CometApiClientFailureClass.Timeout, failure.FailureClass);
            Assert.Equal(3, failure.Attempts);
            Assert.Equal(TimeSpan.FromSeconds(90), rig.Clock.Elapsed);
        }

        [Fact]
        public async Task A_backoff_that_would_outlast_the_total_timeout_fails_at_once_with_the_real_cause()
        {
            using var rig = new ClientRig(
                clock => StubHandler.Answers(clock, () => Answer.Status(503, ("Retry-After", "50"))),
                options => options.TotalTimeout = TimeSpan.FromSeconds(60));

            CometApiClientException failure = await Assert.ThrowsAsync<CometApiClientException>(() => rig.Client.CompleteAsync(ClientRig.Chat()));

            Assert.Equal(CometApiClientFailureClass.ServerError, failure.FailureClass);
            Assert.Equal(2, failure.Attempts);
            Assert.Equal(new[] { TimeSpan.FromSeconds(50) }, rig.Clock.Delays);
        }

        [Fact]
        public async Task A_drifted_2xx_body_is_a_ParserFailure_with_its_path_never_an_HTTP_failure_and_never_retried()
        {
            string drifted = Payloads.Completion.Replace("\"choices\":[", "\"choice_list\":[", StringComparison.Ordinal);
            using var rig = new ClientRig(clock => StubHandler.Answers(clock, () => Answer.Ok(drifted)));

            CometApiClientException failure = await Assert.ThrowsAsync<CometApiClientException>(() => rig.Client.CompleteAsync(ClientRig.Chat()));

            Assert.Equal(CometApiClientFailureClass.ParserFailure, failure.FailureClass);
            Assert.Equal(CometApiContractErrorKind.MissingRequiredField, failure.ContractErrorKind);
            Assert.Equal("$.choices", failure.JsonPath);
            Assert.Equal(200, failure.StatusCode);
            Assert.Equal(1, failure.Attempts);
            Assert.Equal("req-ok", failure.RequestId);
            Assert.IsType<CometApiContractException>(failure.InnerException);
            Assert.Contains("ParserFailure", failure.Message, StringComparison.Ordinal);
            Assert.Contains("$.choices", failure.Message, StringComparison.Ordinal);
        }

        private static readonly AsyncLocal<bool> s_inCall = new();

        [Fact]
        public async Task A_drifted_body_is_read_without_throwing_a_contract_exception()
        {
            // The inner exception is made, not thrown: TryParse reads the body, and only the client's own failure is thrown.
            // Counted on this call's async flow alone (an AsyncLocal), so tests running beside it do not count.
            string drifted = Payloads.Completion.Replace("\"index\":0", "\"index\":\"first\"", StringComparison.Ordinal);
            using var rig = new ClientRig(clock => StubHandler.Answers(clock, () => Answer.Ok(drifted)));
            var thrown = new System.Collections.Concurrent.ConcurrentBag<Exception>();
            void Count(object? sender, System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs e)
            {
                if (s_inCall.Value)
                {
                    thrown.Add(e.Exception);
                }
            }

            AppDomain.CurrentDomain.FirstChanceException += Count;
            CometApiClientException failure;
            try
            {
                s_inCall.Value = true;
                failure = await Assert.ThrowsAsync<CometApiClientException>(() => rig.Client.CompleteAsync(ClientRig.Chat()));
            }
            finally
            {
                s_inCall.Value = false;
                AppDomain.CurrentDomain.FirstChanceException -= Count;
            }

            Assert.Equal(CometApiClientFailureClass.ParserFailure, failure.FailureClass);
            var inner = Assert.IsType<CometApiContractException>(failure.InnerException);
            Assert.Equal("$.choices[0].index", inner.JsonPath);
            Assert.DoesNotContain(thrown, e => e is CometApiContractException);
            Assert.Contains(thrown, e => e is CometApiClientException); // the counting sees the call's own failure
        }

        [Fact]
        public async Task A_wrong_type_deep_in_the_body_names_its_path()
        {
            string drifted = Payloads.Completion.Replace("\"index\":0", "\"index\":\"first\"", StringComparison.Ordinal);
            using var rig = new ClientRig(clock => StubHandler.Answers(clock, () => Answer.Ok(drifted)));

            CometApiClientException failure = await Assert.ThrowsAsync<CometApiClientException>(() => rig.Client.CompleteAsync(ClientRig.Chat()));

            Assert.Equal(CometApiClientFailureClass.ParserFailure, failure.FailureClass);
            Assert.Equal(CometApiContractErrorKind.WrongType, failure.ContractErrorKind);
            Assert.Equal("$.choices[0].index", failure.JsonPath);
        }

        [Fact]
        public async Task A_well_formed_answer_with_no_choices_is_a_SemanticFailure()
        {
            string empty = Payloads.Completion[..Payloads.Completion.IndexOf("\"choices\":[", StringComparison.Ordinal)] + "\"choices\":[]}";
            using var rig = new ClientRig(clock => StubHandler.Answers(clock, () => Answer.Ok(empty)));

            CometApiClientException failure = await Assert.ThrowsAsync<CometApiClientException>(() => rig.Client.CompleteAsync(ClientRig.Chat()));

            Assert.Equal(CometApiClientFailureClass.SemanticFailure, failure.FailureClass);
            Assert.Equal(1, failure.Attempts);
        }

        [Fact]
        public async Task The_callers_cancellation_stays_an_OperationCanceledException_and_is_not_retried()
        {
            using var cancel = new CancellationTokenSource();
            using var rig = new ClientRig(clock => new StubHandler(clock, async (_, _, token) =>
            {
                await cancel.CancelAsync();
                await Task.Delay(Timeout.Infinite, token);
                return Answer.Ok();
            }));

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => rig.Client.CompleteAsync(ClientRig.Chat(), cancel.Token));

            Assert.Single(rig.Handler.Requests);
        }

        [Fact]
        public void Options_outside_the_contract_are_refused_at_construction()
        {
            using var http = new HttpClient();
            Assert.Throws<ArgumentException>(() => new CometApiClient(http));
            var options = new CometApiClientOptions { BaseAddress = new Uri("http://127.0.0.1:1/"), MaxRetries = CometApiContract.MaxRetries + 1 };
            ArgumentOutOfRangeException tooMany = Assert.Throws<ArgumentOutOfRangeException>(() => new CometApiClient(http, options));
            Assert.Contains("MaxRetries", tooMany.Message, StringComparison.Ordinal);
            options.MaxRetries = 0;
            options.AttemptTimeout = TimeSpan.Zero;
            Assert.Throws<ArgumentOutOfRangeException>(() => new CometApiClient(http, options));
        }

        [Fact]
        public async Task MaxRetries_zero_makes_one_attempt()
        {
            using var rig = new ClientRig(clock => StubHandler.Answers(clock, () => Answer.Status(503)), options => options.MaxRetries = 0);

            CometApiClientException failure = await Assert.ThrowsAsync<CometApiClientException>(() => rig.Client.CompleteAsync(ClientRig.Chat()));

            Assert.Equal(1, failure.Attempts);
            Assert.Single(rig.Handler.Requests);
        }
    }
}
