using System.Threading;
using System.Threading.Tasks;

namespace CometChat.Probes
{
    /// <summary>One check of the CometAPI contract: what it expects and how it observes.</summary>
    internal interface IContractProbe
    {
        string Name { get; }

        Expectation Expected { get; }

        /// <summary>True when the probe relies on the embedded server's fault injection; against a real endpoint it is skipped.</summary>
        bool NeedsEmbeddedServer { get; }

        Task<Observation> RunAsync(ProbeContext context, CancellationToken cancellationToken);
    }
}
