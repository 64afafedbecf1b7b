using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CometAnalyzers.Rules.Gating
{
    /// <summary>A syntax node a gate looks at before deciding whether its operation is worth binding.</summary>
    internal readonly struct CandidateNode
    {
        public CandidateNode(SyntaxNode node, SemanticModel semanticModel, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            Node = node;
            SemanticModel = semanticModel;
            Options = options;
            CancellationToken = cancellationToken;
        }

        public SyntaxNode Node { get; }

        /// <summary>Binds only the statement around what it is asked about (GetConstantValue, GetSymbolInfo), never the whole method.</summary>
        public SemanticModel SemanticModel { get; }

        public AnalyzerOptions Options { get; }

        public CancellationToken CancellationToken { get; }
    }
}
