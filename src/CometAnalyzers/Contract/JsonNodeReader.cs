using System.Collections.Generic;
using System.Globalization;
using CometAnalyzers.Contract.Json;
using CometAnalyzers.Rules;

namespace CometAnalyzers.Contract
{
    /// <summary>Typed reads of contract keys: a wrong type is reported (COMET101) at the value and read as absent.</summary>
    internal sealed class JsonNodeReader
    {
        private readonly DiagnosticSink _sink;

        public JsonNodeReader(DiagnosticSink sink) => _sink = sink;

        public DiagnosticSink Sink => _sink;

        public JsonObjectNode? Object(JsonObjectNode parent, string key, string path)
            => Expect<JsonObjectNode>(parent[key], path + key, "an object");

        public JsonArrayNode? Array(JsonObjectNode parent, string key, string path)
            => Expect<JsonArrayNode>(parent[key], path + key, "an array");

        public JsonStringNode? StringNode(JsonObjectNode parent, string key, string path)
            => Expect<JsonStringNode>(parent[key], path + key, "a string");

        public string? String(JsonObjectNode parent, string key, string path) => StringNode(parent, key, path)?.Value;

        public bool? Boolean(JsonObjectNode parent, string key, string path)
        {
            JsonNode? node = parent[key];
            if (node is null)
            {
                return null;
            }

            if (node.Kind == JsonKind.True || node.Kind == JsonKind.False)
            {
                return node.Kind == JsonKind.True;
            }

            ReportWrongType(node, path + key, "a boolean");
            return null;
        }

        public double? Number(JsonObjectNode parent, string key, string path)
        {
            JsonNumberNode? node = Expect<JsonNumberNode>(parent[key], path + key, "a number");
            return node is not null && double.TryParse(node.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
                ? value
                : null;
        }

        /// <summary>An integer in Int32 range; a fraction or an overflow is reported as COMET108.</summary>
        public int? Int32(JsonObjectNode parent, string key, string path)
        {
            JsonNumberNode? node = Expect<JsonNumberNode>(parent[key], path + key, "an integer");
            return node is null ? null : Int32(node, path + key);
        }

        public int? Int32(JsonNumberNode node, string displayPath)
        {
            if (int.TryParse(node.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
            {
                return value;
            }

            _sink.Report(RuleIdentifiers.InvalidValue, node, displayPath, node.Text, "an integer between -2147483648 and 2147483647 is expected");
            return null;
        }

        public IReadOnlyList<string> StringList(JsonObjectNode parent, string key, string path)
        {
            JsonArrayNode? array = Array(parent, key, path);
            if (array is null)
            {
                return System.Array.Empty<string>();
            }

            var result = new List<string>(array.Items.Count);
            for (int i = 0; i < array.Items.Count; i++)
            {
                if (Expect<JsonStringNode>(array.Items[i], $"{path}{key}[{i}]", "a string") is { } item)
                {
                    result.Add(item.Value);
                }
            }

            return result;
        }

        public T? Expect<T>(JsonNode? node, string displayPath, string expected)
            where T : JsonNode
        {
            if (node is null)
            {
                return null;
            }

            if (node is T typed)
            {
                return typed;
            }

            ReportWrongType(node, displayPath, expected);
            return null;
        }

        public void ReportWrongType(JsonNode node, string displayPath, string expected)
            => _sink.Report(RuleIdentifiers.WrongValueType, node, displayPath, expected, node.KindName);
    }
}
