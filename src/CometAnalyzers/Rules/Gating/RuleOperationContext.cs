using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CometAnalyzers.Rules.Gating
{
    /// <summary>An operation a rule judges, found by <see cref="OperationGate"/>, and how to report on it.</summary>
    internal readonly struct RuleOperationContext
    {
        private readonly Action<Diagnostic> _report;

        public RuleOperationContext(IOperation operation, AnalyzerOptions options, Action<Diagnostic> report, CancellationToken cancellationToken)
        {
            Operation = operation;
            Options = options;
            _report = report;
            CancellationToken = cancellationToken;
        }

        public IOperation Operation { get; }

        public AnalyzerOptions Options { get; }

        public CancellationToken CancellationToken { get; }

        public void ReportDiagnostic(Diagnostic diagnostic) => _report(diagnostic);
    }
}
