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
using Microsoft.CodeAnalysis.Simplification;

namespace CometAnalyzers.CodeFixes
{
    /// <summary>
    /// COMET001: replaces a literal that is exactly the contract path with the generated <c>&lt;Name&gt;Contract.Path</c>.
    /// A literal in an interpolation becomes a hole. URLs with a host get no fix: where their base URL comes from is the app's choice.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HardcodedEndpointCodeFixProvider))]
    [Shared]
    public sealed class HardcodedEndpointCodeFixProvider : CodeFixProvider
    {
        private const string EquivalenceKey = RuleIdentifiers.HardcodedEndpoint + "_UseContractPath";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.HardcodedEndpoint);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            Diagnostic diagnostic = context.Diagnostics[0];
            if (!diagnostic.Properties.TryGetValue(HardcodedEndpointAnalyzer.ContractTypeProperty, out string? contractType) || contractType is null
                || !diagnostic.Properties.TryGetValue(HardcodedEndpointAnalyzer.ContractPathProperty, out string? path) || path is null)
            {
                return;
            }

            SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not { } reported
                || PathLiteral(reported, path) is not { } literal)
            {
                return;
            }

            // A contract with errors generates nothing: offer the fix only when the class it writes exists.
            SemanticModel? model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (model?.Compilation.GetTypeByMetadataName(contractType.Substring("global::".Length)) is null)
            {
                return;
            }

            string typeName = contractType.Substring(contractType.LastIndexOf('.') + 1);
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Use {typeName}.Path",
                    ct => ReplaceAsync(context.Document, literal, contractType, ct),
                    EquivalenceKey),
                diagnostic);
        }

        /// <summary>The string literal or interpolation text inside the reported constant whose value is exactly the path.</summary>
        private static SyntaxNode? PathLiteral(SyntaxNode reported, string path)
            => reported.DescendantNodesAndSelf().FirstOrDefault(node => node switch
            {
                LiteralExpressionSyntax literal => literal.IsKind(SyntaxKind.StringLiteralExpression) && literal.Token.ValueText == path,
                InterpolatedStringTextSyntax text => text.TextToken.ValueText == path && HasSingleBraceHoles(text),
                _ => false,
            });

        /// <summary>A new hole is written "{x}": raw strings opened with "$$" would read that as text.</summary>
        private static bool HasSingleBraceHoles(InterpolatedStringTextSyntax text)
            => text.Parent is InterpolatedStringExpressionSyntax { StringStartToken: var start } && start.Text.Count(c => c == '$') == 1;

        private static async Task<Document> ReplaceAsync(Document document, SyntaxNode literal, string contractType, CancellationToken cancellationToken)
        {
            SyntaxNode root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
            ExpressionSyntax pathAccess = SyntaxFactory.ParseExpression(contractType + ".Path").WithAdditionalAnnotations(Simplifier.Annotation);
            SyntaxNode replacement = literal is InterpolatedStringTextSyntax
                ? SyntaxFactory.Interpolation(pathAccess)
                : pathAccess.WithTriviaFrom(literal);
            return document.WithSyntaxRoot(root.ReplaceNode(literal, replacement));
        }
    }
}
