using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CometAnalyzers.Rules.Endpoints
{
    /// <summary>
    /// The identifiers a file uses, read once per tree on first need and kept as long as the tree lives. They tell
    /// which files can name a member declared elsewhere, without binding anything.
    /// </summary>
    internal static class TreeIdentifiers
    {
        private static readonly ConditionalWeakTable<SyntaxTree, HashSet<string>> ByTree = new();

        public static HashSet<string> For(SyntaxTree tree, CancellationToken cancellationToken)
        {
            if (ByTree.TryGetValue(tree, out HashSet<string>? names))
            {
                return names;
            }

            names = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (SyntaxToken token in tree.GetRoot(cancellationToken).DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.IdentifierToken))
                {
                    names.Add(token.ValueText);
                }
            }

            return ByTree.GetValue(tree, _ => names);
        }
    }
}
