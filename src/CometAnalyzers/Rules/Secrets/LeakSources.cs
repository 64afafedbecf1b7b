using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CometAnalyzers.Rules.Secrets
{
    /// <summary>
    /// What a value written to a log must hold to leak: secrets (COMET002 and COMET012, <see cref="SecretSources"/>) or
    /// sensitive content (COMET005, <see cref="Content.SensitiveContentSources"/>). <see cref="SecretLeakFinder"/> follows how a
    /// value is built (interpolation, concatenation, <c>string.Join</c>, locals, LINQ...) the same way for both, and asks
    /// these at the leaves.
    /// </summary>
    internal abstract class LeakSources
    {
        /// <summary>Whether names say anything (COMET012): a value, member or getter named like a secret.</summary>
        public abstract bool JudgesNames { get; }

        /// <summary>
        /// Values of this type never leak, whatever they are built from: numbers, booleans, dates (a length or a count is
        /// not the secret); for content also a generated model, whose text prints <c>***</c> for its sensitive members.
        /// </summary>
        public abstract bool NeverLeaks(ITypeSymbol? type);

        /// <summary>The value leaks as a whole, before its parts are looked at: a type that carries a secret, a record that prints one, a sensitive member.</summary>
        public abstract SecretLeak? Whole(IOperation operation, SecretNames names);

        /// <summary>A read that hands out a secret: configuration, environment and header values read by name, a credential's secret.</summary>
        public abstract SecretLeak? Read(IOperation operation, SecretNames names);

        /// <summary>A call whose result leaks although it is not built from its arguments (a request written with its headers).</summary>
        public abstract SecretLeak? Call(IInvocationOperation invocation);

        /// <summary>Whether a <c>Where</c> predicate drops what leaks (<c>h =&gt; h.Key != "Authorization"</c>).</summary>
        public abstract bool FiltersOut(IOperation predicate);

        /// <summary>A value named like a secret, when <see cref="JudgesNames"/>: a parameter, local, field or property.</summary>
        public abstract bool IsNamedSecret(SecretNames names, ISymbol symbol);

        /// <summary>A value named like a secret, when <see cref="JudgesNames"/>: a getter or a pass-through member by its name.</summary>
        public abstract bool IsNamedSecret(SecretNames names, string name, ITypeSymbol? valueType, INamedTypeSymbol? owner);
    }

    /// <summary>COMET002 and COMET012: secrets by their types, the contract's reads, the standard headers, and names.</summary>
    internal sealed class SecretSources : LeakSources
    {
        private readonly SecretTypes _types;
        private readonly SecretReads _reads;

        public SecretSources(SecretTypes types, SecretReads reads)
        {
            _types = types;
            _reads = reads;
        }

        public override bool JudgesNames => true;

        public override bool NeverLeaks(ITypeSymbol? type) => _types.IsNeverSecret(type);

        public override SecretLeak? Whole(IOperation operation, SecretNames names)
            => _types.SecretType(operation.Type) is { } reason
                ? new SecretLeak(operation, reason, SecretBasis.Certain)
                : RecordText.PrintedSecret(operation, names, _types);

        public override SecretLeak? Read(IOperation operation, SecretNames names)
            => operation is IPropertyReferenceOperation property && _types.CredentialSecret(property.Property) is { } credentialSecret
                ? new SecretLeak(property, credentialSecret, SecretBasis.Certain)
                : _reads.Find(operation, names);

        public override SecretLeak? Call(IInvocationOperation invocation)
            => HeaderIncludingCalls.ReturnsRequestWithHeaders(invocation)
                ? new SecretLeak(invocation, "a request written with its headers, Authorization included", SecretBasis.Name)
                : null;

        public override bool FiltersOut(IOperation predicate) => _reads.ExcludesAuthHeader(predicate);

        public override bool IsNamedSecret(SecretNames names, ISymbol symbol) => NamedSecrets.IsSecret(names, _types, symbol);

        public override bool IsNamedSecret(SecretNames names, string name, ITypeSymbol? valueType, INamedTypeSymbol? owner)
            => NamedSecrets.IsSecret(names, _types, name, valueType, owner);
    }
}
