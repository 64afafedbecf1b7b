using System;
using System.Text.RegularExpressions;

namespace CometAnalyzers.Runtime.Tests.Robustness.Payloads
{
    /// <summary>The generated parser writes a map entry as <c>$.m['key']</c>; the fuzzers' value paths write <c>$.m.key</c>.</summary>
    internal static partial class JsonPaths
    {
        public static string Normalize(string errorPath) => MapEntry().Replace(errorPath, ".$1");

        /// <summary>Whether the parser's <paramref name="errorPath"/> is <paramref name="ancestor"/> or a path inside it.</summary>
        public static bool IsWithin(string errorPath, string ancestor)
        {
            string path = Normalize(errorPath);
            return path.StartsWith(ancestor, StringComparison.Ordinal) && (path.Length == ancestor.Length || path[ancestor.Length] is '.' or '[');
        }

        [GeneratedRegex(@"\['([^']*)'\]")]
        private static partial Regex MapEntry();
    }
}
