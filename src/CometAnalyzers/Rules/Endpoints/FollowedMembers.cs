using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CometAnalyzers.Rules.Endpoints
{
    /// <summary>
    /// The string fields and properties whose value is written where they are declared, so that a URL there is the
    /// URL every use reads: const and readonly fields, get-only auto-properties with an initializer, and get-only
    /// properties whose getter is one expression (<c>string Url => "https://..."</c>), which counts as their
    /// initializer. A setter or init accessor lets an object initializer replace the default, and a virtual property
    /// can be overridden, so those are not followed. Whether a constructor assigns a readonly field or get-only
    /// property is not decided here: <see cref="ConstructorWrites"/> reads that once such a member's URL reaches HTTP.
    /// </summary>
    internal static class FollowedMembers
    {
        public static bool IsFollowed(ISymbol member)
            => member switch
            {
                IFieldSymbol field => IsStringOrUri(field.Type) && (field.IsConst || field.IsReadOnly),
                IPropertySymbol property => IsFollowed(property),
                _ => false,
            };

        /// <summary>A const or readonly field declared <c>string</c>, read from syntax (a gate's test).</summary>
        public static bool IsFollowed(FieldDeclarationSyntax field)
        {
            SyntaxTokenList modifiers = field.Modifiers;
            return (modifiers.Any(SyntaxKind.ConstKeyword) || modifiers.Any(SyntaxKind.ReadOnlyKeyword)) && MayBeString(field.Declaration.Type);
        }

        /// <summary>
        /// A property declared <c>string</c>, neither virtual nor abstract nor an override, that is get-only with an
        /// initializer (<c>{ get; } = value</c>) or returns one expression (<c>=> value</c>, <c>{ get => value; }</c>).
        /// </summary>
        public static bool IsFollowed(PropertyDeclarationSyntax property)
        {
            SyntaxTokenList modifiers = property.Modifiers;
            if (modifiers.Any(SyntaxKind.VirtualKeyword) || modifiers.Any(SyntaxKind.AbstractKeyword) || modifiers.Any(SyntaxKind.OverrideKeyword)
                || !MayBeString(property.Type))
            {
                return false;
            }

            if (property.ExpressionBody is not null)
            {
                return true;
            }

            return OnlyGetter(property) is { Body: null } getter && (getter.ExpressionBody is not null || property.Initializer is not null);
        }

        /// <summary>The followed property whose value this arrow returns (<c>=> value</c>, <c>{ get => value; }</c>); null otherwise.</summary>
        public static PropertyDeclarationSyntax? ExpressionBodied(ArrowExpressionClauseSyntax arrow)
        {
            PropertyDeclarationSyntax? property = arrow.Parent switch
            {
                PropertyDeclarationSyntax declaration => declaration,
                AccessorDeclarationSyntax { Parent.Parent: PropertyDeclarationSyntax declaration } accessor when OnlyGetter(declaration) == accessor => declaration,
                _ => null,
            };
            return property is not null && IsFollowed(property) ? property : null;
        }

        /// <summary>
        /// The followed property whose expression body is the value this return gives back: the implicit return
        /// written at <c>=> value</c>, never one in a lambda inside it.
        /// </summary>
        public static IPropertySymbol? ExpressionBodied(IReturnOperation returned, CancellationToken cancellationToken)
            => returned is { IsImplicit: true, Syntax.Parent: ArrowExpressionClauseSyntax arrow, SemanticModel: { } model }
               && ExpressionBodied(arrow) is { } declaration
                ? model.GetDeclaredSymbol(declaration, cancellationToken)
                : null;

        /// <summary>The getter of a property that has no other accessor; null otherwise.</summary>
        private static AccessorDeclarationSyntax? OnlyGetter(PropertyDeclarationSyntax property)
            => property.AccessorList is { Accessors: { Count: 1 } accessors } && accessors[0].IsKind(SyntaxKind.GetAccessorDeclaration)
                ? accessors[0]
                : null;

        private static bool IsFollowed(IPropertySymbol property)
        {
            if (!IsStringOrUri(property.Type) || property.SetMethod is not null || property.IsIndexer
                || property.IsVirtual || property.IsAbstract || property.IsOverride || property.DeclaringSyntaxReferences.Length != 1)
            {
                return false;
            }

            // Only source properties have a declaration to read; one from metadata keeps its value out of sight anyway.
            return property.DeclaringSyntaxReferences[0].GetSyntax() is PropertyDeclarationSyntax declaration && IsFollowed(declaration);
        }

        /// <summary>A URL held as text or as a <c>System.Uri</c>.</summary>
        private static bool IsStringOrUri(ITypeSymbol type)
            => type.SpecialType == SpecialType.System_String
               || type is INamedTypeSymbol { Name: "Uri", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };

        /// <summary>
        /// <c>string</c>, <c>String</c> or <c>Uri</c>, nullable or qualified, read from the declaration's syntax: a property
        /// of another type (a logger, a client, options) is never followed. A <c>using</c> alias of either is missed.
        /// </summary>
        private static bool MayBeString(TypeSyntax type)
            => type switch
            {
                PredefinedTypeSyntax predefined => predefined.Keyword.IsKind(SyntaxKind.StringKeyword),
                NullableTypeSyntax nullable => MayBeString(nullable.ElementType),
                IdentifierNameSyntax name => name.Identifier.ValueText is "String" or "Uri",
                QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText is "String" or "Uri",
                AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText is "String" or "Uri",
                _ => false,
            };
    }
}
