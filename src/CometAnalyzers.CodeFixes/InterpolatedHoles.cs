using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CometAnalyzers.CodeFixes
{
    /// <summary>Rewrites chosen holes of an interpolated string as plain text, merged with the text around them.</summary>
    internal static class InterpolatedHoles
    {
        /// <summary>
        /// The string with each hole in <paramref name="holes"/> replaced by <paramref name="text"/>. With an empty text the
        /// hole is dropped, and so is the space before it when nothing but the end, a space or punctuation follows
        /// (<c>$"Answer {text}."</c> becomes <c>$"Answer."</c>).
        /// </summary>
        public static InterpolatedStringExpressionSyntax Replace(InterpolatedStringExpressionSyntax interpolated, ISet<SyntaxNode> holes, string text)
        {
            var contents = new List<InterpolatedStringContentSyntax>();
            var rawText = new StringBuilder();
            var valueText = new StringBuilder();
            bool dropped = false;
            foreach (InterpolatedStringContentSyntax content in interpolated.Contents)
            {
                if (content is InterpolatedStringTextSyntax plain)
                {
                    if (dropped && plain.TextToken.ValueText is { Length: > 0 } next && (char.IsWhiteSpace(next[0]) || char.IsPunctuation(next[0])))
                    {
                        TrimOneSpace(rawText, valueText);
                    }

                    dropped = false;
                    rawText.Append(plain.TextToken.Text);
                    valueText.Append(plain.TextToken.ValueText);
                }
                else if (holes.Contains(content))
                {
                    rawText.Append(text);
                    valueText.Append(text);
                    dropped = text.Length == 0;
                }
                else
                {
                    dropped = false;
                    Flush(contents, rawText, valueText);
                    contents.Add(content);
                }
            }

            if (dropped)
            {
                TrimOneSpace(rawText, valueText);
            }

            Flush(contents, rawText, valueText);
            return interpolated.WithContents(SyntaxFactory.List(contents));
        }

        private static void TrimOneSpace(StringBuilder rawText, StringBuilder valueText)
        {
            if (rawText.Length > 0 && rawText[rawText.Length - 1] == ' ' && valueText.Length > 0 && valueText[valueText.Length - 1] == ' ')
            {
                rawText.Length--;
                valueText.Length--;
            }
        }

        private static void Flush(List<InterpolatedStringContentSyntax> contents, StringBuilder rawText, StringBuilder valueText)
        {
            if (rawText.Length == 0)
            {
                return;
            }

            SyntaxToken token = SyntaxFactory.Token(default, SyntaxKind.InterpolatedStringTextToken, rawText.ToString(), valueText.ToString(), default);
            contents.Add(SyntaxFactory.InterpolatedStringText(token));
            rawText.Clear();
            valueText.Clear();
        }
    }
}
