namespace CometAnalyzers.Generation.Model
{
    internal enum TypeKind
    {
        String,
        Int32,
        Int64,
        Single,
        Double,
        Boolean,
        DateTime,
        UnixTime,
        Json,
        List,
        Map,
        Object,
        Polymorphic,
        Union,
        Enum,
    }

    /// <summary>
    /// The C# type of a property, list item or map value. <see cref="Name"/> is set for generated types,
    /// <see cref="Element"/> for lists and maps (with <see cref="ElementNullable"/> when items may be null).
    /// </summary>
    internal sealed record TypeRef(TypeKind Kind, string? Name = null, TypeRef? Element = null, bool ElementNullable = false)
    {
        public static readonly TypeRef String = new(TypeKind.String);
        public static readonly TypeRef Int32 = new(TypeKind.Int32);
        public static readonly TypeRef Int64 = new(TypeKind.Int64);
        public static readonly TypeRef Single = new(TypeKind.Single);
        public static readonly TypeRef Double = new(TypeKind.Double);
        public static readonly TypeRef Boolean = new(TypeKind.Boolean);
        public static readonly TypeRef DateTime = new(TypeKind.DateTime);
        public static readonly TypeRef UnixTime = new(TypeKind.UnixTime);
        public static readonly TypeRef Json = new(TypeKind.Json);

        public static TypeRef ListOf(TypeRef element, bool elementNullable = false) => new(TypeKind.List, null, element, elementNullable);

        public static TypeRef MapOf(TypeRef value, bool valueNullable = false) => new(TypeKind.Map, null, value, valueNullable);

        public static TypeRef Named(TypeKind kind, string name) => new(kind, name);

        /// <summary>C# value types need <c>Nullable&lt;T&gt;</c> for an optional member.</summary>
        public bool IsValueType => Kind is TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single or TypeKind.Double
            or TypeKind.Boolean or TypeKind.DateTime or TypeKind.UnixTime or TypeKind.Json or TypeKind.Enum;

        /// <summary>Types whose instances can hold nested contract values that <c>Validate()</c> walks.</summary>
        public bool IsGeneratedReference => Kind is TypeKind.Object or TypeKind.Polymorphic or TypeKind.Union;
    }
}
