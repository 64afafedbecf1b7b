using System;
using System.Text.Json;
using CometApi.Contracts;

namespace CometAnalyzers.Runtime.Tests.Robustness.Payloads
{
    /// <summary>The oracle for "is this JSON at all": RFC 8259 syntax, valid UTF-8 in every string, and the generated depth limit.</summary>
    internal static class JsonSyntax
    {
        public static bool IsWellFormed(ReadOnlySpan<byte> utf8)
        {
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = CometApiJson.MaxDepth });
            try
            {
                while (reader.Read())
                {
                    if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
                    {
                        _ = reader.GetString(); // the reader checks UTF-8 (and escaped surrogates) only here
                    }
                }

                return true; // an empty or blank input already threw: the reader wants one value
            }
            catch (JsonException)
            {
                return false;
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }

        /// <summary>Whether the document is the literal <c>null</c>, which JsonSerializer answers with null without asking the model.</summary>
        public static bool IsNullLiteral(ReadOnlySpan<byte> utf8)
        {
            var reader = new Utf8JsonReader(utf8);
            try
            {
                return reader.Read() && reader.TokenType == JsonTokenType.Null && !reader.Read();
            }
            catch (JsonException)
            {
                return false;
            }
        }
    }
}
