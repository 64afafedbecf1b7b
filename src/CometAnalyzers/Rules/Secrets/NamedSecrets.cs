using Microsoft.CodeAnalysis;

namespace CometAnalyzers.Rules.Secrets
{
    /// <summary>
    /// Whether a named value (a parameter, local, field, property or getter) is a secret by its name: the name says so
    /// (<see cref="SecretNames"/>), the value is text (<see cref="SecretTypes.MayBeNamedSecret"/>: a <c>JToken token</c> or
    /// an <c>int token</c> is not), and an ambiguous <c>token</c> is not declared by a type named for text output or
    /// parsing (<see cref="TextTokenOwners"/>).
    /// </summary>
    internal static class NamedSecrets
    {
        public static bool IsSecret(SecretNames names, SecretTypes types, string name, ITypeSymbol? valueType, INamedTypeSymbol? owner)
            => names.IsSecret(name)
               && types.MayBeNamedSecret(valueType)
               && !(names.IsAmbiguous(name) && TextTokenOwners.SaysText(owner));

        /// <summary>The type that declares a named value, whose name can say what its <c>token</c> is; null for a local.</summary>
        public static INamedTypeSymbol? Owner(ISymbol symbol)
            => symbol switch
            {
                IParameterSymbol parameter => parameter.ContainingSymbol?.ContainingType,
                ILocalSymbol => null,
                _ => symbol.ContainingType,
            };
    }
}
