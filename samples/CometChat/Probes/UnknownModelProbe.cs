using System.Threading;
using System.Threading.Tasks;
using CometApi.Contracts;
using CometChat.Http;
using CometChat.Server;

namespace CometChat.Probes
{
    /// <summary>5. The canary with a model id nobody serves: 400 or 404 with an error payload, classified ClientRequest, not retried.</summary>
    internal sealed class UnknownModelProbe : IContractProbe
    {
        public string Name => "unknown model";

        public Expectation Expected { get; } = new(
            "ClientRequest (400/404, error)",
            CometApiFailureClass.ClientRequest,
            observed => observed.Status is not (400 or 404) ? $"expected HTTP 400 or 404, got {observed.StatusText}"
                : observed.Kind != ObservationKind.ApiError ? "no error payload"
                : Expectation.NotRetried(observed));

        public bool NeedsEmbeddedServer => false;

        public async Task<Observation> RunAsync(ProbeContext context, CancellationToken cancellationToken)
        {
            using HttpCallResult call = await context.Client.SendAsync(CallRequest.For(ProbeRequests.Canary(FaultModels.Unknown)), context.Pipeline, cancellationToken).ConfigureAwait(false);
            return await ResponseInspector.CompletionAsync(call, cancellationToken).ConfigureAwait(false);
        }
    }
}
