using System;
using System.Collections.Generic;
using System.Threading;
using CometAnalyzers.Rules.Common;
using CometAnalyzers.Rules.Gating;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CometAnalyzers.Rules.Credentials
{
    /// <summary>
    /// Which calls, creations, assignments and <c>??</c> may pass a hardcoded credential, judged from syntax before
    /// anything is bound: one of the values they pass may be a constant that is not a placeholder. That is a string
    /// literal that could be a credential (<see cref="CredentialText.MayBeCredential"/>), an interpolation,
    /// concatenation, <c>?:</c>, <c>??</c> or <c>switch</c> that may hold one, or a name that may stand for one: a local
    /// of the member (it may hold a literal; a parameter never does here) or a const or <c>static readonly string</c> field declared with a literal
    /// anywhere in the compilation (collected once, from declarations only).
    /// </summary>
    internal sealed class CredentialGate
    {
        private readonly Compilation _compilation;
        private HashSet<string>? _constantNames;

        public CredentialGate(Compilation compilation) => _compilation = compilation;

        public bool MayPassCredential(CandidateNode context)
        {
            switch (context.Node)
            {
                case InvocationExpressionSyntax invocation:
                    return AnyMayHold(invocation.ArgumentList.Arguments, context);
                case BaseObjectCreationExpressionSyntax { ArgumentList: { } list }:
                    return AnyMayHold(list.Arguments, context);
                case AssignmentExpressionSyntax assignment:
                    return MayHold(assignment.Right, context);
                case BinaryExpressionSyntax coalesce:
                    return MayHold(coalesce.Right, context);
                default:
                    return false;
            }
        }

        private bool AnyMayHold(SeparatedSyntaxList<ArgumentSyntax> arguments, CandidateNode context)
        {
            foreach (ArgumentSyntax argument in arguments)
            {
                if (MayHold(argument.Expression, context))
                {
                    return true;
                }
            }

            return false;
        }

        private bool MayHold(ExpressionSyntax expression, CandidateNode context)
        {
            SyntaxNode value = SyntaxNames.WithoutParenthesesOrCasts(expression);
            switch (value)
            {
                case LiteralExpressionSyntax literal:
                    return literal.IsKind(SyntaxKind.StringLiteralExpression) && CredentialText.MayBeCredential(literal.Token.ValueText);

                // Text is built only by these; a comparison, a logical operator or arithmetic never yields one. Each part is
                // asked as a value of its own would be, so a log template with neither a key-like text nor a name that may
                // hold one is never bound.
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression) && FoldedLiteral(binary) is { } folded:
                    return CredentialText.MayBeCredential(folded);
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression) || binary.IsKind(SyntaxKind.CoalesceExpression):
                    return MayHold(binary.Left, context) || MayHold(binary.Right, context);
                case BinaryExpressionSyntax:
                    return false;
                case ConditionalExpressionSyntax conditional:
                    return MayHold(conditional.WhenTrue, context) || MayHold(conditional.WhenFalse, context);
                case InterpolatedStringExpressionSyntax interpolated:
                    return MayHoldInterpolated(interpolated, context);
                case SwitchExpressionSyntax or ArrayCreationExpressionSyntax or ImplicitArrayCreationExpressionSyntax or CollectionExpressionSyntax:
                    return true;
                case ConditionalAccessExpressionSyntax access:
                    return MayName(access.WhenNotNull, context);
                default:
                    return MayName(value, context);
            }
        }

        /// <summary>"sk-proj-" + "a1b2…": a key split over literals is one constant; judged whole, as the compiler folds it.</summary>
        private static string? FoldedLiteral(ExpressionSyntax expression)
        {
            switch (SyntaxNames.WithoutParenthesesOrCasts(expression))
            {
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                    return literal.Token.ValueText;
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression)
                    && FoldedLiteral(binary.Left) is { } left && FoldedLiteral(binary.Right) is { } right:
                    return left + right;
                default:
                    return null;
            }
        }

        private bool MayHoldInterpolated(InterpolatedStringExpressionSyntax interpolated, CandidateNode context)
        {
            foreach (InterpolatedStringContentSyntax content in interpolated.Contents)
            {
                bool may = content switch
                {
                    InterpolatedStringTextSyntax text => CredentialText.MayBeCredential(text.TextToken.ValueText),
                    InterpolationSyntax hole => MayHold(hole.Expression, context),
                    _ => true,
                };
                if (may)
                {
                    return true;
                }
            }

            return false;
        }

        private bool MayName(SyntaxNode value, CandidateNode context)
            => SyntaxNames.Rightmost(value) is { } name
               // A parameter's value comes from the caller, and ConstantOrigins follows only locals and constants.
               && (ConstantNames(context.CancellationToken).Contains(name) || LocalNames.Declares(context.Node, name, includeParameters: false, context.CancellationToken));

        private HashSet<string> ConstantNames(CancellationToken cancellationToken)
        {
            HashSet<string>? names = Volatile.Read(ref _constantNames);
            if (names is null)
            {
                names = Collect(_compilation, cancellationToken);
                Volatile.Write(ref _constantNames, names);
            }

            return names;
        }

        /// <summary>The names of const fields and of <c>static readonly</c> fields initialized with a literal, in every type.</summary>
        private static HashSet<string> Collect(Compilation compilation, CancellationToken cancellationToken)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (SyntaxTree tree in compilation.SyntaxTrees)
            {
                if (tree.GetRoot(cancellationToken) is CompilationUnitSyntax unit)
                {
                    Gather(unit.Members, names);
                }
            }

            return names;
        }

        private static void Gather(SyntaxList<MemberDeclarationSyntax> members, HashSet<string> names)
        {
            foreach (MemberDeclarationSyntax member in members)
            {
                switch (member)
                {
                    case BaseNamespaceDeclarationSyntax ns:
                        Gather(ns.Members, names);
                        break;
                    case TypeDeclarationSyntax type:
                        Gather(type.Members, names);
                        break;
                    case FieldDeclarationSyntax field when IsConstantLike(field):
                        foreach (VariableDeclaratorSyntax variable in field.Declaration.Variables)
                        {
                            names.Add(variable.Identifier.ValueText);
                        }

                        break;
                }
            }
        }

        private static bool IsConstantLike(FieldDeclarationSyntax field)
        {
            SyntaxTokenList modifiers = field.Modifiers;
            return modifiers.Any(SyntaxKind.ConstKeyword) || (modifiers.Any(SyntaxKind.StaticKeyword) && modifiers.Any(SyntaxKind.ReadOnlyKeyword));
        }
    }
}
