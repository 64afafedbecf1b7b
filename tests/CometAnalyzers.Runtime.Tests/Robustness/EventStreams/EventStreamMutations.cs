using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using CometAnalyzers.Tests.Robustness.Fuzzing;

namespace CometAnalyzers.Runtime.Tests.Robustness.EventStreams
{
    /// <summary>Edits that know the event-stream format: line breaks, comments, fields, data lines, [DONE], huge lines.</summary>
    internal static class EventStreamMutations
    {
        private const int Huge = 1 << 20;

        private static readonly string[] Breaks = { "\n", "\r\n", "\r" };

        /// <summary>Lines that must not change what the stream yields.</summary>
        private static readonly string[] IgnoredLines =
        {
            ":", ": ping", ":data: {}", "event: error", "id: 42", "retry: 10", "retry: x", "foo: bar", "foo", "Data: {}", "data : {}", " data: {}", "\u00A0: x", "event:",
        };

        /// <summary>Events whose data is not a chunk.</summary>
        private static readonly string[] GarbageData =
        {
            "not json", "{", "{} {}", "null", "[]", "42", "\"x\"", "[DONE] ", "[done]", " [DONE]", "<html>502 Bad Gateway</html>", Mutations.Nested(100_000),
        };

        public static IEnumerable<Mutant> All(byte[] body, Random random)
            => LineBreaks(body, random).Concat(InsertedLines(body)).Concat(DataLines(body)).Concat(DoneVariants(body)).Concat(InvalidUtf8(body)).Concat(HugeLines(body)).Concat(ByteOrderMarks(body));

        /// <summary>Every line break rewritten as LF, CRLF or CR, then mixed at random.</summary>
        public static IEnumerable<Mutant> LineBreaks(byte[] body, Random random)
        {
            string[] lines = Lines(body);
            foreach (string lineBreak in Breaks)
            {
                yield return Edit($"every line break as {Show(lineBreak)}", string.Join(lineBreak, lines));
            }

            for (int i = 0; i < 8; i++)
            {
                var mixed = new StringBuilder(lines[0]);
                var shown = new StringBuilder();
                foreach (string line in lines.Skip(1))
                {
                    string lineBreak = Breaks[random.Next(Breaks.Length)];
                    mixed.Append(lineBreak).Append(line);
                    shown.Append(lineBreak == "\n" ? 'n' : lineBreak == "\r" ? 'r' : 'b');
                }

                yield return Edit($"mixed line breaks #{i} ({shown}: n=LF r=CR b=CRLF)", mixed.ToString());
            }
        }

        /// <summary>Comments, other fields and events of garbage data inserted before every line in turn.</summary>
        public static IEnumerable<Mutant> InsertedLines(byte[] body)
        {
            string[] lines = Lines(body);
            for (int at = 0; at < lines.Length; at++)
            {
                foreach (string line in IgnoredLines)
                {
                    yield return Edit($"'{Show(line)}' before line {at}", Insert(lines, at, line));
                }

                if (at == 0 || lines[at - 1].Length == 0)
                {
                    foreach (string data in GarbageData)
                    {
                        yield return Edit($"an event of data '{Show(data[..Math.Min(data.Length, 40)])}' before line {at}", Insert(lines, at, "data: " + data, string.Empty));
                    }
                }
            }
        }

        /// <summary>Each data line with no space or two after the colon, and preceded by an empty data line.</summary>
        public static IEnumerable<Mutant> DataLines(byte[] body)
        {
            string[] lines = Lines(body);
            for (int at = 0; at < lines.Length; at++)
            {
                if (!lines[at].StartsWith("data: ", StringComparison.Ordinal))
                {
                    continue;
                }

                string value = lines[at]["data: ".Length..];
                yield return Edit($"line {at} as data:value", Replace(lines, at, "data:" + value));
                yield return Edit($"line {at} as data:  value", Replace(lines, at, "data:  " + value));
                yield return Edit($"line {at} after an empty data line", Insert(lines, at, "data:"));
                yield return Edit($"line {at} followed by an empty data line", Insert(lines, at + 1, "data"));
            }
        }

        /// <summary>[DONE] gone, unterminated, without its space, and in the middle of the stream.</summary>
        public static IEnumerable<Mutant> DoneVariants(byte[] body)
        {
            string[] lines = Lines(body);
            int done = Array.FindLastIndex(lines, l => l.StartsWith("data: [DONE]", StringComparison.Ordinal));
            yield return Edit("no [DONE]", string.Join("\n", lines.Take(done)));
            yield return Edit("[DONE] with no line break after it", string.Join("\n", lines.Take(done + 1)));
            yield return Edit("[DONE] as data:[DONE]", string.Join("\n", Replace(lines, done, "data:[DONE]")));
            yield return Edit("[DONE] as the first event, garbage after it", "data: [DONE]\n\n" + string.Join("\n", lines) + "\ndata: {");
        }

        /// <summary>Bytes that are not UTF-8 at the start and end of every line (ignored in comments and other fields).</summary>
        public static IEnumerable<Mutant> InvalidUtf8(byte[] body)
        {
            int[] lineStarts = [0, .. Enumerable.Range(1, body.Length - 1).Where(i => body[i - 1] == (byte)'\n' && body[i] is not ((byte)'\n' or (byte)'\r'))];
            foreach (int start in lineStarts)
            {
                int end = Array.FindIndex(body, start, b => b is (byte)'\r' or (byte)'\n');
                foreach ((string name, byte[] bytes) in Mutations.InvalidUtf8)
                {
                    yield return new Mutant($"{name} at byte {start}", Mutations.Insert(body, start, bytes));
                    if (end > start)
                    {
                        // Before the closing brace of a JSON payload: inside no string, so a syntax error.
                        yield return new Mutant($"{name} at byte {end - 1}", Mutations.Insert(body, end - 1, bytes));
                    }
                }
            }
        }

        /// <summary>A 1 MiB comment, unknown field, whitespace run inside a payload, and string value.</summary>
        public static IEnumerable<Mutant> HugeLines(byte[] body)
        {
            string text = Encoding.UTF8.GetString(body);
            int firstData = text.IndexOf("data: {", StringComparison.Ordinal);
            string padding = new(' ', Huge);
            yield return Edit("a 1 MiB comment line first", ":" + new string('c', Huge) + "\n" + text);
            yield return Edit("a 1 MiB unknown field first", "x-pad: " + new string('x', Huge) + "\n" + text);
            yield return Edit("1 MiB of spaces inside the first payload", text.Insert(firstData + "data: {".Length, padding));
            yield return Edit("a 1 MiB unknown string property in the first payload", text.Insert(firstData + "data: {".Length, "\"x_big\":\"" + new string('é', Huge / 2) + "\","));
            yield return Edit("a 1 MiB data line with no line break at the end", "data: " + new string('{', 1) + padding);
        }

        /// <summary>One BOM (dropped), two (the second belongs to the first line's field name), and one in the middle.</summary>
        public static IEnumerable<Mutant> ByteOrderMarks(byte[] body)
        {
            byte[] bom = [0xEF, 0xBB, 0xBF];
            yield return new Mutant("a BOM first", [.. bom, .. body]);
            yield return new Mutant("two BOMs first", [.. bom, .. bom, .. body]);
            yield return new Mutant("a BOM after the first event", Mutations.Insert(body, Array.IndexOf(body, (byte)'\n') + 2, bom));
        }

        /// <summary>The body split at every line break (CRLF, CR or LF).</summary>
        private static string[] Lines(byte[] body) => Encoding.UTF8.GetString(body).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');

        private static string[] Insert(string[] lines, int at, params string[] inserted) => [.. lines[..at], .. inserted, .. lines[at..]];

        private static string[] Replace(string[] lines, int at, string line) => [.. lines[..at], line, .. lines[(at + 1)..]];

        private static Mutant Edit(string description, string[] lines) => Edit(description, string.Join("\n", lines));

        private static Mutant Edit(string description, string text) => Mutant.FromText(description, text);

        private static string Show(string text) => string.Concat(text.Select(c => c switch { '\n' => "\\n", '\r' => "\\r", _ when c < ' ' || c > '~' => $"\\u{(int)c:X4}", _ => c.ToString() }));
    }
}
