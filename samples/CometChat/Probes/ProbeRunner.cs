using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using CometApi.Contracts;
using CometChat.Logging;
using Microsoft.Extensions.Logging;

namespace CometChat.Probes
{
    /// <summary>Runs the probes one after another and compares each observation with its expectation.</summary>
    internal static class ProbeRunner
    {
        public static async Task<IReadOnlyList<ProbeResult>> RunAsync(
            IReadOnlyList<IContractProbe> probes, ProbeContext context, bool embeddedServer, ILogger logger, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(probes);
            var results = new List<ProbeResult>(probes.Count);
            foreach (IContractProbe probe in probes)
            {
                Observation observed;
                if (probe.NeedsEmbeddedServer && !embeddedServer)
                {
                    observed = Observation.Skipped();
                }
                else
                {
                    long started = Stopwatch.GetTimestamp();
                    try
                    {
                        observed = await probe.RunAsync(context, cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                    {
                        // A bug in a probe is reported as such, never as an observation of the API.
                        observed = new Observation { Kind = ObservationKind.ProbeError, Class = CometApiFailureClass.Unexpected, Notes = exception.GetType().Name };
                    }

                    observed = observed with { Latency = Stopwatch.GetElapsedTime(started) };
                }

                var result = new ProbeResult(probe, observed, probe.Expected.Mismatch(observed));
                ProbeLog.ProbeFinished(logger, probe.Name, observed.Label, observed.StatusText, observed.Attempts, (long)observed.Latency.TotalMilliseconds, result.AsExpected ? "as expected" : "NOT as expected: " + result.Mismatch);
                results.Add(result);
            }

            return results;
        }
    }
}
