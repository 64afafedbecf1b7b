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
    internal sealed record ClientFeatures(bool Client, bool Logging)
    {
        public static readonly ClientFeatures None = new(false, false);

        public static ClientFeatures Of(Compilation compilation)
        {
            INamedTypeSymbol? timeProvider = compilation.GetTypeByMetadataName("System.TimeProvider");
            INamedTypeSymbol objectType = compilation.GetSpecialType(SpecialType.System_Object);
            bool client = timeProvider is not null
                && SymbolEqualityComparer.Default.Equals(timeProvider.ContainingAssembly, objectType.ContainingAssembly)
                && Accessible(compilation, "System.Net.Http.HttpClient")
                && Accessible(compilation, "System.Diagnostics.Metrics.IMeterFactory")
                && Accessible(compilation, "System.Diagnostics.ActivitySource")
                && Accessible(compilation, "System.Collections.Generic.IAsyncEnumerable`1");
            bool logging = client
                && Accessible(compilation, "Microsoft.Extensions.Logging.ILogger")
                && Accessible(compilation, "Microsoft.Extensions.Logging.LoggerMessage");
            return client ? new ClientFeatures(true, logging) : None;
        }

        private static bool Accessible(Compilation compilation, string metadataName)
            => compilation.GetTypeByMetadataName(metadataName) is { } type && compilation.IsSymbolAccessibleWithin(type, compilation.Assembly);
    }
}
