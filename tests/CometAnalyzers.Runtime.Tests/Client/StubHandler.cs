using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace CometAnalyzers.Runtime.Tests.Client
{
    /// <summary>A request as the stub server saw it.</summary>
    internal sealed record SeenRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string Body, TimeSpan At);

    /// <summary>
    /// An in-process server: each attempt is recorded and answered by the responder for its number (the last one repeats).
    /// </summary>
    internal sealed class StubHandler : HttpMessageHandler
    {
        private readonly Func<SeenRequest, int, CancellationToken, Task<HttpResponseMessage>> _respond;
        private readonly TestClock _clock;
        private readonly List<SeenRequest> _requests = new();

        public StubHandler(TestClock clock, Func<SeenRequest, int, CancellationToken, Task<HttpResponseMessage>> respond)
        {
            _clock = clock;
            _respond = respond;
        }

        public IReadOnlyList<SeenRequest> Requests
        {
            get
            {
                lock (_requests)
                {
                    return _requests.ToArray();
                }
            }
        }

        /// <summary>Answers attempt n with <paramref name="responses"/>[n], the last one for every later attempt.</summary>
        public static StubHandler Answers(TestClock clock, params Func<HttpResponseMessage>[] responses)
            => new(clock, (_, attempt, _) => Task.FromResult(responses[Math.Min(attempt, responses.Length - 1)]()));

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (KeyValuePair<string, IEnumerable<string>> header in request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>()))
            {
                headers[header.Key] = string.Join(", ", header.Value);
            }

            string body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
            var seen = new SeenRequest(request.Method, request.RequestUri!, headers, body, _clock.Elapsed);
            int attempt;
            lock (_requests)
            {
                attempt = _requests.Count;
                _requests.Add(seen);
            }

            return await _respond(seen, attempt, cancellationToken);
        }
    }

    /// <summary>Canned answers.</summary>
    internal static class Answer
    {
        public static HttpResponseMessage Json(HttpStatusCode status, string json, params (string Name, string Value)[] headers)
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            foreach ((string name, string value) in headers)
            {
                response.Headers.TryAddWithoutValidation(name, value);
            }

            return response;
        }

        public static HttpResponseMessage Ok(string json = Payloads.Completion) => Json(HttpStatusCode.OK, json, ("x-request-id", "req-ok"));

        public static HttpResponseMessage Status(int status, params (string Name, string Value)[] headers)
            => Json((HttpStatusCode)status, Payloads.Error, headers);

        public static HttpResponseMessage EventStream(string body)
            => new(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "text/event-stream") };

        /// <summary>
        /// A server that takes <paramref name="time"/> (virtual, in steps of 100 ms) and then answers, unless the client gives
        /// up first: its timers fire as the clock passes them, which cancels the request at once.
        /// </summary>
        public static Task<HttpResponseMessage> Slow(TestClock clock, TimeSpan time, CancellationToken cancellationToken)
        {
            for (TimeSpan waited = TimeSpan.Zero; waited < time && !cancellationToken.IsCancellationRequested; waited += TimeSpan.FromMilliseconds(100))
            {
                clock.Advance(TimeSpan.FromMilliseconds(100));
            }

            cancellationToken.ThrowIfCancellationRequested();
            return Task.FromResult(Ok());
        }
    }

    /// <summary>Payloads of the repo contract. The text members hold markers the telemetry tests look for everywhere.</summary>
    internal static class Payloads
    {
        public const string PromptText = "PROMPT-TEXT-7f3a";
        public const string CompletionText = "COMPLETION-TEXT-91be";

        public const string Completion = """
            {"id":"chatcmpl-42","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,"message":{"role":"assistant","content":"COMPLETION-TEXT-91be"},"finish_reason":"stop"}],"usage":{"prompt_tokens":11,"completion_tokens":7,"total_tokens":18}}
            """;

        public const string Error = """
            {"error":{"message":"The request failed.","type":"comet_api_error","code":"rate_limit_or_other"}}
            """;

        public static string Chunk(string content, string? usage = null) =>
            "{\"id\":\"chatcmpl-42\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":["
            + (content.Length == 0 ? string.Empty : "{\"index\":0,\"delta\":{\"content\":\"" + content + "\"},\"finish_reason\":null}")
            + "]" + (usage is null ? string.Empty : ",\"usage\":" + usage) + "}";

        public static string Events(params string[] data) => string.Concat(data.Select(d => "data: " + d + "\n\n"));
    }
}
