using Microsoft.CodeAnalysis;

namespace CometAnalyzers.Generation.Model
{
    /// <summary>
    /// What the compilation offers the generated client, read once per compilation by metadata name: a small value, equal
    /// after any ordinary edit, so everything downstream stays cached.
    /// </summary>
    /// <param name="Client">
    /// The .NET 8 base library the client is written against: <c>System.TimeProvider</c> in the core library (not the
    /// Microsoft.Bcl.TimeProvider package a netstandard2.0 project may reference), <c>HttpClient</c>, <c>IMeterFactory</c>
    /// and <c>ActivitySource</c>. Without it no client is generated; the models are.
    /// </param>
    /// <param name="Logging">
    /// Microsoft.Extensions.Logging.Abstractions (<c>ILogger</c>, <c>LoggerMessage</c>): the client takes an optional logger.
    /// </param>
    /// <param name="DependencyInjection">
    /// Microsoft.Extensions.Http 8+ (<c>HttpClientFactoryServiceCollectionExtensions</c>, <c>IHttpClientLogger</c> for
    /// <c>RemoveAllLoggers</c>) with Microsoft.Extensions.Configuration
    /// (<c>IConfiguration</c>) and Microsoft.Extensions.Options 8+ (<c>ValidateOnStart</c>): the client gets an
    /// <c>Add&lt;Name&gt;Client</c> registration.
    /// </param>
    /// <param name="Resilience">
    /// Microsoft.Extensions.Http.Resilience (<c>ResilienceHttpClientBuilderExtensions</c>, <c>HttpStandardResilienceOptions</c>):
    /// the registration puts the client behind the standard resilience pipeline, configured from the contract. Only
    /// meaningful with <paramref name="DependencyInjection"/>.
    /// </param>
    /// <param name="HealthChecks">
    /// Microsoft.Extensions.Diagnostics.HealthChecks (<c>IHealthCheck</c>, <c>IHealthChecksBuilder</c>): the probe's canary
    /// becomes <c>&lt;Name&gt;CanaryHealthCheck</c>, registered by <c>Add&lt;Name&gt;Canary</c> when DependencyInjection is there too.
    /// </param>
    internal sealed record ClientFeatures(bool Client, bool Logging, bool DependencyInjection = false, bool Resilience = false, bool HealthChecks = false)
    {
        public static readonly ClientFeatures None = new(false, false);

        /// <remarks>
        /// Only referenced assemblies are searched (public types): their symbols are the same after an edit, so the step
        /// never makes the compiler build the source declaration table, which a lookup through the compilation would.
        /// </remarks>
        public static ClientFeatures Of(Compilation compilation)
        {
            IAssemblySymbol coreLibrary = compilation.GetSpecialType(SpecialType.System_Object).ContainingAssembly;
            bool client = coreLibrary.GetTypeByMetadataName("System.TimeProvider") is { DeclaredAccessibility: Accessibility.Public }
                && Referenced(compilation, "System.Net.Http.HttpClient")
                && Referenced(compilation, "System.Diagnostics.Metrics.IMeterFactory")
                && Referenced(compilation, "System.Diagnostics.ActivitySource")
                && Referenced(compilation, "System.Collections.Generic.IAsyncEnumerable`1");
            bool logging = client
                && Referenced(compilation, "Microsoft.Extensions.Logging.ILogger")
                && Referenced(compilation, "Microsoft.Extensions.Logging.LoggerMessage");
            bool dependencyInjection = client
                && Referenced(compilation, "Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions")
                && Referenced(compilation, "Microsoft.Extensions.Http.Logging.IHttpClientLogger")
                && Referenced(compilation, "Microsoft.Extensions.Configuration.IConfiguration")
                && Referenced(compilation, "Microsoft.Extensions.DependencyInjection.OptionsBuilderExtensions")
                && Referenced(compilation, "Microsoft.Extensions.Options.IOptions`1");
            bool resilience = dependencyInjection
                && Referenced(compilation, "Microsoft.Extensions.DependencyInjection.ResilienceHttpClientBuilderExtensions")
                && Referenced(compilation, "Microsoft.Extensions.Http.Resilience.HttpStandardResilienceOptions");
            bool healthChecks = client
                && Referenced(compilation, "Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheck")
                && Referenced(compilation, "Microsoft.Extensions.DependencyInjection.IHealthChecksBuilder");
            return client ? new ClientFeatures(true, logging, dependencyInjection, resilience, healthChecks) : None;
        }

        private static bool Referenced(Compilation compilation, string metadataName)
        {
            foreach (IAssemblySymbol assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                if (assembly.GetTypeByMetadataName(metadataName) is { DeclaredAccessibility: Accessibility.Public })
                {
                    return true;
                }
            }

            return false;
        }
    }
}
