using System.Collections.Generic;

namespace CometAnalyzers.Generation.Emitter
{
    /// <summary>
    /// <c>&lt;Name&gt;ServiceCollectionExtensions.Add&lt;Name&gt;Client</c>: the client as a typed <c>IHttpClientFactory</c> client,
    /// its options read from <c>IConfiguration</c> by the contract's keys (an indexer read, no reflection binding) and the
    /// contract's environment variable, then the caller's <c>configure</c>, and validated at startup with messages that name
    /// where the value belongs and never hold it. Emitted only with <see cref="Model.ClientFeatures.DependencyInjection"/>.
    /// </summary>
    internal static class ClientRegistrationEmitter
    {
        private const string DI = "global::Microsoft.Extensions.DependencyInjection.";

        public static string ClassName(ClientNames n) => n.Name + "ServiceCollectionExtensions";

        public static void Emit(SourceWriter w, ClientNames n)
        {
            var settings = n.Context.Spec.Settings;
            string options = n.QualifiedOptions;
            string defaultHost = "https://" + (settings.Hosts.Count > 0 ? settings.Hosts[0] : Contract.ContractSettings.DefaultHost) + "/";

            // Where the base URL comes from: the configuration key when the contract names one, else the contract's first host.
            string baseUrl;
            string baseUrlDoc;
            string baseUrlMissing;
            if (settings.BaseUrlConfigKey is { } urlKey)
            {
                baseUrl = $$"""
                if (options.BaseAddress is null && configuration?[{{n.Contract}}.BaseUrlConfigKey] is { Length: > 0 } baseUrl
                    && global::System.Uri.TryCreate(baseUrl, global::System.UriKind.Absolute, out global::System.Uri? baseAddress))
                {
                    options.BaseAddress = baseAddress;
                }
""";
                baseUrlDoc = "the base URL from configuration key <c>" + SourceWriter.EscapeXml(urlKey) + "</c>";
                baseUrlMissing = n.Client + " needs a base URL: set configuration key '" + urlKey + "' to an absolute http or https URL, or set " + n.Options + ".BaseAddress in configure.";
            }
            else
            {
                baseUrl = $$"""
                options.BaseAddress ??= new global::System.Uri({{SourceWriter.Literal(defaultHost)}});
""";
                baseUrlDoc = "the base URL <c>" + SourceWriter.EscapeXml(defaultHost) + "</c> (the contract's first host)";
                baseUrlMissing = n.Client + " needs an absolute http or https base URL: set " + n.Options + ".BaseAddress in configure.";
            }

            // Where the key comes from: the configuration key, else the environment variable, as the contract declares them.
            var keyReads = new List<string>();
            var keySources = new List<string>();
            var keyDocs = new List<string>();
            if (settings.SecretConfigKey is { } secretKey)
            {
                keyReads.Add($"configuration?[{n.Contract}.SecretConfigKey]");
                keySources.Add("configuration key '" + secretKey + "'");
                keyDocs.Add("configuration key <c>" + SourceWriter.EscapeXml(secretKey) + "</c>");
            }

            if (settings.SecretEnvVar is { } envVar)
            {
                keyReads.Add($"global::System.Environment.GetEnvironmentVariable({n.Contract}.SecretEnvVar)");
                keySources.Add("environment variable '" + envVar + "'");
                keyDocs.Add("environment variable <c>" + SourceWriter.EscapeXml(envVar) + "</c>");
            }

            string keyRead = string.Empty;
            foreach (string read in keyReads)
            {
                keyRead += "\n" + $$"""

                if (string.IsNullOrEmpty(options.ApiKey))
                {
                    options.ApiKey = {{read}};
                }
""";
            }

            string keyMissing = n.Client + " needs an API key: set " + (keySources.Count > 0 ? string.Join(" or ", keySources) + ", or " : string.Empty) + n.Options + ".ApiKey in configure.";
            string keyLineBreak = n.Client + "'s API key has a line break: check how " + (keySources.Count > 0 ? string.Join(" or ", keySources) : n.Options + ".ApiKey") + " is set.";
            string keyDoc = keyDocs.Count > 0 ? "the API key from " + string.Join(", else ", keyDocs) : "no API key (the contract names no source: set it in <paramref name=\"configure\"/>)";

            string configurationRead = settings.BaseUrlConfigKey is not null || settings.SecretConfigKey is not null
                ? "                var configuration = provider.GetService(typeof(global::Microsoft.Extensions.Configuration.IConfiguration)) as global::Microsoft.Extensions.Configuration.IConfiguration;\n"
                : string.Empty;

            // The container's meter factory and logger, when it has them: the options' documented dependency-injection seams.
            string containerReads = "                options.MeterFactory ??= provider.GetService(typeof(global::System.Diagnostics.Metrics.IMeterFactory)) as global::System.Diagnostics.Metrics.IMeterFactory;\n";
            string servicesDoc = "\n    /// The container's <c>IMeterFactory</c> is the <c>MeterFactory</c>";
            if (n.Logging)
            {
                containerReads += $"                options.Logger ??= (provider.GetService(typeof(global::Microsoft.Extensions.Logging.ILoggerFactory)) as global::Microsoft.Extensions.Logging.ILoggerFactory)?.CreateLogger({n.QualifiedClient}.TelemetryName);\n";
                servicesDoc += " and its <c>ILoggerFactory</c> makes the <c>Logger</c> (category <see cref=\"" + n.Client + ".TelemetryName\"/>)";
            }

            servicesDoc += ", when it has them.";
            string configurationDoc = settings.BaseUrlConfigKey is not null || settings.SecretConfigKey is not null
                ? "\n    /// Configuration is read from the container's <c>IConfiguration</c>, when it has one, key by key (no reflection binding)."
                : string.Empty;
            // With Microsoft.Extensions.Http.Resilience referenced the client is the standard pipeline's, configured from the contract
            // and the options; the attempt handler after it (inside the attempt timeout) counts the pipeline's attempts into the call.
            string createClient = n.Resilience
                ? $"new {n.QualifiedClient}(httpClient, {DI}ServiceProviderServiceExtensions.GetRequiredService<global::Microsoft.Extensions.Options.IOptions<{options}>>(provider).Value, resiliencePipeline: true)"
                : $"new {n.QualifiedClient}(httpClient, {DI}ServiceProviderServiceExtensions.GetRequiredService<global::Microsoft.Extensions.Options.IOptions<{options}>>(provider).Value)";
            string register = n.Resilience
                ? $$"""
        {{DI}}IHttpClientBuilder client = {{DI}}HttpClientBuilderExtensions.RemoveAllLoggers({{DI}}HttpClientFactoryServiceCollectionExtensions.AddHttpClient<{{n.QualifiedClient}}, {{n.QualifiedClient}}>(
            services,
            static (global::System.Net.Http.HttpClient httpClient, global::System.IServiceProvider provider) => {{createClient}}));

        // The standard resilience pipeline retries and times out the calls as the contract says; the client sends each call once.
        global::Microsoft.Extensions.Http.Resilience.HttpStandardResiliencePipelineBuilderExtensions.Configure(
            {{DI}}ResilienceHttpClientBuilderExtensions.AddStandardResilienceHandler(client),
            static (global::Microsoft.Extensions.Http.Resilience.HttpStandardResilienceOptions resilience, global::System.IServiceProvider provider)
                => {{n.QualifiedClient}}.ConfigureResiliencePipeline(resilience, {{DI}}ServiceProviderServiceExtensions.GetRequiredService<global::Microsoft.Extensions.Options.IOptions<{{options}}>>(provider).Value));
        return {{DI}}HttpClientBuilderExtensions.AddHttpMessageHandler(client, static () => {{n.QualifiedClient}}.CreatePipelineAttemptHandler());
"""
                : $$"""
        return {{DI}}HttpClientBuilderExtensions.RemoveAllLoggers({{DI}}HttpClientFactoryServiceCollectionExtensions.AddHttpClient<{{n.QualifiedClient}}, {{n.QualifiedClient}}>(
            services,
            static (global::System.Net.Http.HttpClient httpClient, global::System.IServiceProvider provider) => {{createClient}}));
""";
            string resilienceDoc = n.Resilience
                ? "\n    /// Behind it is Microsoft.Extensions.Http.Resilience's standard pipeline, configured from the contract and the options:\n    /// it retries and times out each call (the client sends once), and counts its attempts into the call."
                : string.Empty;

            ClientEmitter.Template(w, $$"""
/// <summary>Registers <see cref="{{n.Client}}"/> with dependency injection.</summary>
{{EmitContext.GeneratedCodeAttribute}}
public static class {{ClassName(n)}}
{
    /// <summary>
    /// Registers <see cref="{{n.Client}}"/> as a typed client of <c>IHttpClientFactory</c>, built with the factory's
    /// <c>HttpClient</c> and the <see cref="{{n.Options}}"/> of the container:
    /// {{baseUrlDoc}};
    /// {{keyDoc}};
    /// then <paramref name="configure"/>.{{configurationDoc}}{{servicesDoc}}{{resilienceDoc}}
    /// The options are validated at startup (<c>ValidateOnStart</c>) and when first resolved: a missing base URL or key
    /// fails with a message naming where it belongs, never with the key's value; so does a key with a line break.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Applied last, after configuration and the environment: overrides any option.</param>
    /// <returns>
    /// The client's builder, to add handlers or configure the primary handler. The factory's request loggers are removed
    /// (<c>RemoveAllLoggers</c>): the default one would keep the auth header's value in its log state.
    /// </returns>
    public static {{DI}}IHttpClientBuilder Add{{n.Client}}(this {{DI}}IServiceCollection services, global::System.Action<{{options}}>? configure = null)
    {
        global::System.ArgumentNullException.ThrowIfNull(services);
        global::Microsoft.Extensions.Options.OptionsBuilder<{{options}}> builder = {{DI}}OptionsServiceCollectionExtensions.AddOptions<{{options}}>(services)
            .Configure<global::System.IServiceProvider>(static (options, provider) =>
            {
{{containerReads}}{{configurationRead}}{{baseUrl}}{{keyRead}}
            });
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        {{DI}}OptionsBuilderExtensions.ValidateOnStart(builder
            .Validate(static options => options.BaseAddress is { IsAbsoluteUri: true } address && (address.Scheme == global::System.Uri.UriSchemeHttp || address.Scheme == global::System.Uri.UriSchemeHttps), {{SourceWriter.Literal(baseUrlMissing)}})
            .Validate(static options => !string.IsNullOrEmpty(options.ApiKey), {{SourceWriter.Literal(keyMissing)}})
            .Validate(static options => options.ApiKey is null || (options.ApiKey.IndexOf('\r') < 0 && options.ApiKey.IndexOf('\n') < 0), {{SourceWriter.Literal(keyLineBreak)}}));

        // The factory's default logger puts every request header's raw value, the key's included, into its log state at Trace
        // level (only the message text is redacted): this client has none, and logs each call's metadata itself.
{{register}}
    }
}
""");
        }
    }
}
