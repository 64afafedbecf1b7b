using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace CometAnalyzers.CodeFixes.Credentials
{
    /// <summary>
    /// The last word on whether a COMET006 fix is offered: the document with the replacement, when the compiler reports
    /// neither an error nor a warning in what was written (a name not in scope, a static context, an old language version
    /// without throw expressions); null otherwise. Names are checked here in full, as written, before any simplification.
    /// </summary>
    internal static class CompilesInPlace
    {
        public static async Task<Document?> ReplaceAsync(Document document, SyntaxNode root, SyntaxNode original, SyntaxNode replacement, CancellationToken cancellationToken)
        {
            var written = new SyntaxAnnotation();
            Document changed = document.WithSyntaxRoot(root.ReplaceNode(original, replacement.WithTriviaFrom(original).WithAdditionalAnnotations(written)));
            SyntaxNode? changedRoot = await changed.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            SemanticModel? model = await changed.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (changedRoot?.GetAnnotatedNodes(written).FirstOrDefault() is not { } inserted || model is null)
            {
                return null;
            }

            bool clean = model.GetDiagnostics(inserted.Span, cancellationToken).All(d => d.Severity < DiagnosticSeverity.Warning);
            return clean ? changed : null;
        }
    }
}
