using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Strict.Contracts;
using Xunit;

namespace CometAnalyzers.Runtime.Tests.Client
{
    /// <summary>
    /// A contract with its own retry policy (<c>maxRetries: 1</c>, <c>retryOn: [503]</c>), no timeouts, a bare <c>api-key</c>
    /// header and <c>input_tokens</c>/<c>output_tokens</c> usage: the client follows it, not the defaults.
    /// </summary>
    [Collection(ClientCollection.Name)]
    public class StrictContractClientTests
    {
        private const string Answered = """{"id":"gen-1","model":"strict-1","output":"COMPLETION-TEXT-91be","usage":{"input_tokens":3,"output_tokens":4}}""";

        [Fact]
        public async Task A_429_the_contract_does_not_list_is_never_retried()
        {
            (StubHandler handler, StrictClient client, _) = Create(() => Answer.Json((HttpStatusCode)429, """{"code":"slow_down"}""", ("Retry-After", "1")));

            StrictClientException failure = await Assert.ThrowsAsync<StrictClientException>(() => client.CompleteAsync(Request()));

            Assert.Equal(StrictClientFailureClass.RateLimited, failure.FailureClass);
            Assert.Equal(1, failure.Attempts);
            Assert.Single(handler.Requests);
            Assert.Equal("slow_down", failure.Error?.Code);
        }

        [Fact]
        public async Task Only_the_listed_503_is_retried_and_only_MaxRetries_times()
        {
            (StubHandler handler, StrictClient client, TestClock clock) = Create(() => Answer.Json(HttpStatusCode.ServiceUnavailable, "{}"));

            StrictClientException failure = await Assert.ThrowsAsync<StrictClientException>(() => client.CompleteAsync(Request()));

            Assert.Equal(StrictClientFailureClass.ServerError, failure.FailureClass);
            Assert.Equal(1 + StrictContract.MaxRetries, failure.Attempts);
            Assert.Equal(2, handler.Requests.Count);
            Assert.Single(clock.Delays);
        }

        [Fact]
        public async Task A_500_the_contract_does_not_list_fails_at_once()
        {
            (StubHandler handler, StrictClient client, _) = Create(() => Answer.Json(HttpStatusCode.InternalServerError, "{}"));

            StrictClientException failure = await Assert.ThrowsAsync<StrictClientException>(() => client.CompleteAsync(Request()));

            Assert.Equal(StrictClientFailureClass.ServerError, failure.FailureClass);
            Assert.Single(handler.Requests);
        }

        [Fact]
        public async Task The_bare_key_goes_in_the_contracts_header_to_its_path_and_usage_is_measured()
        {
            using var meters = new TestMeterFactory();
            using var tokens = new MetricCollector<long>(meters, StrictClient.TelemetryName, "gen_ai.client.token.usage");
            (StubHandler handler, StrictClient client, _) = Create(() => Answer.Json(HttpStatusCode.OK, Answered), meters);

            StrictResponse response = await client.CompleteAsync(Request());

            Assert.Equal("gen-1", response.Id);
            SeenRequest sent = Assert.Single(handler.Requests);
            Assert.Equal(StrictContract.Path, sent.Uri.AbsolutePath);
            Assert.StartsWith("strict-key-", sent.Headers[StrictContract.AuthHeader], StringComparison.Ordinal);
            Assert.Equal(new long[] { 3, 4 }, System.Linq.Enumerable.Select(tokens.GetMeasurementSnapshot(), m => m.Value));
            Assert.Null(typeof(StrictClient).GetMethod("StreamAsync"));
        }

        private static StrictRequest Request() => new() { Model = "strict-1", Input = Payloads.PromptText };

        private static (StubHandler, StrictClient, TestClock) Create(Func<HttpResponseMessage> answer, TestMeterFactory? meters = null)
        {
            var clock = new TestClock();
            var handler = StubHandler.Answers(clock, answer);
            var client = new StrictClient(new HttpClient(handler), new StrictClientOptions
            {
                BaseAddress = new Uri("http://127.0.0.1:5098/"),
                ApiKey = "strict-key-" + Guid.NewGuid().ToString("N"),
                TimeProvider = clock,
                MeterFactory = meters,
            });
            return (handler, client, clock);
        }
    }
}
