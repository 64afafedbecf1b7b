using CometAnalyzers.Rules.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static CometAnalyzers.Rules.Common.SymbolChecks;

namespace CometAnalyzers.Rules.Secrets
{
    /// <summary>
    /// Whether two expressions read the same value: the same local or parameter, or the same field or property of the
    /// same owner (<c>auth.ApiKey</c> and <c>auth.ApiKey</c>), or equal constants. Calls and indexers never are: they may
    /// return something else each time.
    /// </summary>
    internal static class SameValue
    {
        private const int MaxDepth = 8;

        public static bool Equivalent(IOperation? left, IOperation? right) => Equivalent(left, right, 0);

        private static bool Equivalent(IOperation? left, IOperation? right, int depth)
        {
            if (left is null || right is null || depth > MaxDepth)
            {
                return false;
            }

            left = Conversions.Unwrap(left);
            right = Conversions.Unwrap(right);

            if (left.ConstantValue.HasValue || right.ConstantValue.HasValue)
            {
                return left.ConstantValue.HasValue && right.ConstantValue.HasValue && Equals(left.ConstantValue.Value, right.ConstantValue.Value);
            }

            return (left, right) switch
            {
                (ILocalReferenceOperation a, ILocalReferenceOperation b) => Same(a.Local, b.Local),
                (IParameterReferenceOperation a, IParameterReferenceOperation b) => Same(a.Parameter, b.Parameter),
                (IInstanceReferenceOperation, IInstanceReferenceOperation) => true,
                (IFieldReferenceOperation a, IFieldReferenceOperation b)
                    => Same(a.Field, b.Field) && (a.Field.IsStatic || Equivalent(a.Instance, b.Instance, depth + 1)),
                (IPropertyReferenceOperation a, IPropertyReferenceOperation b)
                    => !a.Property.IsIndexer && Same(a.Property, b.Property) && (a.Property.IsStatic || Equivalent(a.Instance, b.Instance, depth + 1)),
                _ => false,
            };
        }    }
}
