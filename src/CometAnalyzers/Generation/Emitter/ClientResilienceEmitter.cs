namespace CometAnalyzers.Generation.Emitter
{
    /// <summary>
    /// The client's side of Microsoft.Extensions.Http.Resilience's standard pipeline, which <c>Add&lt;Name&gt;Client</c> puts it
    /// behind when the project references the library (<see cref="Model.ClientFeatures.Resilience"/>): the pipeline's options
    /// from the contract and <c>&lt;Name&gt;ClientOptions</c>, the handler that makes each of the pipeline's attempts one of the
    /// call's, and what the pipeline's own exceptions mean as failure classes. A part of <c>&lt;Name&gt;Client</c>, because it
    /// records into the client's private call; the client's loop then sends once (see ClientClassEmitter).
    /// </summary>
    internal static class ClientResilienceEmitter
    {
        public static void Emit(SourceWriter w, ClientNames n)
        {
            string failure = n.QualifiedFailure;
            const string Http = "global::Microsoft.Extensions.Http.Resilience.";
            ClientEmitter.Template(w, $$"""
public sealed partial class {{n.Client}}
{
    // Polly's limits: a timeout from 10 ms to a day, a circuit breaker's sampling duration at most a day and at least twice the
    // attempt timeout, a retry delay at most a day.
    private static readonly global::System.TimeSpan s_shortestPipelineTimeout = global::System.TimeSpan.FromMilliseconds(10);
    private static readonly global::System.TimeSpan s_longestPipelineTimeout = global::System.TimeSpan.FromDays(1);
    private static readonly global::System.Net.Http.HttpRequestOptionsKey<PipelineCall> s_pipelineCallOption = new global::System.Net.Http.HttpRequestOptionsKey<PipelineCall>("{{n.TelemetryName}}.Call");
    private static readonly global::Polly.ResiliencePropertyKey<PipelineCall> s_pipelineCallProperty = new global::Polly.ResiliencePropertyKey<PipelineCall>("{{n.TelemetryName}}.Call");

    /// <summary>True when the resilience pipeline retries and times out this client's attempts (the registration's client).</summary>
    private readonly bool _pipeline;

    /// <summary>
    /// The client <c>Add{{n.Client}}</c> makes over an <c>HttpClient</c> whose handlers include the standard resilience
    /// pipeline (<see cref="ConfigureResiliencePipeline"/>) and, inside it, <see cref="CreatePipelineAttemptHandler"/>:
    /// the client then sends each call once and does not retry or time out around the pipeline. The attempt timeout still
    /// bounds the wait between two stream events, after the pipeline has handed the stream over.
    /// </summary>
    internal {{n.Client}}(global::System.Net.Http.HttpClient httpClient, {{n.QualifiedOptions}} options, bool resiliencePipeline)
        : this(httpClient, options)
    {
        _pipeline = resiliencePipeline;
        if (resiliencePipeline)
        {
            _maxRetries = 0;
            _totalTimeout = global::System.Threading.Timeout.InfiniteTimeSpan;
        }
    }

    /// <summary>
    /// The standard pipeline (rate limiter, total timeout, retry, circuit breaker, attempt timeout) as the contract and
    /// <paramref name="options"/> say: MaxRetries retries of exactly what the contract retries, exponential backoff with
    /// jitter from BaseDelay up to MaxDelay, Retry-After up to MaxRetryAfter, and the two timeouts (null: none, as long as
    /// Polly allows). The rate limiter keeps its defaults; the circuit breaker counts only what the retry retries.
    /// </summary>
    internal static void ConfigureResiliencePipeline({{Http}}HttpStandardResilienceOptions resilience, {{n.QualifiedOptions}} options)
    {
        global::System.ArgumentNullException.ThrowIfNull(resilience);
        global::System.ArgumentNullException.ThrowIfNull(options);

        // The client's constructor refuses a MaxRetries outside the contract; the pipeline never exceeds it either.
        int maxRetries = global::System.Math.Clamp(options.MaxRetries, 0, {{n.Contract}}.MaxRetries);
        global::System.TimeSpan maxRetryAfter = options.MaxRetryAfter;
        global::System.TimeProvider clock = options.TimeProvider ?? global::System.TimeProvider.System;
        global::System.TimeSpan total = PipelineTimeout(options.TotalTimeout) ?? s_longestPipelineTimeout;

        // The attempt timeout may not exceed the total one, nor half a day (the breaker samples at least twice as long).
        global::System.TimeSpan attempt = PipelineTimeout(options.AttemptTimeout) ?? total;
        attempt = global::System.TimeSpan.FromTicks(global::System.Math.Min(global::System.Math.Min(attempt.Ticks, total.Ticks), s_longestPipelineTimeout.Ticks / 2));

        resilience.TotalRequestTimeout.Timeout = total;
        resilience.TotalRequestTimeout.OnTimeout = static args =>
        {
            // The total timeout's TimeoutRejectedException looks like the attempt timeout's: the call remembers which it was.
            if (args.Context.Properties.TryGetValue(s_pipelineCallProperty, out PipelineCall? call))
            {
                call.TotalTimedOut = true;
            }

            return default;
        };
        resilience.AttemptTimeout.Timeout = attempt;

        // Polly needs at least one retry attempt: with MaxRetries 0 the retry exists but never handles an outcome.
        resilience.Retry.MaxRetryAttempts = global::System.Math.Max(1, maxRetries);
        resilience.Retry.BackoffType = global::Polly.DelayBackoffType.Exponential;
        resilience.Retry.UseJitter = true;
        resilience.Retry.Delay = PipelineDelay(options.BaseDelay);
        resilience.Retry.MaxDelay = PipelineDelay(options.MaxDelay);

        // Retry-After, when the answer has one, is the delay; ShouldHandle refuses one over the cap, so such an answer ends the
        // retries with its class and RetryAfter, as without the pipeline. The library's own generator reads a date against the
        // system clock; this one reads it against the client's TimeProvider, as the client's loop and RetryAfter do, so the
        // wait, the cap and the reported RetryAfter agree.
        resilience.Retry.ShouldRetryAfterHeader = true;
        resilience.Retry.DelayGenerator = args => new global::System.Threading.Tasks.ValueTask<global::System.TimeSpan?>(
            args.Outcome.Result is { } answer ? PipelineRetryAfter(answer, clock) : null);
        resilience.Retry.ShouldHandle = args => new global::System.Threading.Tasks.ValueTask<bool>(
            maxRetries > 0 && IsPipelineRetryable(args.Outcome, args.Context.CancellationToken, clock, maxRetryAfter));
        resilience.Retry.OnRetry = static args =>
        {
            // The retry's event and log, with the true delay; the attempt handler counts the attempt when it is sent.
            if (args.Context.Properties.TryGetValue(s_pipelineCallProperty, out PipelineCall? call))
            {
                call.Call.Retrying(PipelineOutcomeClass(args.Outcome), args.RetryDelay);
            }

            return default;
        };

        // The breaker opens only on what the contract calls transient: a run of 400s or 401s is the caller's bug, not an outage.
        resilience.CircuitBreaker.ShouldHandle = static args => new global::System.Threading.Tasks.ValueTask<bool>(
            IsPipelineRetryable(args.Outcome, args.Context.CancellationToken, null, global::System.TimeSpan.MaxValue));
        global::System.TimeSpan sampling = global::System.TimeSpan.FromTicks(attempt.Ticks * 2);
        if (resilience.CircuitBreaker.SamplingDuration < sampling)
        {
            resilience.CircuitBreaker.SamplingDuration = sampling;
        }
    }

    /// <summary>
    /// The handler <c>Add{{n.Client}}</c> adds after the resilience handler, so it runs once per attempt, inside the attempt
    /// timeout. It counts the attempt into the call, observes its headers, and for <c>CompleteAsync</c> reads the body
    /// within the attempt (as the client's own loop does), so a stalled or dropped body is an attempt timeout or a
    /// transport failure the pipeline retries. A request of another caller passes through untouched.
    /// </summary>
    internal static global::System.Net.Http.DelegatingHandler CreatePipelineAttemptHandler() => new PipelineAttemptHandler();

    /// <summary>
    /// Exactly what the client retries on its own: the contract's statuses, transport failures and attempt timeouts; never the
    /// caller's cancellation. With a <paramref name="clock"/>, not an answer whose Retry-After is over <paramref name="maxRetryAfter"/>.
    /// </summary>
    private static bool IsPipelineRetryable(global::Polly.Outcome<global::System.Net.Http.HttpResponseMessage> outcome, global::System.Threading.CancellationToken cancellationToken, global::System.TimeProvider? clock, global::System.TimeSpan maxRetryAfter)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return false;
        }

        if (outcome.Result is { } response)
        {
            return {{n.Contract}}.IsRetryable((int)response.StatusCode) && (clock is null || !(PipelineRetryAfter(response, clock) > maxRetryAfter));
        }

        // A connect timeout is an OperationCanceledException the caller did not ask for: an attempt timeout, as without the pipeline.
        return outcome.Exception is global::System.Net.Http.HttpRequestException or global::System.IO.IOException
            or global::Polly.Timeout.TimeoutRejectedException or global::System.OperationCanceledException;
    }

    /// <summary>The answer's Retry-After as a delay (a date is read against <paramref name="clock"/>; one in the past is no wait), or null without one.</summary>
    private static global::System.TimeSpan? PipelineRetryAfter(global::System.Net.Http.HttpResponseMessage response, global::System.TimeProvider clock)
    {
        if (response.Headers.RetryAfter is not { } retryAfter)
        {
            return null;
        }

        global::System.TimeSpan? wait = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - clock.GetUtcNow() : null);
        return wait is global::System.TimeSpan value && value < global::System.TimeSpan.Zero ? global::System.TimeSpan.Zero : wait;
    }

    /// <summary>The class of a retried attempt, for its retry event: the same mapping as the client's final answer.</summary>
    private static {{failure}} PipelineOutcomeClass(global::Polly.Outcome<global::System.Net.Http.HttpResponseMessage> outcome)
    {
        if (outcome.Result is not { } response)
        {
            return outcome.Exception is global::Polly.Timeout.TimeoutRejectedException or global::System.OperationCanceledException
                ? {{failure}}.AttemptTimeout
                : {{failure}}.Transport;
        }

        int status = (int)response.StatusCode;
        return status == 401 || status == 403 ? {{failure}}.Authentication
            : status == 429 ? {{failure}}.RateLimited
            : status >= 400 && status <= 499 ? {{failure}}.ClientRequest
            : status >= 500 && status <= 599 ? {{failure}}.ServerError
            : {{failure}}.UnexpectedStatus;
    }

    /// <summary>
    /// What an exception of the pipeline's own means: its total timeout (the call's <c>Timeout</c>), its attempt timeout on
    /// the last attempt (<c>AttemptTimeout</c>), or a refusal by its circuit breaker or rate limiter (<c>Rejected</c>);
    /// null for any other exception, which the client classifies as without the pipeline.
    /// </summary>
    private static {{failure}}? PipelineFailure(global::System.Net.Http.HttpRequestMessage? message, global::System.Exception exception)
    {
        if (exception is global::Polly.Timeout.TimeoutRejectedException)
        {
            bool total = message is not null && message.Options.TryGetValue(s_pipelineCallOption, out PipelineCall? call) && call.TotalTimedOut;
            return total ? {{failure}}.Timeout : {{failure}}.AttemptTimeout;
        }

        return exception is global::Polly.ExecutionRejectedException ? {{failure}}.Rejected : null;
    }

    /// <summary>
    /// Hands the call to the pipeline: the attempt handler finds it in the request's options, the pipeline's callbacks in the
    /// resilience context the request carries (the resilience handler uses a context the request already has).
    /// </summary>
    private static void AttachPipeline(global::System.Net.Http.HttpRequestMessage message, Call call, bool stream, global::System.Threading.CancellationToken cancellationToken)
    {
        var pipelineCall = new PipelineCall(call, stream);
        message.Options.Set(s_pipelineCallOption, pipelineCall);
        global::Polly.ResilienceContext context = global::Polly.ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(s_pipelineCallProperty, pipelineCall);
        global::System.Net.Http.HttpResilienceHttpRequestMessageExtensions.SetResilienceContext(message, context);
    }

    private static global::System.TimeSpan? PipelineTimeout(global::System.TimeSpan? value)
    {
        if (value is not global::System.TimeSpan timeout || timeout <= global::System.TimeSpan.Zero || timeout >= s_longestPipelineTimeout)
        {
            return null;
        }

        return timeout < s_shortestPipelineTimeout ? s_shortestPipelineTimeout : timeout;
    }

    private static global::System.TimeSpan PipelineDelay(global::System.TimeSpan value)
        => value < global::System.TimeSpan.Zero ? global::System.TimeSpan.Zero : value > s_longestPipelineTimeout ? s_longestPipelineTimeout : value;

    /// <summary>One call as the pipeline sees it: the client's call, whether it streams, and whether the total timeout ended it.</summary>
    private sealed class PipelineCall
    {
        public PipelineCall(Call call, bool stream)
        {
            Call = call;
            Stream = stream;
        }

        public Call Call { get; }

        public bool Stream { get; }

        public bool TotalTimedOut { get; set; }
    }

    /// <summary>
    /// One attempt of the pipeline, counted where it is sent. Counting here rather than in the retry's callback keeps the
    /// count true when the total timeout ends a backoff (no attempt followed) or the circuit breaker or rate limiter refuses
    /// the first one (none was made); the retry's OnRetry only adds the retry event, because it alone knows the delay.
    /// </summary>
    private sealed class PipelineAttemptHandler : global::System.Net.Http.DelegatingHandler
    {
        protected override async global::System.Threading.Tasks.Task<global::System.Net.Http.HttpResponseMessage> SendAsync(global::System.Net.Http.HttpRequestMessage request, global::System.Threading.CancellationToken cancellationToken)
        {
            if (!request.Options.TryGetValue(s_pipelineCallOption, out PipelineCall? call))
            {
                return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }

            call.Call.BeginAttempt();
            global::System.Net.Http.HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            call.Call.ObserveHeaders(response);
            if (!call.Stream)
            {
                try
                {
                    // Buffers the body inside the attempt; the client reads it from the buffer.
                    _ = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    response.Dispose();
                    throw;
                }
            }

            return response;
        }
    }
}
""");
        }
    }
}
