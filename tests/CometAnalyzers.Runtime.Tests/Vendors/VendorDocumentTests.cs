using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CometAnalyzers.Runtime.Tests.Infrastructure;
using CometAnalyzers.Tests.Infrastructure;
using Xunit;

namespace CometAnalyzers.Runtime.Tests.Vendors
{
    /// <summary>
    /// Whole published vendor documents, referenced by contracts in this folder, against the payloads recorded beside
    /// them (most of them real API traffic): every payload must parse and be written back with every value's text
    /// unchanged, through Parse/WriteTo and through JsonSerializer with the generated type info. That the three
    /// contracts generate without COMET107 (or any warning) is proven by this project compiling with warnings as errors.
    /// </summary>
    public class VendorDocumentTests
    {
#if HAS_VENDOR_DOCUMENTS
        [ReferenceFact]
        public void OpenAI_payloads_round_trip_unchanged() => AssertEveryPayloadRoundTrips("openai", 175, new()
        {
            ["request"] = RoundTrip(b => global::Vendors.OpenAi.CreateChatCompletionRequest.Parse(b), (m, w) => m.WriteTo(w), global::Vendors.OpenAi.OpenAiVendorJsonContext.Default.CreateChatCompletionRequest),
            ["response"] = RoundTrip(b => global::Vendors.OpenAi.CreateChatCompletionResponse.Parse(b), (m, w) => m.WriteTo(w), global::Vendors.OpenAi.OpenAiVendorJsonContext.Default.CreateChatCompletionResponse),
            ["chunk"] = RoundTrip(b => global::Vendors.OpenAi.CreateChatCompletionStreamResponse.Parse(b), (m, w) => m.WriteTo(w), global::Vendors.OpenAi.OpenAiVendorJsonContext.Default.CreateChatCompletionStreamResponse),
            ["error"] = RoundTrip(b => global::Vendors.OpenAi.ErrorResponse.Parse(b), (m, w) => m.WriteTo(w), global::Vendors.OpenAi.OpenAiVendorJsonContext.Default.ErrorResponse),
        });

        [ReferenceFact]
        public void Mistral_payloads_round_trip_unchanged() => AssertEveryPayloadRoundTrips("mistral", 13, new()
        {
            ["request"] = RoundTrip(b => global::Vendors.Mistral.ChatCompletionRequest.Parse(b), (m, w) => m.WriteTo(w), global::Vendors.Mistral.MistralVendorJsonContext.Default.ChatCompletionRequest),
            ["response"] = RoundTrip(b => global::Vendors.Mistral.ChatCompletionResponse.Parse(b), (m, w) => m.WriteTo(w), global::Vendors.Mistral.MistralVendorJsonContext.Default.ChatCompletionResponse),
            ["chunk"] = RoundTrip(b => global::Vendors.Mistral.CompletionChunk.Parse(b), (m, w) => m.WriteTo(w), global::Vendors.Mistral.MistralVendorJsonContext.Default.CompletionChunk),
        });

        [ReferenceFact]
        public void Anthropic_payloads_round_trip_unchanged() => AssertEveryPayloadRoundTrips("anthropic", 16, new()
        {
            ["request"] = RoundTrip(b => global::Vendors.Anthropic.CreateMessageParams.Parse(b), (m, w) => m.WriteTo(w), global::Vendors.Anthropic.AnthropicVendorJsonContext.Default.CreateMessageParams),
            ["response"] = RoundTrip(b => global::Vendors.Anthropic.Message.Parse(b), (m, w) => m.WriteTo(w), global::Vendors.Anthropic.AnthropicVendorJsonContext.Default.Message),
            ["chunk"] = RoundTrip(b => global::Vendors.Anthropic.MessageStreamEvent.Parse(b), (m, w) => m.WriteTo(w), global::Vendors.Anthropic.AnthropicVendorJsonContext.Default.MessageStreamEvent),
            ["error"] = RoundTrip(b => global::Vendors.Anthropic.ErrorResponse.Parse(b), (m, w) => m.WriteTo(w), global::Vendors.Anthropic.AnthropicVendorJsonContext.Default.ErrorResponse),
        });

        /// <summary>
        /// Runs every payload of one vendor through the round trip its kind (the file name's <c>-request-</c>,
        /// <c>-response-</c>, <c>-chunk-</c> or <c>-error-</c>) selects, and reports all failures at once.
        /// </summary>
        private static void AssertEveryPayloadRoundTrips(string vendor, int expectedCount, Dictionary<string, Func<byte[], string?>> roundTrips)
        {
            string folder = Path.Combine(ReferenceData.Folder, "vendors", vendor, "payloads");
            string[] files = Directory.GetFiles(folder, "*.json").OrderBy(f => f, StringComparer.Ordinal).ToArray();
            Assert.Equal(expectedCount, files.Length);

            var failures = new List<string>();
            foreach (string file in files)
            {
                string name = Path.GetFileName(file);
                string kind = roundTrips.Keys.SingleOrDefault(k => name.Contains("-" + k + "-", StringComparison.Ordinal))
                    ?? throw new InvalidOperationException($"{name}: no payload kind in its name");
                try
                {
                    if (roundTrips[kind](File.ReadAllBytes(file)) is { } difference)
                    {
                        failures.Add($"{name}: {difference}");
                    }
                }
                catch (Exception exception) when (exception is not Xunit.Sdk.XunitException)
                {
                    failures.Add($"{name}: {exception.GetType().Name}: {exception.Message}");
                }
            }

            Assert.True(failures.Count == 0, $"{failures.Count} of {files.Length} {vendor} payloads do not round-trip:\n" + string.Join("\n", failures));
        }

        private static Func<byte[], string?> RoundTrip<T>(Func<byte[], T> parse, Action<T, Utf8JsonWriter> write, JsonTypeInfo<T> typeInfo)
            => payload =>
            {
                T model = parse(payload);
                string sent = System.Text.Encoding.UTF8.GetString(payload);
                if (JsonEquivalence.Difference(sent, JsonEquivalence.Write(writer => write(model, writer)), strict: true) is { } direct)
                {
                    return "WriteTo: " + direct;
                }

                T viaSerializer = JsonSerializer.Deserialize(payload, typeInfo)!;
                return JsonEquivalence.Difference(sent, JsonSerializer.Serialize(viaSerializer, typeInfo), strict: true) is { } serialized
                    ? "JsonSerializer: " + serialized
                    : null;
            };
#else
        [ReferenceFact]
        public void Vendor_document_tests_need_the_vendor_documents()
            => Assert.Fail($"Built without {Path.Combine(ReferenceData.Folder, "vendors")}; the vendor contracts were not generated.");
#endif
    }
}
