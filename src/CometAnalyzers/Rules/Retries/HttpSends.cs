using System.Linq;
using CometAnalyzers.Rules.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CometAnalyzers.Rules.Retries
{
    internal enum SendKind
    {
        None,

        /// <summary>Returns the response whatever its status (HttpClient.SendAsync, GetAsync, PostAsJsonAsync..., a handler's base.SendAsync).</summary>
        ReturnsResponse,

        /// <summary>Throws HttpRequestException on an unsuccessful status (HttpClient.GetStringAsync, GetFromJsonAsync...).</summary>
        ThrowsHttpRequestException,

        /// <summary>Throws ClientResultException on an unsuccessful status (OpenAI ChatClient.CompleteChat*).</summary>
        ThrowsClientResultException,
    }

    /// <summary>Recognises calls that send the HTTP request a retry would repeat.</summary>
    internal static class HttpSends
    {
        public static SendKind Classify(IInvocationOperation invocation, RetrySymbols symbols)
        {
            IMethodSymbol method = invocation.TargetMethod;
            if (symbols.ChatClient is not null && TypeChecks.InheritsFrom(method.ContainingType, symbols.ChatClient)
                && method.Name.StartsWith("CompleteChat", System.StringComparison.Ordinal))
            {
                return SendKind.ThrowsClientResultException;
            }

            ITypeSymbol? receiver = method.IsExtensionMethod && method.Parameters.Length > 0
                ? method.Parameters[0].Type
                : method.IsStatic ? null : method.ContainingType;
            if (method.Name is "Send" or "SendAsync" && TypeChecks.InheritsFrom(receiver, symbols.HttpMessageHandler) && ReturnsResponse(method.ReturnType, symbols))
            {
                // base.SendAsync(request, ct) in a DelegatingHandler: the next handler sends the request.
                return SendKind.ReturnsResponse;
            }

            if (IsOwnSend(method, symbols))
            {
                return SendKind.ReturnsResponse;
            }

            bool onHttpClient = TypeChecks.InheritsFrom(receiver, symbols.HttpClient) || TypeChecks.InheritsFrom(receiver, symbols.HttpMessageInvoker);
            if (!onHttpClient || method.MethodKind != MethodKind.Ordinary && method.MethodKind != MethodKind.ReducedExtension)
            {
                return SendKind.None;
            }

            if (method.Name is "CancelPendingRequests" or "Dispose" || method.Name.StartsWith("get_", System.StringComparison.Ordinal))
            {
                return SendKind.None;
            }

            return ReturnsResponse(method.ReturnType, symbols) ? SendKind.ReturnsResponse : SendKind.ThrowsHttpRequestException;
        }

        /// <summary>True when <paramref name="operation"/> sends a request outside any lambda or local function.</summary>
        public static bool ContainsSend(IOperation operation, RetrySymbols symbols)
        {
            foreach (IOperation descendant in OperationWalk.DescendantsAndSelf(operation))
            {
                if (descendant is IInvocationOperation invocation && Classify(invocation, symbols) != SendKind.None)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A method of the project's own, or a delegate, that hands back a response it was not given: <c>await
        /// SendOnceAsync(request)</c>, <c>await send()</c> with a <c>Func&lt;Task&lt;HttpResponseMessage&gt;&gt;</c>. Whatever
        /// it does inside, a loop that calls it again sends again. Library methods stay unknown: Polly's
        /// <c>ExecuteAsync</c> returns a response too, but only after its own retries.
        /// </summary>
        private static bool IsOwnSend(IMethodSymbol method, RetrySymbols symbols)
        {
            bool own = method.MethodKind == MethodKind.DelegateInvoke
                || (method.MethodKind is MethodKind.Ordinary or MethodKind.LocalFunction && method.Locations.Length > 0 && method.Locations[0].IsInSource);
            if (!own || !(IsResponse(method.ReturnType, symbols) || (symbols.IsTaskType(method.ReturnType) && ReturnsResponse(method.ReturnType, symbols))))
            {
                return false;
            }

            // EnsureOk(response) or Latest(responses) passes on a response it was handed; it sends nothing.
            foreach (IParameterSymbol parameter in method.Parameters)
            {
                if (HoldsResponses(parameter.Type, symbols))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>A response, or an array or collection of them; a delegate that makes one (a send callback) is not.</summary>
        private static bool HoldsResponses(ITypeSymbol type, RetrySymbols symbols)
            => type switch
            {
                IArrayTypeSymbol array => HoldsResponses(array.ElementType, symbols),
                INamedTypeSymbol { TypeKind: TypeKind.Delegate } => false,
                INamedTypeSymbol { IsGenericType: true } generic when generic.TypeArguments.Any(argument => HoldsResponses(argument, symbols)) => true,
                _ => TypeChecks.InheritsFrom(type, symbols.HttpResponseMessage),
            };

        private static bool ReturnsResponse(ITypeSymbol type, RetrySymbols symbols)
        {
            if (IsResponse(type, symbols))
            {
                return true;
            }

            // Task<HttpResponseMessage> and ValueTask<HttpResponseMessage>.
            return type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } generic
                && IsResponse(generic.TypeArguments[0], symbols);
        }

        /// <summary>
        /// HttpResponseMessage, a subclass, or a type parameter constrained to one (<c>where TResponse :
        /// HttpResponseMessage</c>); an unconstrained <c>T</c> may be anything and is not taken as a response.
        /// </summary>
        private static bool IsResponse(ITypeSymbol type, RetrySymbols symbols)
        {
            if (type is ITypeParameterSymbol parameter)
            {
                foreach (ITypeSymbol constraint in parameter.ConstraintTypes)
                {
                    if (IsResponse(constraint, symbols))
                    {
                        return true;
                    }
                }

                return false;
            }

            return TypeChecks.InheritsFrom(type, symbols.HttpResponseMessage);
        }
    }
}
