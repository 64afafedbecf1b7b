using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CometAnalyzers.Rules.Gating
{
    /// <summary>Whether a name is declared as a local, parameter or local function in the member around a node.</summary>
    internal static class LocalNames
    {
        /// <summary>
        /// True when the member (or, for top-level statements, the file) declares <paramref name="name"/> anywhere as a
        /// local, a parameter, a pattern or foreach variable, or a local function. Scope is ignored: a false yes only costs binding.
        /// </summary>
        public static bool Declares(SyntaxNode node, string name, CancellationToken cancellationToken)
            => Declares(node, name, includeParameters: true, cancellationToken);

        /// <summary>
        /// As <see cref="Declares(SyntaxNode, string, CancellationToken)"/>; without parameters when
        /// <paramref name="includeParameters"/> is false, for a rule that follows only values written in the member itself.
        /// </summary>
        public static bool Declares(SyntaxNode node, string name, bool includeParameters, CancellationToken cancellationToken)
        {
            SyntaxNode scope = Scope(node);
            foreach (SyntaxNode descendant in TreeNodeIndex.For(node.SyntaxTree, cancellationToken).StartingWithin(scope.Span))
            {
                SyntaxToken identifier = descendant switch
                {
                    VariableDeclaratorSyntax variable => variable.Identifier,
                    ParameterSyntax parameter when includeParameters => parameter.Identifier,
                    SingleVariableDesignationSyntax designation => designation.Identifier,
                    ForEachStatementSyntax forEach => forEach.Identifier,
                    CatchDeclarationSyntax catchDeclaration => catchDeclaration.Identifier,
                    LocalFunctionStatementSyntax function => function.Identifier,
                    _ => default,
                };

                if (identifier.ValueText == name)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The member around the node; the whole type when it has primary constructor parameters; the file for top-level code.</summary>
        private static SyntaxNode Scope(SyntaxNode node)
        {
            for (SyntaxNode? current = node; current is not null; current = current.Parent)
            {
                if (current is GlobalStatementSyntax)
                {
                    return current.Parent ?? current;
                }

                if (current is MemberDeclarationSyntax member)
                {
                    return member.Parent is TypeDeclarationSyntax { ParameterList: not null } type ? type : member;
                }
            }

            return node.SyntaxTree.GetRoot();
        }
    }
}
