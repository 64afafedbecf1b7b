using CometAnalyzers.Rules.Common;
using Microsoft.CodeAnalysis;

namespace CometAnalyzers.Rules.Retries
{
    /// <summary>
    /// Which calls may see the response without changing where a loop goes. Anything else that receives the
    /// response could throw or decide, so a loop that makes such a call is not judged (no guessing).
    /// </summary>
    internal static class CallPolicy
    {
        public static bool IsHarmless(IMethodSymbol method, RetrySymbols symbols)
        {
            if (method.Name is "ToString" or "GetHashCode" or "Equals" or "GetType" or "CompareTo" or "Dispose" or "DisposeAsync")
            {
                return true;
            }

            INamedTypeSymbol type = method.ContainingType;
            string ns = type.ContainingNamespace?.ToDisplayString() ?? string.Empty;
            if (ns.StartsWith("Microsoft.Extensions.Logging", System.StringComparison.Ordinal)
                || ns == "System.Net.Http.Headers"
                || ns == "System.Net.Http.Json")
            {
                return true;
            }

            if (method.Name.StartsWith("Write", System.StringComparison.Ordinal) && TypeChecks.InheritsFrom(type, symbols.TextWriter))
            {
                // Console.Error.WriteLine(exception): the text of the failure goes to a writer, nothing comes back.
                return true;
            }

            if (TypeChecks.InheritsFrom(type, symbols.HttpResponseMessage))
            {
                return method.Name != "EnsureSuccessStatusCode";
            }

            switch (type.ToDisplayString())
            {
                case "System.Console":
                case "System.Diagnostics.Debug":
                case "System.Diagnostics.Trace":
                case "System.String":
                case "System.Text.StringBuilder":
                case "System.Math":
                case "System.Enum":
                case "System.Convert":
                case "System.TimeSpan":
                case "System.Threading.Tasks.Task":
                case "System.Net.Http.HttpContent":
                    return true;
                default:
                    return TypeChecks.InheritsFrom(type, symbols.HttpContent);
            }
        }

        public static bool IsException(ITypeSymbol? type)
        {
            for (ITypeSymbol? current = type; current is not null; current = current.BaseType)
            {
                if (current.ToDisplayString() == "System.Exception")
                {
                    return true;
                }
            }

            return false;
        }
    }
}
