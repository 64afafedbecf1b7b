using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using CometAnalyzers.Runtime.Tests.Infrastructure;
using CometAnalyzers.Tests.Infrastructure;
using Xunit;
#if HAS_REFERENCE_DATA
using OpenAi.Contracts;
#endif

namespace CometAnalyzers.Runtime.Tests.RoundTrip
{
    /// <summary>
    /// The same payloads through models generated from the vendor's OpenAPI document ($refs into it): allOf
    /// inheritance, both null dialects, discriminators without mapping, open enums, maps and free-form JSON.
    /// </summary>
    public class OpenApiContractTests
    {
#if HAS_REFERENCE_DATA
        [ReferenceTheory]
        [InlineData("response.json")]
        [InlineData("response-tool-calls.json")]
        public void Responses_round_trip(string example)
            => JsonEquivalence.AssertRoundTrips(ReferenceData.ReadRequired(ReferenceData.Example(example)), b => CreateChatCompletionResponse.Parse(b), (m, w) => m.WriteTo(w), OpenAiJsonContext.Default.CreateChatCompletionResponse);

        [ReferenceTheory]
        [InlineData("request.json")]
        [InlineData("stream-request.json")]
        public void Requests_round_trip(string example)
            => JsonEquivalence.AssertRoundTrips(ReferenceData.ReadRequired(ReferenceData.Example(example)), b => CreateChatCompletionRequest.Parse(b), (m, w) => m.WriteTo(w), OpenAiJsonContext.Default.CreateChatCompletionRequest);

        [ReferenceTheory]
        [InlineData("error-401.json")]
        [InlineData("error-cometapi-400.json")]
        public void Errors_round_trip_even_when_CometAPI_omits_param(string example)
            => JsonEquivalence.AssertRoundTrips(ReferenceData.ReadRequired(ReferenceData.Example(example)), b => ErrorResponse.Parse(b), (m, w) => m.WriteTo(w), OpenAiJsonContext.Default.ErrorResponse);

        [ReferenceFact]
        public async Task The_event_stream_round_trips_every_chunk()
        {
            string sse = ReferenceData.ReadRequired(ReferenceData.Example("stream.sse.txt"));
            string[] payloads = JsonEquivalence.EventPayloads(sse);
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(sse));
            int index = 0;
            await foreach (CreateChatCompletionStreamResponse chunk in OpenAiEventStream.ReadAsync(stream))
            {
                JsonEquivalence.AssertSameText(payloads[index++], JsonEquivalence.Write(chunk.WriteTo));
            }

            Assert.Equal(payloads.Length, index);
        }

        [ReferenceFact]
        public void Messages_are_a_polymorphic_base_discriminated_by_role_without_a_mapping()
        {
            string json = ReferenceData.ReadRequired(ReferenceData.Example("request.json"));
            var request = CreateChatCompletionRequest.Parse(Encoding.UTF8.GetBytes(json));
            Assert.IsType<ChatCompletionRequestSystemMessage>(request.Messages[0]);
            Assert.IsType<ChatCompletionRequestUserMessage>(request.Messages[1]);
            Assert.Equal("user", request.Messages[1].Role);
        }
#else
        [ReferenceFact]
        public void OpenAPI_reference_contract_tests_need_the_reference_document()
            => Assert.Fail($"Built without {ReferenceData.OpenApiPath}; the OpenAPI-referencing contract was not generated.");
#endif
    }
}
