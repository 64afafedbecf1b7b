using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace CometAnalyzers.Tests.Robustness
{
    /// <summary>
    /// An independent statement of the contract format's value kinds (from contract/comet-contract.schema.json): for each
    /// value of a contract, the JSON kinds its place allows. Keyed by the JSON paths <c>Mutations.ValueSpans</c> writes.
    /// </summary>
    internal static class ContractFormat
    {
        private static readonly string[] Any = { "object", "array", "string", "number", "boolean", "null" };

        private enum Role
        {
            Root,
            Reference,
            Endpoint,
            Auth,
            Retry,
            Timeouts,
            Schema,
            SchemaMap,
            SchemaArray,
            Discriminator,
            StringMap,
            StringArray,
            NumberArray,
            OverlayList,
            Overlay,
            OverlayInfo,
            ActionList,
            Action,
            Free,
        }

        /// <summary>The allowed kinds of every value in <paramref name="json"/>, by path.</summary>
        public static Dictionary<string, string[]> AllowedKinds(string json)
        {
            var result = new Dictionary<string, string[]>(StringComparer.Ordinal);
            using JsonDocument document = JsonDocument.Parse(json);
            result["$"] = new[] { "object" };
            Walk(document.RootElement, "$", Role.Root, result);
            return result;
        }

        private static void Walk(JsonElement element, string path, Role role, Dictionary<string, string[]> result)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    (string[] kinds, Role child) = Member(role, property.Name, property.Value.ValueKind);
                    string childPath = path + "." + property.Name;
                    result[childPath] = kinds;
                    Walk(property.Value, childPath, child, result);
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                (string[] kinds, Role child) = Item(role);
                int index = 0;
                foreach (JsonElement item in element.EnumerateArray())
                {
                    string childPath = path + "[" + index++.ToString(CultureInfo.InvariantCulture) + "]";
                    result[childPath] = kinds;
                    Walk(item, childPath, child, result);
                }
            }
        }

        private static (string[] Kinds, Role Child) Item(Role array) => array switch
        {
            Role.SchemaArray => (new[] { "object" }, Role.Schema),
            Role.StringArray => (new[] { "string" }, Role.Free),
            Role.NumberArray => (new[] { "number" }, Role.Free),
            Role.OverlayList => (new[] { "object", "string" }, Role.Overlay),
            Role.ActionList => (new[] { "object" }, Role.Action),
            _ => (Any, Role.Free),
        };

        private static (string[] Kinds, Role Child) Member(Role parent, string name, JsonValueKind actual)
        {
            switch (parent)
            {
                case Role.Root:
                    return name switch
                    {
                        "$schema" or "$comment" or "name" or "namespace" => (new[] { "string" }, Role.Free),
                        "reference" => (new[] { "object" }, Role.Reference),
                        "endpoint" => (new[] { "object" }, Role.Endpoint),
                        "auth" => (new[] { "object" }, Role.Auth),
                        "retry" => (new[] { "object" }, Role.Retry),
                        "timeouts" => (new[] { "object" }, Role.Timeouts),
                        "request" or "response" or "streamEvent" or "error" => (new[] { "object" }, Role.Schema),
                        "schemas" => (new[] { "object" }, Role.SchemaMap),
                        "overlays" => (new[] { "array" }, Role.OverlayList),
                        _ => (Any, Role.Free),
                    };
                case Role.Overlay:
                    return name switch
                    {
                        "overlay" or "extends" => (new[] { "string" }, Role.Free),
                        "info" => (new[] { "object" }, Role.OverlayInfo),
                        "actions" => (new[] { "array" }, Role.ActionList),
                        _ => (Any, Role.Free),
                    };
                case Role.OverlayInfo:
                    return name is "title" or "version" ? (new[] { "string" }, Role.Free) : (Any, Role.Free);
                case Role.Action:
                    return name switch
                    {
                        "target" or "description" => (new[] { "string" }, Role.Free),
                        "remove" => (new[] { "boolean" }, Role.Free),
                        "copy" => (Array.Empty<string>(), Role.Free),
                        _ => (Any, Role.Free), // "update": any kind that fits its target (checked where it is applied)
                    };
                case Role.Reference:
                case Role.Auth:
                    return name.StartsWith("x-", StringComparison.Ordinal) ? (Any, Role.Free) : (new[] { "string" }, Role.Free);
                case Role.Endpoint:
                    return name switch
                    {
                        "hosts" => (new[] { "array" }, Role.StringArray),
                        "method" or "path" or "baseUrlConfigKey" => (new[] { "string" }, Role.Free),
                        _ => (Any, Role.Free),
                    };
                case Role.Retry:
                    return name switch
                    {
                        "maxRetries" => (new[] { "number" }, Role.Free),
                        "retryOn" => (new[] { "array" }, Role.NumberArray),
                        _ => (Any, Role.Free),
                    };
                case Role.Timeouts:
                    return name.StartsWith("x-", StringComparison.Ordinal) ? (Any, Role.Free) : (new[] { "number" }, Role.Free);
                case Role.SchemaMap:
                    return (new[] { "object" }, Role.Schema);
                case Role.StringMap:
                    return (new[] { "string" }, Role.Free);
                case Role.Discriminator:
                    return name switch
                    {
                        "propertyName" => (new[] { "string" }, Role.Free),
                        "mapping" => (new[] { "object" }, Role.StringMap),
                        _ => (Any, Role.Free),
                    };
                case Role.Schema:
                    return name switch
                    {
                        "$ref" or "format" or "title" or "description" or "x-csharp-name" => (new[] { "string" }, Role.Free),
                        "type" => (new[] { "string", "array" }, Role.StringArray),
                        "properties" => (new[] { "object" }, Role.SchemaMap),
                        "required" => (new[] { "array" }, Role.StringArray),
                        "additionalProperties" => (new[] { "boolean", "object" }, actual == JsonValueKind.Object ? Role.Schema : Role.Free),
                        "items" => (new[] { "object" }, Role.Schema),
                        "enum" => (new[] { "array" }, Role.Free),
                        "allOf" or "oneOf" or "anyOf" => (new[] { "array" }, Role.SchemaArray),
                        "discriminator" => (new[] { "object" }, Role.Discriminator),
                        "nullable" or "deprecated" or "x-sensitive" => (new[] { "boolean" }, Role.Free),
                        "minimum" or "maximum" or "minItems" or "maxItems" or "minLength" or "maxLength" => (new[] { "number" }, Role.Free),
                        _ => (Any, Role.Free),
                    };
                default:
                    return (Any, Role.Free);
            }
        }
    }
}
