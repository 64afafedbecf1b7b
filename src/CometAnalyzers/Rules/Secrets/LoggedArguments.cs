using CometAnalyzers.Rules.Gating;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CometAnalyzers.Rules.Secrets
{
    /// <summary>
    /// Clears the arguments of a log call that certainly hold no secret, asking the semantic model about each argument
    /// (which binds the call's statement, not its method). An argument is cleared when it is a constant, its type is
    /// never a secret (numbers, enums, dates...), or it is a parameter, field or property read whose name is not a secret
    /// name: what <see cref="SecretLeakFinder"/> concludes for those. Anything else (locals, calls, interpolations,
    /// secret-carrying types) is left to the finder.
    /// </summary>
    internal sealed class LoggedArguments
    {
        /// <summary><see cref="SecretLeakFinder"/> looks through these to the value they belong to.</summary>
        private const string PassThroughProperties = "|Value|Values|Parameter|";

        private readonly SecretTypes _types;
        private readonly PerTree<SecretNames> _names;

        public LoggedArguments(SecretTypes types, PerTree<SecretNames> names)
        {
            _types = types;
            _names = names;
        }

        public bool AnyMayLeak(CandidateNode context)
        {
            if (context.Node is not InvocationExpressionSyntax invocation)
            {
                return true;
            }

            SecretNames names = _names.Get(invocation.SyntaxTree, context.Options, static (tree, options) => SecretNames.Read(options, tree));

            // An extension method's receiver is an argument too: logger.LogDebug(...) passes the logger.
            if (invocation.Expression is MemberAccessExpressionSyntax { Expression: { } receiver } && MayLeak(receiver, context, names))
            {
                return true;
            }

            foreach (ArgumentSyntax argument in invocation.ArgumentList.Arguments)
            {
                if (MayLeak(argument.Expression, context, names))
                {
                    return true;
                }
            }

            return false;
        }

        private bool MayLeak(ExpressionSyntax expression, CandidateNode context, SecretNames names)
        {
            SemanticModel model = context.SemanticModel;
            if (model.GetConstantValue(expression, context.CancellationToken).HasValue)
            {
                return false;
            }

            ITypeSymbol? type = model.GetTypeInfo(expression, context.CancellationToken).Type;
            if (_types.IsNeverSecret(type))
            {
                return false;
            }

            if (type is null || _types.SecretType(type) is not null || expression is not (IdentifierNameSyntax or MemberAccessExpressionSyntax))
            {
                return true;
            }

            switch (model.GetSymbolInfo(expression, context.CancellationToken).Symbol)
            {
                case IParameterSymbol parameter:
                    return names.IsSecret(parameter.Name);
                case IFieldSymbol field:
                    return names.IsSecret(field.Name);
                case IPropertySymbol { IsIndexer: false } property:
                    if (names.IsSecret(property.Name))
                    {
                        return true;
                    }

                    // Value, Values, Parameter: the finder judges what they belong to.
                    return PassThroughProperties.Contains("|" + property.Name + "|")
                        && (expression is not MemberAccessExpressionSyntax access || MayLeak(access.Expression, context, names));
                default:
                    return true;
            }
        }
    }
}
