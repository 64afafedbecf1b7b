using CometAnalyzers.Rules.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CometAnalyzers.Rules.Retries
{
    /// <summary>
    /// Where a predicate reads the status: <c>response.StatusCode</c>, <c>response.IsSuccessStatusCode</c>,
    /// <c>HttpRequestException.StatusCode</c>, <c>ClientResultException.Status</c>. Shared by COMET004 and its fix.
    /// </summary>
    internal static class StatusReads
    {
        public const string HttpResponseMessage = "System.Net.Http.HttpResponseMessage";
        public const string HttpRequestException = "System.Net.Http.HttpRequestException";
        public const string ClientResultException = "System.ClientModel.ClientResultException";

        public static bool IsStatusRead(IOperation operation)
            => operation is IPropertyReferenceOperation reference && IsStatusProperty(reference.Property);

        public static bool IsStatusProperty(IPropertySymbol property)
        {
            string? type = property.ContainingType?.ToDisplayString();
            return property.Name switch
            {
                "StatusCode" => type is HttpResponseMessage or HttpRequestException,
                "IsSuccessStatusCode" => type == HttpResponseMessage,
                "Status" => type == ClientResultException,
                _ => false,
            };
        }

        public static bool ContainsStatusRead(IOperation operation)
        {
            foreach (IOperation descendant in OperationWalk.DescendantsAndSelf(operation))
            {
                if (IsStatusRead(descendant))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Narrows a condition to the part that reads the status: in <c>!response.IsSuccessStatusCode &amp;&amp; attempt &lt; 3</c>
        /// that is <c>!response.IsSuccessStatusCode</c>. <paramref name="value"/> is the condition's value on the path that
        /// retries; the result carries the narrowed part's value on that path.
        /// </summary>
        public static (IOperation Node, bool Value) Narrow(IOperation condition, bool value)
        {
            IOperation current = Conversions.UnwrapBuiltIn(condition);
            while (true)
            {
                if (current is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not
                    && Conversions.UnwrapBuiltIn(not.Operand) is IBinaryOperation inner && StatusSide(inner) is { } negatedSide)
                {
                    current = negatedSide;
                    value = !value;
                }
                else if (current is IBinaryOperation binary && StatusSide(binary) is { } side)
                {
                    current = side;
                }
                else
                {
                    return (current, value);
                }
            }
        }

        /// <summary>The one operand of <c>&amp;&amp;</c> or <c>||</c> that reads the status, if only one does.</summary>
        private static IOperation? StatusSide(IBinaryOperation binary)
        {
            if (binary.OperatorKind is not (BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr))
            {
                return null;
            }

            bool left = ContainsStatusRead(binary.LeftOperand);
            bool right = ContainsStatusRead(binary.RightOperand);
            return left == right ? null : Conversions.UnwrapBuiltIn(left ? binary.LeftOperand : binary.RightOperand);
        }
    }
}
