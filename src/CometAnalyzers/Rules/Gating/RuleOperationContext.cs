using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CometAnalyzers.Rules.Gating
{
    /// <summary>An operation a rule judges, found by <see cref="OperationGate"/>, and how to report on it.</summary>
    internal readonly struct RuleOperationContext
    {
        public RuleOperationContext(IOperation operation, TreeScope scope)
        {
            Operation = operation;
            Scope = scope;
        }

        public IOperation Operation { get; }

        /// <summary>The tree's analysis by this rule: per-tree values live there.</summary>
        public TreeScope Scope { get; }

        public AnalyzerOptions Options => Scope.Options;

        public CancellationToken CancellationToken => Scope.CancellationToken;

        public void ReportDiagnostic(Diagnostic diagnostic) => Scope.ReportDiagnostic(diagnostic);
    }
}
