using CometAnalyzers.Generation.Model;

namespace CometAnalyzers.Generation.Emitter
{
    /// <summary>How a <see cref="TypeRef"/> is spelled in generated C# (always fully qualified, so no name can shadow it).</summary>
    /// <remarks>
    /// Collections are the concrete <c>List&lt;T&gt;</c> and <c>Dictionary&lt;string, T&gt;</c> everywhere (members, union
    /// cases, locals): what the readers build, and what a caller's <c>foreach</c> enumerates with a struct enumerator instead
    /// of boxing an interface's.
    /// </remarks>
    internal static class TypeNames
    {
        public static string Of(TypeRef type, EmitContext context) => type.Kind switch
        {
            TypeKind.String => "string",
            TypeKind.Int32 => "int",
            TypeKind.Int64 => "long",
            TypeKind.Single => "float",
            TypeKind.Double => "double",
            TypeKind.Boolean => "bool",
            TypeKind.DateTime or TypeKind.UnixTime => "global::System.DateTimeOffset",
            TypeKind.Json => EmitContext.JsonElement,
            TypeKind.List => "global::System.Collections.Generic.List<" + Element(type, context) + ">",
            TypeKind.Map => "global::System.Collections.Generic.Dictionary<string, " + Element(type, context) + ">",
            _ => context.Qualified(type.Name!),
        };

        /// <summary>The type as an optional (nullable) member.</summary>
        public static string Nullable(TypeRef type, EmitContext context) => Of(type, context) + "?";

        /// <summary>The element type of a list or the value type of a map, with its nullability.</summary>
        public static string Element(TypeRef type, EmitContext context)
            => type.ElementNullable ? Nullable(type.Element!, context) : Of(type.Element!, context);
    }
}
