using CometAnalyzers.Generation.Emitter;
using Microsoft.CodeAnalysis;

namespace CometAnalyzers.Generation
{
    /// <summary>Where the sensitive-member attribute comes from, as far as the compilation's references tell.</summary>
    internal static class SensitiveAttributeSources
    {
        /// <summary>
        /// Whether a referenced assembly gives the compilation the attribute (internal to a referenced models project that
        /// grants it its internals), and else whether it can be a Microsoft.Extensions.Compliance classification. Only
        /// referenced assemblies are searched: a declaration in source is found by syntax.
        /// </summary>
        public static SensitiveAttributeSource InReferences(Compilation compilation)
        {
            INamedTypeSymbol? classification = null;
            foreach (IAssemblySymbol assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                if (assembly.GetTypeByMetadataName(SensitiveAttributeEmitter.MetadataName) is { } existing
                    && compilation.IsSymbolAccessibleWithin(existing, compilation.Assembly))
                {
                    return SensitiveAttributeSource.Available;
                }

                classification ??= assembly.GetTypeByMetadataName(SensitiveAttributeEmitter.DataClassificationAttributeMetadataName);
            }

            return classification is { IsSealed: false, DeclaredAccessibility: Accessibility.Public }
                ? SensitiveAttributeSource.EmitWithDataClassification
                : SensitiveAttributeSource.Emit;
        }
    }
}
