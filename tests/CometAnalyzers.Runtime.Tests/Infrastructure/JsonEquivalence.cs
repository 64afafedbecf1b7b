using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Xunit;

namespace CometAnalyzers.Runtime.Tests.Infrastructure
{
    /// <summary>
    /// Deep JSON comparison: object member order is free and strings compare by their characters (escapes do not count).
    /// Numbers compare by value, or in strict mode by their text: what a round trip must give back (<c>1.0</c> stays
    /// <c>1.0</c>, <c>1e-07</c> stays <c>1e-07</c>). Nothing else is free.
    /// </summary>
    internal static class JsonEquivalence
    {
        public static void AssertEquivalent(string expectedJson, string actualJson, bool strict = false)
        {
            string? difference = Difference(expectedJson, actualJson, strict);
            Assert.True(difference is null, $"JSON differs at {difference}\nExpected: {expectedJson}\nActual:   {actualJson}");
        }

        /// <summary>The same JSON with every number's text unchanged (<see cref="AssertEquivalent"/> in strict mode).</summary>
        public static void AssertSameText(string expectedJson, string actualJson) => AssertEquivalent(expectedJson, actualJson, strict: true);

        /// <summary>Where two JSON texts first differ, or null when they are equivalent.</summary>
        public static string? Difference(string expectedJson, string actualJson, bool strict = false)
        {
            using JsonDocument expected = JsonDocument.Parse(expectedJson);
            using JsonDocument actual = JsonDocument.Parse(actualJson);
            return Compare(expected.RootElement, actual.RootElement, "$", strict);
        }

        public static string? Compare(JsonElement expected, JsonElement actual, string path, bool strict = false)
        {
            if (expected.ValueKind != actual.ValueKind)
            {
                return $"{path}: {expected.ValueKind} vs {actual.ValueKind}";
            }

            switch (expected.ValueKind)
            {
                case JsonValueKind.Object:
                    var expectedMembers = expected.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
                    var actualMembers = actual.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
                    foreach (string missing in expectedMembers.Keys.Except(actualMembers.Keys))
                    {
                        return $"{path}.{missing}: missing";
                    }

                    foreach (string extra in actualMembers.Keys.Except(expectedMembers.Keys))
                    {
                        return $"{path}.{extra}: unexpected";
                    }

                    foreach (KeyValuePair<string, JsonElement> member in expectedMembers)
                    {
                        if (Compare(member.Value, actualMembers[member.Key], path + "." + member.Key, strict) is { } inner)
                        {
                            return inner;
                        }
                    }

                    return null;
                case JsonValueKind.Array:
                    int length = expected.GetArrayLength();
                    if (length != actual.GetArrayLength())
                    {
                        return $"{path}: {length} items vs {actual.GetArrayLength()}";
                    }

                    for (int i = 0; i < length; i++)
                    {
                        if (Compare(expected[i], actual[i], $"{path}[{i}]", strict) is { } inner)
                        {
                            return inner;
                        }
                    }

                    return null;
                case JsonValueKind.Number:
                    return (strict ? expected.GetRawText() == actual.GetRawText() : SameNumber(expected, actual)) ? null : $"{path}: {expected.GetRawText()} vs {actual.GetRawText()}";
                case JsonValueKind.String:
                    return expected.GetString() == actual.GetString() ? null : $"{path}: '{expected.GetString()}' vs '{actual.GetString()}'";
                default:
                    return null;
            }
        }

        /// <summary>Decimal where both fit (exact), else double, else the same text (numbers beyond double's range).</summary>
        private static bool SameNumber(JsonElement expected, JsonElement actual)
        {
            if (expected.TryGetDecimal(out decimal left) && actual.TryGetDecimal(out decimal right))
            {
                return left == right;
            }

            return expected.TryGetDouble(out double x) && actual.TryGetDouble(out double y) ? x.Equals(y) : expected.GetRawText() == actual.GetRawText();
        }

        public static string Write(Action<Utf8JsonWriter> write)
        {
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                write(writer);
            }

            return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
        }

        /// <summary>
        /// Parse then WriteTo, and JsonSerializer with the generated type info, must both give back JSON equivalent to the
        /// input, every number with its text (strict mode).
        /// </summary>
        public static T AssertRoundTrips<T>(string json, Func<byte[], T> parse, Action<T, Utf8JsonWriter> write, JsonTypeInfo<T> typeInfo)
        {
            T model = parse(System.Text.Encoding.UTF8.GetBytes(json));
            AssertSameText(json, Write(writer => write(model, writer)));
            T? viaSerializer = JsonSerializer.Deserialize(json, typeInfo);
            Assert.NotNull(viaSerializer);
            AssertSameText(json, JsonSerializer.Serialize(viaSerializer, typeInfo));
            return model;
        }

        /// <summary>The JSON payload of every <c>data:</c> line of an event stream, [DONE] excluded.</summary>
        public static string[] EventPayloads(string eventStream)
            => eventStream.Split('\n').Where(l => l.StartsWith("data: {", StringComparison.Ordinal)).Select(l => l.Substring(6).TrimEnd('\r')).ToArray();
    }
}
