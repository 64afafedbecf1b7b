using System.Collections.Immutable;
using CometAnalyzers.Rules.Secrets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static CometAnalyzers.Rules.Common.TypeChecks;

namespace CometAnalyzers.Rules.Content
{
    /// <summary>
    /// COMET005's sources: a read of a member that carries the generator's <c>[CometSensitive]</c> attribute (the
    /// contract marks it <c>x-sensitive</c>: message content and its parts, completion text, tool call arguments,
    /// refusals, streamed deltas), wherever the model was generated (this project or a referenced models project). A
    /// generated model written whole never leaks: its <c>ToString()</c> prints <c>***</c> for those members, and so does
    /// a collection of models, whose elements a logger prints one by one. Names say nothing here.
    /// </summary>
    internal sealed class SensitiveContentSources : LeakSources
    {
        /// <summary>The metadata name the generator gives the attribute (see <c>SensitiveAttributeEmitter</c>).</summary>
        public const string AttributeMetadataName = "CometAnalyzers.CometSensitiveAttribute";

        private const string GeneratorName = "CometAnalyzers";

        // Each project with a contract has its own internal copy; a referenced models project brings another.
        private readonly ImmutableArray<INamedTypeSymbol> _attributes;
        private readonly INamedTypeSymbol? _generatedCode;
        private readonly INamedTypeSymbol? _enumerableOfT;
        private readonly SecretTypes _types;

        public SensitiveContentSources(Compilation compilation, SecretTypes types)
        {
            _attributes = compilation.GetTypesByMetadataName(AttributeMetadataName);
            _generatedCode = compilation.GetTypeByMetadataName("System.CodeDom.Compiler.GeneratedCodeAttribute");
            _enumerableOfT = compilation.GetTypeByMetadataName("System.Collections.Generic.IEnumerable`1");
            _types = types;
        }

        /// <summary>False when no contract generated models for this compilation or its references: nothing is sensitive.</summary>
        public bool IsAvailable => !_attributes.IsEmpty;

        public override bool JudgesNames => false;

        public override bool NeverLeaks(ITypeSymbol? type) => _types.IsNeverSecret(type) || PrintsRedacted(type, 0);

        public override SecretLeak? Whole(IOperation operation, SecretNames names)
            => SensitiveMember(operation) is { } member
                ? new SecretLeak(operation, $"the x-sensitive {member.ContainingType.Name}.{member.Name}", SecretBasis.Certain)
                : null;

        public override SecretLeak? Read(IOperation operation, SecretNames names) => null;

        public override SecretLeak? Call(IInvocationOperation invocation) => null;

        public override bool FiltersOut(IOperation predicate) => false;

        public override bool IsNamedSecret(SecretNames names, ISymbol symbol) => false;

        public override bool IsNamedSecret(SecretNames names, string name, ITypeSymbol? valueType, INamedTypeSymbol? owner) => false;

        /// <summary>The member a property or field read reads, when it carries the attribute.</summary>
        public ISymbol? SensitiveMember(IOperation operation)
        {
            ISymbol? member = operation switch
            {
                IPropertyReferenceOperation property => property.Property,
                IFieldReferenceOperation field => field.Field,
                _ => null,
            };

            return member is not null && IsSensitive(member) ? member : null;
        }

        private bool IsSensitive(ISymbol member)
        {
            foreach (AttributeData attribute in member.GetAttributes())
            {
                foreach (INamedTypeSymbol sensitive in _attributes)
                {
                    if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, sensitive))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>A type the generator wrote (its text redacts), or an array, list or other sequence of such.</summary>
        private bool PrintsRedacted(ITypeSymbol? type, int depth)
        {
            if (type is null || depth > 3)
            {
                return false;
            }

            if (type is IArrayTypeSymbol array)
            {
                return PrintsRedacted(array.ElementType, depth + 1);
            }

            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments: { Length: 1 } held })
            {
                return PrintsRedacted(held[0], depth + 1);
            }

            if (IsGenerated(type))
            {
                return true;
            }

            if (type.SpecialType == SpecialType.System_String)
            {
                return false;
            }

            foreach (INamedTypeSymbol contract in type.AllInterfaces)
            {
                if (Is(contract, _enumerableOfT))
                {
                    return PrintsRedacted(contract.TypeArguments[0], depth + 1);
                }
            }

            return Is(type, _enumerableOfT) && type is INamedTypeSymbol sequence && PrintsRedacted(sequence.TypeArguments[0], depth + 1);
        }

        /// <summary>Marked <c>[GeneratedCode("CometAnalyzers", ...)]</c>: a model, union or enum of a contract.</summary>
        private bool IsGenerated(ITypeSymbol type)
        {
            if (_generatedCode is null || type.TypeKind is not (TypeKind.Class or TypeKind.Struct))
            {
                return false;
            }

            foreach (AttributeData attribute in type.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _generatedCode)
                    && attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is GeneratorName)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
