using System.Collections.Generic;
using System.Linq;
using CometAnalyzers.Rules.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CometAnalyzers.Rules.Endpoints
{
    /// <summary>
    /// String constants as the compiler folds them: a literal, a const, or a concatenation or interpolation of
    /// constants. The rule judges the outermost constant expression once, never each literal inside it.
    /// </summary>
    internal static class ConstantStrings
    {
        /// <summary>True when the parent does not fold this constant into a larger one.</summary>
        public static bool IsOutermost(IOperation operation)
        {
            IOperation? parent = operation.Parent;
            while (parent is IConversionOperation)
            {
                parent = parent.Parent;
            }

            // Text and holes of an interpolated string fold into it only when the whole string is constant.
            if (parent is IInterpolatedStringTextOperation or IInterpolationOperation)
            {
                parent = parent.Parent;
            }

            return parent is not (IBinaryOperation or IInterpolatedStringOperation) || !ConstantText.TryGet(parent, out _);
        }

        /// <summary>A reference to a const field or local: its own declaration is where it is judged.</summary>
        public static bool IsNamedConstant(IOperation operation)
            => Conversions.Unwrap(operation) is IFieldReferenceOperation or ILocalReferenceOperation;

        /// <summary>Values of the const fields and locals the expression is built from.</summary>
        public static IEnumerable<string> NamedConstantValues(IOperation operation)
        {
            foreach (IOperation descendant in operation.DescendantsAndSelf())
            {
                if (descendant is IFieldReferenceOperation or ILocalReferenceOperation && ConstantText.TryGet(descendant, out string value))
                {
                    yield return value;
                }
            }
        }

        /// <summary>The string literals written in the expression itself (not those behind named constants).</summary>
        public static IEnumerable<string> OwnLiterals(IOperation operation)
        {
            foreach (IOperation descendant in operation.DescendantsAndSelf())
            {
                if (descendant is ILiteralOperation && ConstantText.TryGet(descendant, out string value))
                {
                    yield return value;
                }
            }
        }

        /// <summary>
        /// The part of a built string that fixes its scheme and host: the left-most operand of a concatenation or the
        /// first part of an interpolation ("https://x/users/" in <c>$"https://x/users/{id}"</c>). A constant is kept whole
        /// unless it starts with a named constant (<c>$"{BaseUrl}/users"</c>): then the name is returned, to be followed.
        /// </summary>
        public static IOperation Leading(IOperation operation)
        {
            IOperation current = Conversions.Unwrap(operation);
            while (LeftMost(current) is { } next)
            {
                if (ConstantText.TryGet(current, out _) && !IsNamedConstant(LeftMostLeaf(current)))
                {
                    return current;
                }

                current = next;
            }

            return current;
        }

        /// <summary>
        /// The left-most part written before the first named constant whose value <paramref name="isExcluded"/> picks
        /// ("https://x" in <c>"https://x" + Contract.Path</c>); null when the expression starts with one.
        /// </summary>
        public static IOperation? LeadingBefore(IOperation operation, System.Func<string, bool> isExcluded)
        {
            IOperation? current = Conversions.Unwrap(operation);
            while (current is not null && NamedConstantValues(current).Any(isExcluded))
            {
                current = LeftMost(current);
            }

            return current;
        }

        private static IOperation LeftMostLeaf(IOperation operation)
        {
            IOperation current = Conversions.Unwrap(operation);
            while (LeftMost(current) is { } next)
            {
                current = next;
            }

            return current;
        }

        private static IOperation? LeftMost(IOperation operation)
            => operation switch
            {
                IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, LeftOperand: { } left } => Conversions.Unwrap(left),
                IInterpolatedStringOperation { Parts: { Length: > 0 } parts } => parts[0] switch
                {
                    IInterpolatedStringTextOperation { Text: { } text } => text,
                    IInterpolationOperation { Expression: { } expression } => Conversions.Unwrap(expression),

                    // Passed to a handler (string.Create), each part is an AppendLiteral or AppendFormatted call of its text or value.
                    IInterpolatedStringAppendOperation { AppendCall: IInvocationOperation { Arguments: { Length: > 0 } arguments } } => Conversions.Unwrap(arguments[0].Value),
                    _ => null,
                },
                IInterpolatedStringAdditionOperation { Left: { } left } => left,
                _ => null,
            };
    }
}
