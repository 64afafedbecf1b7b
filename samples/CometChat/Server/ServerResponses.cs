using System;
using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CometApi.Contracts;

namespace CometChat.Server
{
    /// <summary>Writes the embedded server's answers: JSON bodies, CometAPI's error shape and server-sent events, all through the generated models.</summary>
    internal static class ServerResponses
    {
        private static readonly byte[] DataPrefix = "data: "u8.ToArray();
        private static readonly byte[] EventEnd = "\n\n"u8.ToArray();
        private static readonly byte[] DoneEvent = "data: [DONE]\n\n"u8.ToArray();

        public static Task JsonAsync(HttpListenerResponse response, int status, Action<Utf8JsonWriter> write, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(response);
            ArgumentNullException.ThrowIfNull(write);
            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                write(writer);
            }

            response.StatusCode = status;
            response.ContentType = "application/json; charset=utf-8";
            response.ContentLength64 = buffer.WrittenCount;
            return response.OutputStream.WriteAsync(buffer.WrittenMemory, cancellationToken).AsTask();
        }

        /// <summary>CometAPI's own error shape: <c>{"error":{"code":"","message":"... (request id: ...)","type":"comet_api_error"}}</c>, no <c>param</c>.</summary>
        public static Task ErrorAsync(HttpListenerResponse response, int status, string message, string requestId, CancellationToken cancellationToken, string code = "", TimeSpan? retryAfter = null)
        {
            ArgumentNullException.ThrowIfNull(response);
            if (retryAfter is { } wait)
            {
                response.Headers["Retry-After"] = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            }

            var error = new ErrorResponse
            {
                Error = new ApiError { Code = code, Message = $"{message} (request id: {requestId})", Type = "comet_api_error" },
            };
            return JsonAsync(response, status, error.WriteTo, cancellationToken);
        }

        /// <summary>Starts an event stream: 200, <c>text/event-stream</c>, chunked.</summary>
        public static void BeginEventStream(HttpListenerResponse response)
        {
            ArgumentNullException.ThrowIfNull(response);
            response.StatusCode = 200;
            response.ContentType = "text/event-stream";
            response.SendChunked = true;
            response.Headers["Cache-Control"] = "no-cache";
        }

        /// <summary>One <c>data: {chunk}</c> event, flushed so the client sees it at once.</summary>
        public static async Task EventAsync(HttpListenerResponse response, ChatCompletionChunk chunk, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(response);
            ArgumentNullException.ThrowIfNull(chunk);
            var buffer = new ArrayBufferWriter<byte>();
            buffer.Write(DataPrefix);
            using (var writer = new Utf8JsonWriter(buffer))
            {
                chunk.WriteTo(writer);
            }

            buffer.Write(EventEnd);
            await response.OutputStream.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
            await response.OutputStream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        public static Task DoneAsync(HttpListenerResponse response, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(response);
            return response.OutputStream.WriteAsync(DoneEvent, cancellationToken).AsTask();
        }
    }
}
