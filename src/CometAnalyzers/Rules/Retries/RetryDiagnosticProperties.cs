using System.Collections.Immutable;
using CometAnalyzers.Contract;

namespace CometAnalyzers.Rules.Retries
{
    /// <summary>Keys of the properties COMET003/COMET004 attach to diagnostics for their code fixes.</summary>
    internal static class RetryDiagnosticProperties
    {
        /// <summary>Metadata name of the generated contract class the fix writes, e.g. "CometApi.Contracts.CometApiContract".</summary>
        public const string ContractType = "ContractType";

        /// <summary>COMET003: the bounded Polly method that replaces a RetryForever* call.</summary>
        public const string BoundedMethod = "BoundedMethod";

        /// <summary>COMET004: what the diagnostic points at, a <see cref="DecisionKind"/> or "Predicate".</summary>
        public const string Decision = "Decision";

        /// <summary>COMET004: the value of the condition on the path that sends again ("True" or "False").</summary>
        public const string RepeatWhen = "RepeatWhen";

        /// <summary>COMET004: metadata name of the exception a catch clause caught.</summary>
        public const string CaughtException = "CaughtException";

        /// <summary>COMET004 at a lambda's status predicate.</summary>
        public const string PredicateDecision = "Predicate";

        /// <summary>COMET004 at a Polly <c>Handle&lt;HttpRequestException&gt;()</c> with no filter.</summary>
        public const string HandlerDecision = "Handler";

        public static ImmutableDictionary<string, string?>.Builder For(ContractSettings contract)
        {
            ImmutableDictionary<string, string?>.Builder builder = ImmutableDictionary.CreateBuilder<string, string?>();
            builder[ContractType] = RetrySymbols.ContractMetadataName(contract);
            return builder;
        }
    }
}
