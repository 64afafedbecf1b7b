using CometAnalyzers.Rules.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CometAnalyzers.Rules.Gating
{
    /// <summary>
    /// Members marked [GeneratedCode], skipped as the driver skips them for syntax and operation actions (generated
    /// files are never handed to the semantic model action at all). Same test as the driver's: the member or a containing
    /// type has the attribute.
    /// </summary>
    internal sealed class GeneratedCode
    {
        private readonly INamedTypeSymbol? _attribute;

        public GeneratedCode(Compilation compilation)
            => _attribute = compilation.GetTypeByMetadataName("System.CodeDom.Compiler.GeneratedCodeAttribute");

        public bool Contains(SyntaxNode node, TreeScope scope)
        {
            if (_attribute is not { } attribute)
            {
                return false;
            }

            for (SyntaxNode? current = node; current is not null; current = current.Parent)
            {
                SyntaxNode? declaration = current switch
                {
                    BaseFieldDeclarationSyntax field => field.Declaration.Variables.Count > 0 ? field.Declaration.Variables[0] : null,
                    BaseNamespaceDeclarationSyntax or GlobalStatementSyntax => null,
                    MemberDeclarationSyntax member => member,
                    _ => null,
                };

                if (declaration is not null)
                {
                    // Candidates come in document order, so most share the member the previous one was in.
                    if (scope.LastMember != declaration)
                    {
                        scope.LastMember = declaration;
                        scope.LastMemberIsGenerated = scope.SemanticModel.GetDeclaredSymbol(declaration, scope.CancellationToken) is { } symbol && IsGenerated(symbol, attribute);
                    }

                    return scope.LastMemberIsGenerated;
                }
            }

            return false;
        }

        private static bool IsGenerated(ISymbol symbol, INamedTypeSymbol attribute)
        {
            for (ISymbol? current = symbol; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
            {
                if (SymbolChecks.HasAttribute(current, attribute))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
