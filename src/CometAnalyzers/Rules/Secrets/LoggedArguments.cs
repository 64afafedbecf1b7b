using CometAnalyzers.Rules.Common;
using CometAnalyzers.Rules.Gating;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CometAnalyzers.Rules.Secrets
{
    /// <summary>
    /// Clears the log calls and exception creations whose values certainly hold nothing that leaks, reading the call's
    /// operation once (in a build the SDK's analyzers have already bound every method, so it is a lookup). What may leak
    /// is the rule's (<see cref="LoggedSecrets"/>, <see cref="Content.LoggedContent"/>); anything they cannot clear is left to
    /// <see cref="SecretLeakFinder"/>.
    /// </summary>
    internal abstract class LoggedArguments
    {
        public bool AnyMayLeak(CandidateNode context)
        {
            IOperation? operation = context.SemanticModel.GetOperation(context.Node, context.CancellationToken);
            System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments = operation switch
            {
                IInvocationOperation invocation => invocation.Arguments,
                IObjectCreationOperation creation => creation.Arguments,
                _ => default,
            };

            if (arguments.IsDefault)
            {
                // Half-typed or not a call after all: the rule finds nothing to judge either.
                return true;
            }

            // The receiver too: an extension method's receiver is its first argument (logger.LogDebug(...) passes the logger).
            if (operation is IInvocationOperation { Instance: { } instance } && MayLeak(instance, context))
            {
                return true;
            }

            foreach (IArgumentOperation argument in arguments)
            {
                if (MayLeak(argument.Value, context))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether the value may hold what leaks: only a false answer counts, and it must be what the finder concludes.</summary>
        protected abstract bool MayLeak(IOperation value, CandidateNode context);
    }

    /// <summary>
    /// COMET002 and COMET012: a value is cleared when it is a constant, its type is never a secret (numbers, enums,
    /// dates...), or it is a parameter, field or property read whose name is not a secret name, or a lambda's
    /// <c>token</c> (<see cref="TokenParameters"/>). Anything else (locals, a local function's <c>token</c>, calls,
    /// interpolations, secret-carrying types and records that print one) may leak.
    /// </summary>
    internal sealed class LoggedSecrets : LoggedArguments
    {
        private readonly SecretTypes _types;
        private readonly PerTree<SecretNames> _names;

        public LoggedSecrets(SecretTypes types, PerTree<SecretNames> names)
        {
            _types = types;
            _names = names;
        }

        protected override bool MayLeak(IOperation value, CandidateNode context)
            => MayLeak(value, _names.Get(context.Scope, context.Options, static (tree, options) => SecretNames.Read(options, tree)));

        private static string OwnerName(IOperation owner)
            => owner switch
            {
                IParameterReferenceOperation parameter => parameter.Parameter.Name,
                IFieldReferenceOperation field => field.Field.Name,
                IPropertyReferenceOperation property => property.Property.Name,
                _ => string.Empty,
            };

        private bool MayLeak(IOperation value, SecretNames names)
        {
            // What was written, not what the compiler made of it for the parameter (boxing, params arrays).
            value = Conversions.UnwrapImplicit(value);
            if (value.IsImplicit && ValueParts.Elements(value) is { } elements)
            {
                foreach (IOperation element in elements)
                {
                    if (MayLeak(element, names))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (value.ConstantValue.HasValue)
            {
                return false;
            }

            ITypeSymbol? type = value.Type;
            if (_types.IsNeverSecret(type))
            {
                return false;
            }

            if (type is null || _types.SecretType(type) is not null || RecordText.PrintsSecret(type, names, _types))
            {
                return true;
            }

            switch (value)
            {
                case IParameterReferenceOperation { Parameter: var parameter }:
                    return TokenParameters.Judge(parameter, names) switch
                    {
                        ParameterJudgement.ByName => NamedSecrets.IsSecret(names, _types, parameter),
                        ParameterJudgement.ByPassedValues => true,
                        _ => false,
                    };
                case IFieldReferenceOperation field:
                    return NamedSecrets.IsSecret(names, _types, field.Field);
                case IPropertyReferenceOperation { Property: { IsIndexer: false } property } reference:
                    // Request.Headers.Authorization in ASP.NET Core: a header read by a property named for it.
                    if (NamedSecrets.IsSecret(names, _types, property) || _types.IsHeaderValues(property.Type)
                        || _types.CredentialSecret(property) is not null)
                    {
                        return true;
                    }

                    // Value, Parameter, NonValidated: the finder judges what they belong to, and by its owner's name
                    // the text they hand on (_apiKey.Value).
                    return SecretLeakFinder.PassesThrough(property.Name)
                        && (reference.Instance is not { IsImplicit: false } owner || MayLeak(owner, names) || names.IsSecret(OwnerName(owner)));
                default:
                    return true;
            }
        }
    }
}
