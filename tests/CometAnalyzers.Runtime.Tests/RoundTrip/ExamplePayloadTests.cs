using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using CometAnalyzers.Runtime.Tests.Infrastructure;
using CometAnalyzers.Tests.Infrastructure;
using CometApi.Contracts;
using Xunit;

namespace CometAnalyzers.Runtime.Tests.RoundTrip
{
    /// <summary>Every example payload through the models generated from the repo's contract, both ways.</summary>
    public class ExamplePayloadTests
    {
        [ReferenceTheory]
        [InlineData("response.json")]
        [InlineData("response-tool-calls.json")]
        public void Responses_round_trip_both_ways(string example)
            => JsonEquivalence.AssertRoundTrips(ReferenceData.ReadRequired(ReferenceData.Example(example)), b => ChatCompletionResponse.Parse(b), (m, w) => m.WriteTo(w), CometApiJsonContext.Default.ChatCompletionResponse);

        [ReferenceTheory]
        [InlineData("request.json")]
        [InlineData("stream-request.json")]
        public void Requests_round_trip_both_ways_and_are_valid(string example)
        {
            ChatCompletionRequest request = JsonEquivalence.AssertRoundTrips(ReferenceData.ReadRequired(ReferenceData.Example(example)), b => ChatCompletionRequest.Parse(b), (m, w) => m.WriteTo(w), CometApiJsonContext.Default.ChatCompletionRequest);
            Assert.Empty(request.Validate());
        }

        [ReferenceTheory]
        [InlineData("error-401.json")]
        [InlineData("error-cometapi-400.json")]
        public void Errors_round_trip_both_ways_including_CometAPIs_lenient_shape(string example)
        {
            ErrorResponse error = JsonEquivalence.AssertRoundTrips(ReferenceData.ReadRequired(ReferenceData.Example(example)), b => ErrorResponse.Parse(b), (m, w) => m.WriteTo(w), CometApiJsonContext.Default.ErrorResponse);
            Assert.False(string.IsNullOrEmpty(error.Error.Message));
        }

        [ReferenceFact]
        public async Task The_event_stream_yields_every_chunk_and_stops_at_DONE()
        {
            string sse = ReferenceData.ReadRequired(ReferenceData.Example("stream.sse.txt"));
            string[] payloads = JsonEquivalence.EventPayloads(sse);
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(sse + "\ndata: {\"this\": \"is after DONE and must not be read\"}\n\n"));

            var chunks = new System.Collections.Generic.List<ChatCompletionChunk>();
            await foreach (ChatCompletionChunk chunk in CometApiEventStream.ReadAsync(stream))
            {
                chunks.Add(chunk);
            }

            Assert.Equal(payloads.Length, chunks.Count);
            for (int i = 0; i < payloads.Length; i++)
            {
                JsonEquivalence.AssertSameText(payloads[i], JsonEquivalence.Write(chunks[i].WriteTo));
            }

            Assert.Empty(chunks[^1].Choices);
            Assert.NotNull(chunks[^1].Usage);
        }
    }
}
