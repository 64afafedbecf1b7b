namespace CometAnalyzers.Generation.Emitter
{
    /// <summary><c>&lt;Name&gt;ClientFailureClass</c> and <c>&lt;Name&gt;ClientException</c>: one exception type, one class per failure.</summary>
    internal static class ClientExceptionEmitter
    {
        public static void Emit(SourceWriter w, ClientNames n)
        {
            EmitContext c = n.Context;
            string semantic = n.Shape.Choices is not null
                ? "A 2xx answer that matches the contract but cannot be used: no <c>choices</c>, or a stream with no event before <c>[DONE]</c>. Never retried."
                : "A 2xx stream that matches the contract but cannot be used: no event before <c>[DONE]</c>. Never retried.";
            string errorProperty = n.Shape.Error is { } error
                ? "\n\n    /// <summary>The error body of a non-2xx answer, when it matches the contract's <c>error</c> schema; its text may echo request details, so log its code and type, not its message.</summary>\n    public " + error + "? Error { get; }"
                : string.Empty;
            string errorParameter = n.Shape.Error is { } errorType ? errorType + "? error, " : string.Empty;
            string errorAssignment = n.Shape.Error is not null ? "\n        Error = error;" : string.Empty;

            // Only a client behind Microsoft.Extensions.Http.Resilience's standard pipeline can be refused by it.
            string rejected = n.Resilience
                ? "\n\n    /// <summary>The resilience pipeline refused to send (its circuit breaker is open, or its rate limiter is full): no further attempt was made. Never retried.</summary>\n    Rejected,"
                : string.Empty;
            string rejectedName = n.Resilience ? "\n        " + n.QualifiedFailure + ".Rejected => \"Rejected\"," : string.Empty;

            ClientEmitter.Template(w, $$"""
/// <summary>Why a {{n.Name}} call failed, as operators count it: each class has its own alert and its own fix.</summary>
{{EmitContext.GeneratedCodeAttribute}}
public enum {{n.FailureClass}}
{
    /// <summary>The request breaks the contract (<c>Validate()</c> found violations): nothing was sent. Fix the request.</summary>
    InvalidRequest,

    /// <summary>401 or 403: the key is missing, wrong or not allowed. Never retried; fix the credential.</summary>
    Authentication,

    /// <summary>Another 4xx (400, 404 for an unknown model, 422, ...). Retried only when the contract lists the status (408 by default).</summary>
    ClientRequest,

    /// <summary>429, once the retries the contract allows are spent (or when it does not list 429 as retryable).</summary>
    RateLimited,

    /// <summary>A 5xx, once the retries are spent, or at once when the contract does not list it as retryable.</summary>
    ServerError,

    /// <summary>A status no other class covers (1xx, 3xx): often a wrong base URL or a proxy page.</summary>
    UnexpectedStatus,

    /// <summary>No HTTP answer (DNS, connection, TLS), or the connection dropped while the answer was read; retried.</summary>
    Transport,

    /// <summary>The last attempt took longer than the attempt timeout (for a stream: the headers or the next event); retried.</summary>
    AttemptTimeout,

    /// <summary>The whole call, retries and delays included, took longer than the total timeout.</summary>
    Timeout,

    /// <summary>A 2xx answer whose body does not match the contract: a drifted response, not an outage. Never retried.</summary>
    ParserFailure,

    /// <summary>{{semantic}}</summary>
    SemanticFailure,

    /// <summary>A stream that ended, or whose connection dropped, before <c>data: [DONE]</c>. Never retried: events were already read.</summary>
    StreamCutOff,{{rejected}}
}

/// <summary>
/// The one exception a <see cref="{{n.Client}}"/> call fails with (the caller's own cancellation stays an
/// <see cref="global::System.OperationCanceledException"/>). It carries the failure class, the HTTP status, the parsed
/// error body, the request id, Retry-After, the attempts made and, for a parser failure, the contract error's kind and
/// JSON path. Its message holds that metadata only: never the key, the request or the response text.
/// </summary>
{{EmitContext.GeneratedCodeAttribute}}
public sealed class {{n.Exception}} : global::System.Exception
{
    public {{n.Exception}}({{n.QualifiedFailure}} failureClass, string message, global::System.Exception? innerException = null)
        : base(message, innerException)
    {
        FailureClass = failureClass;
        Violations = global::System.Array.Empty<{{c.Violation}}>();
    }

    internal {{n.Exception}}({{n.QualifiedFailure}} failureClass, int? statusCode, int attempts, string? requestId, global::System.TimeSpan? retryAfter, {{errorParameter}}{{c.Error}}? contractError, global::System.Collections.Generic.IReadOnlyList<{{c.Violation}}> violations, global::System.Exception? innerException)
        : base(Describe(failureClass, statusCode, attempts, requestId, contractError, violations), innerException)
    {
        FailureClass = failureClass;
        StatusCode = statusCode;
        Attempts = attempts;
        RequestId = requestId;
        RetryAfter = retryAfter;{{errorAssignment}}
        ContractError = contractError;
        Violations = violations;
    }

    /// <summary>What failed, as operators count it.</summary>
    public {{n.QualifiedFailure}} FailureClass { get; }

    /// <summary>The HTTP status of the last answer, or null when the last attempt had none (transport failure, timeout, invalid request).</summary>
    public int? StatusCode { get; }

    /// <summary>The attempts made: 0 for an invalid request, never more than 1 + <c>MaxRetries</c>.</summary>
    public int Attempts { get; }

    /// <summary>The server's request id of the last answer (<c>x-request-id</c> or <c>request-id</c>), for support tickets.</summary>
    public string? RequestId { get; }

    /// <summary>The last answer's Retry-After, as a delay from when it arrived.</summary>
    public global::System.TimeSpan? RetryAfter { get; }{{errorProperty}}

    /// <summary>For a parser failure: the contract error (its kind and JSON path). A parser failure is never an HTTP failure.</summary>
    public {{c.Error}}? ContractError { get; }

    /// <summary>For a parser failure: what broke the contract (missing field, wrong type, ...).</summary>
    public {{c.ErrorKind}}? ContractErrorKind => ContractError?.Kind;

    /// <summary>For a parser failure: where, such as <c>$.choices[0].message</c>.</summary>
    public string? JsonPath => ContractError?.JsonPath;

    /// <summary>For an invalid request: every violation <c>Validate()</c> found, each with its JSON path.</summary>
    public global::System.Collections.Generic.IReadOnlyList<{{c.Violation}}> Violations { get; }

    private static string Describe({{n.QualifiedFailure}} failureClass, int? statusCode, int attempts, string? requestId, {{c.Error}}? contractError, global::System.Collections.Generic.IReadOnlyList<{{c.Violation}}> violations)
    {
        var text = new global::System.Text.StringBuilder({{SourceWriter.Literal(n.Name + " call failed: ")}});
        text.Append(Name(failureClass));
        if (statusCode is int status)
        {
            text.Append(" (HTTP ").Append(status.ToString(global::System.Globalization.CultureInfo.InvariantCulture)).Append(')');
        }

        text.Append(attempts == 0 ? ", nothing sent" : attempts == 1 ? " after 1 attempt" : " after " + attempts.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + " attempts");
        if (requestId is not null)
        {
            text.Append(", request id ").Append(requestId);
        }

        if (contractError is not null)
        {
            text.Append(": ").Append(contractError.Kind.ToString()).Append(" at ").Append(contractError.JsonPath);
        }
        else if (violations.Count > 0)
        {
            text.Append(": ").Append(violations[0].ToString());
            if (violations.Count > 1)
            {
                text.Append(" (and ").Append((violations.Count - 1).ToString(global::System.Globalization.CultureInfo.InvariantCulture)).Append(" more)");
            }
        }

        return text.Append('.').ToString();
    }

    /// <summary>The class's name, as the <c>failure.class</c> and <c>error.type</c> telemetry tags carry it.</summary>
    internal static string Name({{n.QualifiedFailure}} failureClass) => failureClass switch
    {
        {{n.QualifiedFailure}}.InvalidRequest => "InvalidRequest",
        {{n.QualifiedFailure}}.Authentication => "Authentication",
        {{n.QualifiedFailure}}.ClientRequest => "ClientRequest",
        {{n.QualifiedFailure}}.RateLimited => "RateLimited",
        {{n.QualifiedFailure}}.ServerError => "ServerError",
        {{n.QualifiedFailure}}.UnexpectedStatus => "UnexpectedStatus",
        {{n.QualifiedFailure}}.Transport => "Transport",
        {{n.QualifiedFailure}}.AttemptTimeout => "AttemptTimeout",
        {{n.QualifiedFailure}}.Timeout => "Timeout",
        {{n.QualifiedFailure}}.ParserFailure => "ParserFailure",
        {{n.QualifiedFailure}}.SemanticFailure => "SemanticFailure",
        {{n.QualifiedFailure}}.StreamCutOff => "StreamCutOff",{{rejectedName}}
        _ => "Unknown",
    };
}
""");
        }
    }
}
