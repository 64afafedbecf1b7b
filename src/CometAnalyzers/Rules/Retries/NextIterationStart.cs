using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CometAnalyzers.Rules.Retries
{
    /// <summary>
    /// The statements at the top of a loop body that run before its first send. When the loop goes round, they run
    /// again with this iteration's outcome in hand, so a check there (<c>if (!IsRetryable(r.StatusCode)) break;</c>
    /// after a send at the bottom or before the loop) can still leave before the request is sent again.
    /// </summary>
    internal static class NextIterationStart
    {
        /// <summary>The body's statements before the first one that sends; empty when the body starts with the send.</summary>
        public static ImmutableArray<IOperation> BeforeFirstSend(ILoopOperation loop, RetrySymbols symbols)
        {
            if (loop.Body is not IBlockOperation block)
            {
                return ImmutableArray<IOperation>.Empty;
            }

            ImmutableArray<IOperation>.Builder prefix = ImmutableArray.CreateBuilder<IOperation>();
            foreach (IOperation statement in block.Operations)
            {
                if (HttpSends.ContainsSend(statement, symbols))
                {
                    return prefix.ToImmutable();
                }

                prefix.Add(statement);
            }

            // No send directly in the body's statements (it is in the condition, say): nothing to replay.
            return ImmutableArray<IOperation>.Empty;
        }

        /// <summary>
        /// Where a path that goes round again ends up: it repeats if some way through <paramref name="prefix"/> reaches
        /// the send, exits if every way leaves the loop first, and is unknown otherwise. The repeating outcome keeps the
        /// original path, so its decision (where COMET004 reports) and its attempt trail stay those of this iteration.
        /// </summary>
        public static LoopOutcome Replay(BodySimulator simulator, ImmutableArray<IOperation> prefix, SimulationPath repeating)
        {
            if (prefix.IsEmpty)
            {
                return new LoopOutcome(LoopEnd.Repeat, repeating);
            }

            List<SimulationPath> paths = simulator.Sequence(prefix, repeating.Fork());
            SimulationPath? unknown = null;
            foreach (SimulationPath path in paths)
            {
                switch (path.Completion)
                {
                    case Completion.Normal:
                    case Completion.Continue:
                        return new LoopOutcome(LoopEnd.Repeat, repeating);
                    case Completion.Break:
                    case Completion.Return:
                    case Completion.Throw:
                        break;
                    default:
                        unknown ??= path;
                        break;
                }
            }

            return unknown is not null ? new LoopOutcome(LoopEnd.Unknown, unknown) : new LoopOutcome(LoopEnd.Exit, paths[0]);
        }
    }
}
