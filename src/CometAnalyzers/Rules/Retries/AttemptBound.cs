using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CometAnalyzers.Rules.Retries
{
    /// <summary>
    /// Whether a loop counts its attempts and stops: a variable the loop steps (<c>++</c>, <c>--</c>, <c>+=</c>, <c>-=</c>,
    /// <c>*=</c>, <c>/=</c>, <c>Interlocked.Increment</c>) and that outlives one iteration is compared in the loop condition, in a catch filter, in an if
    /// that leaves the loop (throw, return, break), or in an if that continues when the statement after it leaves
    /// (<c>if (++attempt &lt; 3) { continue; } throw;</c>). Every path that sends again must step that counter and
    /// evaluate that comparison: a 429 branch that continues before the check repeats for ever. A path that also resets
    /// the counter (<c>attempt = 0</c>) starts its count over each time round, so that counter does not bound it.
    /// </summary>
    internal static class AttemptBound
    {
        /// <summary>
        /// True when every path that sends again counts and checks its attempts. Otherwise <paramref name="bypassedBy"/> is
        /// the first failure after which a path sends again without doing so, or null when the loop has no such check at all.
        /// </summary>
        public static bool IsBounded(RetryLoop retry, out Scenario? bypassedBy)
        {
            bypassedBy = null;
            ILoopOperation loop = retry.Loop;
            HashSet<ISymbol> counters = Counters(loop);
            HashSet<IOperation> guards = CounterGuards(loop, counters);
            if (guards.Count == 0)
            {
                return false;
            }

            foreach ((Scenario failure, List<LoopOutcome> repeating) in retry.RepeatingPaths())
            {
                foreach (LoopOutcome outcome in repeating)
                {
                    if (!CountsAndChecks(outcome.Trail, counters, guards, loop))
                    {
                        bypassedBy = failure;
                        return false;
                    }
                }
            }

            return true;
        }

        /// <summary>The places that compare a counter and can stop the loop: its condition, catch filters, leaving ifs.</summary>
        public static HashSet<IOperation> CounterGuards(ILoopOperation loop) => CounterGuards(loop, Counters(loop));

        private static HashSet<IOperation> CounterGuards(ILoopOperation loop, HashSet<ISymbol> counters)
        {
            var guards = new HashSet<IOperation>();
            foreach (IOperation guard in Guards(loop))
            {
                if (ComparesCounter(guard, counters))
                {
                    guards.Add(guard);
                }
            }

            return guards;
        }

        private static bool CountsAndChecks(AttemptTrail? trail, HashSet<ISymbol> counters, HashSet<IOperation> guards, ILoopOperation loop)
        {
            var stepped = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            foreach (IOperation operation in AttemptTrail.Operations(trail))
            {
                if (StepTarget(operation) is { } symbol && counters.Contains(symbol))
                {
                    stepped.Add(symbol);
                }
            }

            foreach (IOperation operation in AttemptTrail.Operations(trail))
            {
                if (AttemptTrail.IsReset(operation) && OperationWalk.ReferencedSymbol(((ISimpleAssignmentOperation)operation).Target) is { } reset)
                {
                    stepped.Remove(reset);
                }
            }

            if (stepped.Count == 0)
            {
                return false;
            }

            // The guard must have been left open by the outcome: `++attempt > 3 && status != 429` never leaves on a 429.
            var evaluated = new HashSet<IOperation>(AttemptTrail.Operations(trail));
            foreach (IOperation operation in evaluated)
            {
                if (Compared(operation) is { } compared && ReadsCounter(compared, stepped)
                    && EnclosingGuard(operation, guards, loop) is { } guard && evaluated.Contains(guard))
                {
                    return true;
                }
            }

            return false;
        }

        private static IOperation? EnclosingGuard(IOperation operation, HashSet<IOperation> guards, ILoopOperation loop)
        {
            for (IOperation? current = operation; current is not null && current != loop; current = current.Parent)
            {
                if (guards.Contains(current))
                {
                    return current;
                }
            }

            return null;
        }

        private static HashSet<ISymbol> Counters(ILoopOperation loop)
        {
            var counters = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            foreach (IOperation operation in OperationWalk.DescendantsAndSelf(loop))
            {
                if (StepTarget(operation) is { } symbol && !DeclaredIn(symbol, loop.Body))
                {
                    counters.Add(symbol);
                }
            }

            return counters;
        }

        /// <summary>The variable <paramref name="operation"/> steps, if it is a step.</summary>
        private static ISymbol? StepTarget(IOperation operation)
        {
            IOperation? target = operation switch
            {
                IIncrementOrDecrementOperation increment => increment.Target,
                ICompoundAssignmentOperation compound when IsStep(compound.OperatorKind) => compound.Target,
                ISimpleAssignmentOperation { Value: IBinaryOperation sum } assignment
                    when IsStep(sum.OperatorKind) && SymbolEqualityComparer.Default.Equals(OperationWalk.ReferencedSymbol(sum.LeftOperand), OperationWalk.ReferencedSymbol(assignment.Target)) => assignment.Target,
                _ => AttemptTrail.InterlockedStep(operation),
            };
            return target is null ? null : OperationWalk.ReferencedSymbol(target);
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
                if (Compared(operation) is { } compared && ReadsCounter(compared, counters))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>What a comparison or pattern test looks at, if <paramref name="operation"/> is one.</summary>
        private static IOperation? Compared(IOperation operation)
            => operation switch
            {
                IBinaryOperation binary when AttemptTrail.IsComparison(binary.OperatorKind) => binary,
                IIsPatternOperation isPattern => isPattern.Value,
                _ => null,
            };

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
