using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CometAnalyzers.Rules.Gating
{
    /// <summary>
    /// Operation analysis that only pays for the methods that can matter. An operation action makes the driver bind
    /// every method body and build its IOperation tree, and syntax node actions cost a driver callback per node. Instead
    /// a rule adds its node kinds here with a cheap test that can only fail where the rule could not report; one semantic
    /// model action per tree goes through the tree's <see cref="TreeNodeIndex"/> (one walk shared by all rules), and asks
    /// for the operation (which binds its member) of the nodes that pass.
    /// </summary>
    internal sealed class OperationGate
    {
        private static readonly Func<CandidateNode, bool> Open = static _ => true;

        private readonly Dictionary<SyntaxKind, List<Entry>> _entries = new();
        private readonly GeneratedCode _generatedCode;
        private readonly bool _ungated;

        /// <param name="compilation">The compilation whose trees are analyzed.</param>
        /// <param name="analyzer">The rule: its gates are open when a test marked it (<see cref="UngatedAnalyzers"/>).</param>
        public OperationGate(Compilation compilation, DiagnosticAnalyzer analyzer)
        {
            _generatedCode = new GeneratedCode(compilation);
            _ungated = UngatedAnalyzers.IsOpen(analyzer);
        }

        public void Add<TOperation>(ImmutableArray<SyntaxKind> kinds, Func<CandidateNode, bool> mayMatter, Action<RuleOperationContext, TOperation> action)
            where TOperation : class, IOperation
        {
            // Chosen once here, so an ungated rule binds every node of its kinds and the gated path gains no test per node.
            var entry = new Entry<TOperation>(_ungated ? Open : mayMatter, action);
            foreach (SyntaxKind kind in kinds)
            {
                if (!TreeNodeIndex.IsIndexed(kind))
                {
                    throw new ArgumentException($"{kind} is not in {nameof(TreeNodeIndex)}, so no node of that kind would be seen.", nameof(kinds));
                }

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
            TreeNodeIndex index = TreeNodeIndex.For(context.SemanticModel.SyntaxTree, context.CancellationToken);
            TextSpan? filter = context.FilterSpan;
            TreeScope? scope = null;
            foreach (SyntaxNode node in index.Nodes)
            {
                if ((filter is { } span && !node.FullSpan.IntersectsWith(span)) || !_entries.TryGetValue(node.Kind(), out List<Entry>? entries))
                {
                    continue;
                }

                // Made once per tree, and only for a tree with a candidate: the report delegate boxes the context struct.
                scope ??= new TreeScope(context.SemanticModel, context.Options, context.ReportDiagnostic, context.CancellationToken);
                var candidate = new CandidateNode(node, scope);
                foreach (Entry entry in entries)
                {
                    entry.Run(candidate, _generatedCode);
                }
            }
        }

        private abstract class Entry
        {
            /// <summary>Runs the rule on the node's operation if the gate lets it through.</summary>
            /// <param name="candidate">The node, and the tree's scope the gate and the rule share.</param>
            /// <param name="generatedCode">Members marked [GeneratedCode], which are skipped.</param>
            public abstract void Run(CandidateNode candidate, GeneratedCode generatedCode);
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

            public override void Run(CandidateNode candidate, GeneratedCode generatedCode)
            {
                SyntaxNode node = candidate.Node;
                TreeScope scope = candidate.Scope;
                if (!_mayMatter(candidate)
                    || scope.SemanticModel.GetOperation(node, scope.CancellationToken) is not { } found
                    || OperationOf(found, node) is not { } operation
                    || generatedCode.Contains(node, scope))
                {
                    return;
                }

                _action(new RuleOperationContext(operation, scope), operation);
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
