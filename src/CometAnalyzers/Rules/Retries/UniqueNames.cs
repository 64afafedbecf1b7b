using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CometAnalyzers.Rules.Retries
{
    /// <summary>Picks names for variables a code fix introduces that clash with nothing in the enclosing member.</summary>
    internal sealed class UniqueNames
    {
        private readonly HashSet<string> _taken = new(System.StringComparer.Ordinal);

        public UniqueNames(SyntaxNode node)
        {
            SyntaxNode scope = (SyntaxNode?)node.FirstAncestorOrSelf<MemberDeclarationSyntax>() ?? node.SyntaxTree.GetRoot();
            foreach (SyntaxNode descendant in scope.DescendantNodesAndSelf())
            {
                SyntaxToken identifier = descendant switch
                {
                    VariableDeclaratorSyntax declarator => declarator.Identifier,
                    SingleVariableDesignationSyntax designation => designation.Identifier,
                    ParameterSyntax parameter => parameter.Identifier,
                    CatchDeclarationSyntax catchDeclaration => catchDeclaration.Identifier,
                    ForEachStatementSyntax forEach => forEach.Identifier,
                    LocalFunctionStatementSyntax localFunction => localFunction.Identifier,
                    _ => default,
                };
                if (identifier.ValueText.Length > 0)
                {
                    _taken.Add(identifier.ValueText);
                }
            }
        }

        public string Pick(string preferred, string alternative)
        {
            foreach (string candidate in new[] { preferred, alternative })
            {
                if (_taken.Add(candidate))
                {
                    return candidate;
                }
            }

            for (int i = 2; ; i++)
            {
                string candidate = preferred + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (_taken.Add(candidate))
                {
                    return candidate;
                }
            }
        }
    }
}
