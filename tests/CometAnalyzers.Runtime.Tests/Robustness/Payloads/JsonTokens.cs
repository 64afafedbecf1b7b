using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace CometAnalyzers.Runtime.Tests.Robustness.Payloads
{
    /// <summary>Where a well-formed document's tokens start and end, in bytes.</summary>
    internal static class JsonTokens
    {
        /// <summary>Every offset between two tokens, or before the first and after the last: where whitespace may go.</summary>
        public static IReadOnlyList<int> Boundaries(byte[] utf8)
        {
            var offsets = new SortedSet<int>();
            var reader = new Utf8JsonReader(utf8);
            while (reader.Read())
            {
                offsets.Add((int)reader.TokenStartIndex);
                offsets.Add((int)reader.BytesConsumed);
            }

            return offsets.ToList();
        }

        /// <summary>The offset of every '}' and ']' that closes a non-empty container: where a trailing comma would go.</summary>
        public static IReadOnlyList<int> NonEmptyContainerEnds(byte[] utf8)
        {
            var ends = new List<int>();
            var reader = new Utf8JsonReader(utf8);
            JsonTokenType previous = JsonTokenType.None;
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray && previous is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
                {
                    ends.Add((int)reader.TokenStartIndex);
                }

                previous = reader.TokenType;
            }

            return ends;
        }
    }
}
