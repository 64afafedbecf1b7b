using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using CometApi.Contracts;
using CometChat.Configuration;
using Polly;
using Polly.Timeout;

namespace CometChat.Http
{
    /// <summary>
    /// Sends chat completions calls to the configured endpoint through a retry pipeline. Knows nothing of probes:
    /// it returns what happened and leaves the classification to the caller.
    /// </summary>
    internal sealed class CometChatClient
    {
        /// <summary>The header that carries <see cref="CallRequest.FaultKey"/>; sent only to the embedded server.</summary>
        public const string FaultKeyHeader = "X-Comet-Probe-Id";

        private static readonly HttpMethod ContractMethod = new(CometApiContract.Method);
        private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");
        private static readonly MediaTypeWithQualityHeaderValue EventStream = new("text/event-stream");

        private readonly HttpClient _http;
        private readonly ApiCredential _credential;
        private readonly bool _sendFaultKeys;

        public CometChatClient(HttpClient http, Uri endpoint, ApiCredential credential, bool sendFaultKeys)
        {
            _http = http ?? throw new ArgumentNullException(nameof(http));
            Endpoint = endpoint ?? throw new ArgumentNullException(nameof(endpoint));
            _credential = credential ?? throw new ArgumentNullException(nameof(credential));
            _sendFaultKeys = sendFaultKeys;
        }

        public Uri Endpoint { get; }

        /// <summary>
        /// Validates a typed request against the contract, then sends it through <paramref name="pipeline"/>.
        /// A streaming call returns as soon as the headers arrive; any other call has its body buffered within the attempt,
        /// so the attempt timeout covers it.
        /// </summary>
        public async Task<HttpCallResult> SendAsync(CallRequest call, ResiliencePipeline<HttpResponseMessage> pipeline, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(call);
            ArgumentNullException.ThrowIfNull(pipeline);

            var attempts = new AttemptLog();
            if (call.Model?.Validate() is { Count: > 0 } violations)
            {
                return new HttpCallResult(null, null, attempts, violations);
            }

            ResilienceContext context = ResilienceContextPool.Shared.Get(cancellationToken);
            context.Properties.Set(RetryPipelineFactory.AttemptLogKey, attempts);
            try
            {
                HttpResponseMessage response = await pipeline.ExecuteAsync(
                    static (ctx, state) => state.Client.SendAttemptAsync(state.Call, state.Attempts, ctx.CancellationToken),
                    context,
                    (Client: this, Call: call, Attempts: attempts)).ConfigureAwait(false);
                return new HttpCallResult(response, null, attempts, []);
            }
            catch (Exception exception) when (exception is HttpRequestException or TimeoutRejectedException or OperationCanceledException)
            {
                // No answer at all: a transport failure, a timeout (attempt or total) or the caller's cancellation.
                return new HttpCallResult(null, exception, attempts, []);
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }
        }

        private async ValueTask<HttpResponseMessage> SendAttemptAsync(CallRequest call, AttemptLog attempts, CancellationToken cancellationToken)
        {
            attempts.BeginAttempt();
            using var request = new HttpRequestMessage(ContractMethod, Endpoint) { Content = call.CreateContent() };
            request.Headers.Accept.Add(call.Stream ? EventStream : Json);
            if (call.SendCredential)
            {
                request.Headers.TryAddWithoutValidation(CometApiContract.AuthHeader, _credential.HeaderValue);
            }

            if (_sendFaultKeys && call.FaultKey is { } faultKey)
            {
                request.Headers.TryAddWithoutValidation(FaultKeyHeader, faultKey);
            }

            HttpCompletionOption completion = call.Stream ? HttpCompletionOption.ResponseHeadersRead : HttpCompletionOption.ResponseContentRead;
            return await _http.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
        }
    }
}
