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
    /// COMET004: replaces the status predicate with <c>&lt;Name&gt;Contract.IsRetryable(status)</c> (negated where the
    /// predicate is the "stop" test), or gives a retrying catch clause a filter that lets only retryable statuses in.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RetryOnNonRetryableStatusCodeFixProvider))]
    [Shared]
    public sealed class RetryOnNonRetryableStatusCodeFixProvider : CodeFixProvider
    {
        private const string EquivalenceKey = "COMET004.UseContractIsRetryable";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.RetryOnNonRetryableStatus);

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
                ImmutableDictionary<string, string?> properties = diagnostic.Properties;
                if (!properties.TryGetValue(RetryDiagnosticProperties.ContractType, out string? contractType)
                    || contractType is null
                    || !ContractClassName.Declares(model.Compilation, contractType, "IsRetryable"))
                {
                    continue;
                }

                SyntaxNode node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                string contract = ContractClassName.Qualified(contractType);
                properties.TryGetValue(RetryDiagnosticProperties.Decision, out string? decision);
                SyntaxNode? fixedRoot = decision switch
                {
                    RetryDiagnosticProperties.PredicateDecision or nameof(DecisionKind.Condition) =>
                        FixPredicate(root, model, node, IsTrue(properties, RetryDiagnosticProperties.RepeatWhen), contract, context.CancellationToken),
                    nameof(DecisionKind.Catch) =>
                        FixCatch(root, model, node, properties.TryGetValue(RetryDiagnosticProperties.CaughtException, out string? caught) ? caught : null, contract, context.CancellationToken),
                    RetryDiagnosticProperties.HandlerDecision => FixHandler(root, model, node, contract, context.CancellationToken),
                    _ => null,
                };
                if (fixedRoot is not null)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            $"Retry only when {ContractClassName.Simple(contractType)}.IsRetryable",
                            _ => Task.FromResult(context.Document.WithSyntaxRoot(fixedRoot)),
                            EquivalenceKey),
                        diagnostic);
                }
            }
        }

        /// <summary><c>!response.IsSuccessStatusCode</c> becomes <c>Contract.IsRetryable(response.StatusCode)</c>.</summary>
        private static SyntaxNode? FixPredicate(SyntaxNode root, SemanticModel model, SyntaxNode node, bool retryWhen, string contract, CancellationToken cancellationToken)
        {
            if (node is not ExpressionSyntax predicate
                || model.GetOperation(predicate, cancellationToken) is not { Type.SpecialType: SpecialType.System_Boolean } operation
                || StatusExpression.Find(operation) is not { } status
                || (StatusPredicateRewrite.NeedsPatterns(status) && !AllowsPatterns(root)))
            {
                return null;
            }

            ExpressionSyntax replacement = Parse(StatusPredicateRewrite.Replacement(status, retryWhen, contract, new UniqueNames(predicate)));
            if (replacement is BinaryExpressionSyntax or IsPatternExpressionSyntax
                && predicate.Parent is ExpressionSyntax and not (ParenthesizedExpressionSyntax or AnonymousFunctionExpressionSyntax or AssignmentExpressionSyntax))
            {
                replacement = SyntaxFactory.ParenthesizedExpression(replacement);
            }

            return root.ReplaceNode(predicate, replacement.WithTriviaFrom(predicate));
        }

        /// <summary><c>catch (HttpRequestException)</c> becomes <c>catch (HttpRequestException exception) when (...IsRetryable...)</c>.</summary>
        private static SyntaxNode? FixCatch(SyntaxNode root, SemanticModel model, SyntaxNode node, string? caught, string contract, CancellationToken cancellationToken)
        {
            if (node.FirstAncestorOrSelf<CatchClauseSyntax>() is not { } clause)
            {
                return null;
            }

            var names = new UniqueNames(clause);
            CatchDeclarationSyntax? declaration = clause.Declaration;
            string clauseType = declaration is null ? "object" : model.GetTypeInfo(declaration.Type, cancellationToken).Type?.ToDisplayString() ?? "object";
            if (StatusPredicateRewrite.CatchFilterNeedsPatterns(clauseType) && !AllowsPatterns(root))
            {
                return null;
            }

            string exception = declaration is { Identifier.ValueText.Length: > 0 } ? declaration.Identifier.ValueText : names.Pick("exception", "ex");
            string check = StatusPredicateRewrite.CatchFilter(exception, clauseType, caught, contract, names);
            if (clause.Filter?.FilterExpression is { } existing)
            {
                check = (existing is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalOrExpression } or ConditionalExpressionSyntax ? "(" + existing + ")" : existing.ToString())
                    + " && (" + check + ")";
            }

            // The trivia that ended the clause header (usually the line break before '{') moves behind the filter.
            SyntaxTriviaList headerEnd = clause.Filter?.CloseParenToken.TrailingTrivia ?? declaration?.CloseParenToken.TrailingTrivia ?? clause.CatchKeyword.TrailingTrivia;
            TypeSyntax type = declaration?.Type ?? SyntaxFactory.ParseTypeName("global::System.Exception").WithAdditionalAnnotations(Simplifier.Annotation);
            CatchDeclarationSyntax newDeclaration = declaration ?? SyntaxFactory.CatchDeclaration(type);
            if (newDeclaration.Identifier.ValueText.Length == 0)
            {
                newDeclaration = newDeclaration.WithType(type.WithTrailingTrivia(SyntaxFactory.Space)).WithIdentifier(SyntaxFactory.Identifier(exception));
            }

            newDeclaration = newDeclaration.WithCloseParenToken(SyntaxFactory.Token(SyntaxKind.CloseParenToken).WithTrailingTrivia(SyntaxFactory.Space));
            CatchFilterClauseSyntax filter = SyntaxFactory.CatchFilterClause(
                SyntaxFactory.Token(SyntaxKind.WhenKeyword).WithTrailingTrivia(SyntaxFactory.Space),
                SyntaxFactory.Token(SyntaxKind.OpenParenToken),
                Parse(check),
                SyntaxFactory.Token(SyntaxKind.CloseParenToken).WithTrailingTrivia(headerEnd));
            CatchClauseSyntax fixedClause = clause
                .WithCatchKeyword(clause.CatchKeyword.WithTrailingTrivia(SyntaxFactory.Space))
                .WithDeclaration(newDeclaration)
                .WithFilter(filter);
            return root.ReplaceNode(clause, fixedClause);
        }

        /// <summary><c>Handle&lt;HttpRequestException&gt;()</c> becomes <c>Handle&lt;HttpRequestException&gt;(exception =&gt; ...IsRetryable...)</c>.</summary>
        private static SyntaxNode? FixHandler(SyntaxNode root, SemanticModel model, SyntaxNode node, string contract, CancellationToken cancellationToken)
        {
            if (node.FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { ArgumentList.Arguments.Count: 0 } handler
                || model.GetSymbolInfo(handler, cancellationToken).Symbol is not IMethodSymbol { TypeArguments.Length: 1 } method
                || !AllowsPatterns(root))
            {
                return null;
            }

            var names = new UniqueNames(handler);
            string exception = names.Pick("exception", "ex");
            string filter = StatusPredicateRewrite.CatchFilter(exception, method.TypeArguments[0].ToDisplayString(), StatusReads.HttpRequestException, contract, names);
            ArgumentListSyntax arguments = SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(Parse(exception + " => " + filter))));
            return root.ReplaceNode(handler, handler.WithArgumentList(arguments.WithTriviaFrom(handler.ArgumentList)));
        }

        /// <summary>The null tests the fix writes use C# 9 patterns; older projects get no fix rather than a broken build.</summary>
        private static bool AllowsPatterns(SyntaxNode root)
            => root.SyntaxTree.Options is CSharpParseOptions { LanguageVersion: >= LanguageVersion.CSharp9 };

        private static bool IsTrue(ImmutableDictionary<string, string?> properties, string key)
            => properties.TryGetValue(key, out string? value) && value == bool.TrueString;

        /// <summary>Parses fix text and marks every <c>global::</c> name for the simplifier, so usings shorten it.</summary>
        private static ExpressionSyntax Parse(string text)
        {
            ExpressionSyntax expression = SyntaxFactory.ParseExpression(text);
            var qualified = expression.DescendantNodesAndSelf().OfType<AliasQualifiedNameSyntax>().Select(Outermost).ToList();
            return expression.ReplaceNodes(qualified, (_, rewritten) => rewritten.WithAdditionalAnnotations(Simplifier.Annotation));
        }

        /// <summary>The whole dotted name that starts with <c>global::</c>: <c>global::A.B.C.IsRetryable</c>.</summary>
        private static SyntaxNode Outermost(SyntaxNode node)
        {
            while ((node.Parent is QualifiedNameSyntax qualified && qualified.Left == node)
                   || (node.Parent is MemberAccessExpressionSyntax access && access.Expression == node))
            {
                node = node.Parent;
            }

            return node;
        }
    }
}
