using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CometAnalyzers.Rules.Retries
{
    /// <summary>
    /// Runs statements (a loop body or a lambda body) for one scenario and returns every way they can complete.
    /// A condition the interpreter cannot decide but that does not depend on the outcome (a counter, a flag)
    /// forks the path; one that depends on the outcome in an unseen way ends the path as <see cref="Completion.Unknown"/>.
    /// </summary>
    internal sealed class BodySimulator
    {
        private const int MaxPaths = 64;
        private const int MaxDepth = 50;

        private readonly RetrySymbols _symbols;
        private readonly ILoopOperation? _loop;
        private readonly Stack<ILabelSymbol> _switchExits = new();
        private int _depth;

        public BodySimulator(RetrySymbols symbols, Scenario scenario, ILoopOperation? loop)
        {
            _symbols = symbols;
            _loop = loop;
            Evaluator = new StatusEvaluator(symbols, scenario);
        }

        public StatusEvaluator Evaluator { get; }

        public StatusValue Evaluate(IOperation operation, SimulationPath path)
        {
            Evaluator.Env = path.Env;
            Evaluator.SawUnseenCall = false;
            Evaluator.ReadStatus = false;
            return Evaluator.Evaluate(operation);
        }

        public List<SimulationPath> Execute(IOperation statement, SimulationPath path)
        {
            if (_depth >= MaxDepth)
            {
                return One(path.Unknown());
            }

            _depth++;
            try
            {
                return ExecuteStatement(statement, path);
            }
            finally
            {
                _depth--;
            }
        }

        private List<SimulationPath> ExecuteStatement(IOperation statement, SimulationPath path)
        {
            switch (statement)
            {
                case IBlockOperation block:
                    return Sequence(block.Operations, path);
                case IVariableDeclarationGroupOperation or IUsingDeclarationOperation:
                    return Value(statement, path, sideEffectsMatter: false);
                case IExpressionStatementOperation expression:
                    return Value(expression.Operation, path, sideEffectsMatter: true);
                case IConditionalOperation conditional:
                    return If(conditional, path);
                case ITryOperation tryOperation:
                    return Try(tryOperation, path);
                case IThrowOperation throwOperation:
                    return One(Throw(throwOperation, path));
                case IReturnOperation returnOperation:
                    return One(Return(returnOperation, path));
                case IBranchOperation branch:
                    return One(Branch(branch, path));
                case ISwitchOperation switchOperation:
                    return Switch(switchOperation, path);
                case IUsingOperation usingOperation:
                    return Sequence(ImmutableArray.Create(usingOperation.Resources, usingOperation.Body), path);
                case ILockOperation lockOperation:
                    return Sequence(ImmutableArray.Create(lockOperation.LockedValue, lockOperation.Body), path);
                case ILabeledOperation labeled:
                    return labeled.Operation is null ? One(path) : Execute(labeled.Operation, path);
                case ILoopOperation nested:
                    return One(NestedLoop(nested, path));
                case IEmptyOperation or ILocalFunctionOperation:
                    return One(path);
                default:
                    return One(MayJumpOrSend(statement) ? path.Unknown() : path);
            }
        }

        public List<SimulationPath> Sequence(ImmutableArray<IOperation> statements, SimulationPath path)
        {
            var current = One(path);
            foreach (IOperation statement in statements)
            {
                var next = new List<SimulationPath>();
                foreach (SimulationPath candidate in current)
                {
                    next.AddRange(candidate.Completion == Completion.Normal ? Execute(statement, candidate) : One(candidate));
                }

                if (next.Count > MaxPaths)
                {
                    return One(path.Unknown());
                }

                current = next;
            }

            return current;
        }

        /// <summary>
        /// Evaluates a condition and records it as the path's decision when it depends on the status. Returns the
        /// paths on which it is true and those on which it is false; unknown conditions end the path.
        /// </summary>
        public (List<SimulationPath> WhenTrue, List<SimulationPath> WhenFalse, List<SimulationPath> Ended) Branch(IOperation condition, SimulationPath path)
        {
            var whenTrue = new List<SimulationPath>();
            var whenFalse = new List<SimulationPath>();
            var ended = new List<SimulationPath>();
            StatusValue value = Evaluate(condition, path);
            if (value.Kind == ValueKind.Thrown)
            {
                ended.Add(path.Throw(value.Inner!));
            }
            else if (value.Kind == ValueKind.Bool)
            {
                if (value.FromStatus)
                {
                    path.LastDecision = new Decision(DecisionKind.Condition, condition, value.IsTrue, ExceptionType: null);
                }

                (value.IsTrue ? whenTrue : whenFalse).Add(path);
            }
            else if (value.Kind == ValueKind.Opaque)
            {
                // Both ways are possible whatever the outcome; if the status took part, it is still a decision point.
                SimulationPath taken = path.Fork();
                if (Evaluator.ReadStatus)
                {
                    taken.LastDecision = new Decision(DecisionKind.Condition, condition, Value: true, ExceptionType: null);
                    path.LastDecision = new Decision(DecisionKind.Condition, condition, Value: false, ExceptionType: null);
                }

                whenTrue.Add(taken);
                whenFalse.Add(path);
            }
            else
            {
                ended.Add(path.Unknown());
            }

            return (whenTrue, whenFalse, ended);
        }

        private static List<SimulationPath> One(SimulationPath path) => new() { path };

        private List<SimulationPath> Value(IOperation operation, SimulationPath path, bool sideEffectsMatter)
        {
            StatusValue value = Evaluate(operation, path);
            if (value.Kind == ValueKind.Thrown)
            {
                return One(path.Throw(value.Inner!));
            }

            // A statement that hands the response to a call the analyzer cannot see into might throw or decide.
            return One(sideEffectsMatter && Evaluator.SawUnseenCall ? path.Unknown() : path);
        }

        private List<SimulationPath> If(IConditionalOperation conditional, SimulationPath path)
        {
            (List<SimulationPath> whenTrue, List<SimulationPath> whenFalse, List<SimulationPath> results) = Branch(conditional.Condition, path);
            foreach (SimulationPath taken in whenTrue)
            {
                results.AddRange(Execute(conditional.WhenTrue, taken));
            }

            foreach (SimulationPath notTaken in whenFalse)
            {
                results.AddRange(conditional.WhenFalse is null ? One(notTaken) : Execute(conditional.WhenFalse, notTaken));
            }

            return results;
        }

        private List<SimulationPath> Try(ITryOperation tryOperation, SimulationPath path)
        {
            var results = new List<SimulationPath>();
            foreach (SimulationPath afterBody in Execute(tryOperation.Body, path))
            {
                results.AddRange(afterBody.Completion == Completion.Throw ? Catch(tryOperation, afterBody) : One(afterBody));
            }

            if (tryOperation.Finally is not null && MayJumpOrSend(tryOperation.Finally))
            {
                return One(path.Unknown());
            }

            return results;
        }

        private List<SimulationPath> Catch(ITryOperation tryOperation, SimulationPath thrown)
        {
            StatusValue exception = thrown.Value!;
            var results = new List<SimulationPath>();
            var unhandled = One(thrown);
            foreach (ICatchClauseOperation clause in tryOperation.Catches)
            {
                var stillUnhandled = new List<SimulationPath>();
                foreach (SimulationPath candidate in unhandled)
                {
                    StatusValue typeMatches = Evaluator.TypeTest(exception, clause.ExceptionType, negated: false);
                    if (typeMatches.IsFalse)
                    {
                        stillUnhandled.Add(candidate);
                        continue;
                    }

                    if (!typeMatches.IsTrue)
                    {
                        results.Add(candidate.Unknown());
                        continue;
                    }

                    if (clause.ExceptionDeclarationOrExpression is IVariableDeclaratorOperation declarator)
                    {
                        candidate.Env.Set(declarator.Symbol, exception);
                    }

                    var entering = new List<SimulationPath>();
                    if (clause.Filter is null)
                    {
                        entering.Add(candidate);
                    }
                    else
                    {
                        Decision? before = candidate.LastDecision;
                        (List<SimulationPath> whenTrue, List<SimulationPath> whenFalse, List<SimulationPath> ended) = Branch(clause.Filter, candidate);
                        entering.AddRange(whenTrue);
                        foreach (SimulationPath passed in whenFalse)
                        {
                            passed.LastDecision = before;
                            stillUnhandled.Add(passed.Throw(exception));
                        }

                        foreach (SimulationPath end in ended)
                        {
                            // An exception thrown by a filter is swallowed: the clause does not match.
                            stillUnhandled.Add(end.Completion == Completion.Throw ? end.Throw(exception) : end);
                        }
                    }

                    foreach (SimulationPath handled in entering)
                    {
                        if (handled.LastDecision is null || !ReferenceEquals(handled.LastDecision.Node, clause.Filter))
                        {
                            if (exception.ExceptionStatusKnown && exception.ExceptionStatus is not null)
                            {
                                handled.LastDecision = new Decision(DecisionKind.Catch, clause, Value: true, exception.ExceptionType);
                            }
                        }

                        StatusValue? outer = handled.Caught;
                        handled.Caught = exception;
                        foreach (SimulationPath afterHandler in Execute(clause.Handler, handled.Complete(Completion.Normal)))
                        {
                            afterHandler.Caught = outer;
                            results.Add(afterHandler);
                        }
                    }
                }

                unhandled = stillUnhandled;
            }

            results.AddRange(unhandled);
            return results;
        }

        private SimulationPath Throw(IThrowOperation throwOperation, SimulationPath path)
        {
            if (throwOperation.Exception is null)
            {
                return path.Caught is { } caught ? path.Throw(caught) : path.Unknown();
            }

            Evaluator.Env = path.Env;
            return path.Throw(Evaluator.ExceptionValue(throwOperation.Exception));
        }

        private SimulationPath Return(IReturnOperation returnOperation, SimulationPath path)
        {
            if (returnOperation.Kind == OperationKind.YieldReturn)
            {
                StatusValue yielded = Evaluate(returnOperation.ReturnedValue!, path);
                return yielded.Kind == ValueKind.Thrown ? path.Throw(yielded.Inner!) : path;
            }

            if (returnOperation.ReturnedValue is null)
            {
                return path.Complete(Completion.Return);
            }

            StatusValue value = Evaluate(returnOperation.ReturnedValue, path);
            return value.Kind == ValueKind.Thrown
                ? path.Throw(value.Inner!)
                : path.Complete(Completion.Return, value, returnOperation.ReturnedValue);
        }

        private SimulationPath Branch(IBranchOperation branch, SimulationPath path)
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
        /// reads the response stream); locals it assigns become opaque.
        /// </summary>
        private SimulationPath NestedLoop(ILoopOperation nested, SimulationPath path)
        {
            if (MayJumpOrSend(nested))
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
            }

            return path;
        }

        /// <summary>True when the operation sends, returns, throws or branches out of itself.</summary>
        private bool MayJumpOrSend(IOperation operation)
        {
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
                    case IInvocationOperation invocation when HttpSends.Classify(invocation, _symbols) != SendKind.None:
                        return true;
                }
            }

            return false;
        }
    }
}
