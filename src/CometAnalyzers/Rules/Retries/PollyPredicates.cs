using System.Collections.Generic;
using CometAnalyzers.Rules.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CometAnalyzers.Rules.Retries
{
    /// <summary>Finds the retry predicates of Polly v7 policy builders and Polly v8 ShouldHandle values.</summary>
    internal static class PollyPredicates
    {
        /// <summary>
        /// The predicates of the builder chain a v7 retry call is made on:
        /// <c>Policy.HandleResult(r =&gt; ...).OrResult(r =&gt; ...).Or&lt;HttpRequestException&gt;(e =&gt; ...).RetryAsync(3)</c>.
        /// A chain stored in a variable first is not followed.
        /// </summary>
        public static List<StatusPredicate> FromRetryCall(IInvocationOperation retryCall, RetrySymbols symbols)
        {
            var predicates = new List<StatusPredicate>();
            IOperation? builder = CallArguments.For(retryCall.Arguments, 0)?.Value;

            while (builder is not null && Conversions.UnwrapBuiltIn(builder) is IInvocationOperation step && IsPolicyBuilderStep(step.TargetMethod, symbols))
            {
                AddPredicates(step, predicates);
                builder = step.Instance;
            }

            return predicates;
        }

        /// <summary>The predicates a ShouldHandle value holds: a lambda, or a PredicateBuilder chain converted to one.</summary>
        public static List<StatusPredicate> FromShouldHandle(IOperation value, RetrySymbols symbols)
        {
            var predicates = new List<StatusPredicate>();
            if (StatusPredicate.Of(value, PredicateInput.RetryArguments) is { } predicate)
            {
                predicates.Add(predicate);
                return predicates;
            }

            IOperation? current = value is IConversionOperation { Conversion.IsUserDefined: true } conversion ? conversion.Operand : value;
            while (current is not null && Conversions.UnwrapBuiltIn(current) is IInvocationOperation step
                   && TypeChecks.InheritsFrom(step.TargetMethod.ContainingType, symbols.PredicateBuilderOfT))
            {
                AddPredicates(step, predicates);
                current = step.Instance;
            }

            return predicates;
        }

        private static bool IsPolicyBuilderStep(IMethodSymbol method, RetrySymbols symbols)
            => TypeChecks.Is(method.ContainingType, symbols.PollyPolicy)
               || TypeChecks.Is(method.ContainingType, symbols.PollyPolicyOfT)
               || TypeChecks.Is(method.ContainingType, symbols.PollyPolicyBuilder)
               || TypeChecks.Is(method.ContainingType, symbols.PollyPolicyBuilderOfT);

        private static void AddPredicates(IInvocationOperation step, List<StatusPredicate> predicates)
        {
            PredicateInput? input = step.TargetMethod.Name switch
            {
                "HandleResult" or "OrResult" => PredicateInput.Response,
                "Handle" or "Or" => PredicateInput.Exception,
                _ => null,
            };
            if (input is null)
            {
                return;
            }

            foreach (IArgumentOperation argument in step.Arguments)
            {
                if (StatusPredicate.Of(argument.Value, input.Value) is { } predicate)
                {
                    predicates.Add(predicate);
                }
            }
        }
    }
}
