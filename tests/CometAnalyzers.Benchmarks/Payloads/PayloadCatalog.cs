using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CometApi.Contracts;

namespace CometAnalyzers.Benchmarks.Payloads
{
    /// <summary>
    /// Every payload the benchmarks use, by name: the reference examples (read in place) and the large generated ones.
    /// Each is parsed with the generated model when first asked for, and its shape checked, so a benchmark never times
    /// a payload the model rejects or reads differently than intended.
    /// </summary>
    internal static class PayloadCatalog
    {
        public const string Response = "response";
        public const string ResponseToolCalls = "response-tool-calls";
        public const string LargeResponse = "large-response-20";
        public const string Request = "request";
        public const string StreamRequest = "stream-request";
        public const string LargeRequest = "large-request-50";
        public const string Error401 = "error-401";
        public const string ErrorCometApi400 = "error-cometapi-400";
        public const string Stream = "stream-example";
        public const string LargeStream = "stream-200";

        public static readonly string[] Responses = { Response, ResponseToolCalls, LargeResponse };
        public static readonly string[] Requests = { Request, StreamRequest, LargeRequest };
        public static readonly string[] Errors = { Error401, ErrorCometApi400 };
        public static readonly string[] Streams = { Stream, LargeStream };

        private static readonly Dictionary<string, byte[]> Cache = new(StringComparer.Ordinal);

        public static byte[] Get(string name)
        {
            lock (Cache)
            {
                if (!Cache.TryGetValue(name, out byte[]? bytes))
                {
                    bytes = Load(name);
                    Verify(name, bytes);
                    Cache[name] = bytes;
                }

                return bytes;
            }
        }

        private static byte[] Load(string name) => name switch
        {
            Response => Paths.ReadRequired(Paths.Example("response.json")),
            ResponseToolCalls => Paths.ReadRequired(Paths.Example("response-tool-calls.json")),
            LargeResponse => LargePayloads.Response(),
            Request => Paths.ReadRequired(Paths.Example("request.json")),
            StreamRequest => Paths.ReadRequired(Paths.Example("stream-request.json")),
            LargeRequest => LargePayloads.Request(),
            Error401 => Paths.ReadRequired(Paths.Example("error-401.json")),
            ErrorCometApi400 => Paths.ReadRequired(Paths.Example("error-cometapi-400.json")),
            Stream => Paths.ReadRequired(Paths.Example("stream.sse.txt")),
            LargeStream => LargePayloads.Stream(),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown payload."),
        };

        /// <summary>Parses the payload with the generated model and checks the shape it was made to have.</summary>
        private static void Verify(string name, byte[] bytes)
        {
            switch (name)
            {
                case Response:
                case ResponseToolCalls:
                case LargeResponse:
                {
                    ChatCompletionResponse response = ChatCompletionResponse.Parse(bytes);
                    Check(response.Validate().Count == 0, name, "violates the contract");
                    if (name == LargeResponse)
                    {
                        Check(response.Choices.Count == LargePayloads.ResponseChoices, name, "has the wrong number of choices");
                        Check(response.Choices.All(c => c.Logprobs?.Content?.Count == 8), name, "lacks logprobs");
                        Check(response.Choices.Count(c => c.Message.ToolCalls is { Count: 2 }) == 7, name, "lacks tool calls");
                    }

                    break;
                }

                case Request:
                case StreamRequest:
                case LargeRequest:
                {
                    ChatCompletionRequest request = ChatCompletionRequest.Parse(bytes);
                    Check(request.Validate().Count == 0, name, "violates the contract");
                    if (name == LargeRequest)
                    {
                        Check(request.Messages.Count == LargePayloads.RequestMessages, name, "has the wrong number of messages");
                        Check(request.Messages.OfType<ToolMessage>().Any() && request.Messages.OfType<UserMessage>().Any(m => m.Content.IsList), name, "lacks tool or image messages");
                        Check(request.Tools?.Count == 3 && request.ResponseFormat is ResponseFormatJsonSchema, name, "lacks tools or response format");
                    }

                    break;
                }

                case Error401:
                case ErrorCometApi400:
                    Check(ErrorResponse.Parse(bytes).Validate().Count == 0, name, "violates the contract");
                    break;

                case Stream:
                case LargeStream:
                {
                    List<ChatCompletionChunk> chunks = ReadAll(bytes).GetAwaiter().GetResult();
                    Check(chunks.Count == (name == LargeStream ? LargePayloads.StreamEvents : 6), name, "has the wrong number of events");
                    Check(chunks[^1].Choices.Count == 0 && chunks[^1].Usage is not null, name, "does not end with a usage-only chunk");
                    break;
                }
            }
        }

        private static async Task<List<ChatCompletionChunk>> ReadAll(byte[] bytes)
        {
            var chunks = new List<ChatCompletionChunk>();
            await foreach (ChatCompletionChunk chunk in CometApiEventStream.ReadAsync(new MemoryStream(bytes, writable: false)))
            {
                chunks.Add(chunk);
            }

            return chunks;
        }

        private static void Check(bool condition, string name, string problem)
        {
            if (!condition)
            {
                throw new InvalidOperationException($"Payload '{name}' {problem}.");
            }
        }
    }
}
