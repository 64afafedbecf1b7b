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
    /// polymorphic base with variants, and values of different JSON shapes become a union type. A branch's shape is
    /// seen through $refs and nested unions (<see cref="ShapeOf(SchemaNode)"/>).
    /// </summary>
    internal sealed partial class SchemaCompiler
    {
        private (TypeRef Type, bool Nullable) ResolveUnion(SchemaNode schema, List<SchemaNode> branches, string contextName, string? exactName)
        {
            var nonNull = branches.Where(b => !IsNullBranch(b)).ToList();
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

            // A nested union of several shapes adds its branches (and its null) to this one.
            hasNull |= nonNull.Any(b => AcceptsNull(b));
            nonNull = FlattenMixed(nonNull).Where(b => !IsNullBranch(b)).ToList();
            // A nested union of several shapes left after flattening contains itself: its values have no case of their own.
            var shapes = nonNull.Select(b => (Branch: b, Shape: ShapeOf(b) is var shape && shape == MixedShape ? UnknownShape : shape)).ToList();
            if (shapes.All(s => s.Shape is AnyShape or UnknownShape))
            {
                if (shapes.Any(s => s.Shape == UnknownShape))
                {
                    Report(RuleIdentifiers.UntypedSchema, schema, schema.Node, contextName, "no variant has a JSON type the generator can tell apart; the value is kept as raw JSON");
                }

                return (TypeRef.Json, hasNull);
            }

            if (shapes.All(s => s.Shape == "string"))
            {
                return (MergedStrings(schema, nonNull, contextName, exactName), hasNull);
            }

            if (shapes.All(s => s.Shape == "object"))
            {
                TypeRef? polymorphic = Discriminated(schema, nonNull, contextName, exactName);
                if (polymorphic is null)
                {
                    Report(RuleIdentifiers.UntypedSchema, schema, schema.Node, contextName, UndiscriminatedObjects + "; the value is kept as raw JSON");
                    return (TypeRef.Json, hasNull);
                }

                return (polymorphic, hasNull);
            }

            return (ShapeUnion(schema, shapes, contextName, exactName), hasNull);
        }

        private const string UndiscriminatedObjects = "its object variants share no discriminator property (one whose const or enum values, or any other string in at most one variant, tell them apart)";

        private TypeRef ShapeUnion(SchemaNode schema, List<(SchemaNode Branch, string Shape)> shapes, string contextName, string? exactName)
        {
            string name = ClaimTypeName(schema, contextName, exactName, ReservedUnionMemberNames);
            var cases = new List<UnionCaseSpec>();
            var unionSpecIndex = _types.Count;
            _types.Add(null!); // reserved so the union precedes the case types it creates, keeping output order stable

            // x-sensitive on the union's schema covers every case; on a branch, the case that branch becomes.
            bool unionSensitive = IsSensitive(schema.Node);
            bool AnySensitive(IEnumerable<SchemaNode> branches) => unionSensitive || branches.Any(IsSensitiveBranch);
            UnionCaseSpec Case(UnionCaseKind kind, TypeRef type, string caseName, IEnumerable<SchemaNode> branches)
                => new(kind, type, caseName, EquatableArray<string>.Empty, AnySensitive(branches));

            var strings = shapes.Where(s => s.Shape == "string").Select(s => s.Branch).ToList();
            if (strings.Count > 0)
            {
                // One branch keeps its own type (a named open enum); several merge into one open enum of all their values.
                TypeRef stringType = strings.Count == 1 ? Resolve(strings[0], name + "Value").Type : MergedStrings(schema, strings, name + "Value", null);
                cases.Add(Case(UnionCaseKind.String, stringType, "String", strings));
            }

            var numbers = shapes.Where(s => s.Shape is "integer" or "number").ToList();
            if (numbers.Count > 0)
            {
                bool integral = numbers.All(n => n.Shape == "integer");
                cases.Add(Case(UnionCaseKind.Number, integral ? TypeRef.Int64 : TypeRef.Double, "Number", numbers.Select(n => n.Branch)));
            }

            var booleans = shapes.Where(s => s.Shape == "boolean").Select(s => s.Branch).ToList();
            if (booleans.Count > 0)
            {
                cases.Add(Case(UnionCaseKind.Boolean, TypeRef.Boolean, "Boolean", booleans));
            }

            var arrays = shapes.Where(s => s.Shape == "array").Select(s => s.Branch).ToList();
            if (arrays.Count == 1)
            {
                cases.Add(Case(UnionCaseKind.Array, Resolve(arrays[0], name + "Item").Type is { Kind: TypeKind.List } list ? list : TypeRef.ListOf(TypeRef.Json), "List", arrays));
            }
            else if (arrays.Count > 1)
            {
                Report(RuleIdentifiers.UntypedSchema, schema, schema.Node, contextName + " (array case)", "several array shapes cannot be told apart without reading the items; the items are kept as raw JSON");
                cases.Add(Case(UnionCaseKind.Array, TypeRef.ListOf(TypeRef.Json), "List", arrays));
            }

            var objects = shapes.Where(s => s.Shape == "object").Select(s => s.Branch).ToList();
            if (objects.Count == 1)
            {
                // A free-form object branch is a JsonElement case: any object, kept as read.
                TypeRef objectType = Resolve(objects[0], name + "Object").Type;
                cases.Add(Case(UnionCaseKind.Object, objectType, CaseName(objectType, "Object"), objects));
            }
            else if (objects.Count > 1)
            {
                TypeRef? objectType = Discriminated(schema, objects, name + "Object", null);
                if (objectType is null)
                {
                    Report(RuleIdentifiers.UntypedSchema, schema, schema.Node, contextName + " (object case)", UndiscriminatedObjects + "; an object is kept as raw JSON");
                    objectType = TypeRef.Json;
                }

                cases.Add(Case(UnionCaseKind.Object, objectType, CaseName(objectType, "Object"), objects));
            }

            // A free-form branch accepts what no case types: such a value is kept as raw JSON, not rejected.
            bool keepsUnknownShapes = shapes.Any(s => s.Shape is AnyShape or UnknownShape);
            if (shapes.Any(s => s.Shape == UnknownShape))
            {
                Report(RuleIdentifiers.UntypedSchema, schema, schema.Node, contextName + " (other values)", "a variant has no JSON type the generator can tell apart; a value no other case takes is kept as raw JSON (Unknown)");
            }

            _types[unionSpecIndex] = new UnionSpec(name, Description(schema.Node), IsDeprecated(schema.Node), UniqueCaseNames(name, cases).ToEquatableArray(), null, null, keepsUnknownShapes);
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
                foreach (string value in StringValuesOf(branch))
                {
                    if (!values.Contains(value))
                    {
                        values.Add(value);
                    }
                }
            }

            return values.Count >= 2 ? EnumType(schema, values, contextName, exactName) : TypeRef.String;
        }
    }
}
