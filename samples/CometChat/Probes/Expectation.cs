using System;
using CometApi.Contracts;

namespace CometChat.Probes
{
    /// <summary>What a probe expects: a failure class, plus optional checks on status, attempts or payload shape.</summary>
    internal sealed class Expectation
    {
        private readonly Func<Observation, string?>? _check;

        public Expectation(string label, CometApiFailureClass failureClass, Func<Observation, string?>? check = null)
        {
            Label = label;
            Class = failureClass;
            _check = check;
        }

        /// <summary>The expected class as the table prints it.</summary>
        public string Label { get; }

        public CometApiFailureClass Class { get; }

        /// <summary>Null when the observation matches; otherwise why not. A skipped probe matches.</summary>
        public string? Mismatch(Observation observed)
        {
            ArgumentNullException.ThrowIfNull(observed);
            if (observed.Kind == ObservationKind.Skipped)
            {
                return null;
            }

            if (observed.Class != Class)
            {
                return $"expected {Class}, observed {observed.Class} ({observed.Label})";
            }

            return _check?.Invoke(observed);
        }

        /// <summary>A persistent 4xx must not be retried: one attempt only.</summary>
        public static string? NotRetried(Observation observed)
            => observed.Attempts == 1 ? null : $"a non-retryable answer was sent {observed.Attempts} times";
    }
}
