using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CometAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CometAnalyzers.CodeFixes
{
    /// <summary>
    /// COMET002 and COMET012: writes "[REDACTED]" where the secret was. An interpolation keeps its text and loses only the leaking
    /// holes; a concatenation loses only the leaking operands; anything else is replaced whole when a string fits there.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SecretWrittenToLogCodeFixProvider))]
    [Shared]
    public sealed class SecretWrittenToLogCodeFixProvider : CodeFixProvider
    {
        public const string Placeholder = "[REDACTED]";

        private const string EquivalenceKey = RuleIdentifiers.SecretWrittenToLog + "_Redact";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.SecretWrittenToLog, RuleIdentifiers.SecretNamedValueWrittenToLog);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            Diagnostic diagnostic = context.Diagnostics[0];
            SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            SemanticModel? model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return;
            }

            IEnumerable<Location> locations = diagnostic.AdditionalLocations.Count > 0 ? diagnostic.AdditionalLocations : new[] { diagnostic.Location };
            var parts = new List<SyntaxNode>();
            foreach (Location location in locations)
            {
                if (location.IsInSource && root.FindNode(location.SourceSpan, getInnermostNodeForTie: true) is { } node && CanRedact(node, model, context.CancellationToken))
                {
                    parts.Add(node);
                }
            }

            if (parts.Count == 0)
            {
                return;
            }

            context.RegisterCodeFix(
                CodeAction.Create("Log a redacted value", _ => Task.FromResult(Redact(context.Document, root, parts)), EquivalenceKey),
                diagnostic);
        }

        /// <summary>A hole always fits; an expression only where a string converts to the type expected there.</summary>
        private static bool CanRedact(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
        {
            if (node is InterpolationSyntax { Parent: InterpolatedStringExpressionSyntax })
            {
                return true;
            }

            if (node is not ExpressionSyntax expression || model.Compilation.GetSpecialType(SpecialType.System_String) is not { } stringType)
            {
                return false;
            }

            ITypeSymbol? expected = model.GetTypeInfo(expression, cancellationToken).ConvertedType;
            return expected is not null && model.Compilation.ClassifyCommonConversion(stringType, expected).IsImplicit;
        }

        private static Document Redact(Document document, SyntaxNode root, List<SyntaxNode> parts)
        {
            var holes = new HashSet<SyntaxNode>(parts.OfType<InterpolationSyntax>());
            IEnumerable<SyntaxNode> targets = parts.Where(p => p is not InterpolationSyntax)
                .Concat(holes.Select(h => h.Parent!).Distinct());
            SyntaxNode fixedRoot = root.ReplaceNodes(
                targets,
                (original, _) => original is InterpolatedStringExpressionSyntax interpolated
                    ? InterpolatedHoles.Replace(interpolated, holes, Placeholder)
                    : SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(Placeholder)).WithTriviaFrom(original));
            return document.WithSyntaxRoot(fixedRoot);
        }
    }
}
