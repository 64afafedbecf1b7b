namespace CometAnalyzers.Generation.Emitter
{
    /// <summary>
    /// <c>&lt;Name&gt;Probe</c>: the operator checklists' contract probes (canary, streaming canary, missing auth, malformed
    /// request, unknown model) against any base URL, sent through the generated client so they get its retries, failure
    /// classes and telemetry; and <c>&lt;Name&gt;ProbeResult</c>, what each expected and observed, as metadata only.
    /// </summary>
    internal static class ProbeEmitter
    {
        public static string ClassName(ClientNames n) => n.Name + "Probe";

        public static string ResultName(ClientNames n) => n.Name + "ProbeResult";

        public static void Emit(SourceWriter w, ClientNames n, ProbeShape probe)
        {
            EmitContext c = n.Context;
            ClientShape shape = n.Shape;
            string probeClass = ClassName(n);
            string result = c.Qualified(ResultName(n));
            string failure = n.QualifiedFailure;
            string client = n.QualifiedClient;
            string timeProvider = "global::System.TimeProvider";

            var runs = new System.Text.StringBuilder();
            runs.Append("        results.Add(await CanaryAsync(cancellationToken).ConfigureAwait(false));\n");
            string probeList = "the canary";
            string methods = string.Empty;

            // A stream canary reads every event to [DONE]; the last usage an event carries is the call's.
            if (shape.StreamEvent is { } streamEvent)
            {
                runs.Append("        results.Add(await StreamingCanaryAsync(cancellationToken).ConfigureAwait(false));\n");
                probeList += ", the streaming canary";
                string readUsage = shape.EventMembers is { HasUsage: true, Usage: { } usage, InputTokens: { } input, OutputTokens: { } output }
                    ? $$"""
                if (streamEvent.{{usage.Name}} is { } usage)
                {
                    inputTokens = usage.{{input.Name}};
                    outputTokens = usage.{{output.Name}};
                }
"""
                    : "                _ = streamEvent;";
                methods += $$"""


    /// <summary>
    /// The canary as a stream (<c>StreamAsync</c>), read to <c>data: [DONE]</c>: expected to succeed. Its usage is the last
    /// an event carried (an API sends it only when the request asks for it).
    /// </summary>
    public async global::System.Threading.Tasks.Task<{{result}}> StreamingCanaryAsync(global::System.Threading.CancellationToken cancellationToken = default)
    {
        var outcome = new {{client}}.Outcome();
        long? inputTokens = null;
        long? outputTokens = null;
        long started = _time.GetTimestamp();
        try
        {
            await foreach ({{streamEvent}} streamEvent in global::System.Threading.Tasks.TaskAsyncEnumerableExtensions.ConfigureAwait(_client.StreamAsync(Canary(), outcome, cancellationToken), false))
            {
{{readUsage}}
            }
        }
        catch ({{n.QualifiedException}} failure)
        {
            return Result("StreamingCanary", null, started, outcome, failure, null, null);
        }

        return Result("StreamingCanary", null, started, outcome, null, inputTokens, outputTokens);
    }
""";
            }

            runs.Append("        results.Add(await MissingAuthAsync(cancellationToken).ConfigureAwait(false));\n");
            probeList += ", missing auth";

            // The malformed request: the canary's JSON without one required property, sent raw (Validate() would refuse it).
            string removedConstant = string.Empty;
            if (probe.RemovedProperty is { } removed)
            {
                runs.Append("        results.Add(await MalformedRequestAsync(cancellationToken).ConfigureAwait(false));\n");
                probeList += ", the malformed request";
                removedConstant = $$"""

    /// <summary>The required top-level property the malformed request leaves out of the canary's JSON.</summary>
    public const string MalformedRequestRemovedProperty = {{SourceWriter.Literal(removed)}};

""";
                methods += $$"""


    /// <summary>
    /// The canary's JSON without its required <c>{{SourceWriter.EscapeXml(removed)}}</c>, sent as it is (the client's
    /// <c>Validate()</c> would refuse it): expected <c>ClientRequest</c> after one attempt, since a request the API refuses
    /// must not be retried.
    /// </summary>
    public global::System.Threading.Tasks.Task<{{result}}> MalformedRequestAsync(global::System.Threading.CancellationToken cancellationToken = default)
        => ProbeAsync("MalformedRequest", {{failure}}.ClientRequest, _client, null, WithoutProperty(_canary, MalformedRequestRemovedProperty), cancellationToken);

    /// <summary>The top-level object of <paramref name="json"/> without the property <paramref name="name"/>; everything else as it was.</summary>
    private static byte[] WithoutProperty(byte[] json, string name)
    {
        using global::System.Text.Json.JsonDocument document = global::System.Text.Json.JsonDocument.Parse(json);
        var buffer = new global::System.Buffers.ArrayBufferWriter<byte>(json.Length);
        using (var writer = new global::System.Text.Json.Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (global::System.Text.Json.JsonProperty property in document.RootElement.EnumerateObject())
            {
                if (!property.NameEquals(name))
                {
                    property.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
""";
            }

            // The unknown model: the canary asking for a model no API serves, validated and sent like any request.
            string unknownConstant = string.Empty;
            if (shape.RequestModel is { } model)
            {
                runs.Append("        results.Add(await UnknownModelAsync(cancellationToken).ConfigureAwait(false));\n");
                probeList += ", the unknown model";
                unknownConstant = $$"""

    /// <summary>The model the unknown-model probe asks for: a name no API serves.</summary>
    public const string UnknownModel = {{SourceWriter.Literal(n.Name.ToLowerInvariant() + "-probe-no-such-model")}};

""";
                methods += $$"""


    /// <summary>
    /// The canary for <see cref="UnknownModel"/>: expected <c>ClientRequest</c> (400 or 404) after one attempt. An API that
    /// answers it with a 5xx is retried and shows as <c>ServerError</c>: not what the contract expects.
    /// </summary>
    public global::System.Threading.Tasks.Task<{{result}}> UnknownModelAsync(global::System.Threading.CancellationToken cancellationToken = default)
    {
        {{shape.Request}} request = Canary();
        request.{{model.Name}} = UnknownModel;
        return ProbeAsync("UnknownModel", {{failure}}.ClientRequest, _client, request, null, cancellationToken);
    }
""";
            }

            string streamCheck = shape.RequestStream is { } stream
                ? $$"""

        if (canary.{{stream.Name}} == true)
        {
            throw new global::System.ArgumentException("The canary is sent with CompleteAsync, which refuses stream: true; StreamingCanaryAsync streams it. Leave {{stream.Name}} unset.", nameof(canary));
        }


"""
                : "\n";

            string constants = removedConstant + unknownConstant;
            constants = constants.Length == 0 ? string.Empty : "\n" + constants.TrimEnd('\n');

            ClientEmitter.Template(w, $$"""
/// <summary>
/// The contract probes of the operator checklists, against the base URL of the options: {{probeList}}.
/// Each is a real call through <see cref="{{n.Client}}"/>, so it gets the client's retries, failure classes and telemetry,
/// and each returns a <see cref="{{ResultName(n)}}"/>: the class it expected and the one it observed, the HTTP status, the
/// attempts, the latency (on the options' <c>TimeProvider</c>) and the request id. Nothing it returns holds the prompt,
/// the completion or the key, and it logs nothing itself. Run the probes one by one or all with <see cref="RunAsync"/>.
/// </summary>
{{EmitContext.GeneratedCodeAttribute}}
public sealed class {{probeClass}}
{
    private readonly {{client}} _client;
    private readonly {{client}} _keyless;
    private readonly byte[] _canary;
    private readonly {{timeProvider}} _time;{{constants}}

    /// <summary>Probes over <paramref name="httpClient"/> with <paramref name="options"/> (base URL, key, retries, timeouts), sending <paramref name="canary"/>.</summary>
    /// <param name="httpClient">Sends the probes; the caller owns it.</param>
    /// <param name="options">As for <see cref="{{n.Client}}"/>; the missing-auth probe uses a copy without the key.</param>
    /// <param name="canary">
    /// A valid, cheap request (an approved model and a short prompt with no user data): the generator cannot invent one.
    /// It is copied now; each probe sends a copy of that copy.
    /// </param>
    /// <exception cref="global::System.ArgumentException">The canary breaks the contract, or the options cannot make a client.</exception>
    public {{probeClass}}(global::System.Net.Http.HttpClient httpClient, {{n.QualifiedOptions}} options, {{shape.Request}} canary)
    {
        global::System.ArgumentNullException.ThrowIfNull(httpClient);
        global::System.ArgumentNullException.ThrowIfNull(options);
        global::System.ArgumentNullException.ThrowIfNull(canary);
        global::System.Collections.Generic.IReadOnlyList<{{c.Violation}}> violations = canary.Validate();
        if (violations.Count > 0)
        {
            // The path and the rule only: a value could be the prompt.
            throw new global::System.ArgumentException("The canary request breaks the contract at " + violations[0].JsonPath + " (" + violations[0].Message + "); the probes need a valid request.", nameof(canary));
        }
{{streamCheck}}        _client = new {{client}}(httpClient, options);
        _keyless = new {{client}}(httpClient, options.WithoutApiKey());
        _canary = Serialize(canary);
        _time = options.TimeProvider ?? {{timeProvider}}.System;
    }

    /// <summary>Where the probes go: the base URL with the contract's path.</summary>
    public global::System.Uri Endpoint => _client.Endpoint;

    /// <summary>Every probe, one after the other, in the order of the checklists.</summary>
    public async global::System.Threading.Tasks.Task<global::System.Collections.Generic.IReadOnlyList<{{result}}>> RunAsync(global::System.Threading.CancellationToken cancellationToken = default)
    {
        var results = new global::System.Collections.Generic.List<{{result}}>();
{{runs.ToString().TrimEnd('\n')}}
        return results;
    }

    /// <summary>The canary (<c>CompleteAsync</c>): expected to succeed.</summary>
    public global::System.Threading.Tasks.Task<{{result}}> CanaryAsync(global::System.Threading.CancellationToken cancellationToken = default)
        => ProbeAsync("Canary", null, _client, Canary(), null, cancellationToken);{{methods}}

    /// <summary>
    /// The canary without the auth header (the options' key left out): expected <c>Authentication</c> (401 or 403) after one
    /// attempt. A success means the API, or a proxy in front of it, answers without a credential.
    /// </summary>
    public global::System.Threading.Tasks.Task<{{result}}> MissingAuthAsync(global::System.Threading.CancellationToken cancellationToken = default)
        => ProbeAsync("MissingAuth", {{failure}}.Authentication, _keyless, Canary(), null, cancellationToken);

    /// <summary>
    /// One probe through <c>CompleteAsync</c>: <paramref name="request"/>, or <paramref name="body"/> as it is, sent by
    /// <paramref name="client"/>, timed and compared with <paramref name="expected"/> (null: a success).
    /// </summary>
    private async global::System.Threading.Tasks.Task<{{result}}> ProbeAsync(string name, {{failure}}? expected, {{client}} client, {{shape.Request}}? request, byte[]? body, global::System.Threading.CancellationToken cancellationToken)
    {
        var outcome = new {{client}}.Outcome();
        long started = _time.GetTimestamp();
        try
        {
            {{Succeed(shape, "client.CompleteAsync(request, body, outcome, cancellationToken)", "name, expected")}}
        }
        catch ({{n.QualifiedException}} failure)
        {
            return Result(name, expected, started, outcome, failure, null, null);
        }
    }

    /// <summary>A fresh copy of the canary, so no probe changes what another sends.</summary>
    private {{shape.Request}} Canary() => {{shape.Request}}.Parse(_canary);

    private static byte[] Serialize({{shape.Request}} request)
    {
        var buffer = new global::System.Buffers.ArrayBufferWriter<byte>(1024);
        using (var writer = new global::System.Text.Json.Utf8JsonWriter(buffer))
        {
            request.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// What a probe observed against what it expected: a success is as expected when a success was; a failure when its class
    /// is the expected one and it came from one attempt (the classes a probe expects are answers the API must not be asked again).
    /// </summary>
    private {{result}} Result(string name, {{failure}}? expected, long started, {{client}}.Outcome outcome, {{n.QualifiedException}}? failure, long? inputTokens, long? outputTokens)
    {
        global::System.TimeSpan latency = _time.GetElapsedTime(started);
        {{failure}}? observed = failure?.FailureClass;
        int attempts = failure is null ? outcome.Attempts : failure.Attempts;
        return new {{result}}
        {
            Name = name,
            Expected = expected,
            Observed = observed,
            AsExpected = expected is null ? observed is null : observed == expected && attempts == 1,
            StatusCode = failure is null ? outcome.StatusCode : failure.StatusCode,
            Attempts = attempts,
            Latency = latency,
            RequestId = failure is null ? outcome.RequestId : failure.RequestId,
            InputTokens = inputTokens,
            OutputTokens = outputTokens,
            Exception = failure,
        };
    }
}
""");
        }

        /// <summary>
        /// A successful call's two lines: the awaited <paramref name="call"/> and its result, with the response's token counts
        /// when the contract's response has usage (the response is otherwise discarded: the probe keeps no content).
        /// </summary>
        private static string Succeed(ClientShape shape, string call, string nameAndExpected)
            => shape.ResponseMembers is { HasUsage: true, Usage: { } usage, InputTokens: { } input, OutputTokens: { } output }
                ? $"{shape.Response} response = await {call}.ConfigureAwait(false);\n"
                    + $"            return Result({nameAndExpected}, started, outcome, null, response.{usage.Name}?.{input.Name}, response.{usage.Name}?.{output.Name});"
                : $"_ = await {call}.ConfigureAwait(false);\n"
                    + $"            return Result({nameAndExpected}, started, outcome, null, null, null);";

        public static void EmitResult(SourceWriter w, ClientNames n)
        {
            string failure = n.QualifiedFailure;
            ClientEmitter.Template(w, $$"""
/// <summary>
/// What one <see cref="{{ClassName(n)}}"/> probe expected and observed. Metadata only: never the prompt, the completion or
/// the key (the exception's message holds metadata only too; its <c>Error</c> body may echo the request, so log its code).
/// </summary>
{{EmitContext.GeneratedCodeAttribute}}
public sealed class {{ResultName(n)}}
{
    /// <summary>The probe: <c>Canary</c>, <c>StreamingCanary</c>, <c>MissingAuth</c>, <c>MalformedRequest</c> or <c>UnknownModel</c>.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The class the probe expected; null: a success.</summary>
    public {{failure}}? Expected { get; init; }

    /// <summary>The class the call failed with; null: it succeeded.</summary>
    public {{failure}}? Observed { get; init; }

    /// <summary>Whether the API answered as the contract says: the expected outcome, and a failure after one attempt (not retried).</summary>
    public bool AsExpected { get; init; }

    /// <summary>The last answer's HTTP status; null when there was none.</summary>
    public int? StatusCode { get; init; }

    /// <summary>The attempts the call made (0 when the client refused the request before sending it).</summary>
    public int Attempts { get; init; }

    /// <summary>The whole call, retries included, on the options' <c>TimeProvider</c>.</summary>
    public global::System.TimeSpan Latency { get; init; }

    /// <summary>The last answer's <c>x-request-id</c> (or <c>request-id</c>) header, for the API's support.</summary>
    public string? RequestId { get; init; }

    /// <summary>The answer's input tokens, when the contract's usage has them and the answer carried it.</summary>
    public long? InputTokens { get; init; }

    /// <summary>The answer's output tokens, when the contract's usage has them and the answer carried it.</summary>
    public long? OutputTokens { get; init; }

    /// <summary>The failure, when the call failed.</summary>
    public {{n.QualifiedException}}? Exception { get; init; }

    /// <summary>One line of metadata, for a log or a table: <c>Canary: as expected (expected success, observed success, HTTP 200, 1 attempt(s), 12.5 ms, request id ...)</c>.</summary>
    public override string ToString()
    {
        var text = new global::System.Text.StringBuilder(Name.Length + 96);
        text.Append(Name).Append(AsExpected ? ": as expected (expected " : ": NOT as expected (expected ").Append(Describe(Expected));
        text.Append(", observed ").Append(Describe(Observed));
        if (StatusCode is int status)
        {
            text.Append(", HTTP ").Append(status.ToString(global::System.Globalization.CultureInfo.InvariantCulture));
        }

        text.Append(", ").Append(Attempts.ToString(global::System.Globalization.CultureInfo.InvariantCulture)).Append(" attempt(s), ");
        text.Append(global::System.Math.Round(Latency.TotalMilliseconds, 1).ToString(global::System.Globalization.CultureInfo.InvariantCulture)).Append(" ms");
        if (RequestId is not null)
        {
            text.Append(", request id ").Append(RequestId);
        }

        return text.Append(')').ToString();
    }

    /// <summary>A failure class's name, or <c>success</c> for none.</summary>
    public static string Describe({{failure}}? failureClass) => failureClass is { } value ? {{n.QualifiedException}}.Name(value) : "success";
}
""");
        }
    }
}
