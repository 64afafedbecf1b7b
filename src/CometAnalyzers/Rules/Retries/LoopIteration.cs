using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CometAnalyzers.Rules.Retries
{
    internal enum LoopEnd
    {
        /// <summary>The loop goes round again: the request is sent again.</summary>
        Repeat,
        Exit,
        Unknown,
    }

    internal readonly struct LoopOutcome
    {
        public LoopOutcome(LoopEnd end, SimulationPath path)
        {
            End = end;
            Decision = path.LastDecision;
            Trail = path.Env.Trail;
        }

        public LoopEnd End { get; }

        /// <summary>The last status-dependent choice on the way to <see cref="End"/>.</summary>
        public Decision? Decision { get; }

        /// <summary>The steps and comparisons evaluated on the way to <see cref="End"/>.</summary>
        public AttemptTrail? Trail { get; }
    }

    /// <summary>Runs one iteration of a loop for one scenario: does the loop go round again, or leave?</summary>
    internal static class LoopIteration
    {
        public static List<LoopOutcome> Run(ILoopOperation loop, RetrySymbols symbols, Scenario scenario)
        {
            var simulator = new BodySimulator(symbols, scenario, loop);
            var outcomes = new List<LoopOutcome>();
            IOperation? condition = Condition(loop);

            // A condition that sends (while (!(await Send()).IsSuccessStatusCode)) starts the iteration.
            bool conditionSends = condition is not null && HttpSends.ContainsSend(condition, symbols);
            var entering = new List<SimulationPath> { new(new Env()) };
            ImmutableArray<IOperation> replayed = conditionSends ? ImmutableArray<IOperation>.Empty : NextIterationStart.BeforeFirstSend(loop, symbols);
            if (conditionSends)
            {
                entering = Decide(simulator, condition!, entering[0], outcomes);
            }

            foreach (SimulationPath start in entering)
            {
                foreach (SimulationPath path in simulator.Execute(loop.Body, start))
                {
                    switch (path.Completion)
                    {
                        case Completion.Normal:
                        case Completion.Continue:
                            if (conditionSends)
                            {
                                outcomes.Add(new LoopOutcome(LoopEnd.Repeat, path));
                            }
                            else
                            {
                                AtBottom(simulator, loop, condition, replayed, path.Complete(Completion.Normal), outcomes);
                            }

                            break;
                        case Completion.Break:
                        case Completion.Return:
                        case Completion.Throw:
                            outcomes.Add(new LoopOutcome(LoopEnd.Exit, path));
                            break;
                        default:
                            outcomes.Add(new LoopOutcome(LoopEnd.Unknown, path));
                            break;
                    }
                }
            }

            return outcomes;
        }

        private static IOperation? Condition(ILoopOperation loop)
            => loop switch
            {
                IWhileLoopOperation whileLoop => whileLoop.Condition,
                IForLoopOperation forLoop => forLoop.Condition,
                _ => null,
            };

        /// <summary>
        /// After the body: a for loop's incrementors, then the condition decides whether to go round again; if it does,
        /// the top of the body, up to the send, may still leave.
        /// </summary>
        private static void AtBottom(
            BodySimulator simulator, ILoopOperation loop, IOperation? condition, ImmutableArray<IOperation> replayed, SimulationPath path, List<LoopOutcome> outcomes)
        {
            var paths = loop is IForLoopOperation forLoop ? simulator.Sequence(forLoop.AtLoopBottom, path) : new List<SimulationPath> { path };
            foreach (SimulationPath bottom in paths)
            {
                if (bottom.Completion != Completion.Normal)
                {
                    outcomes.Add(new LoopOutcome(bottom.Completion == Completion.Throw ? LoopEnd.Exit : LoopEnd.Unknown, bottom));
                }
                else if (condition is null)
                {
                    outcomes.Add(NextIterationStart.Replay(simulator, replayed, bottom));
                }
                else
                {
                    foreach (SimulationPath repeating in Decide(simulator, condition, bottom, outcomes))
                    {
                        outcomes.Add(NextIterationStart.Replay(simulator, replayed, repeating));
                    }
                }
            }
        }

        /// <summary>Evaluates the loop condition: false leaves the loop, and the paths on which it is true are handed back.</summary>
        private static List<SimulationPath> Decide(BodySimulator simulator, IOperation condition, SimulationPath path, List<LoopOutcome> outcomes)
        {
            (List<SimulationPath> whenTrue, List<SimulationPath> whenFalse, List<SimulationPath> ended) = simulator.SplitOn(condition, path);
            foreach (SimulationPath leaving in whenFalse)
            {
                outcomes.Add(new LoopOutcome(LoopEnd.Exit, leaving));
            }

            foreach (SimulationPath stopped in ended)
            {
                outcomes.Add(new LoopOutcome(stopped.Completion == Completion.Throw ? LoopEnd.Exit : LoopEnd.Unknown, stopped));
            }

            return whenTrue;
        }
    }
}
