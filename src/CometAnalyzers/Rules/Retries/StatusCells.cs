using System.Collections.Generic;
using CometAnalyzers.Rules.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CometAnalyzers.Rules.Retries
{
    /// <summary>
    /// Groups of statuses a predicate cannot tell apart. When a lambda only compares the status with constants (no
    /// arithmetic, no call that could receive it), two statuses on the same side of every constant take the same path
    /// through the interpreter and get the same answer, so running one status per group is enough. A lambda that does
    /// anything else has no groups, and every status is run.
    /// </summary>
    internal sealed class StatusCells
    {
        private readonly List<long> _boundaries;

        private StatusCells(List<long> boundaries) => _boundaries = boundaries;

        /// <summary>The group of <paramref name="status"/>: how many boundaries lie at or below it.</summary>
        public int CellOf(int status)
        {
            int cell = 0;
            foreach (long boundary in _boundaries)
            {
                if (boundary <= status)
                {
                    cell++;
                }
            }

            return cell;
        }

        /// <summary>The groups of a predicate's body, or null when it may use the status in a way other than comparing it with constants.</summary>
        public static StatusCells? For(IBlockOperation body, RetrySymbols symbols)
        {
            var boundaries = new List<long>();
            foreach (IOperation operation in body.DescendantsAndSelf())
            {
                if (!IsComparisonOnly(operation, symbols))
                {
                    return null;
                }

                // "== c" changes at c and c + 1, "< c" at c, "<= c" at c + 1: both ends make every comparison constant inside a group.
                if (operation.ConstantValue is { HasValue: true, Value: { } value } && AsNumber(value) is { } number)
                {
                    boundaries.Add(number);
                    boundaries.Add(number + 1);
                }
            }

            return new StatusCells(boundaries);
        }

        /// <summary>The integral constants the interpreter reads as numbers (see <c>StatusEvaluator.Constant</c>).</summary>
        private static long? AsNumber(object value)
            => value switch
            {
                int i => i,
                long l => l,
                short s => s,
                byte b => b,
                sbyte b => b,
                ushort s => s,
                uint u => u,
                _ => null,
            };

        /// <summary>Operations that read, compare, branch on or pass along values, and never compute a new number.</summary>
        private static bool IsComparisonOnly(IOperation operation, RetrySymbols symbols)
            => operation switch
            {
                IBlockOperation or IExpressionStatementOperation or IVariableDeclarationGroupOperation or IVariableDeclarationOperation
                    or IVariableDeclaratorOperation or IVariableInitializerOperation or ISimpleAssignmentOperation => true,
                IReturnOperation returned => returned.Kind == OperationKind.Return,
                ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or IInstanceReferenceOperation
                    or ILiteralOperation or IDefaultValueOperation or IConversionOperation => true,
                IPropertyReferenceOperation property => property.Arguments.IsEmpty,
                IBinaryOperation binary => IsComparisonOrLogic(binary),
                IUnaryOperation unary => unary.OperatorKind is UnaryOperatorKind.Not or UnaryOperatorKind.Plus,
                IConditionalOperation or ICoalesceOperation or IConditionalAccessOperation or IConditionalAccessInstanceOperation
                    or IIsTypeOperation or ISwitchExpressionOperation or ISwitchExpressionArmOperation => true,
                IIsPatternOperation or IConstantPatternOperation or IRelationalPatternOperation or INegatedPatternOperation
                    or IBinaryPatternOperation or ITypePatternOperation or IDeclarationPatternOperation or IDiscardPatternOperation
                    or IRecursivePatternOperation or IPropertySubpatternOperation => true,
                IArgumentOperation argument => argument.Parent is IInvocationOperation or IObjectCreationOperation,
                IInvocationOperation invocation => IsResultWrapper(invocation, symbols),
                IObjectCreationOperation creation => creation.Initializer is null && creation.Arguments.Length == 1 && TypeChecks.Is(creation.Type, symbols.ValueTaskOfT),
                _ => false,
            };

        private static bool IsComparisonOrLogic(IBinaryOperation binary)
            => binary.OperatorKind switch
            {
                BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals or BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual
                    or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual
                    or BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr => true,
                BinaryOperatorKind.And or BinaryOperatorKind.Or => binary.Type?.SpecialType == SpecialType.System_Boolean,
                _ => false,
            };

        /// <summary><c>PredicateResult.True()</c>, <c>ValueTask.FromResult(x)</c>: calls whose result the interpreter takes from its argument or name.</summary>
        private static bool IsResultWrapper(IInvocationOperation invocation, RetrySymbols symbols)
        {
            IMethodSymbol method = invocation.TargetMethod;
            if (TypeChecks.Is(method.ContainingType, symbols.PredicateResult))
            {
                return invocation.Arguments.IsEmpty && method.Name is "True" or "False";
            }

            return method.Name == "FromResult" && invocation.Arguments.Length == 1
                && (TypeChecks.Is(method.ContainingType, symbols.ValueTask) || TypeChecks.Is(method.ContainingType, symbols.Task));
        }
    }
}
