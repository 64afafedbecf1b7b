using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CometAnalyzers.CodeFixes.Credentials
{
    /// <summary>Which reported COMET006 literals the fix may replace with a read.</summary>
    internal static class CredentialLiterals
    {
        /// <summary>
        /// The string literal the diagnostic is on; null when it is on something else: the use of a constant declared in
        /// another file (the constant, still in the source, is what must go), or an interpolated string.
        /// </summary>
        public static LiteralExpressionSyntax? At(SyntaxNode root, Location location)
            => location.IsInSource && root.FindNode(location.SourceSpan, getInnermostNodeForTie: true) is LiteralExpressionSyntax literal
               && literal.IsKind(SyntaxKind.StringLiteralExpression)
                ? literal
                : null;

        /// <summary>
        /// Whether the literal is (part of) the initializer of a <c>const</c> or of a <c>static</c> field. A const cannot hold
        /// a read; a static field would read once, at type initialization, where a missing value makes the whole type
        /// unusable (<c>TypeInitializationException</c>) instead of failing where the key is used. Both are left to the
        /// developer: read the secret where the credential is built and delete the constant.
        /// </summary>
        public static bool InitializesConstantOrStatic(LiteralExpressionSyntax literal)
        {
            foreach (SyntaxNode ancestor in literal.Ancestors())
            {
                switch (ancestor)
                {
                    case LocalDeclarationStatementSyntax local:
                        return local.IsConst;
                    case FieldDeclarationSyntax field:
                        return field.Modifiers.Any(SyntaxKind.ConstKeyword) || field.Modifiers.Any(SyntaxKind.StaticKeyword);
                    case PropertyDeclarationSyntax property:
                        return property.Modifiers.Any(SyntaxKind.StaticKeyword);
                    case StatementSyntax or MemberDeclarationSyntax:
                        return false;
                }
            }

            return false;
        }

        /// <summary>The literal with the parentheses written around it: what a replacement takes the place of.</summary>
        public static ExpressionSyntax Outermost(ExpressionSyntax expression)
        {
            while (expression.Parent is ParenthesizedExpressionSyntax parenthesized)
            {
                expression = parenthesized;
            }

            return expression;
        }
    }
}
