using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CometAnalyzers.Rules.Retries
{
    /// <summary>
    /// The status a predicate reads, written as C# for a code fix: <c>response.StatusCode</c> for
    /// <c>response.IsSuccessStatusCode</c>, <c>args.Outcome.Result?.StatusCode</c> for a <c>{ Result.StatusCode: ... }</c> pattern.
    /// </summary>
    internal sealed class StatusExpression
    {
        private StatusExpression(string text, bool isNullable, bool isFromException)
        {
            Text = text;
            IsNullable = isNullable;
            IsFromException = isFromException;
        }

        public string Text { get; }

        /// <summary>True for <c>HttpStatusCode?</c>: the fix must test for null before calling IsRetryable.</summary>
        public bool IsNullable { get; }

        /// <summary>Read from an exception: a null status means no response arrived, a failure that stays retryable.</summary>
        public bool IsFromException { get; }

        /// <summary>The first status the predicate reads, or null when it cannot be written as an expression.</summary>
        public static StatusExpression? Find(IOperation predicate)
        {
            foreach (IOperation operation in InOrder(predicate))
            {
                if (operation is IPropertyReferenceOperation read && StatusReads.IsStatusRead(read))
                {
                    return From(read);
                }
            }

            return null;
        }

        private static StatusExpression? From(IPropertyReferenceOperation read)
        {
            string containingType = read.Property.ContainingType.ToDisplayString();
            bool fromException = containingType != StatusReads.HttpResponseMessage;
            string member = read.Property.Name == "IsSuccessStatusCode" ? "StatusCode" : read.Property.Name;
            bool nullableValue = read.Property.Type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;
            switch (read.Instance)
            {
                case IConditionalAccessInstanceOperation when read.Parent is IConditionalAccessOperation access:
                    return new StatusExpression(Receiver(access.Operation.Syntax) + "?." + member, isNullable: true, fromException);
                case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.PatternInput }:
                    return FromPattern(read, member, fromException);
                case { } instance:
                    return new StatusExpression(Receiver(instance.Syntax) + "." + member, nullableValue, fromException);
                default:
                    return null;
            }
        }

        /// <summary>Rebuilds <c>input.Result?.StatusCode</c> from nested property patterns over an input expression.</summary>
        private static StatusExpression? FromPattern(IPropertyReferenceOperation read, string member, bool fromException)
        {
            var hops = new List<string> { member };
            IOperation? pattern = read.Parent?.Parent;
            while (pattern is IPatternOperation current)
            {
                if (current is IRecursivePatternOperation { MatchedType: { } matched } recursive
                    && !SymbolEqualityComparer.Default.Equals(matched, recursive.InputType.WithNullableAnnotation(NullableAnnotation.NotAnnotated)))
                {
                    // A type test (is HttpRequestException { StatusCode: ... }) cannot be written as a member access.
                    return null;
                }

                IOperation? parent = current.Parent;
                if (parent is IBinaryPatternOperation or INegatedPatternOperation)
                {
                    pattern = parent;
                    continue;
                }

                if (parent is IPropertySubpatternOperation { Member: IPropertyReferenceOperation outer } subpattern)
                {
                    hops.Insert(0, outer.Property.Name);
                    pattern = subpattern.Parent;
                    continue;
                }

                IOperation? input = parent switch
                {
                    IIsPatternOperation isPattern => isPattern.Value,
                    ISwitchExpressionArmOperation { Parent: ISwitchExpressionOperation switchExpression } => switchExpression.Value,
                    _ => null,
                };
                if (input is null)
                {
                    return null;
                }

                // The input is used as is; every further hop may meet null, as the pattern did.
                string text = Receiver(input.Syntax) + "." + string.Join("?.", hops);
                return new StatusExpression(text, isNullable: hops.Count > 1 || read.Property.Type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T, fromException);
            }

            return null;
        }

        private static string Receiver(SyntaxNode syntax)
            => syntax is IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax
                or ThisExpressionSyntax or ParenthesizedExpressionSyntax or PostfixUnaryExpressionSyntax
                ? syntax.ToString()
                : "(" + syntax + ")";

        private static IEnumerable<IOperation> InOrder(IOperation root)
        {
            yield return root;
            foreach (IOperation child in root.ChildOperations)
            {
                if (child is IAnonymousFunctionOperation)
                {
                    continue;
                }

                foreach (IOperation descendant in InOrder(child))
                {
                    yield return descendant;
                }
            }
        }
    }
}
