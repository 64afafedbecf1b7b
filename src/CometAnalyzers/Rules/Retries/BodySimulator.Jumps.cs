using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CometAnalyzers.Rules.Retries
{
    /// <summary>Jumps: continue and break, switch statements, and loops nested in the body.</summary>
    internal sealed partial class BodySimulator
    {
        private SimulationPath Jump(IBranchOperation branch, SimulationPath path)
        {
            if (_loop is not null && SymbolEqualityComparer.Default.Equals(branch.Target, _loop.ContinueLabel))
            {
                return path.Complete(Completion.Continue);
            }

            if (_loop is not null && SymbolEqualityComparer.Default.Equals(branch.Target, _loop.ExitLabel))
            {
                return path.Complete(Completion.Break);
            }

            if (_switchExits.Count > 0 && SymbolEqualityComparer.Default.Equals(branch.Target, _switchExits.Peek()))
            {
                return path.Complete(Completion.SwitchBreak);
            }

            return path.Unknown();
        }

        private List<SimulationPath> Switch(ISwitchOperation switchOperation, SimulationPath path)
        {
            StatusValue input = Evaluate(switchOperation.Value, path);
            if (input.Kind == ValueKind.Thrown)
            {
                return One(path.Throw(input.Inner!));
            }

            ISwitchCaseOperation? chosen = null;
            ISwitchCaseOperation? fallback = null;
            bool fromStatus = input.FromStatus;
            foreach (ISwitchCaseOperation section in switchOperation.Cases)
            {
                foreach (ICaseClauseOperation clause in section.Clauses)
                {
                    if (clause is IDefaultCaseClauseOperation)
                    {
                        fallback = section;
                        continue;
                    }

                    StatusValue matched = CaseMatches(clause, input, path);
                    fromStatus |= matched.FromStatus;
                    if (matched.IsTrue)
                    {
                        chosen = section;
                        break;
                    }

                    if (!matched.IsFalse)
                    {
                        return One(path.Unknown());
                    }
                }

                if (chosen is not null)
                {
                    break;
                }
            }

            chosen ??= fallback;
            if (chosen is null)
            {
                return One(path);
            }

            if (fromStatus)
            {
                path.LastDecision = new Decision(DecisionKind.Switch, switchOperation.Value, Value: true, ExceptionType: null);
            }

            _switchExits.Push(switchOperation.ExitLabel);
            try
            {
                var results = Sequence(chosen.Body, path);
                foreach (SimulationPath result in results)
                {
                    if (result.Completion == Completion.SwitchBreak)
                    {
                        result.Complete(Completion.Normal);
                    }
                }

                return results;
            }
            finally
            {
                _switchExits.Pop();
            }
        }

        private StatusValue CaseMatches(ICaseClauseOperation clause, StatusValue input, SimulationPath path)
        {
            Evaluator.Env = path.Env;
            switch (clause)
            {
                case ISingleValueCaseClauseOperation single:
                    return StatusEvaluator.AreEqual(input, Evaluator.Evaluate(single.Value));
                case IPatternCaseClauseOperation patternClause:
                    StatusValue matched = Evaluator.Match(patternClause.Pattern, input);
                    return patternClause.Guard is null || !matched.IsTrue ? matched : StatusValue.And(matched, Evaluator.Evaluate(patternClause.Guard));
                default:
                    return StatusValue.Unknown;
            }
        }

        /// <summary>
        /// A loop inside the loop body: judged only when it cannot send, jump out or throw (for example a loop that
        /// reads the response stream); locals it assigns become opaque and its steps count.
        /// </summary>
        private SimulationPath NestedLoop(ILoopOperation nested, SimulationPath path)
        {
            // foreach (var update in client.CompleteChatStreaming(...)): the collection is computed once, before the
            // loop, so its send runs here like any statement's; only the rest of the loop is not run.
            IOperation? sentCollection = nested is IForEachLoopOperation forEach && HttpSends.ContainsSend(forEach.Collection, _symbols)
                ? forEach.Collection
                : null;
            if (sentCollection is not null)
            {
                StatusValue collection = Evaluate(sentCollection, path);
                if (collection.Kind == ValueKind.Thrown)
                {
                    return path.Throw(collection.Inner!);
                }

                if (Evaluator.SawUnseenCall)
                {
                    return path.Unknown();
                }
            }

            if (MayJumpOrSend(nested, sentCollection))
            {
                return path.Unknown();
            }

            foreach (IOperation operation in OperationWalk.DescendantsAndSelf(nested))
            {
                IOperation? target = operation switch
                {
                    ISimpleAssignmentOperation assignment => assignment.Target,
                    ICompoundAssignmentOperation compound => compound.Target,
                    IIncrementOrDecrementOperation increment => increment.Target,
                    _ => null,
                };
                if (target is not null && OperationWalk.ReferencedSymbol(target) is ILocalSymbol or IParameterSymbol)
                {
                    path.Env.Set(OperationWalk.ReferencedSymbol(target)!, StatusValue.Opaque);
                }

                // Not run, so a counter it steps is taken as stepped: the path is not blamed for skipping it.
                if (AttemptTrail.Records(operation))
                {
                    path.Env.Record(operation);
                }
            }

            return path;
        }

        /// <summary>True when the operation sends, returns, throws or branches out of itself; sends in <paramref name="alreadyRun"/> do not count.</summary>
        private bool MayJumpOrSend(IOperation operation, IOperation? alreadyRun = null)
        {
            var ran = alreadyRun is null ? null : new HashSet<IOperation>(OperationWalk.DescendantsAndSelf(alreadyRun));
            var ownLabels = new HashSet<ILabelSymbol>(SymbolEqualityComparer.Default);
            foreach (IOperation descendant in OperationWalk.DescendantsAndSelf(operation))
            {
                if (descendant is ILoopOperation loop)
                {
                    ownLabels.Add(loop.ContinueLabel);
                    ownLabels.Add(loop.ExitLabel);
                }
                else if (descendant is ISwitchOperation switchOperation)
                {
                    ownLabels.Add(switchOperation.ExitLabel);
                }
            }

            foreach (IOperation descendant in OperationWalk.DescendantsAndSelf(operation))
            {
                switch (descendant)
                {
                    case IReturnOperation { Kind: not OperationKind.YieldReturn }:
                    case IThrowOperation:
                    case IBranchOperation branch when !ownLabels.Contains(branch.Target):
                        return true;
                    case IInvocationOperation invocation when ran?.Contains(invocation) != true && HttpSends.Classify(invocation, _symbols) != SendKind.None:
                        return true;
                }
            }

            return false;
        }
    }
}
