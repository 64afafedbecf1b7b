using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CometApi.Contracts;
using CometChat.Http;
using CometChat.Server;

namespace CometChat.Probes
{
    /// <summary>
    /// 6. A 429 with Retry-After, once. Expected: the pipeline waits what Retry-After says (scaled like every delay)
    /// and the retry succeeds. A 429 that outlasts the retries would surface as RateLimit instead.
    /// </summary>
    internal sealed class RateLimitRetryProbe : IContractProbe
    {
        public string Name => "429 + Retry-After";

        public Expectation Expected { get; } = new(
            "success after 429 retry",
            CometApiFailureClass.None,
            observed => observed.Retries.FirstOrDefault() is not { StatusCode: 429 } first ? "the first attempt was not answered 429"
                : first.RetryAfter is null ? "the 429 had no Retry-After"
                : observed.Attempts < 2 ? "not retried"
                : null);

        public bool NeedsEmbeddedServer => true;

        public async Task<Observation> RunAsync(ProbeContext context, CancellationToken cancellationToken)
        {
            var request = CallRequest.For(ProbeRequests.Canary(FaultModels.RateLimitedOnce)).WithFaultKey(ProbeContext.NewFaultKey());
            using HttpCallResult call = await context.Client.SendAsync(request, context.Pipeline, cancellationToken).ConfigureAwait(false);
            return await ResponseInspector.CompletionAsync(call, cancellationToken).ConfigureAwait(false);
        }
    }
}
