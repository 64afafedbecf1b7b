using System.Threading;
using System.Threading.Tasks;
using CometApi.Contracts;
using CometChat.Http;

namespace CometChat.Probes
{
    /// <summary>1. The valid canary: success, non-empty content, usage fields present.</summary>
    internal sealed class CanaryProbe : IContractProbe
    {
        public string Name => "canary";

        public Expectation Expected { get; } = new("success", CometApiFailureClass.None);

        public bool NeedsEmbeddedServer => false;

        public async Task<Observation> RunAsync(ProbeContext context, CancellationToken cancellationToken)
        {
            using HttpCallResult call = await context.Client.SendAsync(CallRequest.For(ProbeRequests.Canary(context.Model)), context.Pipeline, cancellationToken).ConfigureAwait(false);
            return await ResponseInspector.CompletionAsync(call, cancellationToken).ConfigureAwait(false);
        }
    }
}
