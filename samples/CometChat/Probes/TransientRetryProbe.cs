using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CometApi.Contracts;
using CometChat.Http;
using CometChat.Server;

namespace CometChat.Probes
{
    /// <summary>7. A 503 once, then success: the contract calls 503 retryable, so the second attempt succeeds.</summary>
    internal sealed class TransientRetryProbe : IContractProbe
    {
        public string Name => "transient 503";

        public Expectation Expected { get; } = new(
            "success after 503 retry",
            CometApiFailureClass.None,
            observed => observed.Retries.FirstOrDefault() is not { StatusCode: 503 } ? "the first attempt was not answered 503"
                : observed.Attempts < 2 ? "not retried"
                : null);

        public bool NeedsEmbeddedServer => true;

        public async Task<Observation> RunAsync(ProbeContext context, CancellationToken cancellationToken)
        {
            var request = CallRequest.For(ProbeRequests.Canary(FaultModels.UnavailableOnce)).WithFaultKey(ProbeContext.NewFaultKey());
            using HttpCallResult call = await context.Client.SendAsync(request, context.Pipeline, cancellationToken).ConfigureAwait(false);
            return await ResponseInspector.CompletionAsync(call, cancellationToken).ConfigureAwait(false);
        }
    }
}
