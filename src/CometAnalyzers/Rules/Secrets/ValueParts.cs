using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CometAnalyzers.Rules.Secrets
{
    /// <summary>The pieces a logged value is made of: params elements and interpolation holes.</summary>
    internal static class ValueParts
    {
        /// <summary>The elements of an array or params collection argument, or null when the value is not one.</summary>
        public static IEnumerable<IOperation>? Elements(IOperation value)
        {
            if (value is IArrayCreationOperation { Initializer: { } initializer })
            {
                return initializer.ElementValues;
            }

            // "params ReadOnlySpan<T>" arguments (C# 13) arrive as an implicit collection expression: its children are the elements.
            if (value.IsImplicit && value.Type is INamedTypeSymbol { Name: "ReadOnlySpan" or "Span", ContainingNamespace.Name: "System" })
            {
                return value.ChildOperations;
            }

            return null;
        }

        /// <summary>The value a hole of an interpolated string formats; null for literal text.</summary>
        public static IOperation? HoleValue(IInterpolatedStringContentOperation part)
            => part switch
            {
                IInterpolationOperation interpolation => interpolation.Expression,

                // With an interpolated string handler, a hole is an AppendFormatted call whose first argument is the value.
                IInterpolatedStringAppendOperation { Kind: OperationKind.InterpolatedStringAppendFormatted, AppendCall: IInvocationOperation { Arguments: { Length: > 0 } arguments } }
                    => arguments[0].Value,
                _ => null,
            };
    }
}
