using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CometAnalyzers.Rules.Gating
{
    /// <summary>
    /// Operation analysis that only pays for the methods that can matter. An operation action makes the driver bind
    /// every method body and build its IOperation tree, and syntax node actions cost a dispatch per declaration. Instead
    /// a rule adds its node kinds here with a cheap test that can only fail where the rule could not report; one semantic
    /// model action per tree walks the syntax once, and asks for the operation (which binds its member) of the nodes that pass.
    /// </summary>
    internal sealed class OperationGate
    {
        private readonly Dictionary<SyntaxKind, List<Entry>> _entries = new();
        private readonly GeneratedCode _generatedCode;

        public OperationGate(Compilation compilation) => _generatedCode = new GeneratedCode(compilation);

        public void Add<TOperation>(ImmutableArray<SyntaxKind> kinds, Func<CandidateNode, bool> mayMatter, Action<RuleOperationContext, TOperation> action)
            where TOperation : class, IOperation
        {
            var entry = new Entry<TOperation>(mayMatter, action);
            foreach (SyntaxKind kind in kinds)
            {
                if (!_entries.TryGetValue(kind, out List<Entry>? list))
                {
                    list = new List<Entry>();
                    _entries.Add(kind, list);
                }

                list.Add(entry);
            }
        }

        /// <summary>Call once all kinds are added; nothing is registered when no kind was.</summary>
        public void Register(CompilationStartAnalysisContext start)
        {
            if (_entries.Count > 0)
            {
                start.RegisterSemanticModelAction(Analyze);
            }
        }

        private void Analyze(SemanticModelAnalysisContext context)
        {
            SyntaxNode root = context.SemanticModel.SyntaxTree.GetRoot(context.CancellationToken);
            IEnumerable<SyntaxNode> nodes = context.FilterSpan is { } span ? root.DescendantNodes(span) : root.DescendantNodes();
            foreach (SyntaxNode node in nodes)
            {
                if (!_entries.TryGetValue(node.Kind(), out List<Entry>? entries))
                {
                    continue;
                }

                var candidate = new CandidateNode(node, context.SemanticModel, context.Options, context.CancellationToken);
                foreach (Entry entry in entries)
                {
                    entry.Run(candidate, context, _generatedCode);
                }
            }
        }

        private abstract class Entry
        {
            public abstract void Run(CandidateNode candidate, SemanticModelAnalysisContext context, GeneratedCode generatedCode);
        }

        private sealed class Entry<TOperation> : Entry
            where TOperation : class, IOperation
        {
            private readonly Func<CandidateNode, bool> _mayMatter;
            private readonly Action<RuleOperationContext, TOperation> _action;

            public Entry(Func<CandidateNode, bool> mayMatter, Action<RuleOperationContext, TOperation> action)
            {
                _mayMatter = mayMatter;
                _action = action;
            }

            public override void Run(CandidateNode candidate, SemanticModelAnalysisContext context, GeneratedCode generatedCode)
            {
                SyntaxNode node = candidate.Node;
                if (!_mayMatter(candidate)
                    || context.SemanticModel.GetOperation(node, context.CancellationToken) is not { } found
                    || OperationOf(found, node) is not { } operation
                    || generatedCode.Contains(node, context.SemanticModel, context.CancellationToken))
                {
                    return;
                }

                _action(new RuleOperationContext(operation, context.Options, context.ReportDiagnostic, context.CancellationToken), operation);
            }

            /// <summary>
            /// The operation of the wanted kind written at <paramref name="node"/>: the node's own operation, or one that shares
            /// its syntax (the literal inside an interpolated string's text, the call inside a constructor initializer).
            /// </summary>
            private static TOperation? OperationOf(IOperation operation, SyntaxNode node)
            {
                if (operation is TOperation wanted)
                {
                    return wanted;
                }

                // Only operations written at the same node are searched, never the whole subtree.
                foreach (IOperation child in operation.ChildOperations)
                {
                    if (child.Syntax == node && OperationOf(child, node) is { } match)
                    {
                        return match;
                    }
                }

                return null;
            }
        }
    }
}
