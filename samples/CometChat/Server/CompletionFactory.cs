using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using CometApi.Contracts;

namespace CometChat.Server
{
    /// <summary>The embedded server's completions: always "pong", never an echo of the prompt, with usage estimated from the request size.</summary>
    internal static class CompletionFactory
    {
        private const string Answer = "pong";

        /// <summary>The answer in stream pieces.</summary>
        private static readonly string[] AnswerPieces = ["po", "ng"];

        /// <summary>
        /// A chunk with <c>"usage": null</c> written out, as CometAPI sends on every chunk but the last when usage is requested.
        /// The generated models write an explicit null only for a null they read, so the chunk starts from this parsed template.
        /// </summary>
        private static readonly byte[] NullUsageChunk = """{"id":"","object":"chat.completion.chunk","created":0,"model":"","choices":[],"usage":null}"""u8.ToArray();

        private static long s_sequence;

        public static ChatCompletionResponse Completion(string model, int requestBytes) => new()
        {
            Id = NewId(),
            Object = "chat.completion",
            Created = DateTimeOffset.UtcNow,
            Model = model,
            Choices =
            [
                new ChatCompletionChoice
                {
                    Index = 0,
                    Message = new ChatCompletionMessage { Role = ChatRole.Assistant, Content = Answer },
                    FinishReason = FinishReason.Stop,
                },
            ],
            Usage = Usage(requestBytes, completionTokens: 1),
        };

        /// <summary>The chunks of a streamed answer: role, content pieces, finish, then (when asked) a usage-only chunk with no choices.</summary>
        public static IEnumerable<ChatCompletionChunk> Chunks(string model, int requestBytes, bool includeUsage)
        {
            string id = NewId();
            DateTimeOffset created = DateTimeOffset.UtcNow;
            yield return Chunk(id, created, model, includeUsage, new ChatCompletionDelta { Role = ChatRole.Assistant, Content = string.Empty }, finishReason: null);
            foreach (string piece in AnswerPieces)
            {
                yield return Chunk(id, created, model, includeUsage, new ChatCompletionDelta { Content = piece }, finishReason: null);
            }

            yield return Chunk(id, created, model, includeUsage, new ChatCompletionDelta(), FinishReason.Stop);
            if (includeUsage)
            {
                yield return new ChatCompletionChunk
                {
                    Id = id,
                    Object = "chat.completion.chunk",
                    Created = created,
                    Model = model,
                    Choices = [],
                    Usage = Usage(requestBytes, AnswerPieces.Length),
                };
            }
        }

        private static ChatCompletionChunk Chunk(string id, DateTimeOffset created, string model, bool nullUsage, ChatCompletionDelta delta, FinishReason? finishReason)
        {
            ChatCompletionChunk chunk = nullUsage
                ? ChatCompletionChunk.Parse(NullUsageChunk)
                : new ChatCompletionChunk { Id = id, Object = "chat.completion.chunk", Created = created, Model = model, Choices = [] };
            chunk.Id = id;
            chunk.Created = created;
            chunk.Model = model;
            chunk.Choices = [new ChatCompletionChunkChoice { Index = 0, Delta = delta, FinishReason = finishReason }];
            return chunk;
        }

        /// <summary>A rough local estimate (about four request bytes per token): the embedded server has no tokenizer.</summary>
        private static CompletionUsage Usage(int requestBytes, int completionTokens)
        {
            int prompt = Math.Max(1, requestBytes / 4);
            return new CompletionUsage { PromptTokens = prompt, CompletionTokens = completionTokens, TotalTokens = prompt + completionTokens };
        }

        private static string NewId() => "chatcmpl-local-" + Interlocked.Increment(ref s_sequence).ToString(CultureInfo.InvariantCulture);
    }
}
