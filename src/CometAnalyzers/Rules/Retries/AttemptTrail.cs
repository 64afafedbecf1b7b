using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CometAnalyzers.Rules.Retries
{
    /// <summary>
    /// The steps (<c>attempt++</c>) and comparisons one path evaluated, newest first. Forks share the older part,
    /// so recording costs one small object per step or comparison. <see cref="AttemptBound"/> reads it to tell
    /// whether the path that sends again counted and checked its attempts.
    /// </summary>
    internal sealed class AttemptTrail
    {
        private AttemptTrail(IOperation operation, AttemptTrail? previous)
        {
            Operation = operation;
            Previous = previous;
        }

        public IOperation Operation { get; }

        public AttemptTrail? Previous { get; }

        /// <summary>Whether the evaluator should record <paramref name="operation"/>: a step or a comparison.</summary>
        public static bool Records(IOperation operation)
            => operation is IIncrementOrDecrementOperation or ICompoundAssignmentOperation or ISimpleAssignmentOperation { Value: IBinaryOperation } or IIsPatternOperation
                || (operation is IBinaryOperation binary && IsComparison(binary.OperatorKind))
                || InterlockedStep(operation) is not null;

        /// <summary>
        /// Whether <paramref name="operation"/> sets a variable to a constant (<c>attempt = 0</c>). Only the evaluator, which
        /// runs a path step by step, records these: a reset blames the path, so it must have certainly run there.
        /// </summary>
        public static bool IsReset(IOperation operation)
            => operation is ISimpleAssignmentOperation { Value.ConstantValue.HasValue: true };

        /// <summary>The counter of <c>Interlocked.Increment(ref attempt)</c>, <c>Decrement</c> or <c>Add</c>, if the call is one.</summary>
        public static IOperation? InterlockedStep(IOperation operation)
            => operation is IInvocationOperation
            {
                TargetMethod: { Name: "Increment" or "Decrement" or "Add", ContainingType: { Name: "Interlocked", ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } },
                Arguments: { Length: > 0 } arguments,
            }
                ? arguments[0].Value
                : null;

        public static bool IsComparison(BinaryOperatorKind kind)
            => kind is BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual or BinaryOperatorKind.GreaterThan
                or BinaryOperatorKind.GreaterThanOrEqual or BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals;

        public static AttemptTrail Add(IOperation operation, AttemptTrail? trail) => new(operation, trail);

        public static IEnumerable<IOperation> Operations(AttemptTrail? trail)
        {
            for (AttemptTrail? current = trail; current is not null; current = current.Previous)
            {
                yield return current.Operation;
            }
        }
    }
}
