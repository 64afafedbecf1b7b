using System;
using System.Collections.Generic;
using System.Text;
using CometAnalyzers.Contract.Json;

namespace CometAnalyzers.Contract.Schema
{
    /// <summary>RFC 6901 JSON pointers, as $ref fragments write them (with URI percent-encoding).</summary>
    internal static class SchemaPointer
    {
        public static string Escape(string segment) => segment.Replace("~", "~0").Replace("/", "~1");

        /// <summary>Walks <paramref name="pointer"/> from <paramref name="root"/>; null with a reason when a segment is missing.</summary>
        public static JsonNode? Resolve(JsonNode root, string pointer, out string? problem)
        {
            problem = null;
            if (pointer.Length == 0)
            {
                return root;
            }

            if (pointer[0] != '/')
            {
                problem = "a JSON pointer must start with '/'";
                return null;
            }

            JsonNode current = root;
            foreach (string raw in pointer.Substring(1).Split('/'))
            {
                string segment = Unescape(raw);
                switch (current)
                {
                    case JsonObjectNode obj when obj[segment] is { } value:
                        current = value;
                        break;
                    case JsonArrayNode array when int.TryParse(segment, out int index) && index >= 0 && index < array.Items.Count:
                        current = array.Items[index];
                        break;
                    default:
                        problem = $"'{segment}' does not exist";
                        return null;
                }
            }

            return current;
        }

        public static IReadOnlyList<string> Segments(string pointer)
        {
            var result = new List<string>();
            if (pointer.Length > 1)
            {
                foreach (string raw in pointer.Substring(1).Split('/'))
                {
                    result.Add(Unescape(raw));
                }
            }

            return result;
        }

        private static string Unescape(string raw)
        {
            string decoded = raw.IndexOf('%') >= 0 ? PercentDecode(raw) : raw;
            return decoded.Replace("~1", "/").Replace("~0", "~");
        }

        private static string PercentDecode(string text)
        {
            var bytes = new List<byte>(text.Length);
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] == '%' && i + 2 < text.Length
                    && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
                {
                    bytes.Add((byte)Convert.ToInt32(text.Substring(i + 1, 2), 16));
                    i += 2;
                }
                else
                {
                    bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
                }
            }

            return Encoding.UTF8.GetString(bytes.ToArray());
        }
    }
}
