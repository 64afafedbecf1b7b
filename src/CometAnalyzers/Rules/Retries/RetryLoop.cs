using System.Collections.Generic;
using Microsoft.CodeAnalysis.Operations;

namespace CometAnalyzers.Rules.Retries
{
    /// <summary>
    /// A hand-written retry loop: it sends a request, leaves the loop on every path when the request succeeds,
    /// and goes round again (sends again) on some path after a failure. A polling or canary loop goes round again
    /// after a success too, so it is not one; neither is a loop that sends nothing (a stream-reading loop).
    /// </summary>
    internal sealed class RetryLoop
    {
        /// <summary>The failures a retry loop is expected to repeat on; any one of them is enough.</summary>
        private static readonly int[] FailureStatuses = { 503, 500, 502, 504, 429, 408, 400, 401, 403, 404 };

        private readonly RetrySymbols _symbols;

        private RetryLoop(ILoopOperation loop, RetrySymbols symbols)
        {
            Loop = loop;
            _symbols = symbols;
        }

        public ILoopOperation Loop { get; }

        public static RetryLoop? TryCreate(ILoopOperation loop, RetrySymbols symbols)
        {
            if (loop is IForEachLoopOperation || !HttpSends.ContainsSend(loop, symbols))
            {
                return null;
            }

            if (!AlwaysLeaves(LoopIteration.Run(loop, symbols, Scenario.WithStatus(200))))
            {
                return null;
            }

            foreach (Scenario failure in Failures())
            {
                if (Repeats(LoopIteration.Run(loop, symbols, failure)) is not null)
                {
                    return new RetryLoop(loop, symbols);
                }
            }

            return null;
        }

        /// <summary>For each failure the loop certainly sends again after, the paths on which it does.</summary>
        public IEnumerable<(Scenario Failure, List<LoopOutcome> Repeating)> RepeatingPaths()
        {
            foreach (Scenario failure in Failures())
            {
                List<LoopOutcome> outcomes = LoopIteration.Run(Loop, _symbols, failure);
                if (Repeats(outcomes) is not null)
                {
                    yield return (failure, outcomes.FindAll(outcome => outcome.End == LoopEnd.Repeat));
                }
            }
        }

        private static IEnumerable<Scenario> Failures()
        {
            yield return Scenario.TransportFailure;
            foreach (int status in FailureStatuses)
            {
                yield return Scenario.WithStatus(status);
            }
        }

        /// <summary>The path on which the loop sends again after <paramref name="status"/>, if it certainly has one.</summary>
        public LoopOutcome? RepeatAfter(int status) => Repeats(LoopIteration.Run(Loop, _symbols, Scenario.WithStatus(status)));

        private static bool AlwaysLeaves(List<LoopOutcome> outcomes)
        {
            foreach (LoopOutcome outcome in outcomes)
            {
                if (outcome.End != LoopEnd.Exit)
                {
                    return false;
                }
            }

            return outcomes.Count > 0;
        }

        /// <summary>A repeating outcome, unless some path is unknown: then nothing is concluded.</summary>
        private static LoopOutcome? Repeats(List<LoopOutcome> outcomes)
        {
            LoopOutcome? repeat = null;
            foreach (LoopOutcome outcome in outcomes)
            {
                if (outcome.End == LoopEnd.Unknown)
                {
                    return null;
                }

                if (outcome.End == LoopEnd.Repeat && repeat is null)
                {
                    repeat = outcome;
                }
            }

            return repeat;
        }
    }
}
