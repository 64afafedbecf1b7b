using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CometAnalyzers.Rules.Gating
{
    /// <summary>
    /// Operation analysis that only pays for the methods that can matter. An operation action makes the driver bind
    /// every method body and build its IOperation tree; a syntax node action costs nothing until its callback asks
    /// the semantic model. So the rules register syntax node actions, drop nodes with a cheap syntactic test that can
    /// only fail where the rule could not report, and ask for the node's operation (which binds its member) for the rest.
    /// </summary>
    internal static class OperationGate
    {
        public static void Register<TOperation>(
            CompilationStartAnalysisContext start,
            Func<SyntaxNodeAnalysisContext, bool> mayMatter,
            Action<RuleOperationContext, TOperation> action,
            ImmutableArray<SyntaxKind> kinds)
            where TOperation : class, IOperation
            => start.RegisterSyntaxNodeAction(
                context =>
                {
                    if (!mayMatter(context)
                        || context.SemanticModel.GetOperation(context.Node, context.CancellationToken) is not { } found
                        || OperationOf<TOperation>(found, context.Node) is not { } operation)
                    {
                        return;
                    }

                    action(new RuleOperationContext(operation, context.Options, context.ReportDiagnostic, context.CancellationToken), operation);
                },
                kinds);

        /// <summary>
        /// The operation of the wanted kind written at <paramref name="node"/>: the node's own operation, or one that shares
        /// its syntax (the literal inside an interpolated string's text, the call inside a constructor initializer).
        /// </summary>
        private static TOperation? OperationOf<TOperation>(IOperation operation, SyntaxNode node)
            where TOperation : class, IOperation
        {
            if (operation is TOperation wanted)
            {
                return wanted;
            }

            // Only operations written at the same node are searched, never the whole subtree.
            foreach (IOperation child in operation.ChildOperations)
            {
                if (child.Syntax == node && OperationOf<TOperation>(child, node) is { } match)
                {
                    return match;
                }
            }

            return null;
        }
    }
}
