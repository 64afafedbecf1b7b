using System.Collections.Generic;

namespace CometChat.Probes
{
    /// <summary>The probes, in the order an operator reads them: canaries, negative probes, then fault handling.</summary>
    internal static class ContractProbes
    {
        public static IReadOnlyList<IContractProbe> All { get; } =
        [
            new CanaryProbe(),
            new StreamingCanaryProbe(),
            new MissingAuthProbe(),
            new MalformedRequestProbe(),
            new UnknownModelProbe(),
            new RateLimitRetryProbe(),
            new TransientRetryProbe(),
            new ClientTimeoutProbe(),
        ];
    }
}
