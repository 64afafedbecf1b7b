using CometAnalyzers.Rules.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CometAnalyzers.Rules.Endpoints
{
    /// <summary>
    /// Calls that build a string starting with the text of one of their arguments, so that argument fixes the scheme
    /// and host of a URL built with them: <c>FormattableString.Invariant($"...")</c> (and <c>CurrentCulture</c>),
    /// <c>string.Create(provider, $"...")</c>, <c>string.Concat(first, ...)</c> and <c>string.Format(provider, format, ...)</c>.
    /// </summary>
    internal static class StringBuildingCalls
    {
        /// <summary>A collection expression (C# 12), which Roslyn 4.8's <see cref="OperationKind"/> does not name; its children are its elements.</summary>
        private const OperationKind CollectionExpression = (OperationKind)0x7f;

        /// <summary>
        /// The argument whose text the call's result starts with; null for any other call. For <c>string.Format</c> it is
        /// the composite format string (<paramref name="isCompositeFormat"/>), whose text before the first format item counts.
        /// </summary>
        public static IOperation? Leading(IInvocationOperation call, out bool isCompositeFormat)
        {
            isCompositeFormat = false;
            IMethodSymbol method = call.TargetMethod;
            if (!method.IsStatic || method.ContainingType is not { } type)
            {
                return null;
            }

            if (type.SpecialType == SpecialType.System_String)
            {
                switch (method.Name)
                {
                    case "Concat":
                        return call.Arguments.Length > 0 ? FirstValue(call.Arguments[0]) : null;
                    case "Format":
                        isCompositeFormat = true;
                        return CallArguments.For(call.Arguments, "format")?.Value;
                    case "Create":
                        // string.Create(provider, [buffer,] $"..."): the interpolation becomes the handler argument.
                        foreach (IArgumentOperation argument in call.Arguments)
                        {
                            if (argument.Value is IInterpolatedStringHandlerCreationOperation { Content: { } content })
                            {
                                return content;
                            }
                        }

                        return null;
                }

                return null;
            }

            bool formattableString = type is { Name: "FormattableString", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };
            return formattableString && method.Name is "Invariant" or "CurrentCulture" ? CallArguments.For(call.Arguments, "formattable")?.Value : null;
        }
        /// <summary>The first value of <c>string.Concat</c>: its first argument, or the first element of its params array or span.</summary>
        private static IOperation? FirstValue(IArgumentOperation argument)
        {
            IOperation value = Conversions.Unwrap(argument.Value);
            if (argument.ArgumentKind == ArgumentKind.ParamArray)
            {
                return value is IArrayCreationOperation { Initializer.ElementValues: { Length: > 0 } elements } ? elements[0] : null;
            }

            if (value.Kind == CollectionExpression)
            {
                foreach (IOperation element in value.ChildOperations)
                {
                    return element;
                }

                return null;
            }

            return value;
        }
    }
}
