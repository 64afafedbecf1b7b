using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CometAnalyzers.Rules.Retries
{
    /// <summary>
    /// Calls of the project's own one-line helpers (<c>static bool IsTransient(HttpResponseMessage r) =&gt; r.StatusCode is
    /// ...</c>) are evaluated through their body, with the parameters bound to the arguments, so a decision moved into
    /// a helper is judged like one written in place. Only helpers <see cref="OwnMethodBody"/> can read, whose body is one
    /// returned expression; a helper with statements stays unknown here (a method group predicate may have them).
    /// </summary>
    internal sealed partial class StatusEvaluator
    {
        /// <summary>Helpers calling helpers are followed this deep; deeper (or recursive) calls stay unknown.</summary>
        private const int MaxHelperDepth = 3;

        private int _helperDepth;

        private StatusValue? InlineHelper(IInvocationOperation invocation)
        {
            if (_helperDepth >= MaxHelperDepth || ReturnedExpression(invocation) is not { } returned)
            {
                return null;
            }

            // Arguments first, in the caller's scope; a throwing argument throws before the helper runs. The body reads
            // the parameters of the method's definition, so those are bound (for a generic helper they differ).
            var values = new StatusValue[invocation.Arguments.Length];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = Evaluate(invocation.Arguments[i].Value);
                if (values[i].Kind == ValueKind.Thrown)
                {
                    return values[i];
                }
            }

            for (int i = 0; i < values.Length; i++)
            {
                if (invocation.Arguments[i].Parameter is { } parameter)
                {
                    Env.Set(parameter.OriginalDefinition, values[i]);
                }
            }

            _helperDepth++;
            try
            {
                return Evaluate(returned);
            }
            finally
            {
                _helperDepth--;
            }
        }

        /// <summary>The expression a readable one-line helper returns (see <see cref="OwnMethodBody"/>); null for anything else.</summary>
        private static IOperation? ReturnedExpression(IInvocationOperation invocation)
            => OwnMethodBody.SingleReturn(OwnMethodBody.Of(invocation.TargetMethod, invocation.SemanticModel));
    }
}
