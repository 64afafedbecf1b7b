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
                        (List<SimulationPath> whenTrue, List<SimulationPath> whenFalse, List<SimulationPath> ended) = SplitOn(clause.Filter, candidate);
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
    }
}
