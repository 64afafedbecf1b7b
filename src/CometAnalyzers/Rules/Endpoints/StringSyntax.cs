using System.Collections.Generic;
using CometAnalyzers.Rules.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CometAnalyzers.Rules.Endpoints
{
    internal enum PartKind
    {
        /// <summary>Written text: a string literal, interpolated text, or null.</summary>
        Text,

        /// <summary>A name or expression that may be a named constant, a field or a local (its value is not in the syntax).</summary>
        Unknown,

        /// <summary>Never a constant string: a call, an element access, a number, <c>this</c>...</summary>
        NotConstant,
    }

    /// <summary>One piece of a string expression, left to right.</summary>
    internal readonly struct StringPart
    {
        public StringPart(PartKind kind, string text = "", SyntaxNode? node = null)
        {
            Kind = kind;
            Text = text;
            Node = node;
        }

        public PartKind Kind { get; }

        public string Text { get; }

        /// <summary>The expression of an <see cref="PartKind.Unknown"/> part.</summary>
        public SyntaxNode? Node { get; }
    }

    /// <summary>
    /// Reads string expressions from syntax the way the compiler folds constants: concatenation and interpolation of
    /// literals and named constants (C# allows nothing else in a constant string). Used only to decide what to bind.
    /// </summary>
    internal static class StringSyntax
    {
        /// <summary>The pieces the expression is concatenated from, in order.</summary>
        public static List<StringPart> Parts(SyntaxNode node)
        {
            var parts = new List<StringPart>();
            Add(node, parts);
            return parts;
        }

        /// <summary>
        /// The left-most pieces a string expression can start with: one for each branch of <c>?:</c>, side of <c>??</c>
        /// and switch expression arm. For a call that builds a string (<see cref="BuildsString"/>) those of every
        /// argument: which argument fixes the start is only known once the call is bound.
        /// </summary>
        public static List<StringPart> LeadingParts(SyntaxNode node)
        {
            var parts = new List<StringPart>();
            AddLeading(node, parts);
            return parts;
        }

        /// <summary>
        /// Names of the calls whose result starts with one argument's text: <c>FormattableString.Invariant</c> and
        /// <c>CurrentCulture</c>, <c>string.Create(provider, $"...")</c>, <c>string.Concat</c>, <c>string.Format</c>.
        /// </summary>
        public static bool BuildsString(InvocationExpressionSyntax invocation)
            => SyntaxNames.Invoked(invocation) is "Invariant" or "CurrentCulture" or "Create" or "Concat" or "Format";

        private static void AddLeading(SyntaxNode node, List<StringPart> parts)
        {
            SyntaxNode current = SyntaxNames.WithoutParenthesesOrCasts(node);
            switch (current)
            {
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                    AddLeading(binary.Left, parts);
                    break;
                case BinaryExpressionSyntax coalesce when coalesce.IsKind(SyntaxKind.CoalesceExpression):
                    AddLeading(coalesce.Left, parts);
                    AddLeading(coalesce.Right, parts);
                    break;
                case ConditionalExpressionSyntax conditional:
                    AddLeading(conditional.WhenTrue, parts);
                    AddLeading(conditional.WhenFalse, parts);
                    break;
                case SwitchExpressionSyntax switchExpression:
                    foreach (SwitchExpressionArmSyntax arm in switchExpression.Arms)
                    {
                        AddLeading(arm.Expression, parts);
                    }

                    break;
                case InvocationExpressionSyntax invocation when BuildsString(invocation):
                    foreach (ArgumentSyntax argument in invocation.ArgumentList.Arguments)
                    {
                        AddLeading(argument.Expression, parts);
                    }

                    break;
                case InterpolatedStringExpressionSyntax interpolated:
                    if (interpolated.Contents.Count == 0)
                    {
                        parts.Add(new StringPart(PartKind.Text));
                    }
                    else if (interpolated.Contents[0] is InterpolationSyntax hole)
                    {
                        AddLeading(hole.Expression, parts);
                    }
                    else
                    {
                        parts.Add(new StringPart(PartKind.Text, ((InterpolatedStringTextSyntax)interpolated.Contents[0]).TextToken.ValueText));
                    }

                    break;

                // Never a constant, but it may name a followed readonly field or get-only property.
                case MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax or BaseExpressionSyntax } member:
                    parts.Add(new StringPart(PartKind.Unknown, node: member));
                    break;
                default:
                    parts.Add(Leaf(current));
                    break;
            }
        }

        private static void Add(SyntaxNode node, List<StringPart> parts)
        {
            node = SyntaxNames.WithoutParenthesesOrCasts(node);
            switch (node)
            {
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                    Add(binary.Left, parts);
                    Add(binary.Right, parts);
                    break;
                case InterpolatedStringExpressionSyntax interpolated:
                    foreach (InterpolatedStringContentSyntax content in interpolated.Contents)
                    {
                        if (content is InterpolatedStringTextSyntax text)
                        {
                            parts.Add(new StringPart(PartKind.Text, text.TextToken.ValueText));
                        }
                        else if (content is InterpolationSyntax hole)
                        {
                            // A constant interpolated string has no alignment or format.
                            if (hole.AlignmentClause is not null || hole.FormatClause is not null)
                            {
                                parts.Add(new StringPart(PartKind.NotConstant));
                            }
                            else
                            {
                                Add(hole.Expression, parts);
                            }
                        }
                    }

                    break;
                case InterpolatedStringTextSyntax text:
                    parts.Add(new StringPart(PartKind.Text, text.TextToken.ValueText));
                    break;
                default:
                    parts.Add(Leaf(node));
                    break;
            }
        }

        private static StringPart Leaf(SyntaxNode node)
            => node switch
            {
                LiteralExpressionSyntax literal => literal.Kind() switch
                {
                    SyntaxKind.StringLiteralExpression => new StringPart(PartKind.Text, literal.Token.ValueText),
                    SyntaxKind.NullLiteralExpression or SyntaxKind.DefaultLiteralExpression => new StringPart(PartKind.Text),
                    _ => new StringPart(PartKind.NotConstant),
                },
                InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } } => new StringPart(PartKind.Unknown, node: node),
                MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax or BaseExpressionSyntax } => new StringPart(PartKind.NotConstant),
                InvocationExpressionSyntax or ElementAccessExpressionSyntax or BaseObjectCreationExpressionSyntax or ArrayCreationExpressionSyntax
                    or ImplicitArrayCreationExpressionSyntax or AnonymousObjectCreationExpressionSyntax or AwaitExpressionSyntax
                    or ThisExpressionSyntax or BaseExpressionSyntax or ConditionalAccessExpressionSyntax or AnonymousFunctionExpressionSyntax
                    or AssignmentExpressionSyntax or PostfixUnaryExpressionSyntax or TypeOfExpressionSyntax or TupleExpressionSyntax
                    or ThrowExpressionSyntax => new StringPart(PartKind.NotConstant),
                _ => new StringPart(PartKind.Unknown, node: node),
            };
    }
}
