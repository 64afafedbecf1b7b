using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CometAnalyzers.Rules;
using CometAnalyzers.Rules.Retries;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace CometAnalyzers.CodeFixes
{
    /// <summary>
    /// COMET003: <c>RetryForever*()</c> becomes the bounded overload with <c>&lt;Name&gt;Contract.MaxRetries</c>, and
    /// <c>int.MaxValue</c> or a count above the budget becomes <c>&lt;Name&gt;Contract.MaxRetries</c>. Offered only when the
    /// generated contract class is in the compilation and, for Polly, when a bounded overload with the same callbacks exists.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnboundedRetryCodeFixProvider))]
    [Shared]
    public sealed class UnboundedRetryCodeFixProvider : CodeFixProvider
    {
        private const string EquivalenceKey = "COMET003.UseContractMaxRetries";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.UnboundedRetry);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            SemanticModel? model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return;
            }

            foreach (Diagnostic diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue(RetryDiagnosticProperties.ContractType, out string? contractType)
                    || contractType is null
                    || !ContractClassName.Declares(model.Compilation, contractType, "MaxRetries"))
                {
                    continue;
                }

                SyntaxNode node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                ExpressionSyntax maxRetries = SyntaxFactory.ParseExpression(ContractClassName.Qualified(contractType) + ".MaxRetries")
                    .WithAdditionalAnnotations(Simplifier.Annotation);
                if (diagnostic.Properties.TryGetValue(RetryDiagnosticProperties.BoundedMethod, out string? bounded) && bounded is not null)
                {
                    if (node.FirstAncestorOrSelf<InvocationExpressionSyntax>() is { } invocation
                        && BoundedArgumentIndex(model, invocation, bounded, context.CancellationToken) is { } index)
                    {
                        SyntaxNode fixedRoot = root.ReplaceNode(invocation, Bound(invocation, bounded, index, maxRetries));
                        Register(context, diagnostic, $"Use {bounded} with {ContractClassName.Simple(contractType)}.MaxRetries", fixedRoot);
                    }
                }
                else if (node is ExpressionSyntax count)
                {
                    SyntaxNode fixedRoot = root.ReplaceNode(count, maxRetries.WithTriviaFrom(count));
                    Register(context, diagnostic, $"Use {ContractClassName.Simple(contractType)}.MaxRetries", fixedRoot);
                }
            }
        }

        private static void Register(CodeFixContext context, Diagnostic diagnostic, string title, SyntaxNode fixedRoot)
            => context.RegisterCodeFix(
                CodeAction.Create(title, _ => Task.FromResult(context.Document.WithSyntaxRoot(fixedRoot)), EquivalenceKey),
                diagnostic);

        /// <summary>
        /// Where the retry count goes in the bounded overload, when Polly has one taking the same callbacks:
        /// <c>WaitAndRetryForeverAsync(f)</c> has <c>WaitAndRetryAsync(int, f)</c>, <c>RetryForever(Action&lt;Exception&gt;)</c> has none.
        /// </summary>
        private static int? BoundedArgumentIndex(SemanticModel model, InvocationExpressionSyntax invocation, string bounded, CancellationToken cancellationToken)
        {
            if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol called
                || invocation.ArgumentList.Arguments.Any(a => a.NameColon is not null))
            {
                return null;
            }

            bool reduced = called.ReducedFrom is not null;
            IMethodSymbol forever = (called.ReducedFrom ?? called).OriginalDefinition;
            List<string> expected = forever.Parameters.Select(p => p.Type.ToDisplayString()).ToList();
            expected.Insert(1, "int");
            bool exists = forever.ContainingType.GetMembers(bounded).OfType<IMethodSymbol>()
                .Any(m => m.Parameters.Select(p => p.Type.ToDisplayString()).SequenceEqual(expected));
            return exists ? (reduced ? 0 : 1) : null;
        }

        private static InvocationExpressionSyntax Bound(InvocationExpressionSyntax invocation, string bounded, int index, ExpressionSyntax maxRetries)
        {
            ExpressionSyntax renamed = invocation.Expression switch
            {
                MemberAccessExpressionSyntax access => access.WithName(Rename(access.Name, bounded)),
                SimpleNameSyntax name => Rename(name, bounded),
                _ => invocation.Expression,
            };

            SeparatedSyntaxList<ArgumentSyntax> arguments = invocation.ArgumentList.Arguments;
            ArgumentSyntax count = SyntaxFactory.Argument(maxRetries);
            SyntaxToken comma = SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space);
            SyntaxTriviaList afterOpenParen = invocation.ArgumentList.OpenParenToken.TrailingTrivia;
            if (index == 0 && arguments.Count > 0 && afterOpenParen.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia)))
            {
                // Arguments one per line: the count gets a line of its own.
                count = count.WithLeadingTrivia(arguments[0].GetLeadingTrivia());
                comma = comma.WithTrailingTrivia(afterOpenParen);
            }

            var nodes = arguments.ToList();
            nodes.Insert(index, count);
            var separators = arguments.GetSeparators().ToList();
            if (nodes.Count > 1)
            {
                separators.Insert(index == 0 ? 0 : index - 1, comma);
            }

            return invocation
                .WithExpression(renamed)
                .WithArgumentList(invocation.ArgumentList.WithArguments(SyntaxFactory.SeparatedList(nodes, separators)));
        }

        private static SimpleNameSyntax Rename(SimpleNameSyntax name, string newName)
            => name.WithIdentifier(SyntaxFactory.Identifier(newName).WithTriviaFrom(name.Identifier));
    }
}
