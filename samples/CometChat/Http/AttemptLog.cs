using System;
using System.Collections.Generic;
using System.Threading;

namespace CometChat.Http
{
    /// <summary>What happened on each attempt of one call: filled in by the pipeline, read by the probe.</summary>
    internal sealed class AttemptLog
    {
        private readonly List<RetryRecord> _retries = [];
        private int _attempts;

        /// <summary>Attempts sent, the first one included.</summary>
        public int Attempts => Volatile.Read(ref _attempts);

        /// <summary>One entry per retry: why the previous attempt failed and how long the pipeline waited.</summary>
        public IReadOnlyList<RetryRecord> Retries => _retries;

        public void BeginAttempt() => Interlocked.Increment(ref _attempts);

        public void RecordRetry(RetryRecord record) => _retries.Add(record);
    }

    /// <summary>A retry: the failed attempt (1-based), its status or failure, the delay before the next attempt and whether Retry-After set it.</summary>
    internal sealed record RetryRecord(int FailedAttempt, int? StatusCode, string? Failure, TimeSpan Delay, TimeSpan? RetryAfter);
}
