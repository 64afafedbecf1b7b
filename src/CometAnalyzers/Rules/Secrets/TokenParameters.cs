using System.Collections.Generic;
using CometAnalyzers.Rules.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CometAnalyzers.Rules.Secrets
{
    /// <summary>How the value of a parameter is judged.</summary>
    internal enum ParameterJudgement
    {
        /// <summary>By its name: a method's parameter, or any whose name is not an ambiguous token.</summary>
        ByName,

        /// <summary>By the values the calls of its local function pass, in the member that holds them.</summary>
        ByPassedValues,

        /// <summary>Not at all: a lambda's or anonymous method's ambiguous token.</summary>
        NotJudged,
    }

    /// <summary>
    /// Where a parameter with an ambiguous token name (<c>token</c>, <c>lastToken</c>: see <see cref="SecretNames.IsAmbiguous"/>)
    /// gets its value. A method's callers are elsewhere, and in code that calls an HTTP API such a parameter most often
    /// takes a bearer token, so its name decides. A lambda's or anonymous method's caller is whoever invokes the delegate
    /// (a stream's callback, <c>ForEach</c>), which the rule cannot see, and in streaming code it passes model output:
    /// not judged. A local function's direct calls are in the same member, so the values they pass are judged, as a
    /// local's writes are; passed as a delegate (<c>stream.OnToken(Emit)</c>), it gains callers the rule cannot see,
    /// which count for nothing, as for a lambda.
    /// </summary>
    internal static class TokenParameters
    {
        public static ParameterJudgement Judge(IParameterSymbol parameter, SecretNames names)
        {
            if (!names.IsAmbiguous(parameter.Name))
            {
                return ParameterJudgement.ByName;
            }

            return parameter.ContainingSymbol switch
            {
                IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } => ParameterJudgement.NotJudged,
                IMethodSymbol { MethodKind: MethodKind.LocalFunction } => ParameterJudgement.ByPassedValues,
                _ => ParameterJudgement.ByName,
            };
        }

        /// <summary>What the direct calls of the parameter's local function pass for it, anywhere in the member that holds them.</summary>
        public static IEnumerable<IOperation> PassedValues(IParameterReferenceOperation reference)
        {
            IParameterSymbol parameter = reference.Parameter;
            if (parameter.ContainingSymbol is not IMethodSymbol { MethodKind: MethodKind.LocalFunction } function)
            {
                yield break;
            }

            foreach (IOperation operation in OperationTree.Root(reference).DescendantsAndSelf())
            {
                if (operation is not IInvocationOperation call
                    || !SymbolEqualityComparer.Default.Equals(call.TargetMethod.OriginalDefinition, function.OriginalDefinition))
                {
                    continue;
                }

                if (CallArguments.For(call.Arguments, parameter.Ordinal)?.Value is { } value)
                {
                    yield return value;
                }
            }
        }
    }
}
