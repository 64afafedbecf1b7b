using CometAnalyzers.Rules.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CometAnalyzers.Rules.Retries
{
    internal enum PredicateInput
    {
        /// <summary>The lambda receives the HTTP response (Polly HandleResult/OrResult).</summary>
        Response,

        /// <summary>The lambda receives the exception (Polly Handle&lt;T&gt;/Or&lt;T&gt;).</summary>
        Exception,

        /// <summary>The lambda receives Polly v8 RetryPredicateArguments (ShouldHandle).</summary>
        RetryArguments,
    }

    /// <summary>
    /// A retry decision written as a lambda, or as a method group naming a method of the project's own whose body the
    /// analyzer can read (<c>.HandleResult(IsTransient)</c>), and what it receives.
    /// </summary>
    internal sealed class StatusPredicate
    {
        private StatusPredicate(IMethodSymbol function, IBlockOperation body, PredicateInput input, IOperation? methodGroup)
        {
            Function = function;
            Body = body;
            Input = input;
            MethodGroup = methodGroup;
        }

        /// <summary>The lambda's symbol or the method's definition: its parameters are what the body reads.</summary>
        public IMethodSymbol Function { get; }

        public IBlockOperation Body { get; }

        public PredicateInput Input { get; }

        /// <summary>
        /// The method group passed (<c>IsTransient</c> in <c>.HandleResult(IsTransient)</c>), or null for a lambda. A method
        /// group's offense is reported there, where the policy uses it, not inside the method, which other policies may share.
        /// </summary>
        public IOperation? MethodGroup { get; }

        /// <summary>The predicate a method argument or assigned value holds, or null when it is something else.</summary>
        public static StatusPredicate? Of(IOperation? argument, PredicateInput input)
        {
            if (LambdaOf(argument) is { } lambda)
            {
                return new StatusPredicate(lambda.Symbol, lambda.Body, input, methodGroup: null);
            }

            return argument is not null && Conversions.UnwrapBuiltIn(argument) is IDelegateCreationOperation { Target: IMethodReferenceOperation { Method: { } method } reference }
                && OwnMethodBody.Of(method.OriginalDefinition, argument.SemanticModel) is { } body
                ? new StatusPredicate(method.OriginalDefinition, body, input, reference)
                : null;
        }

        /// <summary>A lambda passed to a method parameter, or null when the argument is something else.</summary>
        public static IAnonymousFunctionOperation? LambdaOf(IOperation? argument)
            => argument is null ? null : Conversions.UnwrapBuiltIn(argument) switch
            {
                IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda } => lambda,
                IAnonymousFunctionOperation lambda => lambda,
                _ => null,
            };
    }
}
