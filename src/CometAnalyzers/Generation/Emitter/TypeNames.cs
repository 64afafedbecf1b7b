using CometAnalyzers.Generation.Model;

namespace CometAnalyzers.Generation.Emitter
{
    /// <summary>How a <see cref="TypeRef"/> is spelled in generated C# (always fully qualified, so no name can shadow it).</summary>
    internal static class TypeNames
    {
        public static string Of(TypeRef type, EmitContext context, bool concreteCollections = false) => type.Kind switch
        {
            TypeKind.String => "string",
            TypeKind.Int32 => "int",
            TypeKind.Int64 => "long",
            TypeKind.Single => "float",
            TypeKind.Double => "double",
            TypeKind.Boolean => "bool",
            TypeKind.DateTime or TypeKind.UnixTime => "global::System.DateTimeOffset",
            TypeKind.Json => EmitContext.JsonElement,
            TypeKind.List => (concreteCollections ? "global::System.Collections.Generic.List<" : "global::System.Collections.Generic.IList<")
                + Element(type, context) + ">",
            TypeKind.Map => (concreteCollections ? "global::System.Collections.Generic.Dictionary<string, " : "global::System.Collections.Generic.IDictionary<string, ")
                + Element(type, context) + ">",
            _ => context.Qualified(type.Name!),
        };

        /// <summary>The type as an optional (nullable) member.</summary>
        public static string Nullable(TypeRef type, EmitContext context, bool concreteCollections = false)
            => Of(type, context, concreteCollections) + "?";

        /// <summary>The element type of a list or the value type of a map, with its nullability.</summary>
        public static string Element(TypeRef type, EmitContext context)
            => type.ElementNullable ? Nullable(type.Element!, context) : Of(type.Element!, context);
    }
}
