using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CometApi.Contracts;
using CometChat.Http;
using CometChat.Server;

namespace CometChat.Probes
{
    /// <summary>
    /// Probes 6 to 8: the client's retry and timeout rules against faults the embedded server injects by model name. Each is
    /// one call through the generated <see cref="CometApiClient"/>; <see cref="FaultKeyHandler"/> tags it and records the
    /// status of every attempt, and the exception (when the call fails) gives the class and the attempts.
    /// </summary>
    internal sealed class FaultProbes
    {
        /// <summary>The attempt timeout of the client-timeout probe; the embedded server holds that answer for seconds.</summary>
        public static readonly TimeSpan SlowAttemptTimeout = TimeSpan.FromMilliseconds(100);

        private readonly HttpClient _http;
        private readonly Func<CometApiClientOptions> _options;
        private readonly FaultKeyHandler _faults;

        /// <param name="http">The client over <paramref name="faults"/>.</param>
        /// <param name="options">Makes the options of each probe's client (the same as the contract probes').</param>
        /// <param name="faults">The handler in front of the embedded server.</param>
        public FaultProbes(HttpClient http, Func<CometApiClientOptions> options, FaultKeyHandler faults)
        {
            _http = http;
            _options = options;
            _faults = faults;
        }

        /// <summary>The probes' names and expectations, in order, for the rows of a run that skips them.</summary>
        public static IReadOnlyList<(string Name, string Expected)> Names { get; } =
        [
            ("429 + Retry-After", "success after 429 retry"),
            ("transient 503", "success after 503 retry"),
            ("client timeout", "AttemptTimeout"),
        ];

        /// <summary>6. A 429 with Retry-After, once: the client waits what Retry-After says and the retry succeeds.</summary>
        public Task<ProbeRow> RateLimitRetryAsync(CancellationToken cancellationToken)
            => RetriedOnceAsync(0, FaultModels.RateLimitedOnce, 429, cancellationToken);

        /// <summary>7. A 503 once, then success: the contract calls 503 retryable, so the second attempt succeeds.</summary>
        public Task<ProbeRow> TransientRetryAsync(CancellationToken cancellationToken)
            => RetriedOnceAsync(1, FaultModels.UnavailableOnce, 503, cancellationToken);

        /// <summary>
        /// 8. A server slower than the attempt timeout: every attempt times out, attempt timeouts are retried within the
        /// contract's bound, and the call ends as AttemptTimeout after 1 + <see cref="CometApiContract.MaxRetries"/> attempts.
        /// </summary>
        public async Task<ProbeRow> ClientTimeoutAsync(CancellationToken cancellationToken)
        {
            CometApiClientOptions options = _options();
            options.AttemptTimeout = SlowAttemptTimeout;
            (CometApiClientException? failure, ChatCompletionResponse? _, IReadOnlyList<int> statuses, TimeSpan? _, TimeSpan latency) = await CallAsync(options, FaultModels.Slow, cancellationToken).ConfigureAwait(false);

            int expectedAttempts = CometApiContract.MaxRetries + 1;
            int attempts = failure?.Attempts ?? statuses.Count;
            string? mismatch = failure?.FailureClass != CometApiClientFailureClass.AttemptTimeout
                ? $"expected AttemptTimeout, observed {ObservedName(failure)}"
                : attempts != expectedAttempts ? $"expected {expectedAttempts} attempts, saw {attempts}"
                : null;
            return new ProbeRow
            {
                Name = Names[2].Name,
                Expected = Names[2].Expected,
                Observed = ObservedName(failure),
                Status = failure?.StatusCode,
                Attempts = attempts,
                Latency = latency,
                Mismatch = mismatch,
                Notes = "attempt timeout " + SlowAttemptTimeout.TotalMilliseconds + " ms",
            };
        }

        private async Task<ProbeRow> RetriedOnceAsync(int index, string model, int faultStatus, CancellationToken cancellationToken)
        {
            (CometApiClientException? failure, ChatCompletionResponse? response, IReadOnlyList<int> statuses, TimeSpan? retryAfter, TimeSpan latency) = await CallAsync(_options(), model, cancellationToken).ConfigureAwait(false);

            // A 429's Retry-After is waited in full (it is not scaled like the backoff): the call cannot be quicker.
            string? mismatch = failure is not null ? $"expected success, observed {ObservedName(failure)}"
                : statuses.Count == 0 || statuses[0] != faultStatus ? $"the first attempt was not answered {faultStatus}"
                : statuses.Count < 2 ? "not retried"
                : faultStatus == 429 && retryAfter is null ? "the 429 had no Retry-After"
                : faultStatus == 429 && latency < retryAfter ? "the retry did not wait what Retry-After said"
                : null;
            return new ProbeRow
            {
                Name = Names[index].Name,
                Expected = Names[index].Expected,
                Observed = ObservedName(failure),
                Status = failure?.StatusCode ?? (statuses.Count > 0 ? statuses[^1] : null),
                Attempts = failure?.Attempts ?? statuses.Count,
                Latency = latency,
                InputTokens = response?.Usage?.PromptTokens,
                OutputTokens = response?.Usage?.CompletionTokens,
                Mismatch = mismatch,
                Notes = "attempts answered " + string.Join(", ", statuses) + (retryAfter is { } wait ? $", Retry-After {wait.TotalSeconds} s" : string.Empty),
            };
        }

        /// <summary>One call for <paramref name="model"/> under a fresh fault key: its failure or response, its attempts' statuses, the first one's Retry-After and its latency.</summary>
        private async Task<(CometApiClientException? Failure, ChatCompletionResponse? Response, IReadOnlyList<int> Statuses, TimeSpan? RetryAfter, TimeSpan Latency)> CallAsync(
            CometApiClientOptions options, string model, CancellationToken cancellationToken)
        {
            var client = new CometApiClient(_http, options);
            using FaultKeyHandler.FaultRun run = _faults.Begin();
            long started = Stopwatch.GetTimestamp();
            try
            {
                ChatCompletionResponse response = await client.CompleteAsync(ProbeRequests.Canary(model), cancellationToken).ConfigureAwait(false);
                return (null, response, run.Statuses, run.FirstRetryAfter, Stopwatch.GetElapsedTime(started));
            }
            catch (CometApiClientException failure)
            {
                return (failure, null, run.Statuses, run.FirstRetryAfter, Stopwatch.GetElapsedTime(started));
            }
        }

        private static string ObservedName(CometApiClientException? failure) => CometApiProbeResult.Describe(failure?.FailureClass);
    }
}
