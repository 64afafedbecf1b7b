using System;
using System.Collections.Generic;
using System.Text;
using System.Threading.Tasks;
using CometAnalyzers.Tests.Robustness.Fuzzing;

namespace CometAnalyzers.Runtime.Tests.Robustness.Payloads
{
    /// <summary>A mutant of one sample; <see cref="Span"/> is the value the mutation aimed at, when it aimed at one.</summary>
    internal sealed record PayloadCase(PayloadSample Sample, Mutant Mutant, JsonValueSpan? Span = null)
    {
        public string Mutation => $"{Sample.Name}: {Mutant.Description}";

        public string Text => Encoding.UTF8.GetString(Mutant.Bytes);
    }

    internal static class PayloadFuzz
    {
        /// <summary>
        /// Checks every case against the model's invariants, in parallel; <paramref name="verify"/> then gets what each
        /// case came to, for the test's own expectations (it is not called for a case that already failed).
        /// </summary>
        public static void CheckAll(FuzzRun run, IEnumerable<PayloadCase> cases, Action<PayloadCase, PayloadOutcome>? verify = null)
        {
            Parallel.ForEach(cases, item =>
            {
                if (item.Sample.Model.Check(run, item.Mutation, item.Mutant.Bytes) is { } outcome)
                {
                    verify?.Invoke(item, outcome);
                }
            });
        }
    }
}
