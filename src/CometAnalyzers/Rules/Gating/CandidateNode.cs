using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CometAnalyzers.Rules.Gating
{
    /// <summary>A syntax node a gate looks at before deciding whether its operation is worth binding.</summary>
    internal readonly struct CandidateNode
    {
        public CandidateNode(SyntaxNode node, TreeScope scope)
        {
            Node = node;
            Scope = scope;
        }

        public SyntaxNode Node { get; }

        /// <summary>The tree's analysis by this rule: per-tree values live there.</summary>
        public TreeScope Scope { get; }

        /// <summary>Binds only the statement around what it is asked about (GetConstantValue, GetSymbolInfo), never the whole method.</summary>
        public SemanticModel SemanticModel => Scope.SemanticModel;

        public AnalyzerOptions Options => Scope.Options;

        public CancellationToken CancellationToken => Scope.CancellationToken;
    }
}
