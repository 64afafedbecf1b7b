namespace CometAnalyzers.Generation.Emitter
{
    /// <summary>
    /// The probe's canary as a health check, with Microsoft.Extensions.Diagnostics.HealthChecks referenced
    /// (<see cref="Model.ClientFeatures.HealthChecks"/>): <c>&lt;Name&gt;CanaryHealthCheck</c>, and with dependency injection
    /// too <c>&lt;Name&gt;HealthChecksBuilderExtensions.Add&lt;Name&gt;Canary</c>, over the registered client's
    /// <c>HttpClient</c> and options. Its result holds the class, status, attempts, latency and request id, never content.
    /// </summary>
    internal static class ProbeHealthCheckEmitter
    {
        private const string HealthChecks = "global::Microsoft.Extensions.Diagnostics.HealthChecks.";

        public const string CheckSuffix = "CanaryHealthCheck";

        public const string RegistrationSuffix = "HealthChecksBuilderExtensions";

        public static string CheckName(ClientNames n) => n.Name + CheckSuffix;

        public static string RegistrationName(ClientNames n) => n.Name + RegistrationSuffix;

        public static void EmitCheck(SourceWriter w, ClientNames n)
        {
            string probe = n.Context.Qualified(ProbeEmitter.ClassName(n));
            string result = n.Context.Qualified(ProbeEmitter.ResultName(n));
            ClientEmitter.Template(w, $$"""
/// <summary>
/// The <see cref="{{ProbeEmitter.ClassName(n)}}"/> canary as a health check: <c>Healthy</c> when it succeeds, <c>Degraded</c>
/// when the API rate-limits it (<c>RateLimited</c>: up, but saturated), and the registration's failure status
/// (<c>Unhealthy</c> by default) for any other failure. The result's data are the failure class, HTTP status, attempts,
/// latency and request id: never the prompt, the completion or the key.
/// </summary>
{{EmitContext.GeneratedCodeAttribute}}
public sealed class {{CheckName(n)}} : {{HealthChecks}}IHealthCheck
{
    private readonly {{probe}} _probe;

    /// <summary>A check that runs <paramref name="probe"/>'s canary each time it is asked.</summary>
    public {{CheckName(n)}}({{probe}} probe)
    {
        global::System.ArgumentNullException.ThrowIfNull(probe);
        _probe = probe;
    }

    /// <inheritdoc/>
    public async global::System.Threading.Tasks.Task<{{HealthChecks}}HealthCheckResult> CheckHealthAsync({{HealthChecks}}HealthCheckContext context, global::System.Threading.CancellationToken cancellationToken = default)
    {
        global::System.ArgumentNullException.ThrowIfNull(context);
        {{result}} canary = await _probe.CanaryAsync(cancellationToken).ConfigureAwait(false);
        var data = new global::System.Collections.Generic.Dictionary<string, object>
        {
            ["failureClass"] = {{result}}.Describe(canary.Observed),
            ["attempts"] = canary.Attempts,
            ["latencyMs"] = global::System.Math.Round(canary.Latency.TotalMilliseconds, 1),
        };
        if (canary.StatusCode is int status)
        {
            data["statusCode"] = status;
        }

        if (canary.RequestId is { } requestId)
        {
            data["requestId"] = requestId;
        }

        {{HealthChecks}}HealthStatus health = canary.Observed is null ? {{HealthChecks}}HealthStatus.Healthy
            : canary.Observed == {{n.QualifiedFailure}}.RateLimited ? {{HealthChecks}}HealthStatus.Degraded
            : context.Registration?.FailureStatus ?? {{HealthChecks}}HealthStatus.Unhealthy;
        return new {{HealthChecks}}HealthCheckResult(health, canary.ToString(), exception: null, data);
    }
}
""");
        }

        public static void EmitRegistration(SourceWriter w, ClientNames n)
        {
            const string DI = "global::Microsoft.Extensions.DependencyInjection.";
            string probe = n.Context.Qualified(ProbeEmitter.ClassName(n));
            string check = n.Context.Qualified(CheckName(n));
            string defaultName = n.Name.ToLowerInvariant() + "-canary";
            ClientEmitter.Template(w, $$"""
/// <summary>Registers the <see cref="{{ProbeEmitter.ClassName(n)}}"/> canary as a health check.</summary>
{{EmitContext.GeneratedCodeAttribute}}
public static class {{RegistrationName(n)}}
{
    /// <summary>
    /// Adds <see cref="{{CheckName(n)}}"/> under <paramref name="name"/>: each run sends the canary through the
    /// <c>HttpClient</c> and <see cref="{{n.Options}}"/> that <c>Add{{n.Client}}</c> registered (its handlers, base URL, key,
    /// retries and timeouts), so call <c>Add{{n.Client}}</c> too.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="canary">Makes the canary request: a valid, cheap request with an approved model and no user data.</param>
    /// <param name="name">The check's name.</param>
    /// <param name="failureStatus">The status of a failed canary other than a rate limit (which is <c>Degraded</c>); null: <c>Unhealthy</c>.</param>
    /// <param name="tags">The check's tags, to filter health endpoints.</param>
    public static {{DI}}IHealthChecksBuilder Add{{n.Name}}Canary(this {{DI}}IHealthChecksBuilder builder, global::System.Func<global::System.IServiceProvider, {{n.Shape.Request}}> canary, string name = {{SourceWriter.Literal(defaultName)}}, {{HealthChecks}}HealthStatus? failureStatus = null, global::System.Collections.Generic.IEnumerable<string>? tags = null)
    {
        global::System.ArgumentNullException.ThrowIfNull(builder);
        global::System.ArgumentNullException.ThrowIfNull(canary);
        global::System.ArgumentNullException.ThrowIfNull(name);
        return builder.Add(new {{HealthChecks}}HealthCheckRegistration(
            name,
            provider => new {{check}}(new {{probe}}(
                {{DI}}ServiceProviderServiceExtensions.GetRequiredService<global::System.Net.Http.IHttpClientFactory>(provider).CreateClient(nameof({{n.QualifiedClient}})),
                {{DI}}ServiceProviderServiceExtensions.GetRequiredService<global::Microsoft.Extensions.Options.IOptions<{{n.QualifiedOptions}}>>(provider).Value,
                canary(provider))),
            failureStatus,
            tags));
    }
}
""");
        }
    }
}
