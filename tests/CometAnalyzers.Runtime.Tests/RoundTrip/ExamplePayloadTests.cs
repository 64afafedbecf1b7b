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
        public void Responses_round_trip_through_Parse_and_WriteTo(string example)
        {
            string json = ReferenceData.ReadRequired(ReferenceData.Example(example));
            ChatCompletionResponse response = ChatCompletionResponse.Parse(Encoding.UTF8.GetBytes(json));
            JsonEquivalence.AssertEquivalent(json, JsonEquivalence.Write(response.WriteTo));
        }

        [ReferenceTheory]
        [InlineData("response.json")]
        [InlineData("response-tool-calls.json")]
        public void Responses_round_trip_through_JsonSerializer_with_the_generated_type_info(string example)
        {
            string json = ReferenceData.ReadRequired(ReferenceData.Example(example));
            ChatCompletionResponse? response = JsonSerializer.Deserialize(json, CometApiJsonContext.Default.ChatCompletionResponse);
            Assert.NotNull(response);
            JsonEquivalence.AssertEquivalent(json, JsonSerializer.Serialize(response, CometApiJsonContext.Default.ChatCompletionResponse));
        }

        [ReferenceTheory]
        [InlineData("request.json")]
        [InlineData("stream-request.json")]
        public void Requests_round_trip_both_ways(string example)
        {
            string json = ReferenceData.ReadRequired(ReferenceData.Example(example));
            ChatCompletionRequest request = ChatCompletionRequest.Parse(Encoding.UTF8.GetBytes(json));
            JsonEquivalence.AssertEquivalent(json, JsonEquivalence.Write(request.WriteTo));
            JsonEquivalence.AssertEquivalent(json, JsonSerializer.Serialize(JsonSerializer.Deserialize(json, CometApiJsonContext.Default.ChatCompletionRequest)!, CometApiJsonContext.Default.ChatCompletionRequest));
            Assert.Empty(request.Validate());
        }

        [ReferenceTheory]
        [InlineData("error-401.json")]
        [InlineData("error-cometapi-400.json")]
        public void Errors_round_trip_both_ways_including_CometAPIs_lenient_shape(string example)
        {
            string json = ReferenceData.ReadRequired(ReferenceData.Example(example));
            ErrorResponse error = ErrorResponse.Parse(Encoding.UTF8.GetBytes(json));
            Assert.False(string.IsNullOrEmpty(error.Error.Message));
            JsonEquivalence.AssertEquivalent(json, JsonEquivalence.Write(error.WriteTo));
            JsonEquivalence.AssertEquivalent(json, JsonSerializer.Serialize(JsonSerializer.Deserialize(json, CometApiJsonContext.Default.ErrorResponse)!, CometApiJsonContext.Default.ErrorResponse));
        }

        [ReferenceFact]
        public async Task The_event_stream_yields_every_chunk_and_stops_at_DONE()
        {
            string sse = ReferenceData.ReadRequired(ReferenceData.Example("stream.sse.txt"));
            string[] payloads = sse.Split('\n').Where(l => l.StartsWith("data: {", System.StringComparison.Ordinal)).Select(l => l.Substring(6)).ToArray();
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(sse + "\ndata: {\"this\": \"is after DONE and must not be read\"}\n\n"));

            var chunks = new System.Collections.Generic.List<ChatCompletionChunk>();
            await foreach (ChatCompletionChunk chunk in CometApiEventStream.ReadAsync(stream))
            {
                chunks.Add(chunk);
            }

            Assert.Equal(payloads.Length, chunks.Count);
            for (int i = 0; i < payloads.Length; i++)
            {
                JsonEquivalence.AssertEquivalent(payloads[i], JsonEquivalence.Write(chunks[i].WriteTo));
            }

            Assert.Empty(chunks[^1].Choices);
            Assert.NotNull(chunks[^1].Usage);
        }
    }
}
