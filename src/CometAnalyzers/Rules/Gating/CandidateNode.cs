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

        /// <summary>The tree's model. In a build the SDK's analyzers have bound every method already, so asking for an operation is a lookup.</summary>
        public SemanticModel SemanticModel => Scope.SemanticModel;

        public AnalyzerOptions Options => Scope.Options;

        public CancellationToken CancellationToken => Scope.CancellationToken;
    }
}
