using System.Linq;
using System.Text.Json;

namespace CometAnalyzers.Runtime.Tests.Infrastructure
{
    /// <summary>
    /// The strict comparison a round trip is held to: object member order is free, every number keeps its exact text
    /// (<c>1.0</c> is not <c>1</c>, <c>e-07</c> is not <c>E-07</c>) and every string its exact value (dates included);
    /// only the escaping of strings may differ.
    /// </summary>
    internal static class JsonTextEquivalence
    {
        /// <summary>Where two JSON texts first differ, or null when every value's text is the same.</summary>
        public static string? Difference(byte[] expectedJson, byte[] actualJson)
        {
            using JsonDocument expected = JsonDocument.Parse(expectedJson);
            using JsonDocument actual = JsonDocument.Parse(actualJson);
            return Compare(expected.RootElement, actual.RootElement, "$");
        }

        private static string? Compare(JsonElement expected, JsonElement actual, string path)
        {
            if (expected.ValueKind != actual.ValueKind)
            {
                return $"{path}: {expected.ValueKind} vs {actual.ValueKind}";
            }

            switch (expected.ValueKind)
            {
                case JsonValueKind.Object:
                    var actualMembers = actual.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, System.StringComparer.Ordinal);
                    int expectedCount = 0;
                    foreach (JsonProperty member in expected.EnumerateObject())
                    {
                        expectedCount++;
                        if (!actualMembers.TryGetValue(member.Name, out JsonElement value))
                        {
                            return $"{path}.{member.Name}: missing";
                        }

                        if (Compare(member.Value, value, path + "." + member.Name) is { } inner)
                        {
                            return inner;
                        }
                    }

                    return expectedCount == actualMembers.Count ? null : $"{path}: {actualMembers.Count - expectedCount} unexpected member(s)";
                case JsonValueKind.Array:
                    int length = expected.GetArrayLength();
                    if (length != actual.GetArrayLength())
                    {
                        return $"{path}: {length} items vs {actual.GetArrayLength()}";
                    }

                    for (int i = 0; i < length; i++)
                    {
                        if (Compare(expected[i], actual[i], $"{path}[{i}]") is { } inner)
                        {
                            return inner;
                        }
                    }

                    return null;
                case JsonValueKind.Number:
                    return expected.GetRawText() == actual.GetRawText() ? null : $"{path}: {expected.GetRawText()} written as {actual.GetRawText()}";
                case JsonValueKind.String:
                    return expected.GetString() == actual.GetString() ? null : $"{path}: '{expected.GetString()}' written as '{actual.GetString()}'";
                default:
                    return null;
            }
        }
    }
}
