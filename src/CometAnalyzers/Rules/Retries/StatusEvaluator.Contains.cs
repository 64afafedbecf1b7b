using System.Collections.Generic;
using CometAnalyzers.Contract;
using CometAnalyzers.Rules.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CometAnalyzers.Rules.Retries
{
    /// <summary>Membership tests on lists of status codes: <c>new[] { 408, 429 }.Contains(x)</c> and the contract's list.</summary>
    internal sealed partial class StatusEvaluator
    {
        /// <summary>
        /// Enumerable.Contains(list, x), or MemoryExtensions.Contains(span, x), which C# 14 picks for arrays; its
        /// optional comparer must be left out, as a comparer could make any two codes equal.
        /// </summary>
        private bool IsContainsOfList(IInvocationOperation invocation)
        {
            IMethodSymbol method = invocation.TargetMethod;
            if (method.Name != "Contains" || !method.IsStatic)
            {
                return false;
            }

            int count = invocation.Arguments.Length;
            if (TypeChecks.Is(method.ContainingType, _symbols.Enumerable))
            {
                return count == 2;
            }

            return TypeChecks.Is(method.ContainingType, _symbols.MemoryExtensions)
                && (count == 2 || (count == 3 && invocation.Arguments[2].ArgumentKind == ArgumentKind.DefaultValue));
        }

        private StatusValue Contains(IOperation source, StatusValue item)
        {
            if (item.Kind == ValueKind.Thrown)
            {
                return item;
            }

            // The span overload reaches the array through an implicit array-to-span conversion, skipped here with the others.
            source = Conversions.UnwrapBuiltIn(source);
            ContractSettings? contract = source is IPropertyReferenceOperation { Instance: null, Property.Name: "RetryableStatusCodes" } list
                ? _symbols.ContractFor(list.Property.ContainingType)
                : null;
            HashSet<long>? constants = contract is null ? ConstantElements(source) : null;
            if ((contract is null && constants is null) || item.Kind != ValueKind.Int)
            {
                return StatusValue.Vague(item);
            }

            bool found = contract is not null ? contract.IsRetryable((int)item.Number) : constants!.Contains(item.Number);
            return StatusValue.Bool(found, item.FromStatus);
        }

        /// <summary>The codes of an array written in place, <c>new[] { ... }</c> or <c>(HttpStatusCode[])[...]</c>; null unless all are constants.</summary>
        private static HashSet<long>? ConstantElements(IOperation source)
        {
            IEnumerable<IOperation>? elements = source switch
            {
                IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues,

                // Roslyn 4.8 has no operation type for a collection expression: it is known by its syntax, its children are its elements.
                _ when source.Syntax is CollectionExpressionSyntax => source.ChildOperations,
                _ => null,
            };
            if (elements is null)
            {
                return null;
            }

            var values = new HashSet<long>();
            foreach (IOperation element in elements)
            {
                if (!element.ConstantValue.HasValue || Constant(element.ConstantValue.Value) is not { Kind: ValueKind.Int } value)
                {
                    return null;
                }

                values.Add(value.Number);
            }

            return values;
        }
    }
}
