using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace CometAnalyzers.Tests.Infrastructure
{
    /// <summary>
    /// A small unified-style diff for test failures: the one region between the longest common first and last lines,
    /// with line numbers and a few lines of context, cut short when long. Enough to see what a golden file lost or gained.
    /// </summary>
    internal static class TextDiff
    {
        private const int Context = 3;

        /// <summary>
        /// The diff of <paramref name="expected"/> (labelled <paramref name="expectedName"/>) against <paramref name="actual"/>;
        /// null when the texts are the same. Line endings count: a CRLF where LF was expected is a difference, shown as <c>\r</c>.
        /// </summary>
        public static string? Unified(string expected, string actual, string expectedName, string actualName, int maxLinesPerSide = 12)
        {
            if (string.Equals(expected, actual, StringComparison.Ordinal))
            {
                return null;
            }

            string[] left = expected.Split('\n');
            string[] right = actual.Split('\n');
            int prefix = 0;
            while (prefix < left.Length && prefix < right.Length && left[prefix] == right[prefix])
            {
                prefix++;
            }

            int suffix = 0;
            while (suffix < left.Length - prefix && suffix < right.Length - prefix && left[^(suffix + 1)] == right[^(suffix + 1)])
            {
                suffix++;
            }

            int start = Math.Max(0, prefix - Context);
            int leftEnd = Math.Min(left.Length, left.Length - suffix + Context);
            int rightEnd = Math.Min(right.Length, right.Length - suffix + Context);
            int width = Math.Max(left.Length, right.Length).ToString(CultureInfo.InvariantCulture).Length;

            var diff = new StringBuilder();
            diff.Append("--- ").Append(expectedName).Append('\n');
            diff.Append("+++ ").Append(actualName).Append('\n');
            diff.Append(CultureInfo.InvariantCulture, $"@@ -{start + 1},{leftEnd - start} +{start + 1},{rightEnd - start} @@ first difference at line {prefix + 1}\n");
            for (int i = start; i < prefix; i++)
            {
                Line(diff, ' ', i, left[i], width);
            }

            Side(diff, '-', left, prefix, left.Length - suffix, width, maxLinesPerSide);
            Side(diff, '+', right, prefix, right.Length - suffix, width, maxLinesPerSide);
            for (int i = right.Length - suffix; i < rightEnd; i++)
            {
                Line(diff, ' ', i, right[i], width);
            }

            return diff.ToString();
        }

        private static void Side(StringBuilder diff, char sign, IReadOnlyList<string> lines, int from, int to, int width, int max)
        {
            for (int i = from; i < to && i < from + max; i++)
            {
                Line(diff, sign, i, lines[i], width);
            }

            if (to - from > max)
            {
                diff.Append(CultureInfo.InvariantCulture, $"{sign} {new string(' ', width)} | ... {to - from - max} more line(s)\n");
            }
        }

        private static void Line(StringBuilder diff, char sign, int index, string text, int width)
            => diff.Append(sign).Append(' ').Append((index + 1).ToString(CultureInfo.InvariantCulture).PadLeft(width)).Append(" | ")
                .Append(text.Replace("\r", "\\r", StringComparison.Ordinal)).Append('\n');
    }
}
