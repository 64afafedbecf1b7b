using System.Collections.Generic;
using System.Linq;
using CometAnalyzers.Contract.Json;

namespace CometAnalyzers.Contract.Schema
{
    /// <summary>
    /// The JSON shape of a union branch, seen the way <see cref="ResolveCore"/> will type it: through <c>$ref</c>s,
    /// one-part <c>allOf</c> wrappers and nested unions. A branch that names an open enum (a union of a string and an
    /// enum) is a string; a nested union of several shapes is <see cref="MixedShape"/>, and its branches join the union
    /// around it.
    /// </summary>
    internal sealed partial class SchemaCompiler
    {
        /// <summary>A nested union whose branches have different shapes.</summary>
        private const string MixedShape = "mixed";

        /// <summary>A free-form branch (<c>{}</c>): any JSON value, kept as raw JSON by design.</summary>
        private const string AnyShape = "any";

        /// <summary>A branch whose shape cannot be told (several types, a union with only null, an unresolved reference).</summary>
        private const string UnknownShape = "unknown";

        /// <summary>Deeper nesting than this is a schema built to defeat the generator: it is then of unknown shape.</summary>
        private const int MaxShapeDepth = 64;

        /// <summary>Shapes already worked out, by schema key: a schema reached along many paths is looked at once.</summary>
        private readonly Dictionary<string, string> _shapes = new(System.StringComparer.Ordinal);

        /// <summary>The schemas whose shape is being worked out: one met again contains itself.</summary>
        private readonly HashSet<string> _shaping = new(System.StringComparer.Ordinal);

        /// <summary>The JSON shape a branch accepts: string, integer, number, boolean, array, object, mixed, any or unknown.</summary>
        private string ShapeOf(SchemaNode branch)
        {
            SchemaNode? target = Target(branch);
            if (target is null)
            {
                return UnknownShape;
            }

            if (_shapes.TryGetValue(target.Key, out string? known))
            {
                return known;
            }

            // A union that contains itself has no shape of its own along that path.
            if (_shaping.Count > MaxShapeDepth || !_shaping.Add(target.Key))
            {
                return UnknownShape;
            }

            string shape = ShapeOfTarget(target);
            _shaping.Remove(target.Key);
            _shapes[target.Key] = shape;
            return shape;
        }

        private string ShapeOfTarget(SchemaNode target)
        {
            JsonObjectNode node = target.Node;
            if (node["allOf"] is JsonArrayNode)
            {
                // As ResolveCore: a wrapper around one part is that part; otherwise the parts merge into an object.
                return AllOfWrapped(target) is { } wrapped ? ShapeOf(wrapped.Part) : "object";
            }

            if (UnionBranches(target) is { } branches)
            {
                var shapes = branches.Where(b => !IsNullBranch(b)).Select(ShapeOf).Distinct().ToList();
                return shapes.Count switch
                {
                    0 => UnknownShape,
                    1 => shapes[0],
                    _ => MixedShape,
                };
            }

            string? type = node["type"] switch
            {
                JsonStringNode single => single.Value,
                JsonArrayNode many => many.Items.OfType<JsonStringNode>().Select(t => t.Value).Where(t => t != "null").Distinct().ToList() is { Count: 1 } one ? one[0] : null,
                null => InferType(node),
                _ => null,
            };

            if (type is "string" or "integer" or "number" or "boolean" or "array" or "object")
            {
                return type;
            }

            return node["type"] is null && type is null ? AnyShape : UnknownShape;
        }

        /// <summary>A schema's oneOf (or else anyOf) branches, as ResolveCore reads them; null when it has neither.</summary>
        private List<SchemaNode>? UnionBranches(SchemaNode target)
        {
            if (target.Node["oneOf"] is JsonArrayNode oneOf)
            {
                return Branches(target, oneOf, "oneOf");
            }

            return target.Node["anyOf"] is JsonArrayNode anyOf ? Branches(target, anyOf, "anyOf") : null;
        }

        /// <summary>A branch's schema with its $refs followed; null when a reference does not resolve (reported there).</summary>
        private SchemaNode? Target(SchemaNode branch) => branch.Node["$ref"] is not null ? _resolver.Deref(branch) : branch;

        /// <summary>
        /// The branches of a union with every nested union of several shapes replaced by its own branches, so
        /// <c>anyOf [A, {anyOf [string, object]}]</c> is typed as <c>anyOf [A, string, object]</c>. A nested union of one
        /// shape stays one branch: it keeps its own type (a named enum, a polymorphic base).
        /// </summary>
        private List<SchemaNode> FlattenMixed(List<SchemaNode> branches)
        {
            var result = new List<SchemaNode>(branches.Count);
            var expanded = new HashSet<string>(System.StringComparer.Ordinal);
            Add(branches, 0);
            return result;

            void Add(List<SchemaNode> items, int depth)
            {
                foreach (SchemaNode branch in items)
                {
                    // A union that contains itself is expanded once; the repeat keeps its unknown shape.
                    if (depth < MaxShapeDepth && ShapeOf(branch) == MixedShape && Target(branch) is { } target
                        && expanded.Add(target.Key) && UnionBranches(target) is { } nested)
                    {
                        Add(nested, depth + 1);
                    }
                    else
                    {
                        result.Add(branch);
                    }
                }
            }
        }

        /// <summary>A branch that is only null (<c>{ "type": "null" }</c>), itself or through its $ref.</summary>
        private bool IsNullBranch(SchemaNode branch)
            => IsNullSchema(branch.Node) || (branch.Node["$ref"] is not null && Target(branch) is { } target && IsNullSchema(target.Node));

        /// <summary>
        /// A branch that also accepts null: <c>nullable</c>, a <c>"null"</c> type, or a null branch of a nested union,
        /// seen through $refs and one-part allOf wrappers. The union around it is then nullable.
        /// </summary>
        private bool AcceptsNull(SchemaNode branch) => AcceptsNull(branch, new HashSet<string>(System.StringComparer.Ordinal));

        // Each schema is looked at once (seen), so a union that contains itself ends.
        private bool AcceptsNull(SchemaNode branch, HashSet<string> seen)
        {
            if (IsNullableMarker(branch.Node))
            {
                return true;
            }

            SchemaNode? target = Target(branch);
            if (target is null || !seen.Add(target.Key))
            {
                return false;
            }

            JsonObjectNode node = target.Node;
            if (IsNullableMarker(node) || IsNullSchema(node) || (node["type"] is JsonArrayNode types && types.Items.Any(t => t is JsonStringNode { Value: "null" })))
            {
                return true;
            }

            if (AllOfWrapped(target) is { } wrapped)
            {
                return wrapped.Nullable || AcceptsNull(wrapped.Part, seen);
            }

            return UnionBranches(target) is { } branches && branches.Any(b => AcceptsNull(b, seen));
        }

        /// <summary>
        /// The string values a branch lists (<c>const</c>, <c>enum</c>), through $refs, one-part allOf wrappers and
        /// nested unions, in order and without duplicates.
        /// </summary>
        private List<string> StringValuesOf(SchemaNode branch)
        {
            var values = new List<string>();
            var seen = new HashSet<string>(System.StringComparer.Ordinal);
            Collect(branch);
            return values;

            // Each schema is looked at once, so a union that contains itself ends.
            void Collect(SchemaNode schema)
            {
                // A const or enum beside a $ref narrows it (a role typed as the shared role enum, fixed to one value).
                if (schema.Node["$ref"] is not null && EnumStrings(schema) is { Count: > 0 } own)
                {
                    values.AddRange(own.Where(v => !values.Contains(v)));
                    return;
                }

                if (Target(schema) is not { } target || !seen.Add(target.Key))
                {
                    return;
                }

                foreach (string value in EnumStrings(target))
                {
                    if (!values.Contains(value))
                    {
                        values.Add(value);
                    }
                }

                if (AllOfWrapped(target) is { } wrapped)
                {
                    Collect(wrapped.Part);
                }

                foreach (SchemaNode nested in UnionBranches(target) ?? new List<SchemaNode>())
                {
                    Collect(nested);
                }
            }
        }

        /// <summary>Keywords that describe a value without constraining it: an allOf part with only these annotates the other part.</summary>
        private static readonly string[] AnnotationKeywords =
        {
            "description", "title", "nullable", "deprecated", "example", "examples", "default", "readOnly", "writeOnly", "externalDocs", "$comment",
        };

        /// <summary>
        /// The one part an allOf schema is typed as, when the schema has no properties of its own and its allOf has one
        /// part, or one part beside annotations (<c>allOf [ {$ref}, {nullable: true} ]</c>, OpenAPI's way to annotate a
        /// reference). <see cref="AllOfPart.Nullable"/>: an annotation says <c>nullable: true</c>. Null when the parts
        /// merge into an object.
        /// </summary>
        private AllOfPart? AllOfWrapped(SchemaNode target)
        {
            if (target.Node["properties"] is not null || target.Node["allOf"] is not JsonArrayNode allOf)
            {
                return null;
            }

            var parts = allOf.Items.Select((item, i) => (Node: item as JsonObjectNode, Index: i)).Where(p => p.Node is not null).ToList();
            var typed = parts.Where(p => parts.Count == 1 || !IsAnnotationOnly(p.Node!)).ToList();
            if (typed.Count != 1)
            {
                return null;
            }

            bool nullable = parts.Any(p => p.Index != typed[0].Index && IsNullableMarker(p.Node!));
            return new AllOfPart(target.ChildPath(typed[0].Node!, "allOf/" + typed[0].Index.ToString(System.Globalization.CultureInfo.InvariantCulture)), nullable);
        }

        /// <summary>x-sensitive and x-csharp-name are not mere annotations: a part that has them is not dropped.</summary>
        private static bool IsAnnotationOnly(JsonObjectNode part)
            => part.Properties.All(p => AnnotationKeywords.Contains(p.Name) || (p.Name.StartsWith("x-", System.StringComparison.Ordinal) && p.Name is not ("x-sensitive" or "x-csharp-name")));

        private sealed class AllOfPart
        {
            public AllOfPart(SchemaNode part, bool nullable)
            {
                Part = part;
                Nullable = nullable;
            }

            public SchemaNode Part { get; }

            public bool Nullable { get; }
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
