using Microsoft.CodeAnalysis;

namespace CometAnalyzers.Rules.Retries
{
    internal enum Completion
    {
        Normal,
        Continue,
        Break,
        SwitchBreak,
        Return,
        Throw,

        /// <summary>The path reached something the analyzer cannot see into; nothing is concluded from it.</summary>
        Unknown,
    }

    internal enum DecisionKind
    {
        /// <summary>An if, loop or catch-filter condition computed from the status.</summary>
        Condition,

        /// <summary>A catch clause that caught an exception carrying the status.</summary>
        Catch,

        /// <summary>A switch statement over the status.</summary>
        Switch,
    }

    /// <summary>The last point on a path where the status chose the way: where COMET004 reports and its fix edits.</summary>
    internal sealed record Decision(DecisionKind Kind, IOperation Node, bool Value, ITypeSymbol? ExceptionType);

    /// <summary>One way through a loop body or lambda for one scenario.</summary>
    internal sealed class SimulationPath
    {
        public SimulationPath(Env env) => Env = env;

        public Env Env { get; private set; }

        public Completion Completion { get; private set; }

        /// <summary>The returned value, or the exception being thrown.</summary>
        public StatusValue? Value { get; private set; }

        /// <summary>The returned expression, for reporting a predicate lambda.</summary>
        public IOperation? Returned { get; private set; }

        public Decision? LastDecision { get; set; }

        /// <summary>The exception a <c>throw;</c> in the current catch block rethrows.</summary>
        public StatusValue? Caught { get; set; }

        public SimulationPath Fork()
            => new(Env.Clone())
            {
                Completion = Completion,
                Value = Value,
                Returned = Returned,
                LastDecision = LastDecision,
                Caught = Caught,
            };

        public SimulationPath Complete(Completion completion, StatusValue? value = null, IOperation? returned = null)
        {
            Completion = completion;
            Value = value;
            Returned = returned;
            return this;
        }

        public SimulationPath Throw(StatusValue exception) => Complete(Completion.Throw, exception);

        public SimulationPath Unknown() => Complete(Completion.Unknown);
    }
}
