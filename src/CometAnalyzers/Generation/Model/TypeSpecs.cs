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
    /// </summary>
    internal sealed record ObjectSpec(
        string Name,
        string? Description,
        bool Deprecated,
        EquatableArray<PropertySpec> Properties,
        string? BaseType,
        string? DiscriminatorJsonName,
        string? DiscriminatorValue,
        bool DiscriminatorRequired)
        : TypeSpec(Name, Description, Deprecated);

    internal sealed record EnumMemberSpec(string Value, string Name);

    /// <summary>A string enum generated as an extensible struct: unknown values parse and round-trip.</summary>
    internal sealed record EnumSpec(string Name, string? Description, bool Deprecated, EquatableArray<EnumMemberSpec> Members)
        : TypeSpec(Name, Description, Deprecated);

    internal sealed record VariantSpec(string DiscriminatorValue, string TypeName);

    /// <summary>
    /// Object variants told apart by a discriminator property: an abstract base class with sealed variants.
    /// <see cref="DiscriminatorEnum"/>: the open enum every variant types its discriminator as (a <c>$ref</c> to the enum
    /// beside the variant's <c>const</c>), so the base's discriminator member has that type; null for <c>string</c>.
    /// </summary>
    internal sealed record PolymorphicSpec(
        string Name,
        string? Description,
        bool Deprecated,
        string DiscriminatorJsonName,
        string DiscriminatorName,
        EquatableArray<VariantSpec> Variants,
        string UnknownTypeName,
        string? DiscriminatorEnum = null)
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
    /// One case of a shape union; object cases may be keyed by a discriminator value. <see cref="Sensitive"/>: the
    /// contract marks the case (or the whole union) <c>x-sensitive</c>, so the union's <c>ToString()</c> prints <c>***</c>
    /// for it and its accessors carry the generated sensitive-member attribute.
    /// </summary>
    internal sealed record UnionCaseSpec(UnionCaseKind Kind, TypeRef Type, string CaseName, string? DiscriminatorValue, bool Sensitive = false);

    /// <summary>
    /// A value that is one of several JSON shapes (string | array, string | object, ...): a small class
    /// with implicit conversions from each case.
    /// </summary>
    internal sealed record UnionSpec(
        string Name,
        string? Description,
        bool Deprecated,
        EquatableArray<UnionCaseSpec> Cases,
        string? DiscriminatorJsonName)
        : TypeSpec(Name, Description, Deprecated);
}
