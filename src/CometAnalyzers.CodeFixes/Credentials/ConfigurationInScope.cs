using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CometAnalyzers.CodeFixes.Credentials
{
    /// <summary>
    /// An <c>IConfiguration</c> the code can read at a position: a parameter or a local declared before it, else a field or
    /// property of the type (not from a static member or a field initializer, which cannot reach instance members).
    /// Nullable ones are left out: reading them would warn. The fix never adds a parameter or a field to get one.
    /// </summary>
    internal static class ConfigurationInScope
    {
        public static string? NameAt(SemanticModel model, int position, CancellationToken cancellationToken)
        {
            INamedTypeSymbol? configuration = model.Compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.IConfiguration");
            if (configuration is null)
            {
                return null;
            }

            ISymbol? enclosing = model.GetEnclosingSymbol(position, cancellationToken);
            bool instanceReachable = enclosing is IMethodSymbol { IsStatic: false } method && !InStaticFunction(method);
            return model.LookupSymbols(position)
                .Where(symbol => Type(symbol) is { } type && FallbackReads.IsConfiguration(type, configuration) && type.NullableAnnotation != NullableAnnotation.Annotated)
                .Where(symbol => symbol switch
                {
                    IParameterSymbol => true,
                    ILocalSymbol local => local.DeclaringSyntaxReferences.All(reference => reference.Span.End <= position),
                    _ => instanceReachable || symbol.IsStatic,
                })
                .OrderBy(symbol => symbol.Kind is SymbolKind.Parameter or SymbolKind.Local ? 0 : 1)
                .Select(symbol => symbol.Name)
                .FirstOrDefault(name => SyntaxFacts.IsValidIdentifier(name));
        }

        private static ITypeSymbol? Type(ISymbol symbol) => symbol switch
        {
            IParameterSymbol parameter => parameter.Type,
            ILocalSymbol local => local.Type,
            IFieldSymbol field => field.Type,
            IPropertySymbol { IsIndexer: false } property => property.Type,
            _ => null,
        };

        /// <summary>A static lambda or local function cannot reach instance members, wherever it is written.</summary>
        private static bool InStaticFunction(IMethodSymbol method)
        {
            for (ISymbol? symbol = method; symbol is IMethodSymbol { MethodKind: MethodKind.LocalFunction or MethodKind.AnonymousFunction } function; symbol = symbol.ContainingSymbol)
            {
                if (function.IsStatic)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
