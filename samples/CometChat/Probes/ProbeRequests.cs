using System;
using System.Buffers;
using System.Text.Json;
using CometApi.Contracts;

namespace CometChat.Probes
{
    /// <summary>The probe's request bodies. The canary prompt is fixed and harmless, and is never logged or printed.</summary>
    internal static class ProbeRequests
    {
        private const string CanaryPrompt = "Return the word pong.";

        /// <summary>The minimal valid request: model and one user message.</summary>
        public static ChatCompletionRequest Canary(string model) => new()
        {
            Model = model,
            Messages = [new UserMessage { Content = CanaryPrompt }],
        };

        /// <summary>The canary as a stream, with usage requested on the last chunk.</summary>
        public static ChatCompletionRequest StreamingCanary(string model)
        {
            ChatCompletionRequest request = Canary(model);
            request.Stream = true;
            request.StreamOptions = new StreamOptions { IncludeUsage = true };
            return request;
        }

        /// <summary>The request's JSON with one top-level property removed: a body the contract forbids, for the malformed-request probe.</summary>
        public static byte[] WithoutProperty(ChatCompletionRequest request, string propertyName)
        {
            ArgumentNullException.ThrowIfNull(request);
            var original = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(original))
            {
                request.WriteTo(writer);
            }

            using JsonDocument document = JsonDocument.Parse(original.WrittenMemory);
            var trimmed = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(trimmed))
            {
                writer.WriteStartObject();
                foreach (JsonProperty property in document.RootElement.EnumerateObject())
                {
                    if (!property.NameEquals(propertyName))
                    {
                        property.WriteTo(writer);
                    }
                }

                writer.WriteEndObject();
            }

            return trimmed.WrittenSpan.ToArray();
        }
    }
}
