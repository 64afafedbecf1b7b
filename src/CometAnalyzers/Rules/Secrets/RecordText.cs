using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace CometAnalyzers.Rules.Secrets
{
    /// <summary>
    /// What a record prints. A record's compiler-written <c>ToString</c> prints every public property and field
    /// (<c>CometOptions { BaseUrl = https://..., ApiKey = sk-... }</c>), so logging a settings record whole logs the key
    /// it holds. A record that writes its own <c>ToString</c> or <c>PrintMembers</c> decides for itself and is trusted,
    /// and so is a class, whose default <c>ToString</c> prints only its type name.
    /// </summary>
    internal static class RecordText
    {
        // Settings nest (AppSettings { Comet = CometOptions { ApiKey = ... } }); deeper than this is not followed.
        private const int MaxDepth = 3;

        /// <summary>How deep a member's name alone still makes it a secret (0: the logged record's own members).</summary>
        private const int MaxNameDepth = 1;

        /// <summary>
        /// Why a value of this type prints a secret when it is written whole, or null. Certain when a printed member's
        /// type carries a secret (an <c>AuthenticationHeaderValue</c>, a credential), by name when only its name says so.
        /// </summary>
        public static SecretLeak? PrintedSecret(IOperation value, SecretNames names, SecretTypes types)
            => value.Type is { IsRecord: true } type && PrintedSecretPath(type, names, types, 0, new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default)) is { } found
                ? new SecretLeak(value, $"a record that prints its {found.Path}", found.Basis)
                : null;

        /// <summary>Whether a value of this type prints a secret, on either basis.</summary>
        public static bool PrintsSecret(ITypeSymbol? type, SecretNames names, SecretTypes types)
            => type is { IsRecord: true } && PrintedSecretPath(type, names, types, 0, new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default)) is not null;

        /// <summary>The printed member that holds a secret, as a dotted path (<c>Comet.ApiKey</c>), a certain one first; or null.</summary>
        private static (string Path, SecretBasis Basis)? PrintedSecretPath(ITypeSymbol type, SecretNames names, SecretTypes types, int depth, HashSet<ITypeSymbol> visiting)
        {
            if (depth > MaxDepth || !visiting.Add(type) || WritesOwnToString(type))
            {
                return null;
            }

            (string Path, SecretBasis Basis)? named = null;

            // Each record in the chain prints its own members, then calls its base's PrintMembers.
            for (ITypeSymbol? current = type; current is { IsRecord: true }; current = current.BaseType)
            {
                if (DeclaresOwn(current, "PrintMembers"))
                {
                    break;
                }

                foreach (ISymbol member in current.GetMembers())
                {
                    if (PrintedType(member) is not { } memberType || types.IsNeverSecret(memberType))
                    {
                        continue;
                    }

                    string kind = member is IFieldSymbol ? "field" : "property";
                    if (types.SecretType(memberType) is not null)
                    {
                        return ($"{member.Name} {kind}", SecretBasis.Certain);
                    }

                    // A "Token" member of a streamed chunk is model text as often as a credential: only a clear name counts.
                    // A name is judged on the logged record and on a record it holds (settings in settings), no deeper: a
                    // payload's nested Transport.Secret is a field of a message more often than the app's own secret.
                    if (depth <= MaxNameDepth && !names.IsAmbiguous(member.Name) && NamedSecrets.IsSecret(names, types, member.Name, memberType, member.ContainingType))
                    {
                        named ??= ($"{member.Name} {kind}", SecretBasis.Name);
                        continue;
                    }

                    if (memberType.IsRecord && PrintedSecretPath(memberType, names, types, depth + 1, visiting) is { } inner)
                    {
                        if (inner.Basis == SecretBasis.Certain)
                        {
                            return (member.Name + "." + inner.Path, inner.Basis);
                        }

                        named ??= (member.Name + "." + inner.Path, inner.Basis);
                    }
                }
            }

            return named;
        }

        /// <summary>The type of a member the synthesized PrintMembers writes: public, instance, readable, not an indexer.</summary>
        private static ITypeSymbol? PrintedType(ISymbol member)
        {
            if (member.DeclaredAccessibility != Accessibility.Public || member.IsStatic || member.IsImplicitlyDeclared && member is IFieldSymbol)
            {
                return null;
            }

            return member switch
            {
                IPropertySymbol { IsIndexer: false, GetMethod: not null } property => property.Type,
                IFieldSymbol field => field.Type,
                _ => null,
            };
        }

        /// <summary>Whether the nearest <c>ToString()</c> override in the chain is written by hand.</summary>
        private static bool WritesOwnToString(ITypeSymbol type)
        {
            for (ITypeSymbol? current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                foreach (ISymbol member in current.GetMembers("ToString"))
                {
                    if (member is IMethodSymbol { Parameters.Length: 0, IsStatic: false } method)
                    {
                        return !IsCompilerWritten(method);
                    }
                }
            }

            return false;
        }

        private static bool DeclaresOwn(ITypeSymbol type, string methodName)
        {
            foreach (ISymbol member in type.GetMembers(methodName))
            {
                if (member is IMethodSymbol method && !IsCompilerWritten(method))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Synthesized in source (implicitly declared), or marked [CompilerGenerated] in a referenced assembly.</summary>
        private static bool IsCompilerWritten(IMethodSymbol method)
        {
            if (method.IsImplicitlyDeclared)
            {
                return true;
            }

            foreach (AttributeData attribute in method.GetAttributes())
            {
                if (attribute.AttributeClass is { Name: "CompilerGeneratedAttribute", ContainingNamespace: { Name: "CompilerServices" } })
                {
                    return true;
                }
            }

            return false;
        }
    }
}
