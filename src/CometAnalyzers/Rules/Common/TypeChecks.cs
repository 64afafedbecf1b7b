using Microsoft.CodeAnalysis;

namespace CometAnalyzers.Rules.Common
{
    /// <summary>
    /// Whether a type is, derives from or implements a library type every rule resolves once per compilation. Generic
    /// types compare by definition (<c>Task&lt;string&gt;</c> is <c>Task`1</c>). A null expected type (absent from the
    /// compilation) never matches, so a rule needs no check of its own for a library the project does not reference.
    /// </summary>
    internal static class TypeChecks
    {
        public static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected)
            => expected is not null && SymbolEqualityComparer.Default.Equals(type?.OriginalDefinition, expected);

        /// <summary>True when <paramref name="type"/> is <paramref name="expected"/> or one of its base types is.</summary>
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

        /// <summary>True when <paramref name="type"/> is <paramref name="expected"/> or implements it.</summary>
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
