using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CometApi.Contracts;
using CometChat.Logging;
using Microsoft.Extensions.Logging;

namespace CometChat.Probes
{
    /// <summary>
    /// The eight probes, in the order an operator reads them: the contract probes of the generated
    /// <see cref="CometApiProbe"/> (canary, streaming canary, missing auth, malformed request, unknown model), then the
    /// fault probes, which need the embedded server and are skipped against a real endpoint.
    /// </summary>
    internal static class ContractProbes
    {
        private static readonly Dictionary<string, string> Names = new()
        {
            ["Canary"] = "canary",
            ["StreamingCanary"] = "stream canary",
            ["MissingAuth"] = "missing auth",
            ["MalformedRequest"] = "malformed request (no " + CometApiProbe.MalformedRequestRemovedProperty + ")",
            ["UnknownModel"] = "unknown model",
        };

        public static async Task<IReadOnlyList<ProbeRow>> RunAsync(CometApiProbe probe, FaultProbes? faults, ILogger logger, CancellationToken cancellationToken)
        {
            var rows = new List<ProbeRow>();
            foreach (CometApiProbeResult result in await probe.RunAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(Log(logger, FromResult(result)));
            }

            if (faults is null)
            {
                foreach ((string name, string expected) in FaultProbes.Names)
                {
                    rows.Add(Log(logger, ProbeRow.Skip(name, expected)));
                }

                return rows;
            }

            rows.Add(Log(logger, await faults.RateLimitRetryAsync(cancellationToken).ConfigureAwait(false)));
            rows.Add(Log(logger, await faults.TransientRetryAsync(cancellationToken).ConfigureAwait(false)));
            rows.Add(Log(logger, await faults.ClientTimeoutAsync(cancellationToken).ConfigureAwait(false)));
            return rows;
        }

        /// <summary>A generated probe's result as a row; its verdict is the probe's own <see cref="CometApiProbeResult.AsExpected"/>.</summary>
        private static ProbeRow FromResult(CometApiProbeResult result) => new()
        {
            Name = Names.TryGetValue(result.Name, out string? name) ? name : result.Name,
            Expected = result.Expected is null ? "success" : CometApiProbeResult.Describe(result.Expected) + ", not retried",
            Observed = CometApiProbeResult.Describe(result.Observed),
            Status = result.StatusCode,
            Attempts = result.Attempts,
            Latency = result.Latency,
            InputTokens = result.InputTokens,
            OutputTokens = result.OutputTokens,
            Mismatch = result.AsExpected ? null
                : result.Observed == result.Expected ? $"a non-retryable answer was sent {result.Attempts} times"
                : $"expected {CometApiProbeResult.Describe(result.Expected)}, observed {CometApiProbeResult.Describe(result.Observed)}",
            Notes = ProbeRow.Describe(result.Exception),
        };

        private static ProbeRow Log(ILogger logger, ProbeRow row)
        {
            ProbeLog.ProbeFinished(logger, row.Name, row.Observed, row.StatusText, row.Attempts, (long)row.Latency.TotalMilliseconds, row.AsExpected ? "as expected" : "NOT as expected: " + row.Mismatch);
            return row;
        }
    }
}
