using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CometAnalyzers.Rules.Common
{
    /// <summary>
    /// The names the gates read from syntax. Method and property names are spelled at every call and assignment
    /// (an alias can rename a type, never a member), so testing them loses nothing.
    /// </summary>
    internal static class SyntaxNames
    {
        /// <summary>"SendAsync" in <c>client.SendAsync(r)</c>, <c>SendAsync(r)</c>, <c>client?.SendAsync(r)</c>; null when a call invokes an expression's value.</summary>
        public static string? Invoked(SyntaxNode node)
            => node is InvocationExpressionSyntax invocation ? Rightmost(invocation.Expression) : null;

        /// <summary>"ShouldHandle" in <c>ShouldHandle = x</c>, <c>options.ShouldHandle = x</c>, <c>options?.ShouldHandle = x</c>.</summary>
        public static string? Assigned(SyntaxNode node)
            => node is AssignmentExpressionSyntax assignment ? Rightmost(assignment.Left) : null;

        /// <summary>"Uri" in <c>new Uri(x)</c>, <c>new System.Uri(x)</c>, <c>new global::System.Uri(x)</c>; null for <c>new(x)</c>.</summary>
        public static string? Created(SyntaxNode node)
            => node is ObjectCreationExpressionSyntax creation ? Rightmost(creation.Type) : null;

        /// <summary>
        /// True when the node has a call anywhere inside it, lambdas included. A loop that sends must call something,
        /// so a loop without any call is no retry loop.
        /// </summary>
        public static bool ContainsInvocation(SyntaxNode node)
        {
            foreach (SyntaxNode descendant in node.DescendantNodes())
            {
                if (descendant.IsKind(SyntaxKind.InvocationExpression))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The expression inside any parentheses, casts and null-forgiving <c>!</c>: none changes which call or text it is.</summary>
        public static SyntaxNode WithoutParenthesesOrCasts(SyntaxNode node)
        {
            while (true)
            {
                switch (node)
                {
                    case ParenthesizedExpressionSyntax parenthesized:
                        node = parenthesized.Expression;
                        continue;
                    case CastExpressionSyntax cast:
                        node = cast.Expression;
                        continue;
                    case PostfixUnaryExpressionSyntax suppressed when suppressed.IsKind(SyntaxKind.SuppressNullableWarningExpression):
                        node = suppressed.Operand;
                        continue;
                    default:
                        return node;
                }
            }
        }

        /// <summary>"Sending" in <c>Sending</c>, <c>LogDefs.Sending</c>, <c>global::LogDefs.Sending</c>; null for any other expression.</summary>
        public static string? Rightmost(SyntaxNode expression)
            => expression switch
            {
                SimpleNameSyntax name => name.Identifier.ValueText,
                MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
                QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
                _ => null,
            };
    }
}
