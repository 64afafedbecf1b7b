using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Text.Json;

namespace CometAnalyzers.Runtime.Tests.Robustness.Payloads
{
    /// <summary>
    /// Whether what a model wrote back says what it read: the same JSON up to the normalizations docs/robustness.md
    /// lists ("Equivalent to the input"), and nothing else.
    /// <list type="bullet">
    /// <item>Insignificant whitespace, string escapes and the order of an object's members do not count.</item>
    /// <item>A number is written back with the text it was sent with, except in members the contract types: an
    /// <c>integer</c> member keeps its exact value (<c>-0</c> comes back <c>0</c>), a <c>number</c> member its value as a
    /// double (<c>1e-400</c> comes back <c>0</c>, <c>4.9e-324</c> as <c>5E-324</c>, digits past double precision go).</item>
    /// <item>A property read more than once is written once with its last value, or every time in order (JSON kept as read).</item>
    /// </list>
    /// Strings, names, kinds, array items and the set of members (unknown ones included) must not change.
    /// </summary>
    internal sealed class PayloadEquivalence
    {
        private static readonly JsonDocumentOptions Options = new() { MaxDepth = 1024 };

        private readonly NumberMembers _numbers;

        public PayloadEquivalence(NumberMembers numbers) => _numbers = numbers;

        /// <summary>The repo contract's normalizations (its <c>integer</c> and <c>number</c> members).</summary>
        public static PayloadEquivalence ForContract { get; } = new(ContractSchemas.NumberPropertyNames());

        /// <summary>The first difference between what was read and what was written, or null when they are equivalent.</summary>
        public string? Difference(ReadOnlyMemory<byte> input, ReadOnlyMemory<byte> written)
        {
            using JsonDocument read = JsonDocument.Parse(input, Options);
            using JsonDocument wrote = JsonDocument.Parse(written, Options);
            return Compare(read.RootElement, wrote.RootElement, "$", NumberReading.AsSent, NumberReading.AsSent);
        }

        /// <summary><paramref name="reading"/> is how a number here is read; <paramref name="mapValues"/> how the members of an object here are.</summary>
        private string? Compare(JsonElement read, JsonElement wrote, string path, NumberReading reading, NumberReading mapValues)
        {
            if (read.ValueKind != wrote.ValueKind)
            {
                return $"{path}: read {Show(read)}, wrote {Show(wrote)}";
            }

            return read.ValueKind switch
            {
                JsonValueKind.Object => CompareObjects(read, wrote, path, mapValues),
                JsonValueKind.Array => CompareArrays(read, wrote, path, reading),
                JsonValueKind.String => read.GetString() == wrote.GetString() ? null : $"{path}: read {Show(read)}, wrote {Show(wrote)}",
                JsonValueKind.Number => SameNumber(read.GetRawText(), wrote.GetRawText(), reading) ? null : $"{path}: read {read.GetRawText()}, wrote {wrote.GetRawText()}",
                _ => null, // true, false and null: the kind is the value
            };
        }

        private string? CompareObjects(JsonElement read, JsonElement wrote, string path, NumberReading mapValues)
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
                NumberReading reading = mapValues != NumberReading.AsSent ? mapValues : _numbers.Values.GetValueOrDefault(name);
                NumberReading itsMapValues = _numbers.MapValues.GetValueOrDefault(name);
                if (written.Count == 1)
                {
                    // Once: the last occurrence read (the only one, unless the property was duplicated).
                    if (Compare(values[^1], written[0], memberPath, reading, itsMapValues) is { } inner)
                    {
                        return inner;
                    }
                }
                else if (written.Count == values.Count)
                {
                    // Every occurrence, in order: JSON kept as read.
                    for (int i = 0; i < values.Count; i++)
                    {
                        if (Compare(values[i], written[i], $"{memberPath} (occurrence {i + 1})", reading, itsMapValues) is { } inner)
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

        private string? CompareArrays(JsonElement read, JsonElement wrote, string path, NumberReading reading)
        {
            int length = read.GetArrayLength();
            if (length != wrote.GetArrayLength())
            {
                return $"{path}: read {length} items, wrote {wrote.GetArrayLength()}";
            }

            for (int i = 0; i < length; i++)
            {
                // Items are numbers of their array's member (a token's bytes); objects in an array are no map.
                if (Compare(read[i], wrote[i], $"{path}[{i}]", reading, NumberReading.AsSent) is { } inner)
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

        /// <summary>The same text; in an integer member the same exact value; in a number member the same double.</summary>
        internal static bool SameNumber(string read, string wrote, NumberReading reading) => read == wrote || reading switch
        {
            NumberReading.Integer => ExactValue(read) == ExactValue(wrote),
            NumberReading.Double => double.TryParse(read, NumberStyles.Float, CultureInfo.InvariantCulture, out double readValue)
                && double.TryParse(wrote, NumberStyles.Float, CultureInfo.InvariantCulture, out double wroteValue)
                && double.IsFinite(readValue)
                && readValue == wroteValue,
            _ => false,
        };

        /// <summary>
        /// A JSON number's exact value in one spelling, at any precision and exponent: its significant digits and the
        /// power of ten after them (<c>-1.50e2</c> and <c>-150</c> are both <c>-15e1</c>); every zero is <c>0</c>.
        /// </summary>
        internal static string ExactValue(string number)
        {
            int i = 0;
            bool negative = number[i] == '-';
            if (negative)
            {
                i++;
            }

            int integerStart = i;
            while (i < number.Length && char.IsAsciiDigit(number[i]))
            {
                i++;
            }

            string digits = number[integerStart..i];
            BigInteger exponent = BigInteger.Zero;
            if (i < number.Length && number[i] == '.')
            {
                int fractionStart = ++i;
                while (i < number.Length && char.IsAsciiDigit(number[i]))
                {
                    i++;
                }

                digits += number[fractionStart..i];
                exponent -= i - fractionStart;
            }

            if (i < number.Length && (number[i] == 'e' || number[i] == 'E'))
            {
                exponent += BigInteger.Parse(number[(i + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            }

            digits = digits.TrimStart('0');
            if (digits.Length == 0)
            {
                return "0";
            }

            int significant = digits.TrimEnd('0').Length;
            exponent += digits.Length - significant;
            return $"{(negative ? "-" : "")}{digits[..significant]}e{exponent.ToString(CultureInfo.InvariantCulture)}";
        }

        private static string Show(JsonElement element)
        {
            string text = element.GetRawText();
            return text.Length <= 80 ? text : text[..77] + "...";
        }
    }
}
