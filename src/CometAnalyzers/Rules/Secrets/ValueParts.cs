using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CometAnalyzers.Rules.Secrets
{
    /// <summary>The pieces a logged value is made of: collection elements (params, scope state) and interpolation holes.</summary>
    internal static class ValueParts
    {
        /// <summary>The elements of an array, collection expression, collection initializer or key/value pair, or null when the value is not one.</summary>
        public static IEnumerable<IOperation>? Elements(IOperation value)
        {
            if (value is IArrayCreationOperation { Initializer: { } initializer })
            {
                return initializer.ElementValues;
            }

            // [apiKey] and [.. values]: a collection expression's children are its elements (and spreads). Roslyn 4.8 has no
            // operation type for it, so it is known by its syntax.
            if (value.Syntax is CollectionExpressionSyntax)
            {
                return value.ChildOperations;
            }

            // Scope state: new Dictionary<string, object?> { ["ApiKey"] = key } and new List<KeyValuePair<...>> { new("ApiKey", key) }.
            // Only collection initializers: an object initializer's members are not what the object prints.
            if (value is IObjectCreationOperation { Initializer: { } collection })
            {
                return collection.Initializers.SelectMany(CollectionElementValues);
            }

            if (value is IObjectCreationOperation { Type: INamedTypeSymbol { Name: "KeyValuePair", ContainingNamespace: { Name: "Generic", ContainingNamespace.Name: "Collections" } } } pair)
            {
                return pair.Arguments.Select(argument => argument.Value);
            }

            // "params ReadOnlySpan<T>" arguments (C# 13) arrive as an implicit collection expression: its children are the elements.
            if (value.IsImplicit && value.Type is INamedTypeSymbol { Name: "ReadOnlySpan" or "Span", ContainingNamespace.Name: "System" })
            {
                return value.ChildOperations;
            }

            return null;
        }

        private static IEnumerable<IOperation> CollectionElementValues(IOperation element)
            => element switch
            {
                // { ["ApiKey"] = key }: an indexer assignment.
                ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true } } indexed => new[] { indexed.Value },

                // { { "ApiKey", key } } and { new("ApiKey", key) }: the Add call's arguments.
                IInvocationOperation { TargetMethod.Name: "Add" } add => add.Arguments.Select(argument => argument.Value),
                _ => Enumerable.Empty<IOperation>(),
            };

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
