using Microsoft.CodeAnalysis;

namespace CometAnalyzers.Rules.Secrets
{
    /// <summary>
    /// Whether a named value (a parameter, local, field, property or getter) is a secret by its name: the name says so
    /// (<see cref="SecretNames"/>), the value is text (<see cref="SecretTypes.MayBeNamedSecret"/>: a <c>JToken token</c> or
    /// an <c>int token</c> is not), and an ambiguous <c>token</c> is not declared by a type (or, for a parameter, a
    /// method) named for text output or parsing (<see cref="TextTokenOwners"/>).
    /// </summary>
    internal static class NamedSecrets
    {
        public static bool IsSecret(SecretNames names, SecretTypes types, string name, ITypeSymbol? valueType, INamedTypeSymbol? owner)
            => names.IsSecret(name)
               && types.MayBeNamedSecret(valueType)
               && !(names.IsAmbiguous(name) && TextTokenOwners.SaysText(owner));

        /// <summary>
        /// A parameter, local, field or property by its own name and type; a parameter's method name too can say what its
        /// <c>token</c> is (<c>OnStreamChunk(string token)</c>).
        /// </summary>
        public static bool IsSecret(SecretNames names, SecretTypes types, ISymbol symbol)
            => symbol switch
            {
                IParameterSymbol parameter => IsSecret(names, types, parameter.Name, parameter.Type, null)
                    && !(names.IsAmbiguous(parameter.Name) && TextTokenOwners.SaysText(parameter)),
                ILocalSymbol local => IsSecret(names, types, local.Name, local.Type, null),
                IFieldSymbol field => IsSecret(names, types, field.Name, field.Type, field.ContainingType),
                IPropertySymbol property => IsSecret(names, types, property.Name, property.Type, property.ContainingType),
                _ => false,
            };
    }
}
