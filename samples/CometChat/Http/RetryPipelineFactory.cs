using System;
using System.Net.Http;
using System.Threading.Tasks;
using CometApi.Contracts;
using CometChat.Logging;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace CometChat.Http
{
    /// <summary>
    /// The Polly v8 pipeline every call goes through: a total timeout around a bounded retry around a per-attempt timeout.
    /// Retries follow the contract: only statuses <see cref="CometApiContract.IsRetryable(int)"/> accepts (plus transport
    /// failures and attempt timeouts), at most <see cref="CometApiContract.MaxRetries"/> times, with exponential backoff,
    /// jitter, and the server's Retry-After when it sends one.
    /// </summary>
    internal static class RetryPipelineFactory
    {
        /// <summary>Where a call keeps its <see cref="AttemptLog"/> in the <see cref="ResilienceContext"/>.</summary>
        public static readonly ResiliencePropertyKey<AttemptLog> AttemptLogKey = new("CometChat.AttemptLog");

        public static ResiliencePipeline<HttpResponseMessage> Create(ResilienceSettings settings, ILogger logger)
        {
            ArgumentNullException.ThrowIfNull(settings);
            ArgumentNullException.ThrowIfNull(logger);

            return new ResiliencePipelineBuilder<HttpResponseMessage>()
                .AddTimeout(new TimeoutStrategyOptions { Name = "total-timeout", Timeout = settings.TotalTimeout })
                .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
                {
                    Name = "contract-retry",
                    MaxRetryAttempts = CometApiContract.MaxRetries,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = settings.Scale(ResilienceSettings.BaseDelay),
                    MaxDelay = settings.Scale(ResilienceSettings.MaxDelay),
                    ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome)),
                    DelayGenerator = args => ValueTask.FromResult(RetryAfterDelay(args.Outcome, settings)),
                    OnRetry = args =>
                    {
                        RecordRetry(args, logger);
                        return default;
                    },
                })
                .AddTimeout(new TimeoutStrategyOptions { Name = "attempt-timeout", Timeout = settings.AttemptTimeout })
                .Build();
        }

        /// <summary>
        /// Retry on what the contract calls retryable and on failures that carry no answer (connection errors, attempt timeouts).
        /// Never on 400/401/403/404 and the other 4xx, and not when the server asks for a longer wait than we are willing to give.
        /// </summary>
        internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome) => outcome switch
        {
            { Exception: HttpRequestException } => true,
            { Exception: TimeoutRejectedException } => true,
            { Result: { } response } => CometApiContract.IsRetryable(response.StatusCode) && !(RetryAfter.Of(response) > ResilienceSettings.MaxRetryAfter),
            _ => false,
        };

        /// <summary>The server's Retry-After (scaled like every delay) when it sent one; otherwise null, so the exponential backoff applies.</summary>
        private static TimeSpan? RetryAfterDelay(Outcome<HttpResponseMessage> outcome, ResilienceSettings settings)
            => outcome.Result is { } response && RetryAfter.Of(response) is { } wait ? settings.Scale(wait) : null;

        private static void RecordRetry(OnRetryArguments<HttpResponseMessage> args, ILogger logger)
        {
            int failedAttempt = args.AttemptNumber + 1;
            int? status = args.Outcome.Result is { } response ? (int)response.StatusCode : null;
            TimeSpan? retryAfter = args.Outcome.Result is { } withHeader ? RetryAfter.Of(withHeader) : null;
            string? failure = args.Outcome.Exception switch
            {
                null => null,
                TimeoutRejectedException => "attempt timeout",
                HttpRequestException http => "transport " + http.HttpRequestError,
                Exception other => other.GetType().Name,
            };

            if (args.Context.Properties.TryGetValue(AttemptLogKey, out AttemptLog? log))
            {
                log.RecordRetry(new RetryRecord(failedAttempt, status, failure, args.RetryDelay, retryAfter));
            }

            string cause = status is { } code ? code.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + CometApiContract.Classify(code) : failure ?? "unknown";
            ProbeLog.Retrying(logger, failedAttempt, CometApiContract.MaxRetries + 1, cause, args.RetryDelay.TotalMilliseconds, retryAfter is not null);
        }
    }
}
