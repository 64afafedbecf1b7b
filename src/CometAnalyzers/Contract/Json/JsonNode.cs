using System.Collections.Generic;

namespace CometAnalyzers.Contract.Json
{
    internal enum JsonKind
    {
        Object,
        Array,
        String,
        Number,
        True,
        False,
        Null,
    }

    /// <summary>
    /// A parsed JSON value that remembers where it stood in the file (character offsets), so every
    /// contract diagnostic can point at the exact line and column. Parse-time only: never cached in models.
    /// </summary>
    internal abstract class JsonNode
    {
        protected JsonNode(int start, int length)
        {
            Start = start;
            Length = length;
        }

        public abstract JsonKind Kind { get; }

        public int Start { get; }

        public int Length { get; }

        public string KindName => Kind switch
        {
            JsonKind.Object => "an object",
            JsonKind.Array => "an array",
            JsonKind.String => "a string",
            JsonKind.Number => "a number",
            JsonKind.True or JsonKind.False => "a boolean",
            _ => "null",
        };
    }

    internal sealed class JsonProperty
    {
        public JsonProperty(string name, int nameStart, int nameLength, JsonNode value)
        {
            Name = name;
            NameStart = nameStart;
            NameLength = nameLength;
            Value = value;
        }

        public string Name { get; }

        public int NameStart { get; }

        public int NameLength { get; }

        public JsonNode Value { get; }
    }

    internal sealed class JsonObjectNode : JsonNode
    {
        private readonly Dictionary<string, JsonProperty> _byName;

        public JsonObjectNode(int start, int length, IReadOnlyList<JsonProperty> properties)
            : base(start, length)
        {
            Properties = properties;
            _byName = new Dictionary<string, JsonProperty>(properties.Count, System.StringComparer.Ordinal);
            foreach (JsonProperty property in properties)
            {
                // Duplicates are reported by the parser; the first one wins, as in most JSON readers' strict modes.
                if (!_byName.ContainsKey(property.Name))
                {
                    _byName.Add(property.Name, property);
                }
            }
        }

        public override JsonKind Kind => JsonKind.Object;

        /// <summary>The properties in file order (order matters for deterministic output).</summary>
        public IReadOnlyList<JsonProperty> Properties { get; }

        public JsonNode? this[string name] => _byName.TryGetValue(name, out JsonProperty? property) ? property.Value : null;

        public JsonProperty? GetProperty(string name) => _byName.TryGetValue(name, out JsonProperty? property) ? property : null;
    }

    internal sealed class JsonArrayNode : JsonNode
    {
        public JsonArrayNode(int start, int length, IReadOnlyList<JsonNode> items)
            : base(start, length) => Items = items;

        public override JsonKind Kind => JsonKind.Array;

        public IReadOnlyList<JsonNode> Items { get; }
    }

    internal sealed class JsonStringNode : JsonNode
    {
        public JsonStringNode(int start, int length, string value)
            : base(start, length) => Value = value;

        public override JsonKind Kind => JsonKind.String;

        public string Value { get; }
    }

    internal sealed class JsonNumberNode : JsonNode
    {
        public JsonNumberNode(int start, int length, string text)
            : base(start, length) => Text = text;

        public override JsonKind Kind => JsonKind.Number;

        /// <summary>The number exactly as written; converted on demand so out-of-range values can be reported.</summary>
        public string Text { get; }
    }

    internal sealed class JsonLiteralNode : JsonNode
    {
        private readonly JsonKind _kind;

        public JsonLiteralNode(int start, int length, JsonKind kind)
            : base(start, length) => _kind = kind;

        public override JsonKind Kind => _kind;
    }
}
