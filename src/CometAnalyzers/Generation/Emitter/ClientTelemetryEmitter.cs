using CometAnalyzers.Generation.Model;

namespace CometAnalyzers.Generation.Emitter
{
    /// <summary>
    /// The client's telemetry, BCL only: an <c>ActivitySource</c> and a <c>Meter</c> named after the contract, following the
    /// OpenTelemetry semantic conventions for generative AI clients, a failure counter by failure class, and (when the project
    /// references Microsoft.Extensions.Logging.Abstractions) one log line per call outcome and retry. Only metadata is ever
    /// recorded: the request and response models are never logged or tagged, and only members the contract does not mark
    /// <c>x-sensitive</c> are read (model, id, token counts; see <see cref="ClientShape"/>).
    /// </summary>
    internal static class ClientTelemetryEmitter
    {
        public static void Emit(SourceWriter w, ClientNames n)
        {
            EmitContext c = n.Context;
            ClientShape shape = n.Shape;
            string observeResponse = Observe("response", shape.ResponseMembers, assignAlways: true);
            string observeEvent = shape.StreamEvent is { } streamEvent
                ? $$"""

        public void ObserveEvent({{streamEvent}} streamEvent)
        {
            Events++;
{{Observe("streamEvent", shape.EventMembers, assignAlways: false)}}
        }
"""
                : string.Empty;
            string errorParameter = shape.Error is { } error ? error + "? error = null, " : string.Empty;
            string errorArgument = shape.Error is not null ? "error, " : string.Empty;

            string loggerField = n.Logging ? $$"""

        public Telemetry(Instruments instruments, string serverAddress, int serverPort, {{ClientNames.Logger}}? logger)
            : this(instruments, serverAddress, serverPort)
        {
            Logger = logger;
        }

        public {{ClientNames.Logger}}? Logger { get; }
""" : string.Empty;
            string telemetryFor = n.Logging
                ? "new Telemetry(instruments, endpoint.Host, endpoint.Port, options.Logger)"
                : "new Telemetry(instruments, endpoint.Host, endpoint.Port)";

            string logSucceeded = n.Logging ? """

            if (_client._telemetry.Logger is { } logger && logger.IsEnabled(global::Microsoft.Extensions.Logging.LogLevel.Debug))
            {
                Log(logger, global::Microsoft.Extensions.Logging.LogLevel.Debug, 1, "CallSucceeded",
                    "chat {Model} succeeded: HTTP {StatusCode} after {Attempts} attempt(s) in {ElapsedMs} ms, request id {RequestId}, {InputTokens} input and {OutputTokens} output tokens",
                    new object?[] { _requestModel, StatusCode, Attempts, Milliseconds(elapsed), RequestId, InputTokens, OutputTokens });
            }
""" : string.Empty;
            string logRetrying = n.Logging ? """

            if (_client._telemetry.Logger is { } logger && logger.IsEnabled(global::Microsoft.Extensions.Logging.LogLevel.Information))
            {
                Log(logger, global::Microsoft.Extensions.Logging.LogLevel.Information, 2, "CallRetrying",
                    "chat {Model} attempt {Attempt} failed as {FailureClass} (HTTP {StatusCode}, request id {RequestId}); retrying in {DelayMs} ms",
                    new object?[] { _requestModel, Attempts, name, StatusCode, RequestId, Milliseconds(delay) });
            }
""" : string.Empty;
            string logFailed = n.Logging ? """

            if (_client._telemetry.Logger is { } logger && logger.IsEnabled(global::Microsoft.Extensions.Logging.LogLevel.Warning))
            {
                Log(logger, global::Microsoft.Extensions.Logging.LogLevel.Warning, 3, "CallFailed",
                    "chat {Model} failed as {FailureClass}: HTTP {StatusCode} after {Attempts} attempt(s) in {ElapsedMs} ms, request id {RequestId}, contract error {ContractErrorKind} at {JsonPath}",
                    new object?[] { _requestModel, name, StatusCode, Attempts, Milliseconds(elapsed), RequestId, contractError?.Kind.ToString(), contractError?.JsonPath });
            }
""" : string.Empty;
            string logHelpers = n.Logging ? """


        private static double Milliseconds(global::System.TimeSpan time) => global::System.Math.Round(time.TotalMilliseconds, 1);

        /// <summary>Writes one structured entry: every field named by the message template, nothing else.</summary>
        private static void Log({{Logger}} logger, global::Microsoft.Extensions.Logging.LogLevel level, int id, string name, string template, object?[] values)
            => logger.Log(level, new global::Microsoft.Extensions.Logging.EventId(id, name), new LogFields(template, values), null, static (state, _) => state.ToString());

        /// <summary>The fields of one entry, in template order, with <c>{OriginalFormat}</c> last, as <c>[LoggerMessage]</c> writes them.</summary>
        private sealed class LogFields : global::System.Collections.Generic.IReadOnlyList<global::System.Collections.Generic.KeyValuePair<string, object?>>
        {
            private readonly string _template;
            private readonly object?[] _values;
            private readonly string[] _names;

            public LogFields(string template, object?[] values)
            {
                _template = template;
                _values = values;
                _names = new string[values.Length];
                int start = 0;
                for (int i = 0; i < values.Length; i++)
                {
                    start = template.IndexOf('{', start) + 1;
                    int end = template.IndexOf('}', start);
                    _names[i] = template.Substring(start, end - start);
                    start = end + 1;
                }
            }

            public int Count => _values.Length + 1;

            public global::System.Collections.Generic.KeyValuePair<string, object?> this[int index]
                => index == _values.Length
                    ? new global::System.Collections.Generic.KeyValuePair<string, object?>("{OriginalFormat}", _template)
                    : new global::System.Collections.Generic.KeyValuePair<string, object?>(_names[index], _values[index]);

            public global::System.Collections.Generic.IEnumerator<global::System.Collections.Generic.KeyValuePair<string, object?>> GetEnumerator()
            {
                for (int i = 0; i < Count; i++)
                {
                    yield return this[i];
                }
            }

            global::System.Collections.IEnumerator global::System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

            public override string ToString()
            {
                var text = new global::System.Text.StringBuilder(_template.Length + 64);
                int start = 0;
                for (int i = 0; i < _values.Length; i++)
                {
                    int open = _template.IndexOf('{', start);
                    int close = _template.IndexOf('}', open);
                    text.Append(_template, start, open - start);
                    text.Append(_values[i] is global::System.IFormattable formattable ? formattable.ToString(null, global::System.Globalization.CultureInfo.InvariantCulture) : _values[i]?.ToString() ?? "(none)");
                    start = close + 1;
                }

                return text.Append(_template, start, _template.Length - start).ToString();
            }
        }
""".Replace("{{Logger}}", ClientNames.Logger) : string.Empty;

            ClientEmitter.Template(w, $$"""
public sealed partial class {{n.Client}}
{
    /// <summary>The name of the client's <c>ActivitySource</c> and <c>Meter</c>: subscribe to it (<c>AddSource</c>, <c>AddMeter</c>) to collect its traces and metrics.</summary>
    public const string TelemetryName = {{SourceWriter.Literal(n.TelemetryName)}};

    /// <summary>The counter of failed calls, tagged <c>failure.class</c>, so parser, HTTP, rate-limit and transport failures alert separately.</summary>
    public const string FailureCounterName = {{SourceWriter.Literal(n.FailureCounter)}};

    private static readonly global::System.Diagnostics.ActivitySource s_activitySource = new global::System.Diagnostics.ActivitySource(TelemetryName, "0.1.0");
    private static readonly global::System.Lazy<Instruments> s_instruments = new global::System.Lazy<Instruments>(() => new Instruments(new global::System.Diagnostics.Metrics.Meter(TelemetryName, "0.1.0")));

    /// <summary>The client's instruments: from the options' meter factory, else one meter shared by every client of this contract.</summary>
    private sealed class Telemetry
    {
        public Telemetry(Instruments instruments, string serverAddress, int serverPort)
        {
            Instruments = instruments;
            ServerAddress = serverAddress;
            ServerPort = serverPort;
        }
{{loggerField}}
        public Instruments Instruments { get; }

        public string ServerAddress { get; }

        public int ServerPort { get; }

        public static Telemetry For({{n.QualifiedOptions}} options, global::System.Uri endpoint)
        {
            Instruments instruments = options.MeterFactory is { } factory
                ? new Instruments(factory.Create(new global::System.Diagnostics.Metrics.MeterOptions(TelemetryName) { Version = "0.1.0" }))
                : s_instruments.Value;
            return {{telemetryFor}};
        }
    }

    private sealed class Instruments
    {
        public Instruments(global::System.Diagnostics.Metrics.Meter meter)
        {
            Duration = meter.CreateHistogram<double>("gen_ai.client.operation.duration", "s", "GenAI operation duration.");
            TokenUsage = meter.CreateHistogram<long>("gen_ai.client.token.usage", "{token}", "Number of input and output tokens used.");
            Failures = meter.CreateCounter<long>(FailureCounterName, "{failure}", "Failed {{n.Name}} calls by failure class.");
        }

        public global::System.Diagnostics.Metrics.Histogram<double> Duration { get; }

        public global::System.Diagnostics.Metrics.Histogram<long> TokenUsage { get; }

        public global::System.Diagnostics.Metrics.Counter<long> Failures { get; }
    }

    /// <summary>One call: its attempts, what the last answer said, and its span and measurements. Records metadata only.</summary>
    private sealed class Call
    {
        private static readonly {{c.Violation}}[] s_noViolations = global::System.Array.Empty<{{c.Violation}}>();

        private readonly {{n.Client}} _client;
        private readonly string? _requestModel;
        private readonly long _started;
        private readonly global::System.Diagnostics.Activity? _activity;
        private bool _done;

        public Call({{n.Client}} client, string? requestModel)
        {
            _client = client;
            _requestModel = requestModel;
            _started = client._time.GetTimestamp();
            _activity = s_activitySource.StartActivity(requestModel is null ? "chat" : "chat " + requestModel, global::System.Diagnostics.ActivityKind.Client);
            if (_activity is { IsAllDataRequested: true })
            {
                _activity.SetTag("gen_ai.operation.name", "chat");
                _activity.SetTag("gen_ai.request.model", requestModel);
                _activity.SetTag("server.address", client._telemetry.ServerAddress);
                _activity.SetTag("server.port", client._telemetry.ServerPort);
            }
        }

        public int Attempts { get; private set; }

        public int Events { get; private set; }

        public int? StatusCode { get; private set; }

        public string? RequestId { get; private set; }

        public global::System.TimeSpan? RetryAfter { get; private set; }

        public string? ResponseModel { get; private set; }

        public string? ResponseId { get; private set; }

        public long? InputTokens { get; private set; }

        public long? OutputTokens { get; private set; }

        public void BeginAttempt()
        {
            Attempts++;
            StatusCode = null;
            RequestId = null;
            RetryAfter = null;
        }

        public void ObserveHeaders(global::System.Net.Http.HttpResponseMessage response)
        {
            StatusCode = (int)response.StatusCode;
            RequestId = Header(response, "x-request-id") ?? Header(response, "request-id");
            if (response.Headers.RetryAfter is { } retryAfter)
            {
                global::System.TimeSpan? wait = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - _client._time.GetUtcNow() : null);
                RetryAfter = wait is global::System.TimeSpan value && value < global::System.TimeSpan.Zero ? global::System.TimeSpan.Zero : wait;
            }
        }

        public void ObserveResponse({{shape.Response}} response)
        {
{{observeResponse}}
        }
{{observeEvent}}
        public void Retrying({{n.QualifiedFailure}} failureClass, global::System.TimeSpan delay)
        {
            string name = {{n.QualifiedException}}.Name(failureClass);
            if (_activity is { IsAllDataRequested: true })
            {
                var tags = new global::System.Diagnostics.ActivityTagsCollection
                {
                    { "failure.class", name },
                    { "http.response.status_code", StatusCode },
                    { "attempt", Attempts },
                    { "delay_ms", delay.TotalMilliseconds },
                };
                _activity.AddEvent(new global::System.Diagnostics.ActivityEvent("retry", default, tags));
            }{{logRetrying}}
        }

        public void Succeeded()
        {
            _done = true;
            global::System.TimeSpan elapsed = _client._time.GetElapsedTime(_started);
            global::System.Diagnostics.TagList tags = Tags();
            Instruments instruments = _client._telemetry.Instruments;
            instruments.Duration.Record(elapsed.TotalSeconds, tags);
            if (InputTokens is long input)
            {
                global::System.Diagnostics.TagList inputTags = tags;
                inputTags.Add("gen_ai.token.type", "input");
                instruments.TokenUsage.Record(input, inputTags);
            }

            if (OutputTokens is long output)
            {
                global::System.Diagnostics.TagList outputTags = tags;
                outputTags.Add("gen_ai.token.type", "output");
                instruments.TokenUsage.Record(output, outputTags);
            }

            if (_activity is { IsAllDataRequested: true })
            {
                _activity.SetTag("gen_ai.response.model", ResponseModel);
                _activity.SetTag("gen_ai.response.id", ResponseId);
                _activity.SetTag("gen_ai.usage.input_tokens", InputTokens);
                _activity.SetTag("gen_ai.usage.output_tokens", OutputTokens);
                _activity.SetTag("http.response.status_code", StatusCode);
            }{{logSucceeded}}
        }

        /// <summary>Records the failure once (span, duration, failure counter, log) and returns the exception to throw.</summary>
        public {{n.QualifiedException}} Fail({{n.QualifiedFailure}} failureClass, global::System.Exception? exception, {{errorParameter}}{{c.Error}}? contractError = null, global::System.Collections.Generic.IReadOnlyList<{{c.Violation}}>? violations = null)
        {
            var failure = new {{n.QualifiedException}}(failureClass, StatusCode, Attempts, RequestId, RetryAfter, {{errorArgument}}contractError, violations ?? s_noViolations, exception);
            if (_done)
            {
                return failure;
            }

            _done = true;
            string name = {{n.QualifiedException}}.Name(failureClass);
            global::System.TimeSpan elapsed = _client._time.GetElapsedTime(_started);
            global::System.Diagnostics.TagList tags = Tags();
            tags.Add("error.type", name);
            Instruments instruments = _client._telemetry.Instruments;
            instruments.Duration.Record(elapsed.TotalSeconds, tags);

            var failureTags = new global::System.Diagnostics.TagList
            {
                { "failure.class", name },
                { "gen_ai.request.model", _requestModel },
                { "server.address", _client._telemetry.ServerAddress },
            };
            if (StatusCode is int status)
            {
                failureTags.Add("http.response.status_code", status);
            }

            instruments.Failures.Add(1, failureTags);
            if (_activity is { IsAllDataRequested: true })
            {
                _activity.SetTag("error.type", name);
                _activity.SetTag("http.response.status_code", StatusCode);
                _activity.SetStatus(global::System.Diagnostics.ActivityStatusCode.Error, name);
            }{{logFailed}}

            return failure;
        }

        /// <summary>Ends the span; a call the caller canceled is measured with <c>error.type</c> OperationCanceledException and not counted as a failure.</summary>
        public void End(bool canceled)
        {
            if (!_done && canceled)
            {
                _done = true;
                global::System.Diagnostics.TagList tags = Tags();
                tags.Add("error.type", "System.OperationCanceledException");
                _client._telemetry.Instruments.Duration.Record(_client._time.GetElapsedTime(_started).TotalSeconds, tags);
                if (_activity is { IsAllDataRequested: true })
                {
                    _activity.SetTag("error.type", "System.OperationCanceledException");
                    _activity.SetStatus(global::System.Diagnostics.ActivityStatusCode.Error, "canceled");
                }
            }

            _activity?.Dispose();
        }

        private global::System.Diagnostics.TagList Tags()
        {
            var tags = new global::System.Diagnostics.TagList
            {
                { "gen_ai.operation.name", "chat" },
                { "server.address", _client._telemetry.ServerAddress },
                { "server.port", _client._telemetry.ServerPort },
            };
            if (_requestModel is not null)
            {
                tags.Add("gen_ai.request.model", _requestModel);
            }

            if (ResponseModel is not null)
            {
                tags.Add("gen_ai.response.model", ResponseModel);
            }

            return tags;
        }

        private static string? Header(global::System.Net.Http.HttpResponseMessage response, string name)
        {
            if (response.Headers.TryGetValues(name, out global::System.Collections.Generic.IEnumerable<string>? values))
            {
                foreach (string value in values)
                {
                    return value;
                }
            }

            return null;
        }{{logHelpers}}
    }
}
""");
        }

        /// <summary>Copies model, id and token counts from a response or stream event into the call; nothing when the contract has none.</summary>
        private static string Observe(string variable, ClientShape.Members members, bool assignAlways)
        {
            var lines = new System.Text.StringBuilder();
            const string Indent = "            ";
            if (members.Model is { } model)
            {
                lines.Append(Indent).Append(assignAlways ? $"ResponseModel = {variable}.{model.Name};" : $"if ({variable}.{model.Name} is {{ }} model) {{ ResponseModel = model; }}").Append('\n');
            }

            if (members.Id is { } id)
            {
                lines.Append(Indent).Append(assignAlways ? $"ResponseId = {variable}.{id.Name};" : $"if ({variable}.{id.Name} is {{ }} id) {{ ResponseId = id; }}").Append('\n');
            }

            if (members.Usage is { } usage && members.InputTokens is { } input && members.OutputTokens is { } output)
            {
                lines.Append(Indent).Append($"if ({variable}.{usage.Name} is {{ }} usage)").Append('\n')
                    .Append(Indent).Append('{').Append('\n')
                    .Append(Indent).Append($"    InputTokens = usage.{input.Name};").Append('\n')
                    .Append(Indent).Append($"    OutputTokens = usage.{output.Name};").Append('\n')
                    .Append(Indent).Append('}').Append('\n');
            }

            if (lines.Length == 0)
            {
                lines.Append(Indent).Append($"_ = {variable};").Append('\n');
            }

            return lines.ToString().TrimEnd('\n');
        }
    }
}
