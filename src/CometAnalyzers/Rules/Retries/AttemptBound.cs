using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CometAnalyzers.Rules.Retries
{
    /// <summary>
    /// Whether a loop counts its attempts and stops: a variable the loop increments or decrements is compared
    /// in the loop condition, in a catch filter, or in an if that leaves the loop (throw, return, break).
    /// </summary>
    internal static class AttemptBound
    {
        public static bool IsBounded(ILoopOperation loop)
        {
            HashSet<ISymbol> counters = Counters(loop);
            if (counters.Count == 0)
            {
                return false;
            }

            foreach (IOperation guard in Guards(loop))
            {
                if (ComparesCounter(guard, counters))
                {
                    return true;
                }
            }

            return false;
        }

        private static HashSet<ISymbol> Counters(ILoopOperation loop)
        {
            var counters = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            foreach (IOperation operation in OperationWalk.DescendantsAndSelf(loop))
            {
                IOperation? target = operation switch
                {
                    IIncrementOrDecrementOperation increment => increment.Target,
                    ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract } compound => compound.Target,
                    ISimpleAssignmentOperation { Value: IBinaryOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract } sum } assignment
                        when SymbolEqualityComparer.Default.Equals(OperationWalk.ReferencedSymbol(sum.LeftOperand), OperationWalk.ReferencedSymbol(assignment.Target)) => assignment.Target,
                    _ => null,
                };
                if (target is not null && OperationWalk.ReferencedSymbol(target) is { } symbol)
                {
                    counters.Add(symbol);
                }
            }

            return counters;
        }

        private static IEnumerable<IOperation> Guards(ILoopOperation loop)
        {
            IOperation? condition = loop switch
            {
                IWhileLoopOperation whileLoop => whileLoop.Condition,
                IForLoopOperation forLoop => forLoop.Condition,
                _ => null,
            };
            if (condition is not null)
            {
                yield return condition;
            }

            foreach (IOperation operation in OperationWalk.DescendantsAndSelf(loop.Body))
            {
                if (operation is ICatchClauseOperation { Filter: { } filter })
                {
                    yield return filter;
                }
                else if (operation is IConditionalOperation conditional && (Leaves(conditional.WhenTrue, loop) || Leaves(conditional.WhenFalse, loop)))
                {
                    yield return conditional.Condition;
                }
            }
        }

        private static bool Leaves(IOperation? branch, ILoopOperation loop)
        {
            if (branch is null)
            {
                return false;
            }

            foreach (IOperation operation in OperationWalk.DescendantsAndSelf(branch))
            {
                if (operation is IThrowOperation or IReturnOperation { Kind: OperationKind.Return }
                    || (operation is IBranchOperation branchOperation && SymbolEqualityComparer.Default.Equals(branchOperation.Target, loop.ExitLabel)))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool ComparesCounter(IOperation guard, HashSet<ISymbol> counters)
        {
            foreach (IOperation operation in OperationWalk.DescendantsAndSelf(guard))
            {
                IOperation? compared = operation switch
                {
                    IBinaryOperation { OperatorKind: BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual or BinaryOperatorKind.GreaterThan
                        or BinaryOperatorKind.GreaterThanOrEqual or BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary => binary,
                    IIsPatternOperation isPattern => isPattern.Value,
                    _ => null,
                };
                if (compared is not null && ReadsCounter(compared, counters))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool ReadsCounter(IOperation operation, HashSet<ISymbol> counters)
        {
            foreach (IOperation descendant in OperationWalk.DescendantsAndSelf(operation))
            {
                if (OperationWalk.ReferencedSymbol(descendant) is { } symbol && counters.Contains(symbol))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
