using System.Threading;
using System.Threading.Tasks;
using CometApi.Contracts;
using CometChat.Http;

namespace CometChat.Probes
{
    /// <summary>3. The canary without its Authorization header: 401, classified Auth, not retried.</summary>
    internal sealed class MissingAuthProbe : IContractProbe
    {
        public string Name => "missing auth";

        public Expectation Expected { get; } = new(
            "Auth (401)",
            CometApiFailureClass.Auth,
            observed => observed.Status != 401 ? $"expected HTTP 401, got {observed.StatusText}" : Expectation.NotRetried(observed));

        public bool NeedsEmbeddedServer => false;

        public async Task<Observation> RunAsync(ProbeContext context, CancellationToken cancellationToken)
        {
            var request = CallRequest.For(ProbeRequests.Canary(context.Model)).WithoutCredential();
            using HttpCallResult call = await context.Client.SendAsync(request, context.Pipeline, cancellationToken).ConfigureAwait(false);
            return await ResponseInspector.CompletionAsync(call, cancellationToken).ConfigureAwait(false);
        }
    }
}
