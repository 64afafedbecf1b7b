namespace CometChat.Probes
{
    /// <summary>A probe, what it observed, and why that is not what it expected (null when it is).</summary>
    internal sealed record ProbeResult(IContractProbe Probe, Observation Observed, string? Mismatch)
    {
        public bool AsExpected => Mismatch is null;
    }
}
