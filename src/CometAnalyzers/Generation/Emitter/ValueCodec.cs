using CometAnalyzers.Generation.Model;

namespace CometAnalyzers.Generation.Emitter
{
    /// <summary>
    /// The read and write expressions for a value of a <see cref="TypeRef"/>. Primitives go through the contract's
    /// <c>&lt;Name&gt;Json</c> helpers (Read{Kind}/Write{Kind}); generated types through their own ReadJson/WriteValue.
    /// </summary>
    /// <remarks>
    /// List and map calls name their element type (<c>ReadList&lt;T&gt;</c>): without it the compiler infers T by binding
    /// the nested element lambdas again at every level, which is exponential in the nesting depth.
    /// </remarks>
    internal static class ValueCodec
    {
        /// <summary>An expression that reads the value at the current token of <paramref name="reader"/>.</summary>
        public static string Read(TypeRef type, EmitContext context, string reader = "reader") => type.Kind switch
        {
            TypeKind.List when ItemReader(type, context) is { } items => $"{context.Json}.ReadList<{TypeNames.Element(type, context)}, {items}>(ref {reader})",
            TypeKind.List => $"{context.Json}.ReadList<{TypeNames.Element(type, context)}>(ref {reader}, {ReaderDelegate(type.Element!, type.ElementNullable, context)})",
            TypeKind.Map => $"{context.Json}.ReadMap<{TypeNames.Element(type, context)}>(ref {reader}, {ReaderDelegate(type.Element!, type.ElementNullable, context)})",
            TypeKind.Object or TypeKind.Polymorphic or TypeKind.Union or TypeKind.Enum => $"{context.Qualified(type.Name!)}.ReadJson(ref {reader})",
            _ => $"{context.Json}.Read{type.Kind}(ref {reader})",
        };

        /// <summary>A statement that writes <paramref name="value"/> (already known not to be null).</summary>
        public static string Write(TypeRef type, string value, EmitContext context, string writer = "writer", string redact = "redact") => type.Kind switch
        {
            TypeKind.List => $"{context.Json}.WriteList<{TypeNames.Element(type, context)}>({writer}, {value}, {WriterDelegate(type.Element!, type.ElementNullable, context)}, {redact});",
            TypeKind.Map => $"{context.Json}.WriteMap<{TypeNames.Element(type, context)}>({writer}, {value}, {WriterDelegate(type.Element!, type.ElementNullable, context)}, {redact});",
            TypeKind.Object or TypeKind.Polymorphic or TypeKind.Union or TypeKind.Enum => $"{context.Qualified(type.Name!)}.WriteValue({writer}, {value}, {redact});",
            _ => $"{context.Json}.Write{type.Kind}({writer}, {value}, {redact});",
        };

        /// <summary>
        /// The struct that reads a list's items (a direct call, where a delegate is an indirect one per item); null for
        /// items that may be null or are lists or maps themselves, which are read through a delegate.
        /// </summary>
        private static string? ItemReader(TypeRef list, EmitContext context) => list.ElementNullable ? null : list.Element!.Kind switch
        {
            TypeKind.List or TypeKind.Map => null,
            TypeKind.Object or TypeKind.Polymorphic or TypeKind.Union or TypeKind.Enum => $"{context.Json}.TypeItems.Read{list.Element.Name}",
            _ => $"{context.Json}.PrimitiveItems.Read{list.Element.Kind}",
        };

        private static string ReaderDelegate(TypeRef type, bool nullable, EmitContext context)
        {
            string inner = type.Kind switch
            {
                TypeKind.List or TypeKind.Map => $"(ref {EmitContext.Reader} r) => {Read(type, context, "r")}",
                TypeKind.Object or TypeKind.Polymorphic or TypeKind.Union or TypeKind.Enum => $"{context.Qualified(type.Name!)}.ReadJson",
                _ => $"{context.Json}.Read{type.Kind}",
            };

            if (!nullable)
            {
                return inner;
            }

            return $"(ref {EmitContext.Reader} r) => r.TokenType == {EmitContext.TokenType}.Null ? ({TypeNames.Nullable(type, context)})null : {Read(type, context, "r")}";
        }

        private static string WriterDelegate(TypeRef type, bool nullable, EmitContext context)
        {
            if (!nullable)
            {
                return type.Kind switch
                {
                    TypeKind.List or TypeKind.Map => $"(w, v, r) => {Write(type, "v", context, "w", "r").TrimEnd(';')}",
                    TypeKind.Object or TypeKind.Polymorphic or TypeKind.Union or TypeKind.Enum => $"{context.Qualified(type.Name!)}.WriteValue",
                    _ => $"{context.Json}.Write{type.Kind}",
                };
            }

            string value = type.IsValueType ? "v.Value" : "v";
            return $"(w, v, r) => {{ if (v is null) {{ w.WriteNullValue(); }} else {{ {Write(type, value, context, "w", "r")} }} }}";
        }
    }
}
