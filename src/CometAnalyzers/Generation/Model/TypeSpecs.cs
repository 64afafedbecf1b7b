using CometAnalyzers.Common;

namespace CometAnalyzers.Generation.Model
{
    /// <summary>A generated type. Models are plain equatable records: no symbols, nodes or locations.</summary>
    internal abstract record TypeSpec(string Name, string? Description, bool Deprecated);

    /// <summary>Numeric, length and count limits that <c>Validate()</c> checks.</summary>
    internal sealed record ConstraintSpec(
        double? Minimum,
        double? Maximum,
        int? MinLength,
        int? MaxLength,
        int? MinItems,
        int? MaxItems)
    {
        public bool IsEmpty => Minimum is null && Maximum is null && MinLength is null && MaxLength is null && MinItems is null && MaxItems is null;
    }

    internal sealed record PropertySpec(
        string JsonName,
        string Name,
        TypeRef Type,
        bool Required,
        bool Nullable,
        string? Description,
        bool Deprecated,
        bool Sensitive,
        ConstraintSpec? Constraints)
    {
        /// <summary>Required and never null: the C# member is non-nullable (and <c>required</c> where the language allows).</summary>
        public bool IsRequiredNonNull => Required && !Nullable;
    }

    /// <summary>
    /// An object schema: a sealed class, or a variant of a <see cref="PolymorphicSpec"/> when <see cref="BaseType"/> is set.
    /// <see cref="DiscriminatorRequired"/>: the variant's own schema requires its discriminator (a non-null required
    /// property), so reading the variant on its own, not through its base, rejects an object without it.
    /// <see cref="DiscriminatorValue"/> is the value the variant writes (the first it owns; null for an open one), fixed
    /// unless <see cref="KeptDiscriminator"/> says the variant keeps its discriminator as written.
    /// </summary>
    internal sealed record ObjectSpec(
        string Name,
        string? Description,
        bool Deprecated,
        EquatableArray<PropertySpec> Properties,
        string? BaseType,
        string? DiscriminatorJsonName,
        string? DiscriminatorValue,
        bool DiscriminatorRequired,
        KeptDiscriminatorSpec? KeptDiscriminator = null)
        : TypeSpec(Name, Description, Deprecated);

    /// <summary>
    /// A variant whose discriminator is not one fixed value: it owns several <see cref="Values"/> (any string when empty),
    /// or may be written without it (<see cref="Optional"/>) or as null (<see cref="Nullable"/>). Such a variant keeps the
    /// discriminator it was read or created with, so it writes back the value it read.
    /// </summary>
    internal sealed record KeptDiscriminatorSpec(EquatableArray<string> Values, bool Optional, bool Nullable)
    {
        /// <summary>Any string selects the variant: it is the default for values no other variant lists.</summary>
        public bool Open => Values.Count == 0;
    }

    /// <summary>
    /// The variant an object is read as when its discriminator selects no other: when the property is absent
    /// (<see cref="WhenMissing"/>), null (<see cref="WhenNull"/>), or a string no variant lists (<see cref="WhenUnlisted"/>).
    /// </summary>
    internal sealed record DefaultVariantSpec(string TypeName, bool WhenMissing, bool WhenNull, bool WhenUnlisted);

    internal sealed record EnumMemberSpec(string Value, string Name);

    /// <summary>A string enum generated as an extensible struct: unknown values parse and round-trip.</summary>
    internal sealed record EnumSpec(string Name, string? Description, bool Deprecated, EquatableArray<EnumMemberSpec> Members)
        : TypeSpec(Name, Description, Deprecated);

    /// <summary>One discriminator value and the variant it selects (a variant that owns several values has several).</summary>
    internal sealed record VariantSpec(string DiscriminatorValue, string TypeName);

    /// <summary>
    /// Object variants told apart by a discriminator property: an abstract base class with sealed variants. An object
    /// whose discriminator selects none is read as the <see cref="Default"/> variant when the contract has one, otherwise
    /// as the Unknown variant that keeps its raw JSON. <see cref="DiscriminatorEnum"/>: the open enum every variant types
    /// its discriminator as (a <c>$ref</c> to the enum beside the variant's <c>const</c>), so the base's discriminator
    /// member has that type; null for <c>string</c>.
    /// </summary>
    internal sealed record PolymorphicSpec(
        string Name,
        string? Description,
        bool Deprecated,
        string DiscriminatorJsonName,
        string DiscriminatorName,
        EquatableArray<VariantSpec> Variants,
        string UnknownTypeName,
        string? DiscriminatorEnum = null,
        DefaultVariantSpec? Default = null)
        : TypeSpec(Name, Description, Deprecated);

    internal enum UnionCaseKind
    {
        String,
        Number,
        Boolean,
        Array,
        Object,
    }

    /// <summary>
    /// One case of a shape union; object cases may be keyed by discriminator values (a case that owns several values
    /// lists them all). <see cref="Sensitive"/>: the contract marks the case (or the whole union) <c>x-sensitive</c>, so the
    /// union's <c>ToString()</c> prints <c>***</c> for it and its accessors carry the generated sensitive-member attribute.
    /// </summary>
    internal sealed record UnionCaseSpec(UnionCaseKind Kind, TypeRef Type, string CaseName, EquatableArray<string> DiscriminatorValues, bool Sensitive = false);

    /// <summary>
    /// A value that is one of several JSON shapes (string | array, string | object, ...): a small class
    /// with implicit conversions from each case. <see cref="DefaultCase"/>: the object case an object whose discriminator
    /// selects no case is read as. <see cref="KeepsUnknownShapes"/>: a branch accepts shapes no case types (a free-form
    /// branch), so a value of such a shape is kept as raw JSON (<c>Unknown</c>) instead of failing to parse.
    /// </summary>
    internal sealed record UnionSpec(
        string Name,
        string? Description,
        bool Deprecated,
        EquatableArray<UnionCaseSpec> Cases,
        string? DiscriminatorJsonName,
        DefaultVariantSpec? DefaultCase = null,
        bool KeepsUnknownShapes = false)
        : TypeSpec(Name, Description, Deprecated);
}
