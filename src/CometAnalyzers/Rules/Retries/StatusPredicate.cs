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

    /// <summary>A retry decision written as a lambda, and what the lambda receives.</summary>
    internal sealed class StatusPredicate
    {
        public StatusPredicate(IAnonymousFunctionOperation lambda, PredicateInput input)
        {
            Lambda = lambda;
            Input = input;
        }

        public IAnonymousFunctionOperation Lambda { get; }

        public PredicateInput Input { get; }

        /// <summary>A lambda passed to a method parameter, or null when the argument is something else.</summary>
        public static IAnonymousFunctionOperation? LambdaOf(IOperation? argument)
            => argument is null ? null : OperationWalk.SkipConversions(argument) switch
            {
                IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda } => lambda,
                IAnonymousFunctionOperation lambda => lambda,
                _ => null,
            };
    }
}
