using System.Threading;
using System.Threading.Tasks;
using CometApi.Contracts;
using CometChat.Http;

namespace CometChat.Probes
{
    /// <summary>2. The streaming canary: chunks with content, usage on the last chunk only, ended by <c>data: [DONE]</c>.</summary>
    internal sealed class StreamingCanaryProbe : IContractProbe
    {
        public string Name => "stream canary";

        public Expectation Expected { get; } = new("success (stream)", CometApiFailureClass.None);

        public bool NeedsEmbeddedServer => false;

        public async Task<Observation> RunAsync(ProbeContext context, CancellationToken cancellationToken)
        {
            var request = CallRequest.For(ProbeRequests.StreamingCanary(context.Model));
            using HttpCallResult call = await context.Client.SendAsync(request, context.Pipeline, cancellationToken).ConfigureAwait(false);
            return await ResponseInspector.StreamAsync(call, context.Resilience.TotalTimeout, cancellationToken).ConfigureAwait(false);
        }
    }
}
