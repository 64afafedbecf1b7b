using System.Threading;
using System.Threading.Tasks;
using CometApi.Contracts;
using CometChat.Http;

namespace CometChat.Probes
{
    /// <summary>
    /// 4. The canary with the required <c>model</c> removed, sent raw (client validation would refuse it):
    /// 400, classified ClientRequest, with CometAPI's error shape <c>{"error":{"code":"","message":"... (request id: ...)","type":"comet_api_error"}}</c>.
    /// </summary>
    internal sealed class MalformedRequestProbe : IContractProbe
    {
        public string Name => "malformed request (no model)";

        public Expectation Expected { get; } = new(
            "ClientRequest (400, CometAPI error)",
            CometApiFailureClass.ClientRequest,
            observed => observed.Status != 400 ? $"expected HTTP 400, got {observed.StatusText}"
                : observed.Kind != ObservationKind.ApiError ? "no error payload"
                : !observed.HasCometErrorShape ? "the error payload is not CometAPI's shape (type comet_api_error, request id in the message)"
                : Expectation.NotRetried(observed));

        public bool NeedsEmbeddedServer => false;

        public async Task<Observation> RunAsync(ProbeContext context, CancellationToken cancellationToken)
        {
            byte[] body = ProbeRequests.WithoutProperty(ProbeRequests.Canary(context.Model), "model");
            using HttpCallResult call = await context.Client.SendAsync(CallRequest.Raw(body, stream: false), context.Pipeline, cancellationToken).ConfigureAwait(false);
            return await ResponseInspector.CompletionAsync(call, cancellationToken).ConfigureAwait(false);
        }
    }
}
