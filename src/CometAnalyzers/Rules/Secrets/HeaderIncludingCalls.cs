using System.Collections.Generic;
using CometAnalyzers.Rules.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CometAnalyzers.Rules.Secrets
{
    /// <summary>
    /// A call told to put a request's headers into the text it returns: <c>chat.Serialize(new RequestSerializeOptions {
    /// IncludeHeaders = true })</c>, <c>Describe(request, includeHeaders: true)</c>. An outgoing request's headers hold its
    /// Authorization, so that text holds the key. Judged from names (a flag that says it includes headers, set to a
    /// constant true; a method, type or argument that says request) and a text the result prints (a string, or a type
    /// that writes its own <c>ToString</c>): a guess, so COMET012. Response headers are not meant.
    /// </summary>
    internal static class HeaderIncludingCalls
    {
        public static bool ReturnsRequestWithHeaders(IInvocationOperation invocation)
        {
            IMethodSymbol method = invocation.TargetMethod;
            if (!PrintsText(method.ReturnType) || !SaysRequest(invocation))
            {
                return false;
            }

            foreach (IArgumentOperation argument in invocation.Arguments)
            {
                if (argument.Parameter is { } parameter && SaysIncludeHeaders(parameter.Name) && IsTrue(argument.Value))
                {
                    return true;
                }

                if (SetsIncludeHeaders(argument.Value))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>An options object created with <c>IncludeHeaders = true</c>, here or in the one write of a local.</summary>
        private static bool SetsIncludeHeaders(IOperation value)
        {
            value = Conversions.Unwrap(value);
            if (value is ILocalReferenceOperation local)
            {
                if (LocalWrites.SingleValue(local) is not { } single)
                {
                    return false;
                }

                value = Conversions.Unwrap(single);
            }

            if (value is not IObjectCreationOperation { Initializer: { } initializer })
            {
                return false;
            }

            foreach (IOperation member in initializer.Initializers)
            {
                if (member is ISimpleAssignmentOperation { Target: IMemberReferenceOperation target } assignment
                    && SaysIncludeHeaders(target.Member.Name) && IsTrue(assignment.Value))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary><c>IncludeHeaders</c>, <c>includeRequestHeaders</c>, <c>WithHeaders</c>; not <c>IncludeResponseHeaders</c>.</summary>
        private static bool SaysIncludeHeaders(string name)
        {
            List<string> words = IdentifierWords.Split(name);
            return (words.Contains("include") || words.Contains("with")) && (words.Contains("headers") || words.Contains("header"))
                && !words.Contains("response");
        }

        /// <summary>The method, its result, its receiver or an argument's type says request (<c>ChatRequestSerializeOptions</c>).</summary>
        private static bool SaysRequest(IInvocationOperation invocation)
        {
            if (SaysRequest(invocation.TargetMethod.Name) || SaysRequest(invocation.TargetMethod.ReturnType.Name)
                || (invocation.Instance?.Type is { } receiver && SaysRequest(receiver.Name)))
            {
                return true;
            }

            foreach (IArgumentOperation argument in invocation.Arguments)
            {
                if (Conversions.Unwrap(argument.Value).Type is { } type && SaysRequest(type.Name))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool SaysRequest(string name) => IdentifierWords.Split(name).Contains("request");

        /// <summary>A string, or a type whose own <c>ToString</c> decides what it prints; the default prints only the type name.</summary>
        private static bool PrintsText(ITypeSymbol type)
        {
            if (type.SpecialType == SpecialType.System_String)
            {
                return true;
            }

            for (ITypeSymbol? current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                foreach (ISymbol member in current.GetMembers("ToString"))
                {
                    if (member is IMethodSymbol { IsOverride: true, Parameters.Length: 0 })
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool IsTrue(IOperation? value) => value?.ConstantValue is { HasValue: true, Value: true };
    }
}
