using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using CometApi.Contracts;
using CometChat.Configuration;
using CometChat.Http;
using CometChat.Logging;
using Microsoft.Extensions.Logging;

namespace CometChat.Server
{
    /// <summary>
    /// The embedded server's one route, implementing the contract: Bearer auth, request validation with the generated
    /// <see cref="ChatCompletionRequest"/>, CometAPI's lenient error shape, JSON and SSE answers, and fault injection by model name.
    /// </summary>
    internal sealed class CompletionEndpoint
    {
        /// <summary>How long <see cref="FaultModels.Slow"/> holds its answer: far past the timeout probe's attempt timeout.</summary>
        public static readonly TimeSpan SlowAnswerDelay = TimeSpan.FromSeconds(5);

        private const int MaxBodyBytes = 1 << 20;

        private readonly string _expectedAuthorization;
        private readonly HashSet<string> _knownModels;
        private readonly ConcurrentDictionary<string, int> _attemptsByFaultKey = new(StringComparer.Ordinal);
        private readonly ILogger _logger;

        public CompletionEndpoint(ApiCredential credential, IEnumerable<string> servedModels, ILogger logger)
        {
            ArgumentNullException.ThrowIfNull(credential);
            _expectedAuthorization = credential.HeaderValue;
            _knownModels = new HashSet<string>(servedModels, StringComparer.Ordinal) { FaultModels.RateLimitedOnce, FaultModels.UnavailableOnce, FaultModels.Slow };
            _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        }

        public async Task HandleAsync(HttpListenerContext context, CancellationToken stopping)
        {
            ArgumentNullException.ThrowIfNull(context);
            HttpListenerRequest request = context.Request;
            HttpListenerResponse response = context.Response;
            string requestId = RequestIds.Next();
            try
            {
                (int status, string reason) = await AnswerAsync(request, response, requestId, stopping).ConfigureAwait(false);
                ProbeLog.ServerAnswered(_logger, request.HttpMethod, request.Url?.AbsolutePath ?? "?", status, reason);
            }
            catch (Exception exception) when (exception is HttpListenerException or IOException or ObjectDisposedException or OperationCanceledException)
            {
                // The client gave up (the timeout probe) or the server is stopping: nobody is left to answer.
                ProbeLog.ServerClientGone(_logger, exception.GetType().Name);
            }
            finally
            {
                try
                {
                    response.Close();
                }
                catch (Exception exception) when (exception is HttpListenerException or IOException or ObjectDisposedException or InvalidOperationException)
                {
                    ProbeLog.ServerClientGone(_logger, exception.GetType().Name);
                }
            }
        }

        private async Task<(int Status, string Reason)> AnswerAsync(HttpListenerRequest request, HttpListenerResponse response, string requestId, CancellationToken stopping)
        {
            if (!string.Equals(request.HttpMethod, CometApiContract.Method, StringComparison.OrdinalIgnoreCase)
                || !string.Equals(request.Url?.AbsolutePath, CometApiContract.Path, StringComparison.Ordinal))
            {
                await ServerResponses.ErrorAsync(response, 404, "Invalid URL (" + request.HttpMethod + " " + request.Url?.AbsolutePath + ")", requestId, stopping).ConfigureAwait(false);
                return (404, "no such route");
            }

            string? authorization = request.Headers[CometApiContract.AuthHeader];
            if (!string.Equals(authorization, _expectedAuthorization, StringComparison.Ordinal))
            {
                string message = authorization is null ? "No token provided" : "Invalid token";
                await ServerResponses.ErrorAsync(response, 401, message, requestId, stopping).ConfigureAwait(false);
                return (401, message);
            }

            byte[]? body = await ReadBodyAsync(request, stopping).ConfigureAwait(false);
            if (body is null)
            {
                await ServerResponses.ErrorAsync(response, 413, "request body too large", requestId, stopping).ConfigureAwait(false);
                return (413, "body too large");
            }

            if (!ChatCompletionRequest.TryParse(body, out ChatCompletionRequest? chat, out CometApiContractError? parseError))
            {
                string message = Describe(parseError!);
                await ServerResponses.ErrorAsync(response, 400, message, requestId, stopping).ConfigureAwait(false);
                return (400, message);
            }

            IReadOnlyList<CometApiContractViolation> violations = chat.Validate();
            if (violations.Count > 0)
            {
                string message = violations[0].JsonPath + " " + violations[0].Message;
                await ServerResponses.ErrorAsync(response, 400, message, requestId, stopping).ConfigureAwait(false);
                return (400, message);
            }

            if (!_knownModels.Contains(chat.Model))
            {
                await ServerResponses.ErrorAsync(response, 404, $"The model `{chat.Model}` does not exist or you do not have access to it", requestId, stopping, code: "model_not_found").ConfigureAwait(false);
                return (404, "unknown model");
            }

            if (await InjectFaultAsync(chat.Model, request, response, requestId, stopping).ConfigureAwait(false) is { } fault)
            {
                return fault;
            }

            if (chat.Stream == true)
            {
                ServerResponses.BeginEventStream(response);
                foreach (ChatCompletionChunk chunk in CompletionFactory.Chunks(chat.Model, body.Length, chat.StreamOptions?.IncludeUsage == true))
                {
                    await ServerResponses.EventAsync(response, chunk, stopping).ConfigureAwait(false);
                }

                await ServerResponses.DoneAsync(response, stopping).ConfigureAwait(false);
                return (200, "stream");
            }

            await ServerResponses.JsonAsync(response, 200, CompletionFactory.Completion(chat.Model, body.Length).WriteTo, stopping).ConfigureAwait(false);
            return (200, "completion");
        }

        /// <summary>The faults selected by model name; the "once" faults count attempts per fault key (or per model without one).</summary>
        private async Task<(int Status, string Reason)?> InjectFaultAsync(string model, HttpListenerRequest request, HttpListenerResponse response, string requestId, CancellationToken stopping)
        {
            string faultKey = model + "/" + (request.Headers[FaultKeyHandler.HeaderName] ?? string.Empty);
            switch (model)
            {
                case FaultModels.RateLimitedOnce when _attemptsByFaultKey.AddOrUpdate(faultKey, 1, (_, seen) => seen + 1) == 1:
                    await ServerResponses.ErrorAsync(response, 429, "Rate limit reached, please retry later", requestId, stopping, retryAfter: TimeSpan.FromSeconds(1)).ConfigureAwait(false);
                    return (429, "injected rate limit");
                case FaultModels.UnavailableOnce when _attemptsByFaultKey.AddOrUpdate(faultKey, 1, (_, seen) => seen + 1) == 1:
                    await ServerResponses.ErrorAsync(response, 503, "The upstream service is temporarily unavailable", requestId, stopping).ConfigureAwait(false);
                    return (503, "injected unavailability");
                case FaultModels.Slow:
                    await Task.Delay(SlowAnswerDelay, stopping).ConfigureAwait(false);
                    return null;
                default:
                    return null;
            }
        }

        private static async Task<byte[]?> ReadBodyAsync(HttpListenerRequest request, CancellationToken stopping)
        {
            using var body = new MemoryStream();
            byte[] buffer = new byte[16 * 1024];
            int read;
            while ((read = await request.InputStream.ReadAsync(buffer, stopping).ConfigureAwait(false)) > 0)
            {
                if (body.Length + read > MaxBodyBytes)
                {
                    return null;
                }

                body.Write(buffer, 0, read);
            }

            return body.ToArray();
        }

        /// <summary>A parse failure in words, with the JSON path (never the offending value).</summary>
        private static string Describe(CometApiContractError error) => error.Kind switch
        {
            CometApiContractErrorKind.MissingRequiredField when error.JsonPath == "$.model" => "model name is required",
            CometApiContractErrorKind.MissingRequiredField => error.JsonPath + " is required",
            CometApiContractErrorKind.WrongType => error.JsonPath + " has the wrong type",
            CometApiContractErrorKind.OutOfRange => error.JsonPath + " is out of range",
            _ => "the request body is not valid JSON",
        };
    }
}
