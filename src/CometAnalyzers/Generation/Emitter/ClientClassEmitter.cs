namespace CometAnalyzers.Generation.Emitter
{
    /// <summary>
    /// <c>&lt;Name&gt;Client</c>: <c>CompleteAsync</c> and <c>StreamAsync</c> over an <c>HttpClient</c>. A total timeout around
    /// a bounded retry around an attempt timeout, all from the contract, on an injectable <c>TimeProvider</c>; no package.
    /// </summary>
    internal static class ClientClassEmitter
    {
        public static void Emit(SourceWriter w, ClientNames n)
        {
            EmitContext c = n.Context;
            ClientShape shape = n.Shape;
            string requestModel = shape.RequestModel is { } model ? "request." + model.Name : "null";
            string baseUrlHint = c.Spec.Settings.BaseUrlConfigKey is { } key ? " (configuration key " + key + ")" : string.Empty;

            // CompleteAsync with stream: true would get a text/event-stream body; StreamAsync sets it.
            string completeStreamCheck = shape.RequestStream is { } streamFlag
                ? $$"""

        if (!stream && request.{{streamFlag.Name}} == true)
        {
            throw call.Fail({{n.QualifiedFailure}}.InvalidRequest, null, violations: new {{c.Violation}}[] { new {{c.Violation}}("$.{{streamFlag.JsonName}}", "must not be true for CompleteAsync; call StreamAsync for a stream") });
        }

        if (stream)
        {
            request.{{streamFlag.Name}} = true;
        }
"""
                : string.Empty;

            string semanticCheck = shape.Choices is { } choices
                ? choices.IsRequiredNonNull
                    ? $"result.{choices.Name}.Count == 0"
                    : $"result.{choices.Name} is null || result.{choices.Name}.Count == 0"
                : "false";

            string errorRead = shape.Error is { } error
                ? $$"""
        {{error}}? error = null;
        try
        {
            byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if ({{error}}.TryParse(body, out {{error}}? parsed, out _))
            {
                error = parsed;
            }
        }
        catch (global::System.Exception exception) when (exception is global::System.Net.Http.HttpRequestException or global::System.IO.IOException or global::System.OperationCanceledException)
        {
            // The status decides the class; an error body that does not arrive is only a missing detail.
        }

        return new Failure(failureClass, exception: null, error);
"""
                : $$"""
        await global::System.Threading.Tasks.Task.CompletedTask.ConfigureAwait(false);
        _ = cancellationToken;
        return new Failure(failureClass, exception: null);
""";
            string failureErrorField = shape.Error is { } errorModel
                ? $$"""

        public Failure({{n.QualifiedFailure}} failureClass, global::System.Exception? exception, {{errorModel}}? error)
        {
            FailureClass = failureClass;
            Exception = exception;
            Error = error;
        }

        public {{errorModel}}? Error { get; }
"""
                : string.Empty;
            string failError = shape.Error is not null ? ", error: failure.Error" : string.Empty;

            // Behind Microsoft.Extensions.Http.Resilience's pipeline (ClientResilienceEmitter) the pipeline retries and times out
            // each attempt, so the loop sends once: it leaves counting attempts to the pipeline's attempt handler, hands the call
            // to the pipeline, and classifies what the pipeline throws. Without it these are empty and the loop is as it was.
            bool pipeline = n.Resilience;
            string beginAttempt = pipeline ? "if (!_pipeline)\n            {\n                call.BeginAttempt();\n            }" : "call.BeginAttempt();";
            string sendAttemptTimeout = pipeline ? "_pipeline ? global::System.Threading.Timeout.InfiniteTimeSpan : _attemptTimeout" : "_attemptTimeout";
            string attachPipeline = pipeline ? "\n                if (_pipeline)\n                {\n                    AttachPipeline(message, call, stream, attempt.Token);\n                }\n" : string.Empty;
            string pipelineCatch = pipeline ? $$"""
            catch (global::System.Exception exception) when (_pipeline && PipelineFailure(message, exception) is {{n.QualifiedFailure}} pipelineFailure && !cancellationToken.IsCancellationRequested)
            {
                throw call.Fail(pipelineFailure, exception);
            }

""" : string.Empty;
            string noRetryBehindPipeline = pipeline ? "_pipeline || " : string.Empty;

            ClientEmitter.Template(w, $$"""
/// <summary>
/// Calls the {{n.Name}} API as its contract says: validates the request (<c>Validate()</c>; a violation fails without
/// sending), sends it to <see cref="{{n.Contract}}.Method"/> <see cref="{{n.Contract}}.Path"/> under the base URL with the
/// contract's auth header, retries only what the contract allows (a total timeout around a bounded retry around an attempt
/// timeout, with jittered exponential backoff and Retry-After), parses the answer with the generated reflection-free
/// reader, and fails with one exception type, <see cref="{{n.Exception}}"/>, whose <c>FailureClass</c> says what failed.
/// Every call is traced and measured (OpenTelemetry GenAI conventions) under <see cref="TelemetryName"/>.
/// Thread-safe; share one per <c>HttpClient</c>.
/// </summary>
{{EmitContext.GeneratedCodeAttribute}}
public sealed partial class {{n.Client}}
{
    private static readonly global::System.Net.Http.HttpMethod s_method = new global::System.Net.Http.HttpMethod({{n.Contract}}.Method);
    private static readonly global::System.TimeSpan s_longestTimer = global::System.TimeSpan.FromMilliseconds(uint.MaxValue - 1.0);

    private readonly global::System.Net.Http.HttpClient _http;
    private readonly string? _authorization;
    private readonly int _maxRetries;
    private readonly global::System.TimeSpan _attemptTimeout;
    private readonly global::System.TimeSpan _totalTimeout;
    private readonly global::System.TimeSpan _baseDelay;
    private readonly global::System.TimeSpan _maxDelay;
    private readonly global::System.TimeSpan _maxRetryAfter;
    private readonly global::System.TimeProvider _time;
    private readonly global::System.Random _random;
    private readonly Telemetry _telemetry;

    /// <summary>A client over <paramref name="httpClient"/>, which the caller owns (an <c>IHttpClientFactory</c> client, or one shared instance).</summary>
    /// <param name="httpClient">Sends the requests; its <c>BaseAddress</c> is the base URL unless the options set one.</param>
    /// <param name="options">The base URL, key, retry and timeout overrides; null: the contract's settings, the client's base address, no key.</param>
    /// <exception cref="global::System.ArgumentException">No absolute http(s) base URL, a key with a line break, or an option outside the contract.</exception>
    public {{n.Client}}(global::System.Net.Http.HttpClient httpClient, {{n.QualifiedOptions}}? options = null)
    {
        global::System.ArgumentNullException.ThrowIfNull(httpClient);
        options ??= new {{n.QualifiedOptions}}();
        _http = httpClient;

        global::System.Uri? baseAddress = options.BaseAddress ?? httpClient.BaseAddress;
        if (baseAddress is null || !baseAddress.IsAbsoluteUri || (baseAddress.Scheme != global::System.Uri.UriSchemeHttp && baseAddress.Scheme != global::System.Uri.UriSchemeHttps))
        {
            throw new global::System.ArgumentException({{SourceWriter.Literal(n.Client + " needs an absolute http or https base URL" + baseUrlHint + ": set " + n.Options + ".BaseAddress or HttpClient.BaseAddress.")}}, nameof(options));
        }

        Endpoint = new global::System.Uri(baseAddress.GetLeftPart(global::System.UriPartial.Path).TrimEnd('/') + {{n.Contract}}.Path);
        if (options.MaxRetries < 0 || options.MaxRetries > {{n.Contract}}.MaxRetries)
        {
            throw new global::System.ArgumentOutOfRangeException(nameof(options), options.MaxRetries, "MaxRetries must be between 0 and the contract's " + {{n.Contract}}.MaxRetries.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + ".");
        }

        string? key = options.ApiKey;
        if (key is not null && (key.IndexOf('\r') >= 0 || key.IndexOf('\n') >= 0))
        {
            throw new global::System.ArgumentException("The API key has a line break; check how it is read.", nameof(options));
        }

        _authorization = string.IsNullOrEmpty(key) ? null : {{n.Contract}}.AuthScheme.Length == 0 ? key : {{n.Contract}}.AuthScheme + " " + key;
        _maxRetries = options.MaxRetries;
        _attemptTimeout = Timeout(options.AttemptTimeout, "AttemptTimeout");
        _totalTimeout = Timeout(options.TotalTimeout, "TotalTimeout");
        _baseDelay = Delay(options.BaseDelay, "BaseDelay");
        _maxDelay = Delay(options.MaxDelay, "MaxDelay");
        _maxRetryAfter = Delay(options.MaxRetryAfter, "MaxRetryAfter");
        _time = options.TimeProvider ?? global::System.TimeProvider.System;
        _random = options.Random ?? global::System.Random.Shared;
        _telemetry = Telemetry.For(options, Endpoint);
    }

    /// <summary>Where calls go: the base URL with the contract's path.</summary>
    public global::System.Uri Endpoint { get; }

    /// <summary>
    /// Sends <paramref name="request"/> and returns the parsed answer.
    /// </summary>
    /// <param name="request">Validated before anything is sent.</param>
    /// <param name="cancellationToken">The caller's cancellation: it ends the call with an <see cref="global::System.OperationCanceledException"/>, never retried.</param>
    /// <exception cref="{{n.Exception}}">The call failed; <c>FailureClass</c> says how.</exception>
    public global::System.Threading.Tasks.Task<{{shape.Response}}> CompleteAsync({{shape.Request}} request, global::System.Threading.CancellationToken cancellationToken = default)
        => CompleteAsync(request, rawBody: null, outcome: null, cancellationToken);

    /// <summary>
    /// <see cref="CompleteAsync({{shape.Request}}, global::System.Threading.CancellationToken)"/> as <c>{{n.Name}}Probe</c> needs it:
    /// a <paramref name="rawBody"/> is sent as it is, without <c>Validate()</c> (a request the contract refuses, to see the API
    /// refuse it too), and <paramref name="outcome"/> receives a success's metadata. Retries, classes and telemetry are the same.
    /// </summary>
    internal async global::System.Threading.Tasks.Task<{{shape.Response}}> CompleteAsync({{shape.Request}}? request, byte[]? rawBody, Outcome? outcome, global::System.Threading.CancellationToken cancellationToken)
    {
        if (rawBody is null)
        {
            global::System.ArgumentNullException.ThrowIfNull(request);
        }

        var call = new Call(this, {{requestModel.Replace("request.", "request?.")}});
        try
        {
            byte[] body = rawBody ?? Prepare(call, request!, stream: false);
            using var totalTimer = new global::System.Threading.CancellationTokenSource(_totalTimeout, _time);
            using var total = global::System.Threading.CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, totalTimer.Token);
            using Opened opened = await SendAsync(call, body, stream: false, totalTimer, total.Token, cancellationToken).ConfigureAwait(false);

            if (!{{shape.Response}}.TryParse(opened.Body, out {{shape.Response}}? result, out {{c.Error}}? contractError))
            {
                // A 2xx body that breaks the contract: a drifted response, reported as such and never retried. TryParse
                // reads it without throwing; the contract exception is made (not thrown) to be the inner exception.
                throw call.Fail({{n.QualifiedFailure}}.ParserFailure, new {{c.Exception}}(contractError!), contractError: contractError);
            }

            if ({{semanticCheck}})
            {
                throw call.Fail({{n.QualifiedFailure}}.SemanticFailure, null);
            }

            call.ObserveResponse(result);
            call.Succeeded();
            outcome?.Record(call.StatusCode, call.Attempts, call.RequestId);
            return result;
        }
        finally
        {
            call.End(cancellationToken.IsCancellationRequested);
        }
    }
""");
            if (shape.StreamEvent is { } streamEvent)
            {
                ClientEmitter.Template(w, $$"""

    /// <summary>
    /// Sends <paramref name="request"/> as a stream and yields each event until <c>data: [DONE]</c>. Retries happen only
    /// before the first event; a stream that ends or drops before <c>[DONE]</c> fails as <c>StreamCutOff</c>.
    /// </summary>
    /// <param name="request">Validated before anything is sent{{(shape.RequestStream is { } flag ? "; its <c>" + flag.Name + "</c> is set to true" : string.Empty)}}.</param>
    /// <param name="cancellationToken">The caller's cancellation: it ends the stream with an <see cref="global::System.OperationCanceledException"/>.</param>
    /// <exception cref="{{n.Exception}}">The call failed; <c>FailureClass</c> says how.</exception>
    public global::System.Collections.Generic.IAsyncEnumerable<{{streamEvent}}> StreamAsync({{shape.Request}} request, global::System.Threading.CancellationToken cancellationToken = default)
        => StreamAsync(request, outcome: null, cancellationToken);

    /// <summary><see cref="StreamAsync({{shape.Request}}, global::System.Threading.CancellationToken)"/> whose <paramref name="outcome"/> receives a success's metadata (for <c>{{n.Name}}Probe</c>).</summary>
    internal global::System.Collections.Generic.IAsyncEnumerable<{{streamEvent}}> StreamAsync({{shape.Request}} request, Outcome? outcome, global::System.Threading.CancellationToken cancellationToken)
    {
        global::System.ArgumentNullException.ThrowIfNull(request);
        return StreamCoreAsync(request, outcome, cancellationToken);
    }

    private async global::System.Collections.Generic.IAsyncEnumerable<{{streamEvent}}> StreamCoreAsync({{shape.Request}} request, Outcome? outcome, [global::System.Runtime.CompilerServices.EnumeratorCancellation] global::System.Threading.CancellationToken cancellationToken)
    {
        var call = new Call(this, {{requestModel}});
        global::System.Threading.CancellationTokenSource? totalTimer = null;
        global::System.Threading.CancellationTokenSource? total = null;
        Opened? opened = null;
        EndWatchingStream? content = null;
        global::System.Collections.Generic.IAsyncEnumerator<{{streamEvent}}>? events = null;
        try
        {
            byte[] body = Prepare(call, request, stream: true);
            totalTimer = new global::System.Threading.CancellationTokenSource(_totalTimeout, _time);
            total = global::System.Threading.CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, totalTimer.Token);
            opened = await SendAsync(call, body, stream: true, totalTimer, total.Token, cancellationToken).ConfigureAwait(false);
            global::System.IO.Stream? responseStream = null;
            try
            {
                responseStream = await opened.Response.Content.ReadAsStreamAsync(opened.Attempt.Token).ConfigureAwait(false);
            }
            catch (global::System.Exception exception) when (IsTransportOrTimeout(exception) && !cancellationToken.IsCancellationRequested)
            {
                throw call.Fail(totalTimer.IsCancellationRequested ? {{n.QualifiedFailure}}.Timeout : {{n.QualifiedFailure}}.StreamCutOff, exception);
            }

            content = new EndWatchingStream(responseStream);
            events = {{c.Qualified(n.Name + "EventStream")}}.ReadAsync(content, opened.Attempt.Token).GetAsyncEnumerator(opened.Attempt.Token);
            while (true)
            {
                if (_attemptTimeout != global::System.Threading.Timeout.InfiniteTimeSpan)
                {
                    // Between events the attempt timeout is an idle timeout: a stream that stalls fails, a long one does not.
                    opened.AttemptTimer.CancelAfter(_attemptTimeout);
                }

                {{streamEvent}}? next;
                try
                {
                    next = await events.MoveNextAsync().ConfigureAwait(false) ? events.Current : null;
                }
                catch ({{c.Exception}} exception)
                {
                    bool cutOff = exception.Kind == {{c.ErrorKind}}.InvalidEventStream && content.ReachedEnd;
                    throw call.Fail(cutOff ? {{n.QualifiedFailure}}.StreamCutOff : {{n.QualifiedFailure}}.ParserFailure, exception, contractError: cutOff ? null : exception.Error);
                }
                catch (global::System.Exception exception) when (IsTransportOrTimeout(exception) && !cancellationToken.IsCancellationRequested)
                {
                    throw call.Fail(
                        totalTimer.IsCancellationRequested ? {{n.QualifiedFailure}}.Timeout
                            : opened.AttemptTimer.IsCancellationRequested ? {{n.QualifiedFailure}}.AttemptTimeout
                            : {{n.QualifiedFailure}}.StreamCutOff,
                        exception);
                }

                if (next is null)
                {
                    break;
                }

                call.ObserveEvent(next);
                yield return next;
            }

            if (call.Events == 0)
            {
                throw call.Fail({{n.QualifiedFailure}}.SemanticFailure, null);
            }

            call.Succeeded();
            outcome?.Record(call.StatusCode, call.Attempts, call.RequestId);
        }
        finally
        {
            if (events is not null)
            {
                await events.DisposeAsync().ConfigureAwait(false);
            }

            content?.Dispose();
            opened?.Dispose();
            total?.Dispose();
            totalTimer?.Dispose();
            call.End(cancellationToken.IsCancellationRequested);
        }
    }

    /// <summary>The response stream, remembering whether it reached its end: a stream that ends before [DONE] is cut off, one that breaks the format is a parser failure.</summary>
    private sealed class EndWatchingStream : global::System.IO.Stream
    {
        private readonly global::System.IO.Stream _inner;

        public EndWatchingStream(global::System.IO.Stream inner) => _inner = inner;

        public bool ReachedEnd { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new global::System.NotSupportedException();

        public override long Position
        {
            get => throw new global::System.NotSupportedException();
            set => throw new global::System.NotSupportedException();
        }

        public override async global::System.Threading.Tasks.ValueTask<int> ReadAsync(global::System.Memory<byte> buffer, global::System.Threading.CancellationToken cancellationToken = default)
        {
            int read = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (read == 0 && buffer.Length > 0)
            {
                ReachedEnd = true;
            }

            return read;
        }

        public override global::System.Threading.Tasks.Task<int> ReadAsync(byte[] buffer, int offset, int count, global::System.Threading.CancellationToken cancellationToken)
            => ReadAsync(new global::System.Memory<byte>(buffer, offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count)
        {
            int read = _inner.Read(buffer, offset, count);
            if (read == 0 && count > 0)
            {
                ReachedEnd = true;
            }

            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, global::System.IO.SeekOrigin origin) => throw new global::System.NotSupportedException();

        public override void SetLength(long value) => throw new global::System.NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new global::System.NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
""");
            }

            ClientEmitter.Template(w, $$"""

    private byte[] Prepare(Call call, {{shape.Request}} request, bool stream)
    {
        _ = stream;{{completeStreamCheck}}
        global::System.Collections.Generic.IReadOnlyList<{{c.Violation}}> violations = request.Validate();
        if (violations.Count > 0)
        {
            throw call.Fail({{n.QualifiedFailure}}.InvalidRequest, null, violations: violations);
        }

        var buffer = new global::System.Buffers.ArrayBufferWriter<byte>(1024);
        using (var writer = new global::System.Text.Json.Utf8JsonWriter(buffer))
        {
            request.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Attempts until a 2xx answer (its body read, unless streaming) or a failure the contract does not retry, at most
    /// 1 + MaxRetries times, each under the attempt timeout, all under the total timeout.
    /// </summary>
    private async global::System.Threading.Tasks.Task<Opened> SendAsync(Call call, byte[] body, bool stream, global::System.Threading.CancellationTokenSource totalTimer, global::System.Threading.CancellationToken total, global::System.Threading.CancellationToken cancellationToken)
    {
        long started = _time.GetTimestamp();
        while (true)
        {
            {{beginAttempt}}
            var attemptTimer = new global::System.Threading.CancellationTokenSource({{sendAttemptTimeout}}, _time);
            var attempt = global::System.Threading.CancellationTokenSource.CreateLinkedTokenSource(total, attemptTimer.Token);
            global::System.Net.Http.HttpRequestMessage? message = null;
            global::System.Net.Http.HttpResponseMessage? response = null;
            bool handedOver = false;
            Failure failure;
            try
            {
                message = CreateRequest(body, stream);{{attachPipeline}}
                response = await _http.SendAsync(message, global::System.Net.Http.HttpCompletionOption.ResponseHeadersRead, attempt.Token).ConfigureAwait(false);
                call.ObserveHeaders(response);
                int status = (int)response.StatusCode;
                if (status >= 200 && status <= 299)
                {
                    byte[] content = stream ? global::System.Array.Empty<byte>() : await response.Content.ReadAsByteArrayAsync(attempt.Token).ConfigureAwait(false);
                    handedOver = true;
                    return new Opened(message, response, attemptTimer, attempt, content);
                }

                failure = await HttpFailureAsync(response, status, attempt.Token).ConfigureAwait(false);
            }
{{pipelineCatch}}            catch (global::System.Exception exception) when (IsTransportOrTimeout(exception) && !cancellationToken.IsCancellationRequested)
            {
                if (totalTimer.IsCancellationRequested)
                {
                    throw call.Fail({{n.QualifiedFailure}}.Timeout, exception);
                }

                // The attempt timer, or HttpClient.Timeout: both are one attempt taking too long.
                failure = new Failure(exception is global::System.OperationCanceledException ? {{n.QualifiedFailure}}.AttemptTimeout : {{n.QualifiedFailure}}.Transport, exception);
            }
            finally
            {
                if (!handedOver)
                {
                    response?.Dispose();
                    message?.Dispose();
                    attempt.Dispose();
                    attemptTimer.Dispose();
                }
            }

            global::System.TimeSpan? delay = RetryDelay(call, failure);
            if (delay is not global::System.TimeSpan wait
                || (_totalTimeout != global::System.Threading.Timeout.InfiniteTimeSpan && _time.GetElapsedTime(started) + wait >= _totalTimeout))
            {
                // Not retryable, the budget is spent, or the wait would outlast the total timeout: fail with what happened.
                throw call.Fail(failure.FailureClass, failure.Exception{{failError}});
            }

            call.Retrying(failure.FailureClass, wait);
            try
            {
                await global::System.Threading.Tasks.Task.Delay(wait, _time, total).ConfigureAwait(false);
            }
            catch (global::System.OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
            {
                throw call.Fail({{n.QualifiedFailure}}.Timeout, exception);
            }
        }
    }

    /// <summary>The wait before the next attempt, or null when the contract does not allow one.</summary>
    private global::System.TimeSpan? RetryDelay(Call call, Failure failure)
    {
        if ({{noRetryBehindPipeline}}call.Attempts > _maxRetries)
        {
            return null;
        }

        bool retryable = failure.FailureClass is {{n.QualifiedFailure}}.Transport or {{n.QualifiedFailure}}.AttemptTimeout
            || (call.StatusCode is int status && {{n.Contract}}.IsRetryable(status));
        if (!retryable)
        {
            return null;
        }

        if (call.RetryAfter is global::System.TimeSpan retryAfter)
        {
            // The server said when: wait that long, or stop when it is longer than the client will wait.
            return retryAfter <= _maxRetryAfter ? retryAfter : null;
        }

        // Exponential backoff with full jitter: uniform in [0, min(MaxDelay, BaseDelay * 2^(attempt-1))).
        double ceiling = global::System.Math.Min(_maxDelay.TotalMilliseconds, _baseDelay.TotalMilliseconds * global::System.Math.Pow(2, call.Attempts - 1));
        double fraction;
        if (ReferenceEquals(_random, global::System.Random.Shared))
        {
            fraction = _random.NextDouble();
        }
        else
        {
            lock (_random)
            {
                fraction = _random.NextDouble();
            }
        }

        return global::System.TimeSpan.FromMilliseconds(ceiling * global::System.Math.Clamp(fraction, 0.0, 1.0));
    }

    private async global::System.Threading.Tasks.Task<Failure> HttpFailureAsync(global::System.Net.Http.HttpResponseMessage response, int status, global::System.Threading.CancellationToken cancellationToken)
    {
        {{n.QualifiedFailure}} failureClass =
            status == 401 || status == 403 ? {{n.QualifiedFailure}}.Authentication
            : status == 429 ? {{n.QualifiedFailure}}.RateLimited
            : status >= 400 && status <= 499 ? {{n.QualifiedFailure}}.ClientRequest
            : status >= 500 && status <= 599 ? {{n.QualifiedFailure}}.ServerError
            : {{n.QualifiedFailure}}.UnexpectedStatus;
{{errorRead}}
    }

    private global::System.Net.Http.HttpRequestMessage CreateRequest(byte[] body, bool stream)
    {
        var message = new global::System.Net.Http.HttpRequestMessage(s_method, Endpoint);
        var content = new global::System.Net.Http.ByteArrayContent(body);
        content.Headers.ContentType = new global::System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        message.Content = content;
        message.Headers.Accept.Add(new global::System.Net.Http.Headers.MediaTypeWithQualityHeaderValue(stream ? "text/event-stream" : "application/json"));
        if (_authorization is not null)
        {
            message.Headers.TryAddWithoutValidation({{n.Contract}}.AuthHeader, _authorization);
        }

        return message;
    }

    private static bool IsTransportOrTimeout(global::System.Exception exception)
        => exception is global::System.Net.Http.HttpRequestException or global::System.IO.IOException or global::System.OperationCanceledException;

    private static global::System.TimeSpan Timeout(global::System.TimeSpan? value, string name)
    {
        if (value is not global::System.TimeSpan timeout || timeout == global::System.Threading.Timeout.InfiniteTimeSpan || timeout >= s_longestTimer)
        {
            return global::System.Threading.Timeout.InfiniteTimeSpan;
        }

        if (timeout <= global::System.TimeSpan.Zero)
        {
            throw new global::System.ArgumentOutOfRangeException("options", timeout, name + " must be positive, or null for none.");
        }

        return timeout;
    }

    private static global::System.TimeSpan Delay(global::System.TimeSpan value, string name)
    {
        if (value < global::System.TimeSpan.Zero || value >= s_longestTimer)
        {
            throw new global::System.ArgumentOutOfRangeException("options", value, name + " must be zero or positive and under 49 days.");
        }

        return value;
    }

    /// <summary>What one failed attempt was, before the retry decision.</summary>
    private sealed class Failure
    {
        public Failure({{n.QualifiedFailure}} failureClass, global::System.Exception? exception)
        {
            FailureClass = failureClass;
            Exception = exception;
        }
{{failureErrorField}}
        public {{n.QualifiedFailure}} FailureClass { get; }

        public global::System.Exception? Exception { get; }
    }

    /// <summary>A successful call's status, attempts and request id, for <c>{{n.Name}}Probe</c> (a failure's are on the exception): metadata only.</summary>
    internal sealed class Outcome
    {
        public int? StatusCode { get; private set; }

        public int Attempts { get; private set; }

        public string? RequestId { get; private set; }

        public void Record(int? statusCode, int attempts, string? requestId)
        {
            StatusCode = statusCode;
            Attempts = attempts;
            RequestId = requestId;
        }
    }

    /// <summary>A 2xx answer with its attempt's timers, which a stream keeps running while it is read.</summary>
    private sealed class Opened : global::System.IDisposable
    {
        private readonly global::System.Net.Http.HttpRequestMessage _message;

        public Opened(global::System.Net.Http.HttpRequestMessage message, global::System.Net.Http.HttpResponseMessage response, global::System.Threading.CancellationTokenSource attemptTimer, global::System.Threading.CancellationTokenSource attempt, byte[] body)
        {
            _message = message;
            Response = response;
            AttemptTimer = attemptTimer;
            Attempt = attempt;
            Body = body;
        }

        public global::System.Net.Http.HttpResponseMessage Response { get; }

        public global::System.Threading.CancellationTokenSource AttemptTimer { get; }

        public global::System.Threading.CancellationTokenSource Attempt { get; }

        public byte[] Body { get; }

        public void Dispose()
        {
            Response.Dispose();
            _message.Dispose();
            Attempt.Dispose();
            AttemptTimer.Dispose();
        }
    }
}
""");
        }
    }
}
