using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CometAnalyzers.Rules.Retries
{
    /// <summary>
    /// Whether a loop counts its attempts and stops: a variable the loop steps (<c>++</c>, <c>--</c>, <c>+=</c>, <c>-=</c>,
    /// <c>*=</c>, <c>/=</c>) and that outlives one iteration is compared in the loop condition, in a catch filter, in an if
    /// that leaves the loop (throw, return, break), or in an if that continues when the statement after it leaves
    /// (<c>if (++attempt &lt; 3) { continue; } throw;</c>).
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
                    ICompoundAssignmentOperation compound when IsStep(compound.OperatorKind) => compound.Target,
                    ISimpleAssignmentOperation { Value: IBinaryOperation sum } assignment
                        when IsStep(sum.OperatorKind) && SymbolEqualityComparer.Default.Equals(OperationWalk.ReferencedSymbol(sum.LeftOperand), OperationWalk.ReferencedSymbol(assignment.Target)) => assignment.Target,
                    _ => null,
                };
                if (target is not null && OperationWalk.ReferencedSymbol(target) is { } symbol && !DeclaredIn(symbol, loop.Body))
                {
                    counters.Add(symbol);
                }
            }

            return counters;
        }

        /// <summary>A capped backoff (<c>delay *= 2</c>) counts as surely as an attempt counter.</summary>
        private static bool IsStep(BinaryOperatorKind kind)
            => kind is BinaryOperatorKind.Add or BinaryOperatorKind.Subtract or BinaryOperatorKind.Multiply or BinaryOperatorKind.Divide;

        /// <summary>A local declared in the body starts again at every iteration, so it cannot count attempts.</summary>
        private static bool DeclaredIn(ISymbol symbol, IOperation body)
        {
            if (symbol is not ILocalSymbol)
            {
                return false;
            }

            foreach (SyntaxReference reference in symbol.DeclaringSyntaxReferences)
            {
                if (reference.SyntaxTree == body.Syntax.SyntaxTree && body.Syntax.Span.Contains(reference.Span))
                {
                    return true;
                }
            }

            return false;
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
                else if (operation is IConditionalOperation conditional
                    && (Leaves(conditional.WhenTrue, loop) || Leaves(conditional.WhenFalse, loop) || ContinuesElseLeaves(conditional, loop)))
                {
                    yield return conditional.Condition;
                }
            }
        }

        /// <summary><c>if (attempt++ &lt; 3) { continue; } throw;</c>: the branch goes round again, the statement after it leaves.</summary>
        private static bool ContinuesElseLeaves(IConditionalOperation conditional, ILoopOperation loop)
        {
            if (conditional.WhenFalse is not null || conditional.Parent is not IBlockOperation block || !Continues(conditional.WhenTrue, loop))
            {
                return false;
            }

            int index = block.Operations.IndexOf(conditional);
            return index >= 0 && index + 1 < block.Operations.Length && Leaves(block.Operations[index + 1], loop);
        }

        private static bool Continues(IOperation branch, ILoopOperation loop)
        {
            foreach (IOperation operation in OperationWalk.DescendantsAndSelf(branch))
            {
                if (operation is IBranchOperation branchOperation && SymbolEqualityComparer.Default.Equals(branchOperation.Target, loop.ContinueLabel))
                {
                    return true;
                }
            }

            return false;
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
