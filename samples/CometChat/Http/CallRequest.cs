using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using CometApi.Contracts;

namespace CometChat.Http
{
    /// <summary>One chat completions call: how to make its body (fresh for every attempt) and how to send it.</summary>
    internal sealed class CallRequest
    {
        private CallRequest(Func<HttpContent> content, bool stream, ChatCompletionRequest? model)
        {
            CreateContent = content;
            Stream = stream;
            Model = model;
        }

        /// <summary>Creates the body of one attempt; a retry never resends a consumed body.</summary>
        public Func<HttpContent> CreateContent { get; }

        /// <summary>True for a <c>stream: true</c> call: the answer is read as server-sent events, headers first.</summary>
        public bool Stream { get; }

        /// <summary>The typed request, when there is one: it is validated against the contract before anything is sent.</summary>
        public ChatCompletionRequest? Model { get; }

        /// <summary>False only for the negative auth probe.</summary>
        public bool SendCredential { get; private init; } = true;

        /// <summary>A key the embedded server counts attempts by, for faults such as "429 once, then success".</summary>
        public string? FaultKey { get; private init; }

        /// <summary>The same call with no credential header at all.</summary>
        public CallRequest WithoutCredential() => new(CreateContent, Stream, Model) { SendCredential = false, FaultKey = FaultKey };

        /// <summary>The same call tagged with a fault key (sent only to the embedded server).</summary>
        public CallRequest WithFaultKey(string faultKey) => new(CreateContent, Stream, Model) { SendCredential = SendCredential, FaultKey = faultKey };

        /// <summary>
        /// A typed request, serialized once with the generated reflection-free JsonTypeInfo. The bytes are sent with a
        /// Content-Length: <c>JsonContent.Create</c> would stream the body chunked, which not every gateway accepts.
        /// </summary>
        public static CallRequest For(ChatCompletionRequest request)
        {
            ArgumentNullException.ThrowIfNull(request);
            byte[] utf8Json = JsonSerializer.SerializeToUtf8Bytes(request, CometApiJsonContext.Default.ChatCompletionRequest);
            return new CallRequest(() => JsonBody(utf8Json), request.Stream == true, request);
        }

        /// <summary>A body sent as given, bypassing client-side validation: for probes that must send what the contract forbids.</summary>
        public static CallRequest Raw(byte[] utf8Json, bool stream)
        {
            ArgumentNullException.ThrowIfNull(utf8Json);
            return new CallRequest(() => JsonBody(utf8Json), stream, null);
        }

        private static ByteArrayContent JsonBody(byte[] utf8Json)
        {
            var content = new ByteArrayContent(utf8Json);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            return content;
        }
    }
}
