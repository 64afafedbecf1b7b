namespace CometAnalyzers.Generation.Emitter
{
    /// <summary><c>&lt;Name&gt;ClientOptions</c>: base URL, credential, retry and timeout overrides within the contract, test seams.</summary>
    internal static class ClientOptionsEmitter
    {
        public static void Emit(SourceWriter w, ClientNames n)
        {
            var settings = n.Context.Spec.Settings;
            string baseUrlKey = settings.BaseUrlConfigKey is { } key ? " (the contract keeps it under configuration key <c>" + SourceWriter.EscapeXml(key) + "</c>)" : string.Empty;
            string secretSource = settings.SecretEnvVar is { } env
                ? " Read it from configuration or the <c>" + SourceWriter.EscapeXml(env) + "</c> environment variable, never from a literal."
                : " Read it from configuration, never from a literal.";
            string logger = n.Logging
                ? $$"""


    /// <summary>
    /// Where the client logs each call's outcome (request id, status, attempt, latency, model, token usage, failure class):
    /// metadata only, never the key, the prompt or the completion. Null: no logs.
    /// </summary>
    public {{ClientNames.Logger}}? Logger { get; set; }
"""
                : string.Empty;

            ClientEmitter.Template(w, $$"""
/// <summary>How a <see cref="{{n.Client}}"/> reaches the API. Retries and timeouts default to the contract's and may only be tightened.</summary>
{{EmitContext.GeneratedCodeAttribute}}
public sealed class {{n.Options}}
{
    /// <summary>The API's base URL{{baseUrlKey}}; the contract's path is appended. Null: the <c>HttpClient</c>'s <c>BaseAddress</c>.</summary>
    public global::System.Uri? BaseAddress { get; set; }

    /// <summary>
    /// The API key, sent in <see cref="{{n.Contract}}.AuthHeader"/> after <see cref="{{n.Contract}}.AuthScheme"/>.
    /// Null or empty: no credential is sent (the call then fails as <c>Authentication</c>).{{secretSource}}
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>Retries after the first attempt: from 0 to the contract's <see cref="{{n.Contract}}.MaxRetries"/> (the default).</summary>
    public int MaxRetries { get; set; } = {{n.Contract}}.MaxRetries;

    /// <summary>One attempt's timeout (for a stream: until the headers, then between events). Default: the contract's; null: none.</summary>
    public global::System.TimeSpan? AttemptTimeout { get; set; } = {{n.Contract}}.AttemptTimeout;

    /// <summary>The whole call's timeout, retries and delays included. Default: the contract's; null: none.</summary>
    public global::System.TimeSpan? TotalTimeout { get; set; } = {{n.Contract}}.TotalTimeout;

    /// <summary>The backoff before retry n is drawn uniformly from [0, min(<see cref="MaxDelay"/>, BaseDelay × 2^(n-1))) (full jitter). Default 1 s.</summary>
    public global::System.TimeSpan BaseDelay { get; set; } = global::System.TimeSpan.FromSeconds(1);

    /// <summary>The cap of the exponential backoff. Default 30 s.</summary>
    public global::System.TimeSpan MaxDelay { get; set; } = global::System.TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest Retry-After the client waits for. A longer one ends the retries: the call fails with the answer's class and
    /// its <c>RetryAfter</c>, instead of retrying before the server asked. Default 60 s.
    /// </summary>
    public global::System.TimeSpan MaxRetryAfter { get; set; } = global::System.TimeSpan.FromSeconds(60);

    /// <summary>The clock of timeouts, delays and latencies; tests pass a fake one. Default: <see cref="global::System.TimeProvider.System"/>.</summary>
    public global::System.TimeProvider TimeProvider { get; set; } = global::System.TimeProvider.System;

    /// <summary>The jitter's random source; tests pass a fixed one. Null: <see cref="global::System.Random.Shared"/>.</summary>
    public global::System.Random? Random { get; set; }

    /// <summary>The meter factory the client's instruments come from (dependency injection); null: a meter of its own named <see cref="{{n.Client}}.TelemetryName"/>.</summary>
    public global::System.Diagnostics.Metrics.IMeterFactory? MeterFactory { get; set; }{{logger}}

    /// <summary>These options without the key, for the probe's missing-auth request: every other option as it is.</summary>
    internal {{n.Options}} WithoutApiKey()
    {
        var copy = ({{n.Options}})MemberwiseClone();
        copy.ApiKey = null;
        return copy;
    }
}
""");
        }
    }
}
