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
using Microsoft.CodeAnalysis.Operations;

namespace CometAnalyzers.CodeFixes
{
    /// <summary>
    /// COMET005: logs the text's length instead (<c>{answer}</c> becomes <c>{answer?.Length}</c>), or leaves the text out:
    /// the hole of an interpolation, the operand of a concatenation, or a log call's argument together with its
    /// placeholder in a constant message template. A fix is offered only where every leaking part can take it.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SensitiveContentWrittenToLogCodeFixProvider))]
    [Shared]
    public sealed class SensitiveContentWrittenToLogCodeFixProvider : CodeFixProvider
    {
        public const string LengthKey = RuleIdentifiers.SensitiveContentWrittenToLog + "_Length";

        public const string RemoveKey = RuleIdentifiers.SensitiveContentWrittenToLog + "_Remove";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.SensitiveContentWrittenToLog);

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
                if (!location.IsInSource || root.FindNode(location.SourceSpan, getInnermostNodeForTie: true) is not { } node)
                {
                    return;
                }

                parts.Add(node is ArgumentSyntax argument ? argument.Expression : node);
            }

            var lengths = new Dictionary<SyntaxNode, SyntaxNode>();
            foreach (SyntaxNode part in parts)
            {
                if (LengthOf(part, model, context.CancellationToken) is not { } replacement)
                {
                    lengths.Clear();
                    break;
                }

                lengths[part] = replacement;
            }

            if (lengths.Count > 0)
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Log the length instead", _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNodes(lengths.Keys, (original, _) => lengths[original]))), LengthKey),
                    diagnostic);
            }

            if (Removal(parts, root, model, context.CancellationToken) is { } removed)
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Leave the text out", _ => Task.FromResult(context.Document.WithSyntaxRoot(removed)), RemoveKey),
                    diagnostic);
            }
        }

        /// <summary>The part with the text's length in its place, or null where a length does not fit or the text has none.</summary>
        private static SyntaxNode? LengthOf(SyntaxNode part, SemanticModel model, CancellationToken cancellationToken)
        {
            switch (part)
            {
                case InterpolationSyntax { Parent: InterpolatedStringExpressionSyntax } hole:
                    return Length(hole.Expression, model, cancellationToken) is { } inHole ? hole.WithExpression(inHole) : null;
                case ExpressionSyntax expression when Length(expression, model, cancellationToken) is { } length:
                    // In a concatenation any value fits; elsewhere a number must convert to what the parameter expects.
                    if (IsConcatenated(expression, model, cancellationToken))
                    {
                        return length;
                    }

                    ITypeSymbol? expected = model.GetTypeInfo(expression, cancellationToken).ConvertedType;
                    INamedTypeSymbol number = model.Compilation.GetSpecialType(SpecialType.System_Int32);
                    ITypeSymbol written = length is ConditionalAccessExpressionSyntax ? model.Compilation.GetSpecialType(SpecialType.System_Nullable_T).Construct(number) : number;
                    return expected is not null && model.Compilation.ClassifyCommonConversion(written, expected) is { IsImplicit: true, IsUserDefined: false } ? length : null;
                default:
                    return null;
            }
        }

        /// <summary><c>text.Length</c>, or <c>text?.Length</c> when it may be null; null when the value has no length (a string, a builder, an array).</summary>
        private static ExpressionSyntax? Length(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
        {
            TypeInfo info = model.GetTypeInfo(expression, cancellationToken);
            bool hasLength = info.Type is { SpecialType: SpecialType.System_String } or IArrayTypeSymbol
                || info.Type is { Name: "StringBuilder", ContainingNamespace: { Name: "Text", ContainingNamespace.Name: "System" } };
            if (!hasLength)
            {
                return null;
            }

            ExpressionSyntax receiver = expression.WithoutTrivia();
            if (receiver is not (IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax
                or ConditionalAccessExpressionSyntax or ParenthesizedExpressionSyntax or PostfixUnaryExpressionSyntax or ThisExpressionSyntax))
            {
                receiver = SyntaxFactory.ParenthesizedExpression(receiver);
            }

            SimpleNameSyntax name = SyntaxFactory.IdentifierName("Length");
            ExpressionSyntax length = info.Nullability.FlowState == NullableFlowState.MaybeNull || expression is ConditionalAccessExpressionSyntax
                ? SyntaxFactory.ConditionalAccessExpression(receiver, SyntaxFactory.MemberBindingExpression(name))
                : SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, name);
            return length.WithTriviaFrom(expression);
        }

        private static bool IsConcatenated(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
            => expression.Parent is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.AddExpression)
               && model.GetTypeInfo(binary, cancellationToken).Type?.SpecialType == SpecialType.System_String;

        /// <summary>The root with every part left out, or null when one of them cannot be.</summary>
        private static SyntaxNode? Removal(List<SyntaxNode> parts, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
        {
            var holes = new HashSet<SyntaxNode>(parts.OfType<InterpolationSyntax>());
            var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
            foreach (InterpolatedStringExpressionSyntax interpolated in holes.Select(h => h.Parent).OfType<InterpolatedStringExpressionSyntax>().Distinct())
            {
                replacements[interpolated] = InterpolatedHoles.Replace(interpolated, holes, string.Empty);
            }

            foreach (SyntaxNode part in parts.Where(p => p is not InterpolationSyntax))
            {
                if (part is ExpressionSyntax operand && IsConcatenated(operand, model, cancellationToken))
                {
                    // "Answer: " + answer becomes "Answer: ": the concatenation gives way to its other operand.
                    var binary = (BinaryExpressionSyntax)operand.Parent!;
                    ExpressionSyntax other = binary.Left == operand ? binary.Right : binary.Left;
                    if (replacements.ContainsKey(binary))
                    {
                        return null;
                    }

                    replacements[binary] = other.WithTriviaFrom(binary);
                }
                else if (part is ExpressionSyntax argument && TemplateArgument(argument, model, cancellationToken) is { } call)
                {
                    if (replacements.ContainsKey(call.Invocation))
                    {
                        return null;
                    }

                    // The value's argument goes, and the template loses its placeholder.
                    // The value's argument goes, and the template loses its placeholder (found before the list changes:
                    // a changed list holds new nodes).
                    SeparatedSyntaxList<ArgumentSyntax> arguments = call.Invocation.ArgumentList.Arguments;
                    ArgumentSyntax template = arguments.First(a => a.Expression == call.Template);
                    ArgumentSyntax removed = arguments.First(a => a.Expression == argument);
                    arguments = arguments.Replace(template, template.WithExpression(
                        SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(call.NewTemplate)).WithTriviaFrom(call.Template)));
                    arguments = arguments.RemoveAt(call.Invocation.ArgumentList.Arguments.IndexOf(removed));
                    replacements[call.Invocation] = call.Invocation.WithArgumentList(call.Invocation.ArgumentList.WithArguments(arguments));
                }
                else
                {
                    return null;
                }
            }

            // Nested targets (a hole inside a removed operand) cannot both be replaced.
            foreach (SyntaxNode target in replacements.Keys)
            {
                if (replacements.Keys.Any(other => other != target && other.Span.Contains(target.Span)))
                {
                    return null;
                }
            }

            return root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]);
        }

        /// <summary>
        /// A value passed to a Microsoft.Extensions.Logging call's <c>args</c> whose message template is a literal with one
        /// placeholder per argument: the call, the template and the template without this value's placeholder.
        /// </summary>
        private static (InvocationExpressionSyntax Invocation, LiteralExpressionSyntax Template, string NewTemplate)? TemplateArgument(ExpressionSyntax value, SemanticModel model, CancellationToken cancellationToken)
        {
            if (value.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } }
                || model.GetOperation(invocation, cancellationToken) is not IInvocationOperation operation
                || operation.TargetMethod.ContainingType is not { Name: "LoggerExtensions", ContainingNamespace: { Name: "Logging", ContainingNamespace.Name: "Extensions" } })
            {
                return null;
            }

            IArgumentOperation? message = operation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "message");
            IArgumentOperation? args = operation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "args");
            if (message?.Value.Syntax is not LiteralExpressionSyntax template || !template.IsKind(SyntaxKind.StringLiteralExpression)
                || args is not { ArgumentKind: ArgumentKind.ParamArray, Value: IArrayCreationOperation { Initializer: { } initializer } })
            {
                return null;
            }

            int index = -1;
            for (int i = 0; i < initializer.ElementValues.Length; i++)
            {
                if (Unwrap(initializer.ElementValues[i]).Syntax == value)
                {
                    index = i;
                }
            }

            List<(int Start, int End)> placeholders = Placeholders(template.Token.ValueText);
            if (index < 0 || placeholders.Count != initializer.ElementValues.Length)
            {
                return null;
            }

            string text = template.Token.ValueText;
            (int start, int end) = placeholders[index];
            if (start > 0 && text[start - 1] == ' ' && (end == text.Length || char.IsWhiteSpace(text[end]) || char.IsPunctuation(text[end])))
            {
                start--;
            }

            return (invocation, template, text.Substring(0, start) + text.Substring(end));
        }

        private static IOperation Unwrap(IOperation operation)
        {
            while (operation is IConversionOperation { IsImplicit: true } conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }

        /// <summary>Where each <c>{Name}</c> of a message template is, as Microsoft.Extensions.Logging reads it (<c>{{</c> and <c>}}</c> are text).</summary>
        private static List<(int Start, int End)> Placeholders(string template)
        {
            var found = new List<(int, int)>();
            for (int i = 0; i < template.Length; i++)
            {
                if (template[i] == '{')
                {
                    if (i + 1 < template.Length && template[i + 1] == '{')
                    {
                        i++;
                        continue;
                    }

                    int close = template.IndexOf('}', i + 1);
                    if (close < 0)
                    {
                        break;
                    }

                    found.Add((i, close + 1));
                    i = close;
                }
            }

            return found;
        }
    }
}
