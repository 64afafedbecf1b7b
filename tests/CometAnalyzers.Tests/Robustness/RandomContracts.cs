using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace CometAnalyzers.Tests.Robustness
{
    /// <summary>
    /// Random contracts built from the format's grammar: named schemas that refer to each other (cycles included),
    /// objects, enums, arrays, maps, discriminated and shape unions, allOf, formats, limits and flags, with names drawn
    /// from a pool of C# keywords, generated-member names, non-ASCII, empty and colliding names.
    /// </summary>
    internal sealed class RandomContracts
    {
        /// <summary>Names that have broken or could break generated code: keywords, member and type names it uses, odd text.</summary>
        public static readonly string[] HostileNames =
        {
            "class", "namespace", "int", "string", "object", "event", "operator", "params", "base", "this", "null", "true",
            "var", "dynamic", "record", "global", "async", "await", "value", "nameof", "when", "where", "required", "file", "scoped",
            "Value", "Item", "Unknown", "Parse", "TryParse", "WriteTo", "Validate", "ToString", "Equals", "GetHashCode", "GetType",
            "AdditionalProperties", "Match", "JsonNameOf", "ReadJson", "WriteJson", "WriteValue", "ValidateInto", "DiscriminatorName",
            "DiscriminatorUtf8", "Json", "IsKnown", "KnownValues", "KnownValueSet", "IsUnknown", "FromUnknown", "Unknown", "IsString", "AsString",
            "_value", "_case", "_jsonNulls0", "s_aJsonName", "value0", "has0", "property", "unknown", "result", "reader", "writer",
            "redact", "violations", "path", "exception", "list", "pair", "i", "v", "r", "w", "System", "Contracts", "String", "Object",
            "Nullable", "List", "Dictionary", "JsonElement", "Exception", "Done", "ReadAsync",
            "café", "名前", "Ünïcödé", "ℌilbert", "\U0001D49Cbc", "a\u200Bb", "e\u0301", "emoji\U0001F600", "\u0130stanbul", "ǅemal",
            "a-b", "a b", "a.b", "a/b", "a~b", "a%20b", "1abc", "123", "", " ", "_", "__", "$", "-", "@class", "x:y",
            "quote\"d", "back\\slash", "</summary>", "*/", "/*", "line\nbreak", "para\u2029graph", "cr\ronly", "tab\t", "nul\u0000", "\uFFFF",
            "foo", "Foo", "FOO", "foo_bar", "fooBar", "FooBar", "foo-bar", "foo bar", "Foo2", "FooValue", "FooItem", "UnknownFoo",
            "CometApi", "CometApiContract", "CometApiJson", "CometApiJsonContext", "CometApiContractException", "CometApiEventStream",
            "FuzzContract", "FuzzJson", "FuzzError", "FuzzRequest", "FuzzResponse", "FuzzStreamEvent", "FuzzFailureClass",
            new string('n', 300),
        };

        /// <summary>Strings with no UTF-8 form: the contract reader must reject them (COMET100), never generate from them.</summary>
        public static readonly string[] UnpairedSurrogates = { "\uD800", "a\uDFFFb", "\uDBFF" };

        private static readonly string[] PlainNames =
        {
            "id", "name", "type", "kind", "role", "content", "message", "messages", "choices", "index", "data", "items", "entries",
            "created", "model", "usage", "status", "tags", "aliases", "boxes", "address", "count", "total", "ratio", "when", "text",
        };

        private static readonly string[] Formats = { "int32", "int64", "float", "double", "date-time", "unixtime", "uri", "weird" };

        private readonly Random _random;
        private readonly int _index;
        private readonly List<string> _schemaNames = new();
        private int _budget;

        private RandomContracts(Random random, int index)
        {
            _random = random;
            _index = index;
        }

        /// <summary>One random contract; <paramref name="index"/> keeps its name and namespace apart from the others of a batch.</summary>
        public static string Create(Random random, int index) => new RandomContracts(random, index).Build();

        /// <summary>A JSON string literal for any text: lone surrogates and control characters as \u escapes.</summary>
        public static string Quote(string text)
        {
            var builder = new StringBuilder(text.Length + 2).Append('"');
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                bool paired = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
                if (paired)
                {
                    builder.Append(c).Append(text[++i]);
                }
                else if (c == '"' || c == '\\')
                {
                    builder.Append('\\').Append(c);
                }
                else if (c < ' ' || char.IsSurrogate(c))
                {
                    builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                }
                else
                {
                    builder.Append(c);
                }
            }

            return builder.Append('"').ToString();
        }

        private string Build()
        {
            _budget = 40;
            int schemaCount = 1 + _random.Next(6);
            for (int i = 0; i < schemaCount; i++)
            {
                _schemaNames.Add(Chance(0.75) ? Pick(PlainNames) + (Chance(0.5) ? "_schema" : string.Empty) : Hostile());
            }

            var members = new List<string>();
            string name = Chance(0.9) ? "Fuzz" + _index.ToString(CultureInfo.InvariantCulture) : Hostile();
            members.Add("\"name\": " + Quote(name));
            if (Chance(0.9))
            {
                members.Add("\"namespace\": " + Quote(Chance(0.9) ? "Fuzz" + _index.ToString(CultureInfo.InvariantCulture) + ".Contracts" : Hostile()));
            }

            foreach (string root in new[] { "request", "response", "streamEvent", "error" })
            {
                if (Chance(root == "response" ? 0.9 : 0.4))
                {
                    members.Add(Quote(root) + ": " + (Chance(0.6) ? "{ \"$ref\": " + Quote("#/schemas/" + EscapePointer(_schemaNames[0])) + " }" : ObjectSchema(2)));
                }
            }

            if (Chance(0.3))
            {
                members.Add("\"timeouts\": { \"attemptSeconds\": " + Pick(new[] { "0.5", "30", "1e-9", "86400", "1e300", "1e400" }) + " }");
            }

            // The first schema is an object (or a discriminated union of objects), so the roots that refer to it can be models.
            var schemas = _schemaNames.Select((n, i) => "    " + Quote(n) + ": " + (i > 0 ? Schema(3) : Chance(0.8) ? ObjectSchema(3) : Discriminated(3))).ToList();
            members.Add("\"schemas\": {\n" + string.Join(",\n", schemas) + "\n  }");
            return "{\n  " + string.Join(",\n  ", members) + "\n}\n";
        }

        private string Schema(int depth)
        {
            if (--_budget < 0 || depth <= 0)
            {
                return Chance(0.5) ? Ref() : Primitive();
            }

            return _random.Next(12) switch
            {
                0 or 1 or 2 => ObjectSchema(depth),
                3 => Enum(),
                4 => Ref(),
                5 => Wrap("{ \"type\": \"array\", \"items\": " + Schema(depth - 1) + " }"),
                6 => Wrap("{ \"type\": \"object\", \"additionalProperties\": " + Schema(depth - 1) + " }"),
                7 => Discriminated(depth),
                8 => Wrap("{ \"oneOf\": [" + string.Join(", ", Enumerable.Range(0, 2 + _random.Next(2)).Select(_ => Schema(depth - 1))) + "] }"),
                9 => Wrap("{ \"anyOf\": [" + Schema(depth - 1) + ", { \"type\": \"null\" }] }"),
                10 => Wrap("{ \"allOf\": [" + Ref() + ", " + ObjectSchema(depth - 1) + "] }"),
                _ => Primitive(),
            };
        }

        private string ObjectSchema(int depth)
        {
            int count = _random.Next(6);
            var names = Enumerable.Range(0, count).Select(_ => Chance(0.75) ? Pick(PlainNames) : Hostile()).ToList();
            string properties = string.Join(", ", names.Select(n => Quote(n) + ": " + Schema(depth - 1)));
            string required = string.Join(", ", names.Where(_ => Chance(0.5)).Select(Quote));
            return Wrap("{ \"type\": \"object\", \"required\": [" + required + "], \"properties\": { " + properties + " } }");
        }

        private string Enum()
        {
            var values = Enumerable.Range(0, 2 + _random.Next(5)).Select(_ => Chance(0.7) ? Pick(PlainNames) : Hostile());
            return Wrap("{ \"type\": \"string\", \"enum\": [" + string.Join(", ", values.Select(Quote)) + "] }");
        }

        private string Discriminated(int depth)
        {
            string property = Chance(0.7) ? "type" : Hostile();
            var values = Enumerable.Range(0, 2 + _random.Next(2)).Select(_ => Chance(0.6) ? Pick(PlainNames) : Hostile()).ToList();
            string variants = string.Join(", ", values.Select(v =>
                "{ \"type\": \"object\", \"required\": [" + Quote(property) + "], \"properties\": { " + Quote(property) + ": { \"type\": \"string\", \"const\": " + Quote(v) + " }"
                + (Chance(0.6) ? ", " + Quote(Chance(0.6) ? Pick(PlainNames) : Hostile()) + ": " + Schema(depth - 1) : string.Empty) + " } }"));
            string discriminator = Chance(0.5) ? ", \"discriminator\": { \"propertyName\": " + Quote(property) + " }" : string.Empty;
            return Wrap("{ \"oneOf\": [" + variants + "]" + discriminator + " }");
        }

        private string Primitive()
        {
            switch (_random.Next(6))
            {
                case 0:
                    return Wrap("{ \"type\": \"string\"" + (Chance(0.3) ? ", \"format\": \"date-time\"" : string.Empty) + Limits("minLength", "maxLength") + " }");
                case 1:
                    return Wrap("{ \"type\": \"integer\"" + (Chance(0.5) ? ", \"format\": " + Quote(Pick(Formats)) : string.Empty) + Limits("minimum", "maximum") + " }");
                case 2:
                    return Wrap("{ \"type\": \"number\"" + (Chance(0.5) ? ", \"format\": " + Quote(Pick(Formats)) : string.Empty) + Limits("minimum", "maximum") + " }");
                case 3:
                    return Wrap("{ \"type\": \"boolean\" }");
                case 4:
                    return Wrap("{ \"type\": [\"string\", \"null\"] }");
                default:
                    return Chance(0.5) ? "{}" : Wrap("{ \"description\": \"anything\" }");
            }
        }

        private string Limits(string min, string max)
        {
            var parts = new List<string>();
            string[] numbers = { "0", "1", "3", "100", "2147483647" };
            string[] hostile = { "-1", "2.5", "1e300", "2147483648", "-9223372036854775809", "1e400" };
            if (Chance(0.3))
            {
                parts.Add(Quote(min) + ": " + (Chance(0.8) ? Pick(numbers) : Pick(hostile)));
            }

            if (Chance(0.3))
            {
                parts.Add(Quote(max) + ": " + (Chance(0.8) ? Pick(numbers) : Pick(hostile)));
            }

            return parts.Count == 0 ? string.Empty : ", " + string.Join(", ", parts);
        }

        private string Ref() => "{ \"$ref\": " + Quote("#/schemas/" + EscapePointer(Pick(_schemaNames))) + " }";

        /// <summary>Adds flags, names and text to a schema object literal (inserted before its closing brace).</summary>
        private string Wrap(string schema)
        {
            var extras = new List<string>();
            if (Chance(0.15))
            {
                extras.Add("\"x-csharp-name\": " + Quote(Chance(0.7) ? Pick(new[] { "Custom", "Renamed", "Value", "Json", "Parse", "Item", "Name" }) + (Chance(0.5) ? "Name" : string.Empty) : Hostile()));
            }

            if (Chance(0.2))
            {
                extras.Add("\"description\": " + Quote(Pick(new[] { "A <b>bold</b> & \"quoted\" text */ with /* comments", "line one\nline two\r\n", "   ", "\u0000\u0001", "é\U0001F600", "///", "\\" })));
            }

            if (Chance(0.1))
            {
                extras.Add("\"deprecated\": true");
            }

            if (Chance(0.1))
            {
                extras.Add("\"x-sensitive\": true");
            }

            if (Chance(0.1))
            {
                extras.Add("\"nullable\": true");
            }

            return extras.Count == 0 ? schema : schema.Substring(0, schema.Length - 1).TrimEnd() + ", " + string.Join(", ", extras) + " }";
        }

        private static string EscapePointer(string name)
            => name.Replace("%", "%25", StringComparison.Ordinal).Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

        private string Hostile() => Chance(0.005) ? Pick(UnpairedSurrogates) : Pick(HostileNames);

        private bool Chance(double probability) => _random.NextDouble() < probability;

        private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
    }
}
