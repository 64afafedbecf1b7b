using CometAnalyzers.Tests.Robustness.Fuzzing;
using CometApi.Contracts;

namespace CometAnalyzers.Runtime.Tests.Robustness.Payloads
{
    /// <summary>What one input came to: the bytes the model wrote back when it parsed, otherwise the parse error.</summary>
    internal sealed record PayloadOutcome(byte[]? Written, CometApiContractError? Error)
    {
        public bool Parsed => Written is not null;
    }

    /// <summary>A generated model seen through every entry point a caller feeds untrusted bytes to.</summary>
    internal abstract class PayloadModel
    {
        protected PayloadModel(string kind) => Kind = kind;

        /// <summary>The payload kind the figures count: request, response, error or chunk.</summary>
        public string Kind { get; }

        /// <summary>
        /// Runs <paramref name="input"/> through Parse, TryParse and JsonSerializer, records every broken invariant in
        /// <paramref name="run"/>, and returns what the input came to; null when a failure was recorded.
        /// </summary>
        public abstract PayloadOutcome? Check(FuzzRun run, string mutation, byte[] input);
    }
}
