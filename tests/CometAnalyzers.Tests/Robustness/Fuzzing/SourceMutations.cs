using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CometAnalyzers.Tests.Robustness.Fuzzing
{
    /// <summary>Half-typed C#: what the analyzer fuzzers make of a valid source (shared, so both fuzz the same way).</summary>
    internal static class SourceMutations
    {
        /// <summary>Deletes 1-4 random tokens, a statement, a member, or a run of lines.</summary>
        public static (string Mutation, string Text) Mutate(string text, Random random)
        {
            SyntaxNode root = CSharpSyntaxTree.ParseText(text).GetRoot();
            switch (random.Next(4))
            {
                case 0:
                    var statements = root.DescendantNodes().OfType<StatementSyntax>().ToList();
                    if (statements.Count > 0)
                    {
                        StatementSyntax statement = statements[random.Next(statements.Count)];
                        return ($"statement at {statement.SpanStart} deleted", Delete(text, statement.Span));
                    }

                    break;
                case 1:
                    var members = root.DescendantNodes().OfType<MemberDeclarationSyntax>().ToList();
                    if (members.Count > 0)
                    {
                        MemberDeclarationSyntax member = members[random.Next(members.Count)];
                        TextSpan span = random.Next(2) == 0 ? member.Span : TextSpan.FromBounds(member.SpanStart, member.SpanStart + random.Next(1, member.Span.Length));
                        return ($"member at {member.SpanStart}: {span.Length} of {member.Span.Length} characters deleted", Delete(text, span));
                    }

                    break;
                case 2:
                    string[] lines = text.Split('\n');
                    int first = random.Next(lines.Length);
                    int count = 1 + random.Next(Math.Min(8, lines.Length - first));
                    return ($"lines {first + 1}-{first + count} deleted", string.Join('\n', lines.Take(first).Concat(lines.Skip(first + count))));
            }

            var tokens = root.DescendantTokens().Where(t => t.Span.Length > 0).ToList();
            if (tokens.Count == 0)
            {
                return ("unchanged (no tokens)", text);
            }

            var deleted = Enumerable.Range(0, 1 + random.Next(4)).Select(_ => tokens[random.Next(tokens.Count)]).Distinct().OrderByDescending(t => t.SpanStart).ToList();
            string result = text;
            foreach (SyntaxToken token in deleted)
            {
                result = Delete(result, token.Span);
            }

            return ("tokens deleted at " + string.Join(", ", deleted.Select(t => $"{t.SpanStart} '{t.Text}'")), result);
        }

        private static string Delete(string text, TextSpan span) => text.Remove(span.Start, span.Length);
    }
}
