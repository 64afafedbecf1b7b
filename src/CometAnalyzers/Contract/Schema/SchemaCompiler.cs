using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using CometAnalyzers.Common;
using CometAnalyzers.Contract.Json;
using CometAnalyzers.Generation.Model;
using CometAnalyzers.Rules;

namespace CometAnalyzers.Contract.Schema
{
    /// <summary>
    /// Turns a contract's JSON Schemas (and the OpenAPI schemas they reference) into the generator's type model.
    /// Never throws on bad input: what it cannot type becomes JsonElement (COMET107) or a reported error.
    /// </summary>
    internal sealed partial class SchemaCompiler
    {
        private readonly ContractDocument _contract;
        private readonly SchemaResolver _resolver;
        private readonly DiagnosticSink _sink;
        private readonly JsonNodeReader _reader;
        private readonly TypeNameTable _names;
        private readonly CancellationToken _cancellationToken;

        private readonly Dictionary<string, (TypeRef Type, bool Nullable)> _named = new(StringComparer.Ordinal);
        private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);
        private readonly List<object> _types = new(); // ObjectBuilder or TypeSpec, in discovery order
        private readonly Dictionary<string, ObjectBuilder> _objectsByName = new(StringComparer.Ordinal);
        private int _depth;

        private SchemaCompiler(ContractDocument contract, IReadOnlyList<ContractFile> documents, DiagnosticSink sink, CancellationToken cancellationToken)
        {
            _contract = contract;
            _sink = sink;
            _reader = new JsonNodeReader(sink);
            _resolver = new SchemaResolver(contract, documents, sink);

            // Corrections to the referenced documents come first: every $ref below resolves in the corrected documents.
            Overlays.ContractOverlays.Apply(contract, _resolver, sink, cancellationToken);
            _names = new TypeNameTable(contract.Settings.Name, sink);
            _cancellationToken = cancellationToken;
            _names.ReserveSchemaNames(DeclaredSchemaNames(contract.Root["schemas"]));
            _resolver.DocumentLoaded += document
                => _names.ReserveSchemaNames(DeclaredSchemaNames((document.Root as JsonObjectNode)?["components"] is JsonObjectNode components ? components["schemas"] : null));
        }

        public static ContractSpec Compile(ContractDocument contract, IReadOnlyList<ContractFile> documents, DiagnosticSink sink, CancellationToken cancellationToken)
            => new SchemaCompiler(contract, documents, sink, cancellationToken).Compile();

        private ContractSpec Compile()
        {
            string name = _contract.Settings.Name;
            TypeRef? request = CompileRoot("request", name + "Request");
            TypeRef? response = CompileRoot("response", name + "Response");
            TypeRef? streamEvent = CompileRoot("streamEvent", name + "StreamEvent");
            TypeRef? error = CompileRoot("error", name + "Error");

            // Schemas the contract declares are generated even when no root uses them: the author asked for them.
            if (_contract.Root["schemas"] is JsonObjectNode schemas)
            {
                foreach (JsonProperty entry in schemas.Properties)
                {
                    if (_reader.Expect<JsonObjectNode>(entry.Value, "schemas." + entry.Name, "a schema object") is { } schema)
                    {
                        ResolveNamed(new SchemaNode(schema, _resolver.Contract, "/schemas/" + SchemaPointer.Escape(entry.Name), schema));
                    }
                }
            }

            var types = new List<TypeSpec>(_types.Count);
            foreach (object item in _types)
            {
                types.Add(item is ObjectBuilder builder ? builder.Build() : (TypeSpec)item);
            }

            return new ContractSpec(_contract.File.Path, _contract.Settings, types.ToEquatableArray(), request, response, streamEvent, error);
        }

        private static IEnumerable<string> DeclaredSchemaNames(JsonNode? schemas)
            => schemas is JsonObjectNode map
                ? map.Properties.Select(p => p.Value is JsonObjectNode node && node["x-csharp-name"] is JsonStringNode custom ? custom.Value : Identifiers.ToPascalCase(p.Name))
                : Enumerable.Empty<string>();

        private TypeRef? CompileRoot(string key, string defaultName)
        {
            if (_contract.Root[key] is not JsonObjectNode node)
            {
                return null;
            }

            var schema = new SchemaNode(node, _resolver.Contract, "/" + key, node);
            int reportedBefore = _sink.Count;
            (TypeRef type, _) = node["$ref"] is not null ? ResolveReferenceOf(schema) : Resolve(schema, defaultName, defaultName);
            if (type.Kind == TypeKind.Json && (node["$ref"] is not null ? _resolver.Deref(schema) : schema) is { } target && ShapeOf(target) == "object")
            {
                // A free-form object at the root is still a model: a class whose properties are all kept as unknown.
                string name = node["$ref"] is not null ? NameOf(target) : defaultName;
                type = BuildObject(target, name, name);
            }
            if (type.Kind is not (TypeKind.Object or TypeKind.Polymorphic or TypeKind.Union))
            {
                if (_sink.Count > reportedBefore)
                {
                    return null; // the cause (an unresolved $ref, a cycle) is already reported
                }

                Report(RuleIdentifiers.InvalidValue, schema, node, key, "schema", $"the {key} must be an object schema (or a union of objects) so a model can be generated");
                return null;
            }

            return type;
        }

        /// <summary>The type of a schema reached by name (a $ref target or a declared schema): generated once, cached.</summary>
        private (TypeRef Type, bool Nullable) ResolveNamed(SchemaNode schema)
        {
            if (_named.TryGetValue(schema.Key, out (TypeRef, bool) cached))
            {
                return cached;
            }

            if (!_inProgress.Add(schema.Key))
            {
                // A schema that contains itself without an object in between (e.g. an array of itself) has no finite type.
                Report(RuleIdentifiers.UntypedSchema, schema, schema.Node, LastSegment(schema.Pointer), "it contains itself without an object in between");
                return (TypeRef.Json, false);
            }

            string name = NameOf(schema);
            (TypeRef, bool) result = Resolve(schema, name, exactName: name);
            _inProgress.Remove(schema.Key);
            _named[schema.Key] = result;
            return result;
        }

        private (TypeRef Type, bool Nullable) ResolveReferenceOf(SchemaNode schema)
        {
            SchemaNode? target = _resolver.Deref(schema);
            if (target is null)
            {
                return (TypeRef.Json, false);
            }

            (TypeRef type, bool nullable) = ResolveNamed(target);
            return (type, nullable || IsNullableMarker(schema.Node));
        }

        /// <summary>
        /// The type of any schema. <paramref name="contextName"/> names inline types; <paramref name="exactName"/>
        /// is set when the author chose the name (it must not collide).
        /// </summary>
        private (TypeRef Type, bool Nullable) Resolve(SchemaNode schema, string contextName, string? exactName = null)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (++_depth > 64)
            {
                _depth--;
                Report(RuleIdentifiers.UntypedSchema, schema, schema.Node, contextName, "schemas are nested more than 64 levels deep");
                return (TypeRef.Json, false);
            }

            try
            {
                if (exactName is not null)
                {
                    return ResolveCore(schema, contextName, exactName);
                }

                // An inline schema is one type wherever it is reached from. Resolving it again (an allOf that includes
                // the schema around it merges the same properties once more) would recurse without end, or repeat work
                // exponentially: the result is cached as for named schemas, and a schema that contains itself is untyped.
                if (_named.TryGetValue(schema.Key, out (TypeRef, bool) cached))
                {
                    return cached;
                }

                if (!_inProgress.Add(schema.Key))
                {
                    Report(RuleIdentifiers.UntypedSchema, schema, schema.Node, contextName, "it contains itself without an object in between");
                    return (TypeRef.Json, false);
                }

                (TypeRef, bool) result = ResolveCore(schema, contextName, exactName);
                _inProgress.Remove(schema.Key);
                _named[schema.Key] = result;
                return result;
            }
            finally
            {
                _depth--;
            }
        }

        private (TypeRef Type, bool Nullable) ResolveCore(SchemaNode schema, string contextName, string? exactName)
        {
            JsonObjectNode node = schema.Node;
            CheckKeywords(schema);
            bool nullable = IsNullableMarker(node);

            if (node["$ref"] is not null)
            {
                (TypeRef type, bool refNullable) = ResolveReferenceOf(schema);
                return (type, nullable || refNullable);
            }

            if (_reader.Expect<JsonArrayNode>(node["allOf"], "allOf", "an array") is { } allOf)
            {
                List<SchemaNode> parts = Branches(schema, allOf, "allOf");
                if (parts.Count == 1 && node["properties"] is null)
                {
                    (TypeRef type, bool partNullable) = Resolve(parts[0], contextName, exactName);
                    return (type, nullable || partNullable);
                }

                return (BuildObject(schema, contextName, exactName), nullable);
            }

            JsonArrayNode? oneOf = _reader.Expect<JsonArrayNode>(node["oneOf"], "oneOf", "an array")
                ?? _reader.Expect<JsonArrayNode>(node["anyOf"], "anyOf", "an array");
            if (oneOf is not null)
            {
                string keyword = node["oneOf"] is JsonArrayNode ? "oneOf" : "anyOf";
                (TypeRef type, bool unionNullable) = ResolveUnion(schema, Branches(schema, oneOf, keyword), contextName, exactName);
                return (type, nullable || unionNullable);
            }

            (List<string> types, bool typeHasNull) = ReadTypes(schema);
            nullable |= typeHasNull;

            if (types.Count > 1)
            {
                Report(RuleIdentifiers.UntypedSchema, schema, node["type"] ?? node, contextName, $"a value of several types ({string.Join(", ", types)}) has no single C# type");
                return (TypeRef.Json, nullable);
            }

            string? kind = types.Count == 1 ? types[0] : InferType(node);
            switch (kind)
            {
                case "string":
                    return (StringType(schema, contextName, exactName), nullable);
                case "integer":
                    return (IntegerType(schema), nullable);
                case "number":
                    return (Format(node) == "float" ? TypeRef.Single : TypeRef.Double, nullable);
                case "boolean":
                    return (TypeRef.Boolean, nullable);
                case "array":
                    return (ArrayType(schema, contextName), nullable);
                case "object":
                    return (ObjectType(schema, contextName, exactName), nullable);
                case "null":
                    return (TypeRef.Json, true);
                default:
                    // No type, no properties: any JSON value, kept as-is (free-form by design, not a warning).
                    return (TypeRef.Json, nullable);
            }
        }

        private TypeRef StringType(SchemaNode schema, string contextName, string? exactName)
        {
            List<string> values = EnumStrings(schema);
            if (values.Count >= 2)
            {
                return EnumType(schema, values, contextName, exactName);
            }

            return Format(schema.Node) == "date-time" ? TypeRef.DateTime : TypeRef.String;
        }

        private static TypeRef IntegerType(SchemaNode schema)
        {
            string? format = Format(schema.Node);
            if (format == "unixtime")
            {
                return TypeRef.UnixTime;
            }

            if (format == "int32")
            {
                return TypeRef.Int32;
            }

            if (format is null && NumberOf(schema.Node["minimum"]) is double min && NumberOf(schema.Node["maximum"]) is double max
                && min >= int.MinValue && max <= int.MaxValue)
            {
                return TypeRef.Int32;
            }

            return TypeRef.Int64;
        }

        private TypeRef ArrayType(SchemaNode schema, string contextName)
        {
            if (_reader.Expect<JsonObjectNode>(schema.Node["items"], "items", "a schema object") is not { } items)
            {
                return TypeRef.ListOf(TypeRef.Json);
            }

            (TypeRef element, bool elementNullable) = Resolve(schema.Child(items, "items"), Naming.Singular(contextName));
            return TypeRef.ListOf(element, elementNullable);
        }

        private TypeRef ObjectType(SchemaNode schema, string contextName, string? exactName)
        {
            JsonObjectNode node = schema.Node;
            if (node["properties"] is null && node["additionalProperties"] is JsonObjectNode additional && additional.Properties.Count > 0)
            {
                (TypeRef value, bool valueNullable) = Resolve(schema.Child(additional, "additionalProperties"), contextName + "Value");
                return TypeRef.MapOf(value, valueNullable);
            }

            if (node["properties"] is null)
            {
                return TypeRef.Json;
            }

            return BuildObject(schema, contextName, exactName);
        }

        private static bool IsNullableMarker(JsonObjectNode node) => node["nullable"] is { Kind: JsonKind.True };

        private static string? Format(JsonObjectNode node) => (node["format"] as JsonStringNode)?.Value;

        private static double? NumberOf(JsonNode? node)
            => node is JsonNumberNode number && double.TryParse(number.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) ? value : null;

        private static string? InferType(JsonObjectNode node)
        {
            if (node["properties"] is not null || node["additionalProperties"] is JsonObjectNode)
            {
                return "object";
            }

            if (node["items"] is not null)
            {
                return "array";
            }

            JsonNode? sample = node["const"] ?? (node["enum"] as JsonArrayNode)?.Items.FirstOrDefault();
            return sample?.Kind switch
            {
                JsonKind.String => "string",
                JsonKind.Number => ((JsonNumberNode)sample).Text.IndexOfAny(new[] { '.', 'e', 'E' }) >= 0 ? "number" : "integer",
                JsonKind.True or JsonKind.False => "boolean",
                _ => null,
            };
        }

        private (List<string> Types, bool HasNull) ReadTypes(SchemaNode schema)
        {
            var types = new List<string>();
            bool hasNull = false;
            switch (schema.Node["type"])
            {
                case null:
                    break;
                case JsonStringNode single:
                    AddType(single);
                    break;
                case JsonArrayNode array:
                    foreach (JsonNode item in array.Items)
                    {
                        if (_reader.Expect<JsonStringNode>(item, "type", "a string") is { } typeName)
                        {
                            AddType(typeName);
                        }
                    }

                    break;
                case { } other:
                    Report(RuleIdentifiers.WrongValueType, schema, other, "type", "a string or an array of strings", other.KindName);
                    break;
            }

            return (types, hasNull);

            void AddType(JsonStringNode typeName)
            {
                switch (typeName.Value)
                {
                    case "null":
                        hasNull = true;
                        break;
                    case "string" or "integer" or "number" or "boolean" or "array" or "object":
                        if (!types.Contains(typeName.Value))
                        {
                            types.Add(typeName.Value);
                        }

                        break;
                    default:
                        Report(RuleIdentifiers.InvalidValue, schema, typeName, "type", "\"" + typeName.Value + "\"", "use string, integer, number, boolean, array, object or null");
                        break;
                }
            }
        }

        /// <summary>String values of <c>enum</c> (or <c>const</c>), in order, without duplicates.</summary>
        private List<string> EnumStrings(SchemaNode schema)
        {
            var values = new List<string>();
            if (schema.Node["const"] is JsonStringNode constant)
            {
                values.Add(constant.Value);
            }

            if (_reader.Expect<JsonArrayNode>(schema.Node["enum"], "enum", "an array") is { } array)
            {
                foreach (JsonNode item in array.Items)
                {
                    if (item is JsonStringNode text && !values.Contains(text.Value))
                    {
                        values.Add(text.Value);
                    }
                }
            }

            return values;
        }

        private List<SchemaNode> Branches(SchemaNode schema, JsonArrayNode array, string keyword)
        {
            var result = new List<SchemaNode>(array.Items.Count);
            for (int i = 0; i < array.Items.Count; i++)
            {
                if (_reader.Expect<JsonObjectNode>(array.Items[i], $"{keyword}[{i}]", "a schema object") is { } branch)
                {
                    result.Add(schema.ChildPath(branch, keyword + "/" + i.ToString(CultureInfo.InvariantCulture)));
                }
            }

            return result;
        }

        private string NameOf(SchemaNode schema)
        {
            if (schema.Node["x-csharp-name"] is JsonStringNode custom)
            {
                if (Identifiers.ValidateCustomName(custom.Value) is { } problem)
                {
                    Report(RuleIdentifiers.InvalidName, schema, custom, "x-csharp-name", custom.Value, problem);
                }
                else
                {
                    return custom.Value;
                }
            }

            return Identifiers.ToPascalCase(LastSegment(schema.Pointer));
        }

        private static string LastSegment(string pointer)
        {
            IReadOnlyList<string> segments = SchemaPointer.Segments(pointer);
            return segments.Count == 0 ? "Root" : segments[segments.Count - 1];
        }

        /// <summary>
        /// Claims a type name: exactly when the author chose it, otherwise uniquely; titles name inline schemas.
        /// <paramref name="ownMembers"/> are the names the generated type declares itself, which it cannot be named.
        /// </summary>
        private string ClaimTypeName(SchemaNode schema, string contextName, string? exactName, ICollection<string> ownMembers)
        {
            if (exactName is not null)
            {
                return _names.ClaimExact(exactName, "'" + schema.Pointer + "'", schema.AnchorFor(schema.Node), ownMembers)
                    ?? _names.ClaimUnique(exactName, schema.Pointer, ownMembers);
            }

            if (schema.Node["x-csharp-name"] is JsonStringNode custom && Identifiers.ValidateCustomName(custom.Value) is null)
            {
                return _names.ClaimExact(custom.Value, "'" + schema.Pointer + "'", schema.AnchorFor(custom), ownMembers)
                    ?? _names.ClaimUnique(custom.Value, schema.Pointer, ownMembers);
            }

            return _names.ClaimUnique(contextName, schema.Pointer, ownMembers);
        }

        private void Report(string id, SchemaNode schema, JsonNode node, params string[] args)
        {
            JsonNode anchor = schema.AnchorFor(node);
            _sink.Report(id, anchor, args);
        }
    }
}
