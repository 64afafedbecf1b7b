using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CometAnalyzers.Rules.Gating
{
    /// <summary>
    /// One rule's analysis of one syntax tree (one <see cref="OperationGate"/> semantic model action): what the gates and
    /// actions of that rule share for the tree, made once instead of per node. Per-tree values (<see cref="PerTree{T}"/>)
    /// live here, so finding them is a look through a few slots rather than a dictionary shared by every thread.
    /// </summary>
    internal sealed class TreeScope
    {
        private readonly Action<Diagnostic> _report;
        private object?[] _keys = Array.Empty<object?>();
        private object?[] _values = Array.Empty<object?>();

        public TreeScope(SemanticModel semanticModel, AnalyzerOptions options, Action<Diagnostic> report, CancellationToken cancellationToken)
        {
            SemanticModel = semanticModel;
            Options = options;
            _report = report;
            CancellationToken = cancellationToken;
        }

        public SyntaxTree Tree => SemanticModel.SyntaxTree;

        public SemanticModel SemanticModel { get; }

        public AnalyzerOptions Options { get; }

        public CancellationToken CancellationToken { get; }

        public void ReportDiagnostic(Diagnostic diagnostic) => _report(diagnostic);

        /// <summary>The member declaration <see cref="GeneratedCode"/> judged last, and its verdict.</summary>
        internal SyntaxNode? LastMember { get; set; }

        internal bool LastMemberIsGenerated { get; set; }

        /// <summary>The value kept for <paramref name="key"/> in this tree, made by <paramref name="create"/> on first use.</summary>
        /// <remarks>A scope is used by the one thread running its action, so the slots need no lock.</remarks>
        public T Get<T, TArgument>(object key, TArgument argument, Func<SyntaxTree, TArgument, T> create)
            where T : class
        {
            for (int i = 0; i < _keys.Length; i++)
            {
                if (ReferenceEquals(_keys[i], key))
                {
                    return (T)_values[i]!;
                }
            }

            T value = create(Tree, argument);
            Array.Resize(ref _keys, _keys.Length + 1);
            Array.Resize(ref _values, _values.Length + 1);
            _keys[_keys.Length - 1] = key;
            _values[_values.Length - 1] = value;
            return value;
        }
    }
}
