using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace CometAnalyzers.Rules.Gating
{
    /// <summary>
    /// The nodes of a syntax tree that any COMET rule looks at, in document order, found in one walk and shared by every
    /// analyzer in this assembly. Each rule's semantic model action used to walk the whole tree itself; the walks were a
    /// third of the rules' time in a real build. The index depends on the tree's text alone, so one per tree is kept for
    /// as long as the tree lives.
    /// </summary>
    internal sealed class TreeNodeIndex
    {
        /// <summary>Every kind a rule gates on, plus the declarations the gates read names from.</summary>
        private static readonly HashSet<SyntaxKind> IndexedKinds = new()
        {
            // Operations the rules judge.
            SyntaxKind.StringLiteralExpression,
            SyntaxKind.InterpolatedStringText,
            SyntaxKind.InterpolatedStringExpression,
            SyntaxKind.AddExpression,
            SyntaxKind.InvocationExpression,
            SyntaxKind.ObjectCreationExpression,
            SyntaxKind.ImplicitObjectCreationExpression,
            SyntaxKind.SimpleAssignmentExpression,
            SyntaxKind.BaseConstructorInitializer,
            SyntaxKind.ThisConstructorInitializer,
            SyntaxKind.PrimaryConstructorBaseType,
            SyntaxKind.ForStatement,
            SyntaxKind.WhileStatement,
            SyntaxKind.DoStatement,
            SyntaxKind.EqualsValueClause,
            SyntaxKind.CoalesceExpression,

            // Names declared in a member (LocalNames) and initialized variables (PolicyReceivers).
            SyntaxKind.VariableDeclarator,
            SyntaxKind.Parameter,
            SyntaxKind.SingleVariableDesignation,
            SyntaxKind.ForEachStatement,
            SyntaxKind.CatchDeclaration,
            SyntaxKind.LocalFunctionStatement,
        };

        private static readonly ConditionalWeakTable<SyntaxTree, TreeNodeIndex> ByTree = new();

        [ThreadStatic]
        private static SyntaxNode[]? s_scratch;

        private TreeNodeIndex(ImmutableArray<SyntaxNode> nodes) => Nodes = nodes;

        /// <summary>The indexed nodes in document order (by start position, outer before inner).</summary>
        public ImmutableArray<SyntaxNode> Nodes { get; }

        public static bool IsIndexed(SyntaxKind kind) => IndexedKinds.Contains(kind);

        public static TreeNodeIndex For(SyntaxTree tree, CancellationToken cancellationToken)
        {
            if (ByTree.TryGetValue(tree, out TreeNodeIndex? index))
            {
                return index;
            }

            // Two analyzers may build the same index at once; the table keeps the first and both are equal.
            index = Build(tree, cancellationToken);
            return ByTree.GetValue(tree, _ => index);
        }

        /// <summary>The indexed nodes whose span starts inside <paramref name="span"/>, found by binary search.</summary>
        public IEnumerable<SyntaxNode> StartingWithin(TextSpan span)
        {
            int low = 0;
            int high = Nodes.Length;
            while (low < high)
            {
                int middle = low + ((high - low) / 2);
                if (Nodes[middle].SpanStart < span.Start)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            for (int i = low; i < Nodes.Length && Nodes[i].SpanStart < span.End; i++)
            {
                yield return Nodes[i];
            }
        }

        private static TreeNodeIndex Build(SyntaxTree tree, CancellationToken cancellationToken)
        {
            // The nodes gather in this thread's scratch array and are copied once into an array of the exact size: an
            // ImmutableArray builder grew by doubling, and its dropped arrays were most of what the walk allocated.
            SyntaxNode[] scratch = s_scratch ?? new SyntaxNode[256];
            s_scratch = null;
            int count = 0;
            try
            {
                foreach (SyntaxNode node in tree.GetRoot(cancellationToken).DescendantNodes())
                {
                    if (IndexedKinds.Contains(node.Kind()))
                    {
                        if (count == scratch.Length)
                        {
                            Array.Resize(ref scratch, 2 * count);
                        }

                        scratch[count++] = node;
                    }
                }

                return new TreeNodeIndex(ImmutableArray.Create(scratch, 0, count));
            }
            finally
            {
                Array.Clear(scratch, 0, count); // keeps no tree alive
                s_scratch = scratch;
            }
        }
    }
}
