using Microsoft.CodeAnalysis;

namespace CometAnalyzers.Rules.Common
{
    /// <summary>Symbol comparisons every rule makes the same way.</summary>
    internal static class SymbolChecks
    {
        /// <summary>The same declared symbol: a local, parameter, field or property, compared as Roslyn compares symbols.</summary>
        public static bool Same(ISymbol? left, ISymbol? right) => SymbolEqualityComparer.Default.Equals(left, right);

        /// <summary>Whether <paramref name="symbol"/> itself carries an attribute of class <paramref name="attribute"/> (not its containers).</summary>
        public static bool HasAttribute(ISymbol symbol, INamedTypeSymbol attribute)
        {
            foreach (AttributeData data in symbol.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
