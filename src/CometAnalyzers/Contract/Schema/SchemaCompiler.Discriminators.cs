using System;
using System.Collections.Generic;
using System.Linq;
using CometAnalyzers.Common;
using CometAnalyzers.Contract.Json;
using CometAnalyzers.Generation.Model;

namespace CometAnalyzers.Contract.Schema
{
    /// <summary>
    /// Object variants told apart by one property. A branch owns the string values its discriminator lists (a const, an
    /// enum, through a $ref or an "X or null" anyOf), one or several. At most one branch is the default: the one whose
    /// discriminator is any string takes the values no other branch owns, and the only branch whose discriminator is
    /// optional takes objects without it.
    /// </summary>
    internal sealed partial class SchemaCompiler
    {
        /// <summary>
        /// Object variants told apart by one property: a polymorphic base when every variant is free to derive from it,
        /// otherwise (a variant already belongs to another base) a union keyed by the same property. Null when no
        /// property tells them apart.
        /// </summary>
        private TypeRef? Discriminated(SchemaNode schema, List<SchemaNode> branches, string contextName, string? exactName)
        {
            var targets = new List<SchemaNode>(branches.Count);
            foreach (SchemaNode branch in branches)
            {
                if (Target(branch) is not { } target)
                {
                    return null;
                }

                targets.Add(target);
            }

            JsonObjectNode? keyword = schema.Node["discriminator"] as JsonObjectNode;
            DiscriminatorPlan? plan = PlanDiscriminator(keyword, branches, targets);
            if (plan is null)
            {
                return null;
            }

            string propertyName = plan.PropertyName;
            string name = ClaimTypeName(schema, contextName, exactName, ReservedDiscriminatedMemberNames);
            var builders = new List<ObjectBuilder>(branches.Count);
            for (int i = 0; i < branches.Count; i++)
            {
                string variantName = name + Identifiers.ToPascalCase(plan.Branches[i].Values.FirstOrDefault() ?? "Other");
                TypeRef variant = branches[i].Node["$ref"] is not null ? ResolveReferenceOf(branches[i]).Type : Resolve(branches[i], variantName).Type;
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
                return DiscriminatedUnion(schema, name, plan, builders);
            }

            for (int i = 0; i < builders.Count; i++)
            {
                BranchDiscriminator branch = plan.Branches[i];
                builders[i].BaseType = name;
                builders[i].DiscriminatorJsonName = propertyName;
                builders[i].DiscriminatorValue = branch.Values.FirstOrDefault();

                // A variant that owns one value writes it as a constant; any other keeps what it read, so it writes it back.
                if (branch.Values.Count != 1 || i == plan.DefaultIndex)
                {
                    builders[i].KeptDiscriminator = new KeptDiscriminatorSpec(branch.Values.ToEquatableArray(), !branch.Required, branch.Nullable);
                }
            }

            var variants = builders.SelectMany((b, i) => plan.Branches[i].Values.Select(value => new VariantSpec(value, b.Name))).ToEquatableArray();
            string unknownName = _names.ClaimUnique("Unknown" + name, schema.Pointer);
            string discriminatorName = DiscriminatorMemberName(propertyName, name, unknownName, builders);
            _types.Add(new PolymorphicSpec(name, Description(schema.Node), IsDeprecated(schema.Node), propertyName, discriminatorName, variants, unknownName, DiscriminatorEnum(builders, propertyName), DefaultOf(plan, builders)));
            return TypeRef.Named(TypeKind.Polymorphic, name);
        }

        /// <summary>Variants that cannot derive from a new base: a union whose object cases are keyed by the same property.</summary>
        private TypeRef DiscriminatedUnion(SchemaNode schema, string name, DiscriminatorPlan plan, List<ObjectBuilder> builders)
        {
            // Two branches naming the same schema are one case that owns both branches' values.
            bool unionSensitive = IsSensitive(schema.Node);
            var cases = new List<UnionCaseSpec>();
            for (int i = 0; i < builders.Count; i++)
            {
                int first = builders.IndexOf(builders[i]);
                if (first < i)
                {
                    continue;
                }

                var values = Enumerable.Range(i, builders.Count - i).Where(j => builders[j] == builders[i]).SelectMany(j => plan.Branches[j].Values).Distinct().ToEquatableArray();
                cases.Add(new UnionCaseSpec(UnionCaseKind.Object, TypeRef.Named(TypeKind.Object, builders[i].Name), builders[i].Name, values, unionSensitive));
            }

            _types.Add(new UnionSpec(name, Description(schema.Node), IsDeprecated(schema.Node), UniqueCaseNames(name, cases).ToEquatableArray(), plan.PropertyName, DefaultOf(plan, builders)));
            return TypeRef.Named(TypeKind.Union, name);
        }

        private static DefaultVariantSpec? DefaultOf(DiscriminatorPlan plan, List<ObjectBuilder> builders)
            => plan.DefaultIndex < 0 ? null : new DefaultVariantSpec(builders[plan.DefaultIndex].Name, plan.WhenMissing, plan.WhenNull, plan.WhenUnlisted);

        /// <summary>
        /// The property that tells the branches apart, and what each branch owns: the contract's <c>discriminator</c>
        /// when it names one, otherwise the first property (in the order the branches declare them) that meets the
        /// strictest rule any property meets.
        /// </summary>
        private DiscriminatorPlan? PlanDiscriminator(JsonObjectNode? keyword, List<SchemaNode> branches, List<SchemaNode> targets)
        {
            var declared = targets.Select(MergedPropertiesAndRequired).ToList();
            string? named = (keyword?["propertyName"] as JsonStringNode)?.Value;
            IEnumerable<string> candidates = named is not null
                ? new[] { named }
                : declared.SelectMany(d => d.Properties.Select(p => p.JsonName)).Distinct(StringComparer.Ordinal).ToList();

            foreach (DiscriminatorRule rule in new[] { DiscriminatorRule.OneValueEach, DiscriminatorRule.SeveralValues, DiscriminatorRule.OpenDefault })
            {
                foreach (string candidate in candidates)
                {
                    if (PlanFor(candidate, rule, keyword, branches, targets, declared) is { } plan)
                    {
                        return plan;
                    }
                }
            }

            return null;
        }

        private DiscriminatorPlan? PlanFor(
            string propertyName,
            DiscriminatorRule rule,
            JsonObjectNode? keyword,
            List<SchemaNode> branches,
            List<SchemaNode> targets,
            List<(List<(string JsonName, SchemaNode Schema)> Properties, HashSet<string> Required)> declared)
        {
            var described = new List<BranchDiscriminator>(branches.Count);
            var owners = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < branches.Count; i++)
            {
                BranchDiscriminator? branch = DescribeBranch(propertyName, keyword, branches[i], targets[i], declared[i]);
                bool fits = branch is not null && rule switch
                {
                    DiscriminatorRule.OneValueEach => branch.Values.Count == 1,
                    DiscriminatorRule.SeveralValues => branch.Values.Count > 0,
                    _ => true,
                };

                // A value owned by two branches cannot choose between them.
                if (!fits || !branch!.Values.All(owners.Add))
                {
                    return null;
                }

                described.Add(branch);
            }

            var plan = new DiscriminatorPlan(propertyName, described);
            int open = described.Count(b => b.Open);
            if (open > 1 || open == described.Count)
            {
                return null;
            }

            if (open == 1)
            {
                plan.DefaultIndex = described.FindIndex(b => b.Open);
                plan.WhenUnlisted = true;
                plan.WhenMissing = !described[plan.DefaultIndex].Required;
            }
            else if (described.Count(b => !b.Required) == 1)
            {
                // The only branch that may leave the discriminator out is the one an object without it belongs to.
                plan.DefaultIndex = described.FindIndex(b => !b.Required);
                plan.WhenMissing = true;
            }

            plan.WhenNull = plan.DefaultIndex >= 0 && described[plan.DefaultIndex].Nullable;
            return plan;
        }

        /// <summary>
        /// The values one branch owns: its <c>discriminator.mapping</c> entries, else the values its property lists, else
        /// (with a <c>discriminator</c> keyword) the name of the schema a <c>$ref</c> branch names; open when the property
        /// is any string. Null when the branch cannot be told apart by this property.
        /// </summary>
        private BranchDiscriminator? DescribeBranch(
            string propertyName,
            JsonObjectNode? keyword,
            SchemaNode branch,
            SchemaNode target,
            (List<(string JsonName, SchemaNode Schema)> Properties, HashSet<string> Required) declared)
        {
            SchemaNode? property = declared.Properties.Where(p => p.JsonName == propertyName).Select(p => p.Schema).FirstOrDefault();
            bool isString = property is not null && ShapeOf(property) == "string";
            bool nullable = isString && AcceptsNull(property!);
            bool required = declared.Required.Contains(propertyName);

            List<string> values = MappedValues(keyword, branch, target);
            if (values.Count == 0 && isString && !IsOpenString(property!, new HashSet<string>(StringComparer.Ordinal)))
            {
                values = StringValuesOf(property!);
            }

            if (values.Count == 0 && keyword is not null && branch.Node["$ref"] is not null)
            {
                values.Add(LastSegment(target.Pointer)); // OpenAPI's implicit mapping: the schema's name
            }

            if (values.Count > 0)
            {
                return new BranchDiscriminator(values, open: false, required, nullable);
            }

            return isString ? new BranchDiscriminator(values, open: true, required, nullable) : null;
        }

        /// <summary>
        /// A string schema that lists no values, or a union with such a branch (a plain string beside an enum). Each schema
        /// is looked at once (<c>seen</c>), so a union that contains itself ends.
        /// </summary>
        private bool IsOpenString(SchemaNode schema, HashSet<string> seen)
        {
            if (Target(schema) is not { } target || !seen.Add(target.Key))
            {
                return false;
            }

            if (AllOfWrapped(target) is { } wrapped)
            {
                return IsOpenString(wrapped.Part, seen);
            }

            if (UnionBranches(target) is { } branches)
            {
                return branches.Any(b => !IsNullBranch(b) && IsOpenString(b, seen));
            }

            return ShapeOf(target) == "string" && EnumStrings(target).Count == 0;
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
        /// The variant's discriminator must be text to become the base's string member: a plain string (a fixed value or
        /// one kept as written) or an enum of the values the variant owns.
        /// </summary>
        private static bool IsStringDiscriminator(ObjectBuilder builder, string propertyName)
        {
            PropertySpec? property = builder.Properties.FirstOrDefault(p => p.JsonName == propertyName);
            return property is null || property.Type.Kind is TypeKind.String or TypeKind.Enum;
        }

        /// <summary>
        /// The open enum the base's discriminator member is typed as: the one every variant declares its discriminator as,
        /// each variant fixed to one value. A variant without the property, with another type, or that keeps the value it
        /// read (several values, or the default) leaves it a string.
        /// </summary>
        private static string? DiscriminatorEnum(List<ObjectBuilder> variants, string propertyName)
        {
            string? common = null;
            foreach (ObjectBuilder variant in variants)
            {
                PropertySpec? property = variant.Properties.FirstOrDefault(p => p.JsonName == propertyName);
                if (variant.KeptDiscriminator is not null || property is not { Type: { Kind: TypeKind.Enum, Name: { } name } } || (common is not null && common != name))
                {
                    return null;
                }

                common = name;
            }

            return common;
        }

        /// <summary>Every <c>discriminator.mapping</c> name that points at the branch, in the mapping's order.</summary>
        private static List<string> MappedValues(JsonObjectNode? discriminator, SchemaNode branch, SchemaNode target)
        {
            var values = new List<string>();
            if (discriminator?["mapping"] is not JsonObjectNode mapping)
            {
                return values;
            }

            string? branchRef = (branch.Node["$ref"] as JsonStringNode)?.Value;
            foreach (JsonProperty entry in mapping.Properties)
            {
                if (entry.Value is JsonStringNode reference
                    && (reference.Value == branchRef || reference.Value.EndsWith("#" + target.Pointer, StringComparison.Ordinal))
                    && !values.Contains(entry.Name))
                {
                    values.Add(entry.Name);
                }
            }

            return values;
        }

        /// <summary>A schema's properties with its allOf parts merged, and the names it requires.</summary>
        private (List<(string JsonName, SchemaNode Schema)> Properties, HashSet<string> Required) MergedPropertiesAndRequired(SchemaNode target)
        {
            var properties = new List<(string, SchemaNode)>();
            var required = new HashSet<string>(StringComparer.Ordinal);
            CollectProperties(target, properties, required, new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal), report: false);
            return (properties, required);
        }
    }
}
