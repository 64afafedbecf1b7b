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
    internal sealed partial class BodySimulator
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
                    return One(Jump(branch, path));
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
            foreach (IOperation? statement in statements)
            {
                if (statement is null)
                {
                    continue;
                }

                List<SimulationPath> next;
                if (current.Count == 1)
                {
                    // The usual case: one path goes on, and the statement's own list is that path's continuation.
                    next = current[0].Completion == Completion.Normal ? Execute(statement, current[0]) : current;
                }
                else
                {
                    next = new List<SimulationPath>();
                    foreach (SimulationPath candidate in current)
                    {
                        next.AddRange(candidate.Completion == Completion.Normal ? Execute(statement, candidate) : One(candidate));
                    }
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
        public (List<SimulationPath> WhenTrue, List<SimulationPath> WhenFalse, List<SimulationPath> Ended) SplitOn(IOperation condition, SimulationPath path)
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
                // Recorded: a counter check counts only where the outcome left it undecided (AttemptBound).
                path.Env.Record(condition);
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
            (List<SimulationPath> whenTrue, List<SimulationPath> whenFalse, List<SimulationPath> results) = SplitOn(conditional.Condition, path);
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
    }
}
