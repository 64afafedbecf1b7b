using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace CometAnalyzers.Tests.Infrastructure
{
    /// <summary>An expected diagnostic span parsed out of test markup.</summary>
    internal sealed record ExpectedSpan(string? Id, TextSpan Span);

    /// <summary>
    /// Test-source markup: <c>[|code|]</c> marks where the rule under test must report, <c>{|COMET002:code|}</c>
    /// names the id. Everything else is plain C#.
    /// </summary>
    internal static class Markup
    {
        public static (string Source, IReadOnlyList<ExpectedSpan> Spans) Parse(string markup)
        {
            var output = new StringBuilder(markup.Length);
            var spans = new List<ExpectedSpan>();
            var open = new Stack<(int Start, string? Id)>();
            int i = 0;
            while (i < markup.Length)
            {
                if (Starts(markup, i, "[|"))
                {
                    open.Push((output.Length, null));
                    i += 2;
                }
                else if (Starts(markup, i, "{|"))
                {
                    int colon = markup.IndexOf(':', i + 2);
                    if (colon < 0)
                    {
                        throw new FormatException("'{|' must be followed by 'ID:'.");
                    }

                    open.Push((output.Length, markup.Substring(i + 2, colon - i - 2)));
                    i = colon + 1;
                }
                else if (Starts(markup, i, "|]") || Starts(markup, i, "|}"))
                {
                    if (open.Count == 0)
                    {
                        throw new FormatException($"Unbalanced markup close at {i}.");
                    }

                    (int start, string? id) = open.Pop();
                    spans.Add(new ExpectedSpan(id, TextSpan.FromBounds(start, output.Length)));
                    i += 2;
                }
                else
                {
                    output.Append(markup[i]);
                    i++;
                }
            }

            if (open.Count > 0)
            {
                throw new FormatException("Unclosed markup span.");
            }

            spans.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
            return (output.ToString(), spans);
        }

        private static bool Starts(string text, int index, string token) => string.CompareOrdinal(text, index, token, 0, token.Length) == 0;
    }
}
