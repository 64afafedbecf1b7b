using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CometAnalyzers.Rules.Retries
{
    /// <summary>Exceptions: try, catch clauses and their filters, throw and rethrow.</summary>
    internal sealed partial class BodySimulator
    {
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

            if (tryOperation.Finally is not null)
            {
                // The finally block runs on every way out; its steps (attempt++ in finally) count on each path.
                foreach (SimulationPath result in results)
                {
                    RecordSteps(tryOperation.Finally, result);
                }
            }

            return results;
        }

        /// <summary>Records the steps and comparisons of a finally block, which the simulator does not run step by step.</summary>
        private static void RecordSteps(IOperation block, SimulationPath path)
        {
            foreach (IOperation operation in OperationWalk.DescendantsAndSelf(block))
            {
                if (AttemptTrail.Records(operation))
                {
                    path.Env.Record(operation);
                }
            }
        }

        /// <summary>Tries each catch clause in order; paths no clause takes keep throwing.</summary>
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
                    foreach (SimulationPath entering in Enter(clause, candidate, exception, stillUnhandled, results))
                    {
                        results.AddRange(Handle(clause, entering, exception));
                    }
                }

                unhandled = stillUnhandled;
            }

            results.AddRange(unhandled);
            return results;
        }

        /// <summary>
        /// The paths on which <paramref name="clause"/> takes the exception: its type matches and its filter is true.
        /// Paths it does not take go to <paramref name="passed"/>; paths the analyzer cannot judge go to <paramref name="unknown"/>.
        /// </summary>
        private List<SimulationPath> Enter(ICatchClauseOperation clause, SimulationPath candidate, StatusValue exception, List<SimulationPath> passed, List<SimulationPath> unknown)
        {
            StatusValue typeMatches = Evaluator.TypeTest(exception, clause.ExceptionType, negated: false);
            if (typeMatches.IsFalse)
            {
                passed.Add(candidate);
                return new List<SimulationPath>();
            }

            if (!typeMatches.IsTrue)
            {
                unknown.Add(candidate.Unknown());
                return new List<SimulationPath>();
            }

            if (clause.ExceptionDeclarationOrExpression is IVariableDeclaratorOperation declarator)
            {
                candidate.Env.Set(declarator.Symbol, exception);
            }

            if (clause.Filter is null)
            {
                return One(candidate);
            }

            Decision? before = candidate.LastDecision;
            (List<SimulationPath> whenTrue, List<SimulationPath> whenFalse, List<SimulationPath> ended) = SplitOn(clause.Filter, candidate);
            foreach (SimulationPath notTaken in whenFalse)
            {
                notTaken.LastDecision = before;
                passed.Add(notTaken.Throw(exception));
            }

            foreach (SimulationPath end in ended)
            {
                // An exception thrown by a filter is swallowed: the clause does not match.
                passed.Add(end.Completion == Completion.Throw ? end.Throw(exception) : end);
            }

            return whenTrue;
        }

        /// <summary>Runs the catch block; a catch that took a status-carrying exception is the path's decision.</summary>
        private List<SimulationPath> Handle(ICatchClauseOperation clause, SimulationPath entering, StatusValue exception)
        {
            bool filterDecided = entering.LastDecision is not null && ReferenceEquals(entering.LastDecision.Node, clause.Filter);
            if (!filterDecided && exception.ExceptionStatusKnown && exception.ExceptionStatus is not null)
            {
                entering.LastDecision = new Decision(DecisionKind.Catch, clause, Value: true, exception.ExceptionType);
            }

            StatusValue? outer = entering.Caught;
            entering.Caught = exception;
            List<SimulationPath> results = Execute(clause.Handler, entering.Complete(Completion.Normal));
            foreach (SimulationPath afterHandler in results)
            {
                afterHandler.Caught = outer;
            }

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
    }
}
