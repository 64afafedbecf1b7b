using Microsoft.CodeAnalysis;

namespace CometAnalyzers.Rules.Secrets
{
    /// <summary>A secret found in a value: the expression that names it and why it is one.</summary>
    internal sealed class SecretLeak
    {
        public SecretLeak(IOperation source, string reason)
        {
            Source = source;
            Reason = reason;
        }

        public IOperation Source { get; }

        /// <summary>For the message: "a secret", "the Authorization header", ...</summary>
        public string Reason { get; }
    }
}
