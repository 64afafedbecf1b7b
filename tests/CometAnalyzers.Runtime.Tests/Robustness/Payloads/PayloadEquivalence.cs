using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace CometAnalyzers.Runtime.Tests.Robustness.Payloads
{
    /// <summary>
    /// Whether what a model wrote back says what it read: the same JSON up to the normalizations docs/robustness.md
    /// lists ("Equivalent to the input"), and nothing else.
    /// <list type="bullet">
    /// <item>Insignificant whitespace, string escapes and the order of an object's members do not count.</item>
    /// <item>A property read more than once is written once with its last value, or every time in order (JSON kept as read).</item>
    /// </list>
    /// Strings, names, kinds, array items, the set of members (unknown ones included) and the text of every number
    /// (typed members too: <c>1.0</c>, <c>1e-07</c>, <c>-0</c> and <c>1e-400</c> come back as sent) must not change.
    /// </summary>
    internal sealed class PayloadEquivalence
    {
        private static readonly JsonDocumentOptions Options = new() { MaxDepth = 1024 };

        /// <summary>The oracle for the repo contract's payloads (the same for any contract: no number is normalized).</summary>
        public static PayloadEquivalence ForContract { get; } = new();

        /// <summary>The first difference between what was read and what was written, or null when they are equivalent.</summary>
        public string? Difference(ReadOnlyMemory<byte> input, ReadOnlyMemory<byte> written)
        {
            using JsonDocument read = JsonDocument.Parse(input, Options);
            using JsonDocument wrote = JsonDocument.Parse(written, Options);
            return Compare(read.RootElement, wrote.RootElement, "$");
        }

        private static string? Compare(JsonElement read, JsonElement wrote, string path)
        {
            if (read.ValueKind != wrote.ValueKind)
            {
                return $"{path}: read {Show(read)}, wrote {Show(wrote)}";
            }

            return read.ValueKind switch
            {
                JsonValueKind.Object => CompareObjects(read, wrote, path),
                JsonValueKind.Array => CompareArrays(read, wrote, path),
                JsonValueKind.String => read.GetString() == wrote.GetString() ? null : $"{path}: read {Show(read)}, wrote {Show(wrote)}",
                JsonValueKind.Number => read.GetRawText() == wrote.GetRawText() ? null : $"{path}: read {read.GetRawText()}, wrote {wrote.GetRawText()}",
                _ => null, // true, false and null: the kind is the value
            };
        }

        private static string? CompareObjects(JsonElement read, JsonElement wrote, string path)
        {
            Dictionary<string, List<JsonElement>> readMembers = Members(read);
            Dictionary<string, List<JsonElement>> wroteMembers = Members(wrote);
            if (readMembers.Keys.FirstOrDefault(name => !wroteMembers.ContainsKey(name)) is { } missing)
            {
                return $"{path}.{missing}: read, not written";
            }

            if (wroteMembers.Keys.FirstOrDefault(name => !readMembers.ContainsKey(name)) is { } extra)
            {
                return $"{path}.{extra}: written, never read";
            }

            foreach ((string name, List<JsonElement> values) in readMembers)
            {
                List<JsonElement> written = wroteMembers[name];
                string memberPath = path + "." + name;
                if (written.Count == 1)
                {
                    // Once: the last occurrence read (the only one, unless the property was duplicated).
                    if (Compare(values[^1], written[0], memberPath) is { } inner)
                    {
                        return inner;
                    }
                }
                else if (written.Count == values.Count)
                {
                    // Every occurrence, in order: JSON kept as read.
                    for (int i = 0; i < values.Count; i++)
                    {
                        if (Compare(values[i], written[i], $"{memberPath} (occurrence {i + 1})") is { } inner)
                        {
                            return inner;
                        }
                    }
                }
                else
                {
                    return $"{memberPath}: read {values.Count} times, written {written.Count} times";
                }
            }

            return null;
        }

        private static string? CompareArrays(JsonElement read, JsonElement wrote, string path)
        {
            int length = read.GetArrayLength();
            if (length != wrote.GetArrayLength())
            {
                return $"{path}: read {length} items, wrote {wrote.GetArrayLength()}";
            }

            for (int i = 0; i < length; i++)
            {
                if (Compare(read[i], wrote[i], $"{path}[{i}]") is { } inner)
                {
                    return inner;
                }
            }

            return null;
        }

        private static Dictionary<string, List<JsonElement>> Members(JsonElement element)
        {
            var members = new Dictionary<string, List<JsonElement>>(StringComparer.Ordinal);
            foreach (JsonProperty property in element.EnumerateObject())
            {
                if (!members.TryGetValue(property.Name, out List<JsonElement>? values))
                {
                    members.Add(property.Name, values = new List<JsonElement>());
                }

                values.Add(property.Value);
            }

            return members;
        }

        private static string Show(JsonElement element)
        {
            string text = element.GetRawText();
            return text.Length <= 80 ? text : text[..77] + "...";
        }
    }
}
