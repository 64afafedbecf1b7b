using Microsoft.CodeAnalysis;

namespace CometAnalyzers.Rules.Secrets
{
    /// <summary>What a finding rests on, which decides its id: COMET002 for certainty, COMET012 for a name.</summary>
    internal enum SecretBasis
    {
        /// <summary>
        /// The contract's secret key, variable or auth header, a standard credential header, or a type that carries a
        /// secret (a request with its headers, an <c>AuthenticationHeaderValue</c>, a credential): a contract violation.
        /// </summary>
        Certain,

        /// <summary>Only a name that sounds secret: a variable, member, getter, configuration key, variable or header name.</summary>
        Name,
    }

    /// <summary>A secret found in a value: the expression that names it, why it is one and what that rests on.</summary>
    internal sealed class SecretLeak
    {
        public SecretLeak(IOperation source, string reason, SecretBasis basis)
        {
            Source = source;
            Reason = reason;
            Basis = basis;
        }

        public IOperation Source { get; }

        /// <summary>For the message: "named like a secret", "the Authorization header", ...</summary>
        public string Reason { get; }

        public SecretBasis Basis { get; }

        public bool IsCertain => Basis == SecretBasis.Certain;

        /// <summary>
        /// The same finding, seen from another expression (a local that holds it). A name is the holder's reason only
        /// when it is the holder's own name: <c>copy</c> that holds <c>apiKey</c> says so.
        /// </summary>
        public SecretLeak At(IOperation source)
            => new(source, Reason == NamedReason && Source.Syntax.ToString() is var name && name != source.Syntax.ToString() && name.Length <= MaxNameLength
                ? $"it holds '{name}', named like a secret"
                : Reason, Basis);

        /// <summary>The reason of a value that only its own name calls a secret.</summary>
        public const string NamedReason = "named like a secret";

        private const int MaxNameLength = 60;

        /// <summary>
        /// The finding to report of two: a certain one wins over one that rests on a name, so a value that leaks both
        /// ways is a contract violation (one diagnostic, COMET002); otherwise the first.
        /// </summary>
        public static SecretLeak? Stronger(SecretLeak? first, SecretLeak? second)
            => first is null ? second : second is null || first.IsCertain || !second.IsCertain ? first : second;
    }
}
