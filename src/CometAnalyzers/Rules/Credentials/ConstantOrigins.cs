using System.Collections.Generic;
using CometAnalyzers.Rules.Common;
using CometAnalyzers.Rules.Secrets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CometAnalyzers.Rules.Credentials
{
    /// <summary>A string constant a sink's value comes from: its text, how the sink takes it, where to report it and what it is called.</summary>
    internal readonly struct ConstantOrigin
    {
        public ConstantOrigin(string text, CredentialShape shape, Location location, string? name)
        {
            Text = text;
            Shape = shape;
            Location = location;
            Name = name;
        }

        public string Text { get; }

        public CredentialShape Shape { get; }

        /// <summary>Always in the file of the sink: the literal when it is written there, else the use of the named constant.</summary>
        public Location Location { get; }

        /// <summary>The const or <c>static readonly</c> field or const local it comes from, or null for a literal written in place.</summary>
        public string? Name { get; }
    }

    /// <summary>
    /// Follows a value back to the string constants it may be, within one method: literals, consts (fields and locals),
    /// <c>static readonly string</c> fields declared with a literal, locals through every write that can reach the read,
    /// <c>??</c>, <c>?:</c>, <c>switch</c> arms, and the holes and operands of an interpolation or concatenation (the
    /// literal text around them, <c>"Bearer "</c>, is the scheme). Parameters, properties and method results are not
    /// followed, and neither are constants a referenced assembly declares (their project reports them).
    /// </summary>
    internal static class ConstantOrigins
    {
        private const int MaxDepth = 16;

        public static List<ConstantOrigin> Of(IOperation value, CredentialShape shape)
        {
            var found = new List<ConstantOrigin>();
            Visit(value, shape, value.Syntax.SyntaxTree, found, new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default), 0);
            return found;
        }

        private static void Visit(IOperation? operation, CredentialShape shape, SyntaxTree tree, List<ConstantOrigin> found, HashSet<ILocalSymbol> visiting, int depth)
        {
            if (operation is null || depth > MaxDepth)
            {
                return;
            }

            operation = Conversions.Unwrap(operation);
            if (operation is INameOfOperation)
            {
                return;
            }

            if (ConstantText.TryGet(operation, out string text))
            {
                if (Locate(operation, tree) is { } located)
                {
                    found.Add(new ConstantOrigin(text, shape, located.Location, located.Name));
                }

                return;
            }

            switch (operation)
            {
                case ILocalReferenceOperation local when visiting.Add(local.Local):
                    foreach (LocalWrite write in ReachingWrites.Of(local, LocalWrites.Find(local)))
                    {
                        if (write.Kind == LocalWriteKind.Assignment)
                        {
                            Visit(write.Value, shape, tree, found, visiting, depth + 1);
                        }
                    }

                    visiting.Remove(local.Local);
                    break;
                case IFieldReferenceOperation field when ReadOnlyLiteral(field.Field) is { } literal:
                    found.Add(new ConstantOrigin(literal.Token.ValueText, shape, Place(literal, field, tree), Describe(field.Field)));
                    break;
                case ICoalesceOperation coalesce:
                    Visit(coalesce.Value, shape, tree, found, visiting, depth + 1);
                    Visit(coalesce.WhenNull, shape, tree, found, visiting, depth + 1);
                    break;
                case IConditionalOperation conditional:
                    Visit(conditional.WhenTrue, shape, tree, found, visiting, depth + 1);
                    Visit(conditional.WhenFalse, shape, tree, found, visiting, depth + 1);
                    break;
                case ISwitchExpressionOperation switchExpression:
                    foreach (ISwitchExpressionArmOperation arm in switchExpression.Arms)
                    {
                        Visit(arm.Value, shape, tree, found, visiting, depth + 1);
                    }

                    break;
                case IInterpolatedStringOperation interpolated:
                    // $"Bearer {key}": the holes are the credential, the text around them the scheme.
                    foreach (IInterpolatedStringContentOperation part in interpolated.Parts)
                    {
                        Visit(ValueParts.HoleValue(part), PartShape(shape), tree, found, visiting, depth + 1);
                    }

                    break;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation:
                    Visit(concatenation.LeftOperand, PartShape(shape), tree, found, visiting, depth + 1);
                    Visit(concatenation.RightOperand, PartShape(shape), tree, found, visiting, depth + 1);
                    break;
                default:
                    if (ValueParts.Elements(operation) is { } elements)
                    {
                        // new[] { "Bearer ..." } for a header's values.
                        foreach (IOperation element in elements)
                        {
                            Visit(element, shape, tree, found, visiting, depth + 1);
                        }
                    }

                    break;
            }
        }

        /// <summary>A part of a built header value is bare (the text around it is the scheme); a part of a password is still a password.</summary>
        private static CredentialShape PartShape(CredentialShape shape) => shape == CredentialShape.Password ? shape : CredentialShape.Bare;

        /// <summary>
        /// Where to report a folded constant: the operand of a concatenation that holds the credential
        /// (<c>"Bearer " + ApiKey</c> at <c>ApiKey</c>), a const's literal when it is declared in the same file, else the
        /// use. Null for a const that a referenced assembly declares.
        /// </summary>
        private static (Location Location, string? Name)? Locate(IOperation operation, SyntaxTree tree, int depth = 0)
        {
            if (operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation
                && ConstantText.TryGet(concatenation.LeftOperand, out string left) && ConstantText.TryGet(concatenation.RightOperand, out string right))
            {
                bool leftHolds = CredentialText.MayBeCredential(left);
                bool rightHolds = CredentialText.MayBeCredential(right);
                if (leftHolds != rightHolds)
                {
                    return Locate(Conversions.Unwrap(leftHolds ? concatenation.LeftOperand : concatenation.RightOperand), tree, depth + 1);
                }
            }

            ISymbol? constant = operation switch
            {
                IFieldReferenceOperation { Field.IsConst: true } field => field.Field,
                ILocalReferenceOperation { Local.IsConst: true } local => local.Local,
                _ => null,
            };

            if (constant is null)
            {
                return (operation.Syntax.GetLocation(), null);
            }

            if (constant.DeclaringSyntaxReferences.Length != 1)
            {
                // Declared in metadata: its own project sees the literal.
                return null;
            }

            if (constant.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: { } value } || value.SyntaxTree != tree)
            {
                return (operation.Syntax.GetLocation(), Describe(constant));
            }

            // Declared in this file from other constants ("Bearer " + Key): where the credential among them is written.
            if (value is not LiteralExpressionSyntax && depth < MaxDepth && operation.SemanticModel?.GetOperation(value) is { } initializer
                && Locate(Conversions.Unwrap(initializer), tree, depth + 1) is { } inner)
            {
                return (inner.Location, inner.Name ?? Describe(constant));
            }

            return (value.GetLocation(), Describe(constant));
        }

        /// <summary>
        /// A <c>static readonly string</c> declared in this compilation with a literal (<c>static readonly string Key = "...";</c>):
        /// a constant in all but name, read from its declaration's syntax so no other tree is bound.
        /// </summary>
        private static LiteralExpressionSyntax? ReadOnlyLiteral(IFieldSymbol field)
            => field is { IsStatic: true, IsReadOnly: true, IsConst: false, Type.SpecialType: SpecialType.System_String, DeclaringSyntaxReferences.Length: 1 }
               && field.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: LiteralExpressionSyntax literal }
               && literal.IsKind(SyntaxKind.StringLiteralExpression)
                ? literal
                : null;

        private static Location Place(LiteralExpressionSyntax literal, IFieldReferenceOperation use, SyntaxTree tree)
            => literal.SyntaxTree == tree ? literal.GetLocation() : use.Syntax.GetLocation();

        private static string Describe(ISymbol constant)
            => constant is IFieldSymbol { ContainingType: { } owner } ? owner.Name + "." + constant.Name : constant.Name;
    }
}
