using System;
using System.Threading;
using System.Threading.Tasks;
using CometApi.Contracts;
using CometChat.Http;
using CometChat.Server;

namespace CometChat.Probes
{
    /// <summary>
    /// 8. A server slower than the client's attempt timeout: every attempt times out (timeouts are retried, within the
    /// contract's bound), and the call ends as Timeout.
    /// </summary>
    internal sealed class ClientTimeoutProbe : IContractProbe
    {
        /// <summary>The attempt timeout of this probe; the embedded server holds the answer for seconds.</summary>
        public static readonly TimeSpan AttemptTimeout = TimeSpan.FromMilliseconds(100);

        public string Name => "client timeout";

        public Expectation Expected { get; } = new(
            "Timeout",
            CometApiFailureClass.Timeout,
            observed => observed.Attempts == CometApiContract.MaxRetries + 1 ? null : $"expected {CometApiContract.MaxRetries + 1} attempts, saw {observed.Attempts}");

        public bool NeedsEmbeddedServer => true;

        public async Task<Observation> RunAsync(ProbeContext context, CancellationToken cancellationToken)
        {
            var pipeline = context.PipelineWith(context.Resilience.WithAttemptTimeout(AttemptTimeout));
            var request = CallRequest.For(ProbeRequests.Canary(FaultModels.Slow)).WithFaultKey(ProbeContext.NewFaultKey());
            using HttpCallResult call = await context.Client.SendAsync(request, pipeline, cancellationToken).ConfigureAwait(false);
            return await ResponseInspector.CompletionAsync(call, cancellationToken).ConfigureAwait(false);
        }
    }
}
