using System;
using System.Collections.Generic;
using System.Linq;
using CometAnalyzers.Common;
using CometAnalyzers.Contract.Json;
using CometAnalyzers.Generation.Model;
using CometAnalyzers.Rules;

namespace CometAnalyzers.Contract.Schema
{
    /// <summary>
    /// oneOf/anyOf: "X or null" is a nullable X, strings merge into an open enum, discriminated objects become a
    /// polymorphic base with variants, and values of different JSON shapes become a union type.
    /// </summary>
    internal sealed partial class SchemaCompiler
    {
        private (TypeRef Type, bool Nullable) ResolveUnion(SchemaNode schema, List<SchemaNode> branches, string contextName, string? exactName)
        {
            var nonNull = branches.Where(b => !IsNullSchema(b.Node)).ToList();
            bool hasNull = nonNull.Count < branches.Count;
            if (nonNull.Count == 0)
            {
                return (TypeRef.Json, true);
            }

            if (nonNull.Count == 1)
            {
                (TypeRef single, bool singleNullable) = Resolve(nonNull[0], contextName, exactName);
                return (single, hasNull || singleNullable);
            }

            var shapes = nonNull.Select(b => (Branch: b, Shape: ShapeOf(b))).ToList();
            if (shapes.All(s => s.Shape == "string"))
            {
                return (MergedStrings(schema, shapes.Select(s => s.Branch).ToList(), contextName, exactName), hasNull);
            }

            if (shapes.All(s => s.Shape == "object"))
            {
                TypeRef? polymorphic = Discriminated(schema, nonNull, contextName, exactName);
                if (polymorphic is null)
                {
                    Report(RuleIdentifiers.UntypedSchema, schema, schema.Node, contextName, "its object variants share no discriminator property (a property with a different const or single enum value in each)");
                    return (TypeRef.Json, hasNull);
                }

                return (polymorphic, hasNull);
            }

            return (ShapeUnion(schema, shapes, contextName, exactName), hasNull);
        }

        private TypeRef ShapeUnion(SchemaNode schema, List<(SchemaNode Branch, string Shape)> shapes, string contextName, string? exactName)
        {
            string name = ClaimTypeName(schema, contextName, exactName, ReservedUnionMemberNames);
            var cases = new List<UnionCaseSpec>();
            var unionSpecIndex = _types.Count;
            _types.Add(null!); // reserved so the union precedes the case types it creates, keeping output order stable

            // x-sensitive on the union's schema covers every case; on a branch, the case that branch becomes.
            bool unionSensitive = IsSensitive(schema.Node);
            bool AnySensitive(IEnumerable<SchemaNode> branches) => unionSensitive || branches.Any(IsSensitiveBranch);

            var strings = shapes.Where(s => s.Shape == "string").Select(s => s.Branch).ToList();
            if (strings.Count > 0)
            {
                TypeRef stringType = strings.Count == 1 ? Resolve(strings[0], name + "Value").Type : MergedStrings(schema, strings, name + "Value", null);
                cases.Add(new UnionCaseSpec(UnionCaseKind.String, stringType, "String", null, AnySensitive(strings)));
            }

            var numbers = shapes.Where(s => s.Shape is "integer" or "number").ToList();
            if (numbers.Count > 0)
            {
                bool integral = numbers.All(n => n.Shape == "integer");
                cases.Add(new UnionCaseSpec(UnionCaseKind.Number, integral ? TypeRef.Int64 : TypeRef.Double, "Number", null, AnySensitive(numbers.Select(n => n.Branch))));
            }

            if (shapes.Any(s => s.Shape == "boolean"))
            {
                cases.Add(new UnionCaseSpec(UnionCaseKind.Boolean, TypeRef.Boolean, "Boolean", null, AnySensitive(shapes.Where(s => s.Shape == "boolean").Select(s => s.Branch))));
            }

            var arrays = shapes.Where(s => s.Shape == "array").ToList();
            if (arrays.Count == 1)
            {
                cases.Add(new UnionCaseSpec(UnionCaseKind.Array, Resolve(arrays[0].Branch, name + "Item").Type is { Kind: TypeKind.List } list ? list : TypeRef.ListOf(TypeRef.Json), "List", null, AnySensitive(new[] { arrays[0].Branch })));
            }
            else if (arrays.Count > 1)
            {
                Report(RuleIdentifiers.UntypedSchema, schema, schema.Node, contextName + " (array case)", "several array shapes cannot be told apart without reading the items");
                cases.Add(new UnionCaseSpec(UnionCaseKind.Array, TypeRef.ListOf(TypeRef.Json), "List", null, AnySensitive(arrays.Select(a => a.Branch))));
            }

            var objects = shapes.Where(s => s.Shape == "object").Select(s => s.Branch).ToList();
            if (objects.Count == 1)
            {
                TypeRef objectType = Resolve(objects[0], name + "Object").Type;
                cases.Add(new UnionCaseSpec(UnionCaseKind.Object, objectType, CaseName(objectType, "Object"), null, AnySensitive(objects)));
            }
            else if (objects.Count > 1)
            {
                TypeRef? objectType = Discriminated(schema, objects, name + "Object", null);
                if (objectType is null)
                {
                    // No typed case: an object there is then a wrong-type error, as the contract cannot say more.
                    Report(RuleIdentifiers.UntypedSchema, schema, schema.Node, contextName + " (object case)", "its object variants share no discriminator property");
                }
                else
                {
                    cases.Add(new UnionCaseSpec(UnionCaseKind.Object, objectType, CaseName(objectType, "Object"), null, AnySensitive(objects)));
                }
            }

            if (shapes.Any(s => s.Shape == "unknown"))
            {
                Report(RuleIdentifiers.UntypedSchema, schema, schema.Node, contextName, "a variant has no type the generator can tell apart; unknown shapes are kept as raw JSON");
            }

            _types[unionSpecIndex] = new UnionSpec(name, Description(schema.Node), IsDeprecated(schema.Node), UniqueCaseNames(name, cases).ToEquatableArray(), null);
            return TypeRef.Named(TypeKind.Union, name);
        }

        private static string CaseName(TypeRef type, string fallback) => type.Name ?? fallback;

        /// <summary>A branch marked <c>x-sensitive</c>, itself or through the schema its <c>$ref</c> names.</summary>
        private bool IsSensitiveBranch(SchemaNode branch)
            => IsSensitive(branch.Node) || (branch.Node["$ref"] is not null && _resolver.Deref(branch) is { } target && IsSensitive(target.Node));

        /// <summary>
        /// Case names become Is/As members: an object case named like another case (a schema named "String"), or whose
        /// members would take the union's own name or a fixed member's (a schema named "Unknown": IsUnknown), gets a numeric suffix.
        /// </summary>
        private static List<UnionCaseSpec> UniqueCaseNames(string unionName, List<UnionCaseSpec> cases)
        {
            var used = new HashSet<string>(StringComparer.Ordinal);
            var result = new List<UnionCaseSpec>(cases.Count);
            foreach (UnionCaseSpec @case in cases)
            {
                string candidate = @case.CaseName;
                for (int i = 2; !used.Add(candidate) || "Is" + candidate == unionName || "As" + candidate == unionName || ReservedUnionMemberNames.Contains("Is" + candidate); i++)
                {
                    candidate = @case.CaseName + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                result.Add(@case with { CaseName = candidate });
            }

            return result;
        }

        /// <summary>string | enum | enum... is one open enum (or plain string when no branch lists values).</summary>
        private TypeRef MergedStrings(SchemaNode schema, List<SchemaNode> branches, string contextName, string? exactName)
        {
            var values = new List<string>();
            foreach (SchemaNode branch in branches)
            {
                SchemaNode target = branch.Node["$ref"] is not null ? _resolver.Deref(branch) ?? branch : branch;
                foreach (string value in EnumStrings(target))
                {
                    if (!values.Contains(value))
                    {
                        values.Add(value);
                    }
                }
            }

            return values.Count >= 2 ? EnumType(schema, values, contextName, exactName) : TypeRef.String;
        }

        /// <summary>
        /// Object variants told apart by one property: a polymorphic base when every variant is free to derive from it,
        /// otherwise (a variant already belongs to another base) a union keyed by the same property.
        /// </summary>
        private TypeRef? Discriminated(SchemaNode schema, List<SchemaNode> branches, string contextName, string? exactName)
        {
            var targets = new List<SchemaNode>(branches.Count);
            foreach (SchemaNode branch in branches)
            {
                SchemaNode? target = branch.Node["$ref"] is not null ? _resolver.Deref(branch) : branch;
                if (target is null)
                {
                    return null;
                }

                targets.Add(target);
            }

            JsonObjectNode? discriminator = schema.Node["discriminator"] as JsonObjectNode;
            string? propertyName = (discriminator?["propertyName"] as JsonStringNode)?.Value ?? CommonConstProperty(targets);
            if (propertyName is null)
            {
                return null;
            }

            var values = new List<string>(branches.Count);
            for (int i = 0; i < branches.Count; i++)
            {
                string? value = MappedValue(discriminator, branches[i], targets[i]) ?? ConstValue(targets[i], propertyName)
                    ?? (branches[i].Node["$ref"] is not null ? LastSegment(targets[i].Pointer) : null);
                if (value is null || values.Contains(value))
                {
                    return null;
                }

                values.Add(value);
            }

            string name = ClaimTypeName(schema, contextName, exactName, ReservedDiscriminatedMemberNames);
            var builders = new List<ObjectBuilder>(branches.Count);
            for (int i = 0; i < branches.Count; i++)
            {
                TypeRef variant = branches[i].Node["$ref"] is not null
                    ? ResolveReferenceOf(branches[i]).Type
                    : Resolve(branches[i], name + Identifiers.ToPascalCase(values[i])).Type;
                if (variant.Kind != TypeKind.Object || !_objectsByName.TryGetValue(variant.Name!, out ObjectBuilder? builder))
                {
                    return null;
                }

                builders.Add(builder);
            }

            bool exclusive = builders.All(b => b.BaseType is null) && builders.Distinct().Count() == builders.Count
                && builders.All(b => IsStringDiscriminator(b, propertyName));
            if (!exclusive)
            {
                bool unionSensitive = IsSensitive(schema.Node);
                var cases = builders.Select((b, i) => new UnionCaseSpec(UnionCaseKind.Object, TypeRef.Named(TypeKind.Object, b.Name), b.Name, values[i], unionSensitive)).ToList();
                _types.Add(new UnionSpec(name, Description(schema.Node), IsDeprecated(schema.Node), UniqueCaseNames(name, cases).ToEquatableArray(), propertyName));
                return TypeRef.Named(TypeKind.Union, name);
            }

            for (int i = 0; i < builders.Count; i++)
            {
                builders[i].BaseType = name;
                builders[i].DiscriminatorJsonName = propertyName;
                builders[i].DiscriminatorValue = values[i];
            }

            var variants = builders.Select((b, i) => new VariantSpec(values[i], b.Name)).ToEquatableArray();
            string unknownName = _names.ClaimUnique("Unknown" + name, schema.Pointer);
            string discriminatorName = DiscriminatorMemberName(propertyName, name, unknownName, builders);
            _types.Add(new PolymorphicSpec(name, Description(schema.Node), IsDeprecated(schema.Node), propertyName, discriminatorName, variants, unknownName, DiscriminatorEnum(builders, propertyName)));
            return TypeRef.Named(TypeKind.Polymorphic, name);
        }

        /// <summary>
        /// The name of the discriminator member that the base declares and every variant overrides: not a member the base
        /// or a variant already has, and not the name of a class that declares it (CS0542).
        /// </summary>
        private static string DiscriminatorMemberName(string propertyName, string baseName, string unknownName, List<ObjectBuilder> variants)
        {
            string pascal = Identifiers.ToPascalCase(propertyName);
            string candidate = pascal;
            for (int i = 2;
                ReservedPolymorphicMemberNames.Contains(candidate) || ReservedMemberNames.Contains(candidate) || candidate == baseName || candidate == unknownName
                    || variants.Any(v => v.Name == candidate || v.Properties.Any(p => p.Name == candidate && p.JsonName != propertyName));
                i++)
            {
                candidate = pascal + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return candidate;
        }

        /// <summary>
        /// The variant's discriminator must be a string member, plain or an open enum (a <c>$ref</c> to the enum beside its
        /// <c>const</c>), to become a fixed override.
        /// </summary>
        private static bool IsStringDiscriminator(ObjectBuilder builder, string propertyName)
        {
            PropertySpec? property = builder.Properties.FirstOrDefault(p => p.JsonName == propertyName);
            return property is null || property.Type.Kind is TypeKind.String or TypeKind.Enum;
        }

        /// <summary>
        /// The open enum the base's discriminator member is typed as: the one every variant declares its discriminator as.
        /// Any variant without the property, or with another type, leaves it a string.
        /// </summary>
        private static string? DiscriminatorEnum(List<ObjectBuilder> variants, string propertyName)
        {
            string? common = null;
            foreach (ObjectBuilder variant in variants)
            {
                PropertySpec? property = variant.Properties.FirstOrDefault(p => p.JsonName == propertyName);
                if (property is not { Type: { Kind: TypeKind.Enum, Name: { } name } } || (common is not null && common != name))
                {
                    return null;
                }

                common = name;
            }

            return common;
        }

        private string? MappedValue(JsonObjectNode? discriminator, SchemaNode branch, SchemaNode target)
        {
            if (discriminator?["mapping"] is not JsonObjectNode mapping)
            {
                return null;
            }

            string? branchRef = (branch.Node["$ref"] as JsonStringNode)?.Value;
            foreach (JsonProperty entry in mapping.Properties)
            {
                if (entry.Value is JsonStringNode reference
                    && (reference.Value == branchRef || reference.Value.EndsWith("#" + target.Pointer, StringComparison.Ordinal)))
                {
                    return entry.Name;
                }
            }

            return null;
        }

        /// <summary>A property that every variant fixes to one distinct string (const or single-value enum).</summary>
        private string? CommonConstProperty(List<SchemaNode> targets)
        {
            foreach ((string name, _) in MergedProperties(targets[0]))
            {
                var values = targets.Select(t => ConstValue(t, name)).ToList();
                if (values.All(v => v is not null) && values.Distinct(StringComparer.Ordinal).Count() == values.Count)
                {
                    return name;
                }
            }

            return null;
        }

        private string? ConstValue(SchemaNode target, string propertyName)
        {
            foreach ((string name, SchemaNode property) in MergedProperties(target))
            {
                if (name != propertyName)
                {
                    continue;
                }

                // The property's own const (beside a $ref to an open enum) fixes it; otherwise what the $ref names.
                List<string> values = EnumStrings(property);
                if (values.Count == 0 && property.Node["$ref"] is not null && _resolver.Deref(property) is { } resolved)
                {
                    values = EnumStrings(resolved);
                }

                return values.Count == 1 ? values[0] : null;
            }

            return null;
        }

        private List<(string JsonName, SchemaNode Schema)> MergedProperties(SchemaNode target)
        {
            var properties = new List<(string, SchemaNode)>();
            CollectProperties(target, properties, new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal), report: false);
            return properties;
        }

        /// <summary>The JSON shape a branch accepts: string, integer, number, boolean, array, object or unknown.</summary>
        private string ShapeOf(SchemaNode branch)
        {
            SchemaNode? target = branch.Node["$ref"] is not null ? _resolver.Deref(branch) : branch;
            if (target is null)
            {
                return "unknown";
            }

            JsonObjectNode node = target.Node;
            if (node["allOf"] is not null)
            {
                return "object";
            }

            if (node["oneOf"] is not null || node["anyOf"] is not null)
            {
                return "unknown";
            }

            string? type = node["type"] switch
            {
                JsonStringNode single => single.Value,
                JsonArrayNode many => many.Items.OfType<JsonStringNode>().Select(t => t.Value).Where(t => t != "null").ToList() is { Count: 1 } one ? one[0] : null,
                _ => InferType(node),
            };

            return type is "string" or "integer" or "number" or "boolean" or "array" or "object" ? type : "unknown";
        }

        private static bool IsNullSchema(JsonObjectNode node)
            => node["type"] switch
            {
                JsonStringNode { Value: "null" } => true,
                JsonArrayNode array => array.Items.Count > 0 && array.Items.All(i => i is JsonStringNode { Value: "null" }),
                _ => node["enum"] is JsonArrayNode values && values.Items.Count > 0 && values.Items.All(i => i.Kind == JsonKind.Null),
            };
    }
}
