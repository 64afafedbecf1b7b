using Microsoft.CodeAnalysis;

namespace CometAnalyzers.Rules.Secrets
{
    /// <summary>Type comparisons shared by the secret rule's helpers. A null expected type (absent from the compilation) never matches.</summary>
    internal static class TypeChecks
    {
        public static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected)
            => expected is not null && SymbolEqualityComparer.Default.Equals(type?.OriginalDefinition, expected);

        public static bool InheritsFrom(ITypeSymbol? type, INamedTypeSymbol? expected)
        {
            for (ITypeSymbol? current = type; current is not null && expected is not null; current = current.BaseType)
            {
                if (Is(current, expected))
                {
                    return true;
                }
            }

            return false;
        }

        public static bool Implements(ITypeSymbol? type, INamedTypeSymbol? expected)
        {
            if (type is null || expected is null)
            {
                return false;
            }

            if (Is(type, expected))
            {
                return true;
            }

            foreach (INamedTypeSymbol contract in type.AllInterfaces)
            {
                if (Is(contract, expected))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
