using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using CometApi.Contracts;
using Xunit;

namespace CometAnalyzers.Runtime.Tests.Client
{
    /// <summary>The generated client over real loopback sockets: bytes through the network stack, hang-ups and cut streams included.</summary>
    [Collection(ClientCollection.Name)]
    public class ClientLoopbackTests
    {
        [Fact]
        public async Task A_completion_over_a_socket_is_sent_and_parsed()
        {
            await using var server = LoopbackServer.Start((_, _, stream) => LoopbackServer.RespondAsync(stream, 200, "application/json", Payloads.Completion, "x-request-id: req-socket\r\n"));
            using var http = new HttpClient();
            var key = "sk-run-" + Guid.NewGuid().ToString("N");
            var client = new CometApiClient(http, new CometApiClientOptions { BaseAddress = server.BaseAddress, ApiKey = key });

            ChatCompletionResponse response = await client.CompleteAsync(ClientRig.Chat());

            Assert.Equal("chatcmpl-42", response.Id);
            string request = Assert.Single(server.Requests);
            Assert.StartsWith(CometApiContract.Method + " " + CometApiContract.Path + " HTTP/1.1", request, StringComparison.Ordinal);
            Assert.Contains(CometApiContract.AuthHeader + ": " + CometApiContract.AuthScheme + " " + key, request, StringComparison.Ordinal);
            Assert.Contains(Payloads.PromptText, request, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_rate_limit_over_a_socket_waits_for_Retry_After_then_succeeds()
        {
            await using var server = LoopbackServer.Start((connection, _, stream) => connection == 0
                ? LoopbackServer.RespondAsync(stream, 429, "application/json", Payloads.Error, "Retry-After: 3\r\n")
                : LoopbackServer.RespondAsync(stream, 200, "application/json", Payloads.Completion));
            using var http = new HttpClient();
            var clock = new TestClock();
            var client = new CometApiClient(http, new CometApiClientOptions { BaseAddress = server.BaseAddress, TimeProvider = clock });

            ChatCompletionResponse response = await client.CompleteAsync(ClientRig.Chat());

            Assert.Equal("chatcmpl-42", response.Id);
            Assert.Equal(2, server.Requests.Count);
            Assert.Equal(new[] { TimeSpan.FromSeconds(3) }, clock.Delays);
        }

        [Fact]
        public async Task A_server_that_hangs_up_without_answering_is_a_Transport_failure_retried_to_the_budget()
        {
            await using var server = LoopbackServer.Start((_, _, _) => Task.CompletedTask);
            using var http = new HttpClient();
            var client = new CometApiClient(http, new CometApiClientOptions { BaseAddress = server.BaseAddress, TimeProvider = new TestClock() });

            CometApiClientException failure = await Assert.ThrowsAsync<CometApiClientException>(() => client.CompleteAsync(ClientRig.Chat()));

            Assert.Equal(CometApiClientFailureClass.Transport, failure.FailureClass);
            Assert.Equal(1 + CometApiContract.MaxRetries, failure.Attempts);
            Assert.Equal(1 + CometApiContract.MaxRetries, server.Requests.Count);
        }

        /// <summary>Final answers over a socket: each is classified from the bytes the server sent, after one attempt.</summary>
        [Theory]
        [InlineData("401", CometApiClientFailureClass.Authentication)]
        [InlineData("400", CometApiClientFailureClass.ClientRequest)]
        [InlineData("501", CometApiClientFailureClass.ServerError)]
        [InlineData("drifted", CometApiClientFailureClass.ParserFailure)]
        [InlineData("no choices", CometApiClientFailureClass.SemanticFailure)]
        public async Task A_final_answer_over_a_socket_gets_its_class_after_one_attempt(string answer, CometApiClientFailureClass expected)
        {
            string noChoices = Payloads.Completion[..Payloads.Completion.IndexOf("\"choices\":[", StringComparison.Ordinal)] + "\"choices\":[]}";
            (int status, string body) = answer switch
            {
                "drifted" => (200, Payloads.Completion.Replace("\"choices\":[", "\"choice_list\":[", StringComparison.Ordinal)),
                "no choices" => (200, noChoices),
                _ => (int.Parse(answer, System.Globalization.CultureInfo.InvariantCulture), Payloads.Error),
            };
            await using var server = LoopbackServer.Start((_, _, stream) => LoopbackServer.RespondAsync(stream, status, "application/json", body, "x-request-id: req-final\r\n"));
            using var http = new HttpClient();
            var clock = new TestClock();
            var client = new CometApiClient(http, new CometApiClientOptions { BaseAddress = server.BaseAddress, TimeProvider = clock });

            CometApiClientException failure = await Assert.ThrowsAsync<CometApiClientException>(() => client.CompleteAsync(ClientRig.Chat()));

            Assert.Equal(expected, failure.FailureClass);
            Assert.Equal(status, failure.StatusCode);
            Assert.Equal("req-final", failure.RequestId);
            Assert.Equal(1, failure.Attempts);
            Assert.Single(server.Requests);
            Assert.Empty(clock.Delays);
        }

        [Fact]
        public async Task A_transient_503_over_a_socket_is_retried_after_a_bounded_backoff_then_succeeds()
        {
            await using var server = LoopbackServer.Start((connection, _, stream) => connection == 0
                ? LoopbackServer.RespondAsync(stream, 503, "application/json", Payloads.Error)
                : LoopbackServer.RespondAsync(stream, 200, "application/json", Payloads.Completion));
            using var http = new HttpClient();
            var clock = new TestClock();
            var options = new CometApiClientOptions { BaseAddress = server.BaseAddress, TimeProvider = clock };
            var client = new CometApiClient(http, options);

            ChatCompletionResponse response = await client.CompleteAsync(ClientRig.Chat());

            Assert.Equal("chatcmpl-42", response.Id);
            Assert.Equal(2, server.Requests.Count);
            TimeSpan delay = Assert.Single(clock.Delays);
            Assert.InRange(delay, TimeSpan.Zero, options.BaseDelay); // full jitter before the first retry: [0, BaseDelay)
        }

        [Fact]
        public async Task A_stream_whose_connection_closes_before_DONE_fails_as_StreamCutOff()
        {
            await using var server = LoopbackServer.Start(async (_, _, stream) =>
            {
                await LoopbackServer.WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n");
                await LoopbackServer.WriteAsync(stream, Payloads.Events(Payloads.Chunk("Hel"), Payloads.Chunk("lo")));
            });
            using var http = new HttpClient();
            var client = new CometApiClient(http, new CometApiClientOptions { BaseAddress = server.BaseAddress, TimeProvider = new TestClock() });
            var read = new List<ChatCompletionChunk>();

            CometApiClientException failure = await Assert.ThrowsAsync<CometApiClientException>(async () =>
            {
                await foreach (ChatCompletionChunk chunk in client.StreamAsync(ClientRig.Chat()))
                {
                    read.Add(chunk);
                }
            });

            Assert.Equal(CometApiClientFailureClass.StreamCutOff, failure.FailureClass);
            Assert.Equal(2, read.Count);
            Assert.Single(server.Requests);
        }

        [Fact]
        public async Task A_complete_stream_over_a_socket_ends_at_DONE()
        {
            await using var server = LoopbackServer.Start(async (_, _, stream) =>
            {
                await LoopbackServer.WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n");
                await LoopbackServer.WriteAsync(stream, Payloads.Events(Payloads.Chunk("Hi"), "[DONE]"));
            });
            using var http = new HttpClient();
            var client = new CometApiClient(http, new CometApiClientOptions { BaseAddress = server.BaseAddress });

            List<ChatCompletionChunk> chunks = await ClientStreamTests.ReadAllAsync(client.StreamAsync(ClientRig.Chat()));

            Assert.Equal("Hi", Assert.Single(chunks).Choices[0].Delta.Content);
        }
    }
}
