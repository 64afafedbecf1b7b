using System.Text.Json;
using CometApi.Contracts;

namespace CometAnalyzers.Runtime.Tests.Robustness.Payloads
{
    /// <summary>The contract's four payload models: what a client sends, and the three things a server answers with.</summary>
    internal static class PayloadModels
    {
        /// <summary>Tiny buffers: a stream reaches the model's converter in many pieces, so STJ must read ahead for it.</summary>
        private static readonly CometApiJsonContext Streamed = new(new JsonSerializerOptions { DefaultBufferSize = 16 });

        public static readonly PayloadModel Request = new PayloadModel<ChatCompletionRequest>(
            "request", ChatCompletionRequest.Parse, ChatCompletionRequest.TryParse, (m, w) => m.WriteTo(w), m => m.Validate(), CometApiJsonContext.Default.ChatCompletionRequest, Streamed.ChatCompletionRequest);

        public static readonly PayloadModel Response = new PayloadModel<ChatCompletionResponse>(
            "response", ChatCompletionResponse.Parse, ChatCompletionResponse.TryParse, (m, w) => m.WriteTo(w), m => m.Validate(), CometApiJsonContext.Default.ChatCompletionResponse, Streamed.ChatCompletionResponse);

        public static readonly PayloadModel Error = new PayloadModel<ErrorResponse>(
            "error", ErrorResponse.Parse, ErrorResponse.TryParse, (m, w) => m.WriteTo(w), m => m.Validate(), CometApiJsonContext.Default.ErrorResponse, Streamed.ErrorResponse);

        public static readonly PayloadModel Chunk = new PayloadModel<ChatCompletionChunk>(
            "chunk", ChatCompletionChunk.Parse, ChatCompletionChunk.TryParse, (m, w) => m.WriteTo(w), m => m.Validate(), CometApiJsonContext.Default.ChatCompletionChunk, Streamed.ChatCompletionChunk);
    }
}
