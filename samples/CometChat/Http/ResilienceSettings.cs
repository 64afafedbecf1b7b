using System;
using CometApi.Contracts;

namespace CometChat.Http
{
    /// <summary>Timeouts and backoff for one pipeline. Retry count and retryable statuses are not settings: they come from the contract.</summary>
    internal sealed class ResilienceSettings
    {
        /// <summary>Backoff before the first retry, before scaling; later retries double it (with jitter).</summary>
        public static readonly TimeSpan BaseDelay = TimeSpan.FromSeconds(1);

        /// <summary>The longest backoff between two attempts, before scaling.</summary>
        public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(20);

        /// <summary>A Retry-After longer than this is not waited out: the call fails as RateLimit instead of hanging.</summary>
        public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(60);

        public ResilienceSettings(double delayScale, TimeSpan attemptTimeout, TimeSpan totalTimeout)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(delayScale);
            DelayScale = delayScale;
            AttemptTimeout = attemptTimeout;
            TotalTimeout = totalTimeout;
        }

        /// <summary>Multiplies every delay, Retry-After included. 1 against a real API; tiny against the embedded server.</summary>
        public double DelayScale { get; }

        public TimeSpan AttemptTimeout { get; }

        public TimeSpan TotalTimeout { get; }

        /// <summary>The contract's timeouts (30 s per attempt, 90 s in all when the contract sets them).</summary>
        public static ResilienceSettings FromContract(double delayScale)
            => new(delayScale, CometApiContract.AttemptTimeout ?? TimeSpan.FromSeconds(30), CometApiContract.TotalTimeout ?? TimeSpan.FromSeconds(90));

        /// <summary>The same settings with another per-attempt timeout.</summary>
        public ResilienceSettings WithAttemptTimeout(TimeSpan attemptTimeout) => new(DelayScale, attemptTimeout, TotalTimeout);

        public TimeSpan Scale(TimeSpan delay) => TimeSpan.FromTicks((long)(delay.Ticks * DelayScale));
    }
}
