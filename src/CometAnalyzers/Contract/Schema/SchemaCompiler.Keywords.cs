using System.Collections.Generic;
using System.Globalization;
using CometAnalyzers.Contract.Json;
using CometAnalyzers.Rules;

namespace CometAnalyzers.Contract.Schema
{
    /// <summary>
    /// The kinds of the keywords the generator reads. Without this check a keyword of the wrong kind is silently
    /// ignored: <c>"x-sensitive": "true"</c> would let a secret be logged, <c>"minimum": "0"</c> would drop a limit.
    /// </summary>
    internal sealed partial class SchemaCompiler
    {
        private static readonly string[] StringKeywords = { "$ref", "format", "title", "description", "x-csharp-name" };

        private static readonly string[] BooleanKeywords = { "nullable", "deprecated", "x-sensitive" };

        private static readonly string[] NumberKeywords = { "minimum", "maximum" };

        private static readonly string[] CountKeywords = { "minLength", "maxLength", "minItems", "maxItems" };

        private readonly HashSet<JsonObjectNode> _checkedKeywords = new();

        /// <summary>
        /// Reports COMET101 for a keyword of the wrong kind and COMET108 for a count that is not a non-negative Int32.
        /// Only where the author wrote the keyword (the contract, or an overlay's update, which may add one keyword to a
        /// schema of the document): a referenced document is the vendor's, and its places are not the author's to fix.
        /// The arguments match the ones the compiler reports where it reads a keyword, so a problem is reported once.
        /// </summary>
        private void CheckKeywords(SchemaNode schema)
        {
            JsonObjectNode node = schema.Node;
            if (!_checkedKeywords.Add(node))
            {
                return;
            }

            SchemaDocument document = schema.Document;
            JsonNode? Authored(JsonObjectNode parent, string key) => parent[key] is { } value && document.IsAuthored(value) ? value : null;

            foreach (string key in StringKeywords)
            {
                _reader.Expect<JsonStringNode>(Authored(node, key), key, "a string");
            }

            foreach (string key in BooleanKeywords)
            {
                if (Authored(node, key) is { Kind: not (JsonKind.True or JsonKind.False) } flag)
                {
                    _reader.ReportWrongType(flag, key, "a boolean");
                }
            }

            foreach (string key in NumberKeywords)
            {
                _reader.Expect<JsonNumberNode>(Authored(node, key), key, "a number");
            }

            foreach (string key in CountKeywords)
            {
                if (_reader.Expect<JsonNumberNode>(Authored(node, key), key, "a non-negative integer") is { } count
                    && !int.TryParse(count.Text, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                {
                    _sink.Report(RuleIdentifiers.InvalidValue, count, key, count.Text, "a non-negative integer up to 2147483647 is expected");
                }
            }

            _reader.Expect<JsonObjectNode>(Authored(node, "properties"), "properties", "an object");
            _reader.Expect<JsonObjectNode>(Authored(node, "items"), "items", "a schema object");
            _reader.Expect<JsonArrayNode>(Authored(node, "enum"), "enum", "an array");
            _reader.Expect<JsonArrayNode>(Authored(node, "required"), "required", "an array");
            foreach (string keyword in new[] { "allOf", "oneOf", "anyOf" })
            {
                _reader.Expect<JsonArrayNode>(Authored(node, keyword), keyword, "an array");
            }

            if (Authored(node, "additionalProperties") is { Kind: not (JsonKind.Object or JsonKind.True or JsonKind.False) } additional)
            {
                _reader.ReportWrongType(additional, "additionalProperties", "a boolean or a schema object");
            }

            if (node["discriminator"] is { } discriminatorNode
                && (document.IsAuthored(discriminatorNode) ? _reader.Expect<JsonObjectNode>(discriminatorNode, "discriminator", "an object") : discriminatorNode as JsonObjectNode) is { } discriminator)
            {
                _reader.Expect<JsonStringNode>(Authored(discriminator, "propertyName"), "discriminator.propertyName", "a string");
                JsonNode? mappingNode = discriminator["mapping"];
                if (mappingNode is not null
                    && (document.IsAuthored(mappingNode) ? _reader.Expect<JsonObjectNode>(mappingNode, "discriminator.mapping", "an object") : mappingNode as JsonObjectNode) is { } mapping)
                {
                    foreach (JsonProperty entry in mapping.Properties)
                    {
                        if (document.IsAuthored(entry.Value))
                        {
                            _reader.Expect<JsonStringNode>(entry.Value, "discriminator.mapping." + entry.Name, "a string");
                        }
                    }
                }
            }
        }
    }
}
