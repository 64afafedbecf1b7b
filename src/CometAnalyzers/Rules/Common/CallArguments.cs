using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Operations;

namespace CometAnalyzers.Rules.Common
{
    /// <summary>
    /// The argument a call passes for one of its parameters, whatever order the code wrote them in. Null when the call
    /// passes none for it (another overload, half-typed code); a default value the compiler filled in is an argument
    /// too, which the caller can tell by its <see cref="IArgumentOperation.ArgumentKind"/> or <see cref="Microsoft.CodeAnalysis.IOperation.IsImplicit"/>.
    /// </summary>
    internal static class CallArguments
    {
        public static IArgumentOperation? For(ImmutableArray<IArgumentOperation> arguments, string parameterName)
        {
            foreach (IArgumentOperation argument in arguments)
            {
                if (argument.Parameter?.Name == parameterName)
                {
                    return argument;
                }
            }

            return null;
        }

        public static IArgumentOperation? For(ImmutableArray<IArgumentOperation> arguments, int parameterOrdinal)
        {
            foreach (IArgumentOperation argument in arguments)
            {
                if (argument.Parameter?.Ordinal == parameterOrdinal)
                {
                    return argument;
                }
            }

            return null;
        }
    }
}
