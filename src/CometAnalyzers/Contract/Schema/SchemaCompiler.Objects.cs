using System;
using System.Collections.Generic;
using CometAnalyzers.Common;
using CometAnalyzers.Contract.Json;
using CometAnalyzers.Generation.Model;
using CometAnalyzers.Rules;

namespace CometAnalyzers.Contract.Schema
{
    /// <summary>Object schemas (with allOf merged) and string enums.</summary>
    internal sealed partial class SchemaCompiler
    {
        /// <summary>Member names every generated class already uses.</summary>
        private static readonly string[] ReservedMemberNames =
        {
            "AdditionalProperties", "Parse", "TryParse", "WriteTo", "Validate", "ToString", "Equals", "GetHashCode",
            "GetType", "ReadJson", "WriteJson", "WriteValue", "ValidateInto", "MemberwiseClone", "Finalize", "ReferenceEquals",
            "Match", "JsonNameOf", "DiscriminatorName",
        };

        private static readonly string[] ReservedEnumMemberNames =
        {
            "Value", "IsKnown", "KnownValues", "KnownValueSet", "Equals", "GetHashCode", "ToString", "GetType", "ReadJson", "WriteValue",
        };

        /// <summary>Members of a generated union class (its cases add Is/As members).</summary>
        private static readonly string[] ReservedUnionMemberNames =
        {
            "Value", "IsUnknown", "Unknown", "FromUnknown", "Parse", "WriteTo", "ToString", "Equals", "GetHashCode", "GetType",
            "ReadJson", "WriteJson", "WriteValue", "ValidateInto", "DiscriminatorUtf8",
        };

        /// <summary>A discriminated oneOf becomes a polymorphic base or, when a variant is shared, a union.</summary>
        private static readonly string[] ReservedDiscriminatedMemberNames =
        {
            "Value", "IsUnknown", "Unknown", "FromUnknown", "Parse", "TryParse", "WriteTo", "Validate", "ToString", "Equals", "GetHashCode",
            "GetType", "ReadJson", "WriteJson", "WriteValue", "ValidateInto", "DiscriminatorUtf8", "DiscriminatorName", "AdditionalProperties", "Json",
        };

        /// <summary>Members of a generated polymorphic base (and of its Unknown variant); its discriminator adds one.</summary>
        private static readonly string[] ReservedPolymorphicMemberNames =
        {
            "DiscriminatorUtf8", "DiscriminatorName", "AdditionalProperties", "Parse", "TryParse", "WriteTo", "Validate", "ToString",
            "Equals", "GetHashCode", "GetType", "ReadJson", "WriteJson", "WriteValue", "ValidateInto", "Json",
        };

        private TypeRef BuildObject(SchemaNode schema, string contextName, string? exactName)
        {
            JsonObjectNode node = schema.Node;
            string name = ClaimTypeName(schema, contextName, exactName, ReservedMemberNames);
            var builder = new ObjectBuilder(name, Description(node), IsDeprecated(node));
            _types.Add(builder);
            _objectsByName[name] = builder;
            TypeRef type = TypeRef.Named(TypeKind.Object, name);

            // Registered before the properties are read, so a property that refers back to this schema resolves.
            if (!_named.ContainsKey(schema.Key))
            {
                _named[schema.Key] = (type, false);
            }

            var properties = new List<(string JsonName, SchemaNode Schema)>();
            var required = new HashSet<string>(StringComparer.Ordinal);
            CollectProperties(schema, properties, required, new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal), report: true);

            var memberNames = new HashSet<string>(ReservedMemberNames, StringComparer.Ordinal) { name };
            foreach ((string jsonName, SchemaNode propertySchema) in properties)
            {
                string pascal = Identifiers.ToPascalCase(jsonName);
                (TypeRef propertyType, bool nullable) = Resolve(propertySchema, name + pascal);
                SchemaNode? target = propertySchema.Node["$ref"] is not null ? _resolver.Deref(propertySchema) : null;
                JsonObjectNode describing = target?.Node ?? propertySchema.Node;

                builder.Properties.Add(new PropertySpec(
                    JsonName: jsonName,
                    Name: MemberName(propertySchema, pascal, memberNames),
                    Type: propertyType,
                    Required: required.Contains(jsonName),
                    Nullable: nullable,
                    Description: Description(propertySchema.Node) ?? Description(describing),
                    Deprecated: IsDeprecated(propertySchema.Node) || IsDeprecated(describing),
                    Sensitive: IsSensitive(propertySchema.Node) || IsSensitive(describing),
                    Constraints: Constraints(propertySchema, target)));
            }

            return type;
        }

        /// <summary>
        /// Properties of a schema with its allOf parts merged in order; a later declaration of a name replaces an earlier one.
        /// A part reached twice (allOf diamonds) is merged once: walking every path is exponential in the diamonds' depth.
        /// </summary>
        private void CollectProperties(SchemaNode schema, List<(string JsonName, SchemaNode Schema)> properties, HashSet<string> required, HashSet<string> visiting, HashSet<string> merged, bool report)
        {
            if (!visiting.Add(schema.Key))
            {
                if (report)
                {
                    Report(RuleIdentifiers.ReferenceCycle, schema, schema.Node, LastSegment(schema.Pointer), "allOf includes itself");
                }

                return;
            }

            if (!merged.Add(schema.Key))
            {
                visiting.Remove(schema.Key);
                return;
            }

            CheckKeywords(schema);

            if (schema.Node["allOf"] is JsonArrayNode allOf)
            {
                foreach (SchemaNode part in Branches(schema, allOf, "allOf"))
                {
                    SchemaNode? target = part.Node["$ref"] is not null ? _resolver.Deref(part) : part;
                    if (target is not null)
                    {
                        CollectProperties(target, properties, required, visiting, merged, report);
                    }

                    if (target != part)
                    {
                        // Keywords beside a $ref inside allOf (e.g. extra "required") still apply.
                        AddRequired(part, required);
                    }
                }
            }

            if (_reader.Expect<JsonObjectNode>(schema.Node["properties"], "properties", "an object") is { } declared)
            {
                foreach (JsonProperty property in declared.Properties)
                {
                    // A duplicate key is reported (COMET109) as ignored: the first declaration is the one used, as for any key.
                    if (declared.GetProperty(property.Name) != property)
                    {
                        continue;
                    }

                    if (_reader.Expect<JsonObjectNode>(property.Value, "properties." + property.Name, "a schema object") is not { } propertyNode)
                    {
                        continue;
                    }

                    SchemaNode propertySchema = schema.ChildPath(propertyNode, "properties/" + SchemaPointer.Escape(property.Name));
                    int existing = properties.FindIndex(p => p.JsonName == property.Name);
                    if (existing >= 0)
                    {
                        properties[existing] = (property.Name, propertySchema);
                    }
                    else
                    {
                        properties.Add((property.Name, propertySchema));
                    }
                }
            }

            AddRequired(schema, required);
            visiting.Remove(schema.Key);
        }

        private void AddRequired(SchemaNode schema, HashSet<string> required)
        {
            if (schema.Node["required"] is null)
            {
                return;
            }

            foreach (string name in _reader.StringList(schema.Node, "required", string.Empty))
            {
                required.Add(name);
            }
        }

        private string MemberName(SchemaNode propertySchema, string pascal, HashSet<string> used)
        {
            if (propertySchema.Node["x-csharp-name"] is JsonStringNode custom)
            {
                if (Identifiers.ValidateCustomName(custom.Value) is { } problem)
                {
                    Report(RuleIdentifiers.InvalidName, propertySchema, custom, "x-csharp-name", custom.Value, problem);
                }
                else if (!used.Add(custom.Value))
                {
                    Report(RuleIdentifiers.DuplicateGeneratedName, propertySchema, custom, LastSegment(propertySchema.Pointer), custom.Value, "another member of the same class");
                }
                else
                {
                    return custom.Value;
                }
            }

            string candidate = pascal;
            for (int i = 2; !used.Add(candidate); i++)
            {
                candidate = pascal + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return candidate;
        }

        private TypeRef EnumType(SchemaNode schema, List<string> values, string contextName, string? exactName)
        {
            string name = ClaimTypeName(schema, contextName, exactName, ReservedEnumMemberNames);
            var used = new HashSet<string>(ReservedEnumMemberNames, StringComparer.Ordinal) { name };
            var members = new List<EnumMemberSpec>(values.Count);
            foreach (string value in values)
            {
                string pascal = value.Length == 0 ? "Empty" : Identifiers.ToPascalCase(value);
                string member = pascal;
                for (int i = 2; !used.Add(member); i++)
                {
                    member = pascal + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                members.Add(new EnumMemberSpec(value, member));
            }

            _types.Add(new EnumSpec(name, Description(schema.Node), IsDeprecated(schema.Node), members.ToEquatableArray()));
            return TypeRef.Named(TypeKind.Enum, name);
        }

        /// <summary>Limits from the property, its $ref target, or the one non-null branch of an OpenAPI "X or null" union.</summary>
        private ConstraintSpec? Constraints(SchemaNode property, SchemaNode? target)
        {
            JsonObjectNode node = property.Node;
            JsonObjectNode? inner = target?.Node;
            if (inner is null && (node["anyOf"] ?? node["oneOf"]) is JsonArrayNode branches)
            {
                JsonObjectNode? single = null;
                int count = 0;
                foreach (JsonNode branch in branches.Items)
                {
                    if (branch is JsonObjectNode candidate && !(candidate["type"] is JsonStringNode { Value: "null" }))
                    {
                        single = candidate;
                        count++;
                    }
                }

                inner = count == 1 ? single : null;
            }

            var spec = new ConstraintSpec(
                NumberOf(node["minimum"]) ?? NumberOf(inner?["minimum"]),
                NumberOf(node["maximum"]) ?? NumberOf(inner?["maximum"]),
                Count(node["minLength"] ?? inner?["minLength"]),
                Count(node["maxLength"] ?? inner?["maxLength"]),
                Count(node["minItems"] ?? inner?["minItems"]),
                Count(node["maxItems"] ?? inner?["maxItems"]));
            return spec.IsEmpty ? null : spec;

            static int? Count(JsonNode? value)
                => value is JsonNumberNode number && int.TryParse(number.Text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int count) ? count : null;
        }

        private static string? Description(JsonObjectNode node)
            => node["description"] is JsonStringNode text && text.Value.Trim().Length > 0 ? text.Value.Trim() : null;

        private static bool IsDeprecated(JsonObjectNode node) => node["deprecated"] is { Kind: JsonKind.True };

        private static bool IsSensitive(JsonObjectNode node) => node["x-sensitive"] is { Kind: JsonKind.True };
    }
}
