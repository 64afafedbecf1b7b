using System;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace CometAnalyzers.Rules.Common
{
    /// <summary>How code and values are written into a diagnostic's message: short enough for a build log line.</summary>
    internal static class ShownText
    {
        /// <summary>The first <paramref name="maxLength"/> characters of <paramref name="value"/>, with "..." when cut.</summary>
        public static string Truncate(string value, int maxLength)
            => value.Length <= maxLength ? value : value.Substring(0, maxLength) + "...";

        /// <summary>Source code on one line (each line trimmed, blank ones dropped), then truncated.</summary>
        public static string OneLine(string code, int maxLength)
            => Truncate(string.Join(" ", code.Split(new[] { '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim())), maxLength);

        /// <summary>"GetAsync", or "the HttpRequestMessage constructor".</summary>
        public static string Method(IMethodSymbol method)
            => method.MethodKind == MethodKind.Constructor ? $"the {method.ContainingType.Name} constructor" : method.Name;
    }
}
