using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using CometApi.Contracts;
using Xunit;

namespace CometAnalyzers.Runtime.Tests.Client
{
    /// <summary><c>StreamAsync</c>: events until [DONE]; a cut-off stream, a drifted event or an empty stream fail by class.</summary>
    [Collection(ClientCollection.Name)]
    public class ClientStreamTests
    {
        [Fact]
        public async Task A_stream_yields_every_event_until_DONE()
        {
            string body = Payloads.Events(Payloads.Chunk("Hel"), Payloads.Chunk("lo"), Payloads.Chunk(string.Empty, "{\"prompt_tokens\":5,\"completion_tokens\":2,\"total_tokens\":7}"), "[DONE]");
            using var rig = new ClientRig(clock => StubHandler.Answers(clock, () => Answer.EventStream(body)));

            List<ChatCompletionChunk> chunks = await ReadAllAsync(rig.Client.StreamAsync(ClientRig.Chat()));

            Assert.Equal(3, chunks.Count);
            Assert.Equal("Hel", chunks[0].Choices[0].Delta.Content);
            Assert.Equal(7, chunks[2].Usage?.TotalTokens);
            SeenRequest sent = Assert.Single(rig.Handler.Requests);
            Assert.Equal("text/event-stream", sent.Headers["Accept"]);
            Assert.Equal(true, ChatCompletionRequest.Parse(System.Text.Encoding.UTF8.GetBytes(sent.Body)).Stream);
        }

        [Fact]
        public async Task A_stream_cut_off_before_DONE_fails_as_StreamCutOff_after_its_events()
        {
            string body = Payloads.Events(Payloads.Chunk("Hel"), Payloads.Chunk("lo"));
            using var rig = new ClientRig(clock => StubHandler.Answers(clock, () => Answer.EventStream(body)));
            var read = new List<ChatCompletionChunk>();

            CometApiClientException failure = await Assert.ThrowsAsync<CometApiClientException>(async () =>
            {
                await foreach (ChatCompletionChunk chunk in rig.Client.StreamAsync(ClientRig.Chat()))
                {
                    read.Add(chunk);
                }
            });

            Assert.Equal(CometApiClientFailureClass.StreamCutOff, failure.FailureClass);
            Assert.Equal(2, read.Count);
            Assert.Equal(1, failure.Attempts);
            Assert.Null(failure.ContractErrorKind);
        }

        [Fact]
        public async Task A_drifted_event_is_a_ParserFailure_with_its_path()
        {
            string body = Payloads.Events(Payloads.Chunk("Hel"), Payloads.Chunk("lo").Replace("\"index\":0", "\"index\":true", StringComparison.Ordinal), "[DONE]");
            using var rig = new ClientRig(clock => StubHandler.Answers(clock, () => Answer.EventStream(body)));

            CometApiClientException failure = await Assert.ThrowsAsync<CometApiClientException>(() => ReadAllAsync(rig.Client.StreamAsync(ClientRig.Chat())));

            Assert.Equal(CometApiClientFailureClass.ParserFailure, failure.FailureClass);
            Assert.Equal(CometApiContractErrorKind.WrongType, failure.ContractErrorKind);
            Assert.Equal("$.choices[0].index", failure.JsonPath);
        }

        [Fact]
        public async Task A_stream_with_no_event_before_DONE_is_a_SemanticFailure()
        {
            using var rig = new ClientRig(clock => StubHandler.Answers(clock, () => Answer.EventStream(Payloads.Events("[DONE]"))));

            CometApiClientException failure = await Assert.ThrowsAsync<CometApiClientException>(() => ReadAllAsync(rig.Client.StreamAsync(ClientRig.Chat())));

            Assert.Equal(CometApiClientFailureClass.SemanticFailure, failure.FailureClass);
        }

        [Fact]
        public async Task A_stream_is_retried_before_its_first_event_only_as_the_contract_allows()
        {
            string body = Payloads.Events(Payloads.Chunk("Hi"), "[DONE]");
            using var rig = new ClientRig(clock => StubHandler.Answers(clock, () => Answer.Status(429, ("Retry-After", "1")), () => Answer.EventStream(body)));

            List<ChatCompletionChunk> chunks = await ReadAllAsync(rig.Client.StreamAsync(ClientRig.Chat()));

            Assert.Single(chunks);
            Assert.Equal(2, rig.Handler.Requests.Count);
            Assert.Equal(new[] { TimeSpan.FromSeconds(1) }, rig.Clock.Delays);
        }

        [Fact]
        public async Task A_stream_refused_with_401_fails_as_Authentication()
        {
            using var rig = new ClientRig(clock => StubHandler.Answers(clock, () => Answer.Status(401)));

            CometApiClientException failure = await Assert.ThrowsAsync<CometApiClientException>(() => ReadAllAsync(rig.Client.StreamAsync(ClientRig.Chat())));

            Assert.Equal(CometApiClientFailureClass.Authentication, failure.FailureClass);
            Assert.Single(rig.Handler.Requests);
        }

        internal static async Task<List<ChatCompletionChunk>> ReadAllAsync(IAsyncEnumerable<ChatCompletionChunk> stream)
        {
            var chunks = new List<ChatCompletionChunk>();
            await foreach (ChatCompletionChunk chunk in stream)
            {
                chunks.Add(chunk);
            }

            return chunks;
        }
    }
}
