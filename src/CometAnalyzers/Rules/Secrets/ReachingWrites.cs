using System.Collections.Generic;
using CometAnalyzers.Rules.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CometAnalyzers.Rules.Secrets
{
    /// <summary>
    /// Which writes of a local can still be what a read sees. <c>key = Redact(key);</c> as a statement of a block that
    /// holds the read, before it, runs on every way to the read (C# enters a block only at its start), so no write
    /// before it can reach the read; writes after it still can (on the next turn of a loop, or on a branch). Writes in
    /// a lambda or local function that does not hold the read may run at any time and always count.
    /// </summary>
    internal static class ReachingWrites
    {
        public static List<LocalWrite> Of(ILocalReferenceOperation reference, List<LocalWrite> writes)
        {
            if (writes.Count < 2)
            {
                return writes;
            }

            SyntaxNode read = reference.Syntax;
            SyntaxNode? last = null;
            foreach (LocalWrite write in writes)
            {
                if (write.Site is { } site && (last is null || site.SpanStart > last.SpanStart) && Overwrites(site, read))
                {
                    last = site;
                }
            }

            if (last is null || HasLabels(reference))
            {
                return writes;
            }

            var reaching = new List<LocalWrite>();
            foreach (LocalWrite write in writes)
            {
                if (write.Site is not { } site || site.SpanStart >= last.SpanStart || (NearestFunction(site) is { } function && !function.Span.Contains(read.Span)))
                {
                    reaching.Add(write);
                }
            }

            return reaching;
        }

        /// <summary>
        /// A whole-value write (<c>x = value;</c> or <c>var x = value;</c>) that is a statement of a block holding the
        /// read, in the same function, and ends before the read begins.
        /// </summary>
        private static bool Overwrites(SyntaxNode site, SyntaxNode read)
        {
            SyntaxNode? statement = site switch
            {
                AssignmentExpressionSyntax assignment when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) => assignment.Parent as ExpressionStatementSyntax,
                VariableDeclaratorSyntax { Initializer: not null, Parent: VariableDeclarationSyntax { Parent: LocalDeclarationStatementSyntax declaration } } => declaration,
                _ => null,
            };

            SyntaxNode? block = statement?.Parent is GlobalStatementSyntax global ? global.Parent : statement?.Parent as BlockSyntax;
            if (statement is null || block is null || statement.Span.End > read.SpanStart)
            {
                return false;
            }

            for (SyntaxNode? node = read.Parent; node is not null; node = node.Parent)
            {
                if (node == block)
                {
                    return true;
                }

                if (IsFunction(node))
                {
                    return false;
                }
            }

            return false;
        }

        /// <summary>A label lets a goto enter a block in the middle; then order says nothing.</summary>
        private static bool HasLabels(IOperation reference)
        {
            foreach (SyntaxNode node in OperationTree.Root(reference).Syntax.DescendantNodes())
            {
                if (node.IsKind(SyntaxKind.LabeledStatement))
                {
                    return true;
                }
            }

            return false;
        }

        private static SyntaxNode? NearestFunction(SyntaxNode site)
        {
            for (SyntaxNode? node = site.Parent; node is not null; node = node.Parent)
            {
                if (IsFunction(node))
                {
                    return node;
                }
            }

            return null;
        }

        private static bool IsFunction(SyntaxNode node) => node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax;
    }
}
