using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CometAnalyzers.Tests.Robustness.Fuzzing
{
    /// <summary>A mutated input and how it was made (with the seed, enough to rebuild it).</summary>
    internal sealed record Mutant(string Description, byte[] Bytes)
    {
        public string Text => Encoding.UTF8.GetString(Bytes);

        public static Mutant FromText(string description, string text) => new(description, Encoding.UTF8.GetBytes(text));
    }

    /// <summary>
    /// A JSON value's place in a UTF-8 document, in bytes: [<see cref="Start"/>, <see cref="End"/>) is the value,
    /// [<see cref="NameStart"/>, <see cref="NameEnd"/>) the quoted property name in front of it (-1 for array items and the root).
    /// </summary>
    internal sealed record JsonValueSpan(string Path, string? PropertyName, int Start, int End, int NameStart, int NameEnd, string Kind);

    /// <summary>
    /// Mutations shared by the contract, payload and event-stream fuzzers: truncations, byte edits, and JSON-aware edits
    /// (every value replaced by every other kind, duplicated properties, hostile numbers, invalid UTF-8, deep nesting).
    /// </summary>
    internal static class Mutations
    {
        /// <summary>One sample value of each JSON kind.</summary>
        public static readonly IReadOnlyList<(string Kind, string Json)> KindSamples = new[]
        {
            ("object", "{}"),
            ("array", "[]"),
            ("string", "\"x\""),
            ("number", "1"),
            ("boolean", "true"),
            ("null", "null"),
        };

        /// <summary>Numbers that overflow, underflow or carry fractions where integers are expected.</summary>
        public static readonly IReadOnlyList<string> HostileNumbers = new[]
        {
            "1e400", "-1e400", "1e-400", "99999999999999999999", "-99999999999999999999", "2147483648", "-2147483649",
            "9223372036854775808", "-9223372036854775809", "1.5", "-0", "0.0", "1E+2", "123456789012345678901234567890.5",
            "-253402300800", "253402300800",
        };

        /// <summary>Byte sequences that are not UTF-8: stray continuation, truncated, surrogate, overlong, beyond U+10FFFF, 0xFF.</summary>
        public static readonly IReadOnlyList<(string Name, byte[] Bytes)> InvalidUtf8 = new[]
        {
            ("stray continuation", new byte[] { 0x80 }),
            ("truncated 2-byte", new byte[] { 0xC3, 0x28 }),
            ("truncated 3-byte", new byte[] { 0xE2, 0x82 }),
            ("encoded surrogate", new byte[] { 0xED, 0xA0, 0x80 }),
            ("overlong slash", new byte[] { 0xC0, 0xAF }),
            ("beyond U+10FFFF", new byte[] { 0xF4, 0x90, 0x80, 0x80 }),
            ("0xFF", new byte[] { 0xFF }),
        };

        /// <summary>Characters a byte edit likes to write: JSON punctuation, quotes, escapes and digits.</summary>
        private static readonly byte[] Interesting = Encoding.ASCII.GetBytes("{}[]\":,\\/0123456789-+.eEtfnu \t\r\n$#~%");

        /// <summary>Every proper prefix of <paramref name="data"/>: the cut happens at each offset.</summary>
        public static IEnumerable<Mutant> Truncations(byte[] data)
        {
            for (int length = 0; length < data.Length; length++)
            {
                yield return new Mutant($"truncated to {length} of {data.Length} bytes", Slice(data, 0, length));
            }
        }

        /// <summary>Random byte-level edits: bit flips, replaced, deleted, inserted and duplicated bytes.</summary>
        public static IEnumerable<Mutant> ByteEdits(byte[] data, Random random, int count)
        {
            for (int i = 0; i < count; i++)
            {
                int edits = 1 + (random.Next(4) == 0 ? random.Next(4) : 0);
                byte[] current = data;
                var description = new StringBuilder($"byte edit #{i}:");
                for (int e = 0; e < edits; e++)
                {
                    current = ByteEdit(current, random, description);
                }

                yield return new Mutant(description.ToString(), current);
            }
        }

        /// <summary>The place of every value of a well-formed document, in document order (containers before their items).</summary>
        public static List<JsonValueSpan> ValueSpans(byte[] utf8)
        {
            var spans = new List<JsonValueSpan>();
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 100_000 });
            var open = new Stack<Container>();
            string? name = null;
            int nameStart = -1, nameEnd = -1;
            while (reader.Read())
            {
                int start = (int)reader.TokenStartIndex;
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    name = reader.GetString();
                    nameStart = start;
                    nameEnd = (int)reader.BytesConsumed;
                    continue;
                }

                if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    Container done = open.Pop();
                    spans.Add(new JsonValueSpan(done.Path, done.Name, done.Start, (int)reader.BytesConsumed, done.NameStart, done.NameEnd, done.IsArray ? "array" : "object"));
                    continue;
                }

                string path = "$";
                string? valueName = null;
                int valueNameStart = -1, valueNameEnd = -1;
                if (open.Count > 0)
                {
                    Container parent = open.Peek();
                    if (parent.IsArray)
                    {
                        path = parent.Path + "[" + parent.NextIndex++.ToString(CultureInfo.InvariantCulture) + "]";
                    }
                    else
                    {
                        path = parent.Path + "." + name;
                        valueName = name;
                        valueNameStart = nameStart;
                        valueNameEnd = nameEnd;
                    }
                }

                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    open.Push(new Container(reader.TokenType == JsonTokenType.StartArray, start, path, valueName, valueNameStart, valueNameEnd));
                    continue;
                }

                string kind = reader.TokenType switch
                {
                    JsonTokenType.String => "string",
                    JsonTokenType.Number => "number",
                    JsonTokenType.True or JsonTokenType.False => "boolean",
                    _ => "null",
                };
                spans.Add(new JsonValueSpan(path, valueName, start, (int)reader.BytesConsumed, valueNameStart, valueNameEnd, kind));
            }

            spans.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
            return spans;
        }

        /// <summary>Every value replaced by one sample of every other JSON kind.</summary>
        public static IEnumerable<(Mutant Mutant, JsonValueSpan Span, string NewKind)> WrongKinds(byte[] data, IEnumerable<JsonValueSpan> spans)
        {
            foreach (JsonValueSpan span in spans)
            {
                foreach ((string kind, string json) in KindSamples)
                {
                    if (kind != span.Kind)
                    {
                        yield return (new Mutant($"{span.Path} ({span.Kind}) replaced by {json}", Replace(data, span.Start, span.End, json)), span, kind);
                    }
                }
            }
        }

        /// <summary>
        /// Every property written twice: once with the same value, once followed by a different kind. Readers must pick one
        /// (the last, for the generated parsers) and never fail for another reason.
        /// </summary>
        public static IEnumerable<(Mutant Mutant, JsonValueSpan Span, bool SameValue)> DuplicateProperties(byte[] data, IEnumerable<JsonValueSpan> spans)
        {
            foreach (JsonValueSpan span in spans)
            {
                if (span.NameStart < 0)
                {
                    continue;
                }

                string name = Encoding.UTF8.GetString(data, span.NameStart, span.NameEnd - span.NameStart).TrimEnd();
                string value = Encoding.UTF8.GetString(data, span.Start, span.End - span.Start);
                yield return (new Mutant($"{span.Path} written twice with the same value", Insert(data, span.End, "," + name + value)), span, true);
                string other = span.Kind == "null" ? "\"x\"" : "null";
                yield return (new Mutant($"{span.Path} written again as {other}", Insert(data, span.End, "," + name + other)), span, false);
            }
        }

        /// <summary><paramref name="depth"/> nested arrays (or objects) around <paramref name="inner"/>.</summary>
        public static string Nested(int depth, string inner = "1", bool objects = false)
        {
            var builder = new StringBuilder((depth * (objects ? 6 : 2)) + inner.Length);
            for (int i = 0; i < depth; i++)
            {
                builder.Append(objects ? "{\"a\":" : "[");
            }

            builder.Append(inner);
            builder.Append(objects ? '}' : ']', depth);
            return builder.ToString();
        }

        public static byte[] Replace(byte[] data, int start, int end, string replacement) => Replace(data, start, end, Encoding.UTF8.GetBytes(replacement));

        public static byte[] Replace(byte[] data, int start, int end, byte[] replacement)
        {
            var result = new byte[data.Length - (end - start) + replacement.Length];
            Buffer.BlockCopy(data, 0, result, 0, start);
            Buffer.BlockCopy(replacement, 0, result, start, replacement.Length);
            Buffer.BlockCopy(data, end, result, start + replacement.Length, data.Length - end);
            return result;
        }

        public static byte[] Insert(byte[] data, int at, string text) => Replace(data, at, at, text);

        public static byte[] Insert(byte[] data, int at, byte[] bytes) => Replace(data, at, at, bytes);

        public static byte[] Slice(byte[] data, int start, int length)
        {
            var result = new byte[length];
            Buffer.BlockCopy(data, start, result, 0, length);
            return result;
        }

        /// <summary>A few lines around byte <paramref name="offset"/>, to show where a mutation landed.</summary>
        public static string Around(byte[] data, int offset, int radius = 120)
        {
            int start = Math.Max(0, offset - radius);
            int end = Math.Min(data.Length, offset + radius);
            return Encoding.UTF8.GetString(data, start, end - start);
        }

        private static byte[] ByteEdit(byte[] data, Random random, StringBuilder description)
        {
            if (data.Length == 0)
            {
                description.Append(" insert '{'");
                return new[] { (byte)'{' };
            }

            int at = random.Next(data.Length);
            switch (random.Next(7))
            {
                case 0:
                    int bit = random.Next(8);
                    description.Append(CultureInfo.InvariantCulture, $" flip bit {bit} at {at}");
                    byte[] flipped = (byte[])data.Clone();
                    flipped[at] ^= (byte)(1 << bit);
                    return flipped;
                case 1:
                    byte any = (byte)random.Next(256);
                    description.Append(CultureInfo.InvariantCulture, $" set {at} to 0x{any:X2}");
                    return Replace(data, at, at + 1, new[] { any });
                case 2:
                    byte punctuation = Interesting[random.Next(Interesting.Length)];
                    description.Append(CultureInfo.InvariantCulture, $" set {at} to '{(char)punctuation}'");
                    return Replace(data, at, at + 1, new[] { punctuation });
                case 3:
                    description.Append(CultureInfo.InvariantCulture, $" delete byte {at}");
                    return Replace(data, at, at + 1, Array.Empty<byte>());
                case 4:
                    byte inserted = Interesting[random.Next(Interesting.Length)];
                    description.Append(CultureInfo.InvariantCulture, $" insert '{(char)inserted}' at {at}");
                    return Insert(data, at, new[] { inserted });
                case 5:
                    int length = Math.Min(data.Length - at, 1 + random.Next(64));
                    description.Append(CultureInfo.InvariantCulture, $" delete {length} bytes at {at}");
                    return Replace(data, at, at + length, Array.Empty<byte>());
                default:
                    int copyLength = Math.Min(data.Length - at, 1 + random.Next(64));
                    int target = random.Next(data.Length + 1);
                    description.Append(CultureInfo.InvariantCulture, $" copy {copyLength} bytes from {at} to {target}");
                    return Insert(data, target, Slice(data, at, copyLength));
            }
        }

        private sealed class Container
        {
            public Container(bool isArray, int start, string path, string? name, int nameStart, int nameEnd)
            {
                IsArray = isArray;
                Start = start;
                Path = path;
                Name = name;
                NameStart = nameStart;
                NameEnd = nameEnd;
            }

            public bool IsArray { get; }

            public int Start { get; }

            public string Path { get; }

            public string? Name { get; }

            public int NameStart { get; }

            public int NameEnd { get; }

            public int NextIndex { get; set; }
        }
    }
}
