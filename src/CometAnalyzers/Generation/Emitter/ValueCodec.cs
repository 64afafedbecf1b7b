using System.Collections.Generic;
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
    /// <para>
    /// Numbers and dates (<see cref="HasScalars"/>) are read and written in a <c>ScalarScope</c>: the owning object's
    /// kept texts and the value's place in the member, so that a value read in a form the writer does not write
    /// (<c>1.0</c>, <c>1e-07</c>, a date with <c>Z</c>) is written back as read while it keeps the value read.
    /// </para>
    /// </remarks>
    internal static class ValueCodec
    {
        /// <summary>Numbers and dates: the values whose text is kept when the writer would write it otherwise.</summary>
        public static bool IsScalar(TypeKind kind)
            => kind is TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single or TypeKind.Double or TypeKind.DateTime or TypeKind.UnixTime;

        /// <summary>A number or date, or a list or map that holds some at any depth (objects and unions keep their own).</summary>
        public static bool HasScalars(TypeRef type)
            => IsScalar(type.Kind) || (type.Kind is TypeKind.List or TypeKind.Map && type.Element is { } element && HasScalars(element));

        /// <summary>
        /// An expression that reads the value at the current token of <paramref name="reader"/>; for a value that
        /// <see cref="HasScalars"/>, in <paramref name="scope"/> (an expression passed by <c>ref</c>). A value that breaks
        /// the contract sets <paramref name="failure"/> (a <c>ReadFailure</c> variable) and reads as a default value:
        /// the caller checks the failure after the read.
        /// </summary>
        public static string Read(TypeRef type, EmitContext context, string reader = "reader", string? scope = null, string failure = "failure")
            => HasScalars(type) ? ReadScalars(type, context, reader, scope ?? throw new System.ArgumentNullException(nameof(scope)), failure) : ReadOther(type, context, reader, failure);

        private static string ReadScalars(TypeRef type, EmitContext context, string reader, string scope, string failure) => type.Kind switch
        {
            TypeKind.List when StructReadItems(type) is { } items => $"{context.Json}.ReadList<{TypeNames.Element(type, context)}, {ItemReaderType(items, context)}>(ref {reader}, ref {scope}, ref {failure})",
            TypeKind.List => $"{context.Json}.ReadList<{TypeNames.Element(type, context)}>(ref {reader}, ref {scope}, ref {failure}, {ScalarReaderDelegate(type.Element!, type.ElementNullable, context)})",
            TypeKind.Map => $"{context.Json}.ReadMap<{TypeNames.Element(type, context)}>(ref {reader}, ref {scope}, ref {failure}, {ScalarReaderDelegate(type.Element!, type.ElementNullable, context)})",
            _ => $"{context.Json}.Read{type.Kind}(ref {reader}, ref {scope}, ref {failure})",
        };

        private static string ReadOther(TypeRef type, EmitContext context, string reader, string failure) => type.Kind switch
        {
            TypeKind.List when StructReadItems(type) is { } items => $"{context.Json}.ReadList<{TypeNames.Element(type, context)}, {ItemReaderType(items, context)}>(ref {reader}, ref {failure})",
            TypeKind.List => $"{context.Json}.ReadList<{TypeNames.Element(type, context)}>(ref {reader}, ref {failure}, {ReaderDelegate(type.Element!, type.ElementNullable, context)})",
            TypeKind.Map => $"{context.Json}.ReadMap<{TypeNames.Element(type, context)}>(ref {reader}, ref {failure}, {ReaderDelegate(type.Element!, type.ElementNullable, context)})",
            TypeKind.Object or TypeKind.Polymorphic or TypeKind.Union or TypeKind.Enum => $"{context.Qualified(type.Name!)}.ReadJson(ref {reader}, ref {failure})",
            _ => $"{context.Json}.Read{type.Kind}(ref {reader}, ref {failure})",
        };

        /// <summary>A statement that writes <paramref name="value"/> (already known not to be null).</summary>
        /// <remarks>
        /// Primitives and list items are written by direct <c>Utf8JsonWriter</c> calls and a loop, not through the
        /// helpers and a delegate per item: serialization is a chain of small calls, and each indirect one shows. Numbers
        /// and dates, which may have kept texts, go through small helpers the JIT inlines, in <paramref name="scope"/> (a
        /// <c>ScalarScope</c> variable). <paramref name="depth"/> numbers the locals of nested list loops so that they never
        /// shadow each other.
        /// </remarks>
        public static string Write(TypeRef type, string value, EmitContext context, string writer = "writer", string redact = "redact", int depth = 0, string? scope = null)
        {
            // Without a scope only a number or date, or a list of them, written as the writer writes them (nothing kept).
            if (scope is null && HasScalars(type) && !IsScalar(type.Kind) && !(type.Kind == TypeKind.List && IsScalar(type.Element!.Kind)))
            {
                throw new System.ArgumentNullException(nameof(scope), "Numbers or dates in maps and nested lists are written in a scope.");
            }

            return type.Kind switch
            {
                TypeKind.List => WriteList(type, value, $"{writer}.WriteStartArray();", context, writer, redact, depth, scope),
                TypeKind.Map when scope is not null => $"{context.Json}.WriteMap<{TypeNames.Element(type, context)}>({writer}, {value}, ref {scope}, {ScalarWriterDelegate(type.Element!, type.ElementNullable, context, depth)}, {redact});",
                TypeKind.Map => $"{context.Json}.WriteMap<{TypeNames.Element(type, context)}>({writer}, {value}, {WriterDelegate(type.Element!, type.ElementNullable, context, depth)}, {redact});",
                TypeKind.Object or TypeKind.Polymorphic or TypeKind.Union => $"{context.Qualified(type.Name!)}.WriteValue({writer}, {value}, {redact});",
                TypeKind.Json => $"{context.Json}.WriteJson({writer}, {value}, {redact});",
                _ when IsScalar(type.Kind) && scope is not null => $"{context.Json}.Write{type.Kind}({writer}, {value}, {redact}, ref {scope});",
                _ => $"{writer}.{PrimitiveWrite(type, value, out string argument)}Value({argument});",
            };
        }

        /// <summary>
        /// A statement that writes the property <paramref name="name"/> (a <c>JsonEncodedText</c>) with <paramref name="value"/>
        /// (already known not to be null): one writer call with the name for a primitive, the name then the value otherwise.
        /// A number or date, or a list or map that holds some, is written with the texts in <paramref name="kept"/> (the
        /// owner's kept texts, possibly null) of member <paramref name="member"/>: for a number or date of its own, its
        /// kept text while it has the value read (one null check when there is none), else the usual call.
        /// </summary>
        public static string WriteProperty(TypeRef type, string name, string value, EmitContext context, string? kept = null, int member = -1)
        {
            if (HasScalars(type))
            {
                if (kept is null)
                {
                    throw new System.ArgumentNullException(nameof(kept), "A number or date is written with its owner's kept texts.");
                }

                if (IsScalar(type.Kind))
                {
                    string write = $"writer.{PrimitiveWrite(type, value, out string argument)}({name}, {argument});";
                    return $"if ({kept} is null || !{kept}.{KeptWrite(type, value, out string keptArgument)}(writer, {name}, {member}, {keptArgument})) {{ {write} }}";
                }

                string scope = "scalars";
                string inner = type.Kind == TypeKind.List
                    ? WriteList(type, value, $"writer.WriteStartArray({name});", context, "writer", "redact", 0, scope)
                    : $"writer.WritePropertyName({name}); {Write(type, value, context, scope: scope)}";
                string withTexts = $"{{ var {scope} = new {context.Json}.ScalarScope({kept}, {member}); {inner} }}";
                if (type.Kind == TypeKind.List && IsScalar(type.Element!.Kind))
                {
                    // A list of numbers or dates (token ids, embeddings): with no kept texts, the loop of direct writer calls it always was.
                    return $"if ({kept} is null) {WriteList(type, value, $"writer.WriteStartArray({name});", context, "writer", "redact", 0)} else {withTexts}";
                }

                return withTexts;
            }

            return type.Kind switch
            {
                TypeKind.List => WriteList(type, value, $"writer.WriteStartArray({name});", context, "writer", "redact", 0),
                TypeKind.Map or TypeKind.Object or TypeKind.Polymorphic or TypeKind.Union or TypeKind.Json => $"writer.WritePropertyName({name}); {Write(type, value, context)}",
                _ => $"writer.{PrimitiveWrite(type, value, out string argument)}({name}, {argument});",
            };
        }

        /// <summary>The kept texts' write method for a number or date, and the value it compares (what the writer writes).</summary>
        private static string KeptWrite(TypeRef type, string value, out string argument)
        {
            argument = value;
            switch (type.Kind)
            {
                case TypeKind.Double:
                    return "TryWriteDouble";
                case TypeKind.Single:
                    return "TryWriteSingle";
                case TypeKind.Int32:
                case TypeKind.Int64:
                    return "TryWriteInteger";
                case TypeKind.UnixTime:
                    argument = value + ".ToUnixTimeSeconds()";
                    return "TryWriteInteger";
                case TypeKind.DateTime:
                    return "TryWriteDate";
                default:
                    throw new System.ArgumentException("Not a number or date: " + type.Kind, nameof(type));
            }
        }

        /// <summary>
        /// The <c>Utf8JsonWriter</c> method family (WriteString, WriteNumber, WriteBoolean; add <c>Value</c> for the unnamed
        /// form) and its argument for a primitive or enum: the bytes the contract's Write{Kind} helpers and an enum's
        /// WriteValue write.
        /// </summary>
        private static string PrimitiveWrite(TypeRef type, string value, out string argument)
        {
            argument = value;
            switch (type.Kind)
            {
                case TypeKind.String:
                case TypeKind.DateTime:
                    return "WriteString";
                case TypeKind.Enum:
                    argument = value + ".Value"; // the enum struct's JSON string
                    return "WriteString";
                case TypeKind.Int32:
                case TypeKind.Int64:
                case TypeKind.Single:
                case TypeKind.Double:
                    return "WriteNumber";
                case TypeKind.UnixTime:
                    argument = value + ".ToUnixTimeSeconds()";
                    return "WriteNumber";
                case TypeKind.Boolean:
                    return "WriteBoolean";
                default:
                    throw new System.ArgumentException("Not a primitive: " + type.Kind, nameof(type));
            }
        }

        /// <summary>
        /// A block that writes a list with an inline loop: <paramref name="start"/> (the array's start, named or not), each
        /// item by a direct call (null as null where items may be null), then the end. The list is read once into a local.
        /// </summary>
        private static string WriteList(TypeRef list, string value, string start, EmitContext context, string writer, string redact, int depth, string? scope = null)
        {
            TypeRef element = list.Element!;
            string items = "items" + depth;
            string index = "i" + depth;
            string write;
            if (list.ElementNullable)
            {
                string item = "item" + depth;
                write = $"var {item} = {items}[{index}]; if ({item} is null) {{ {writer}.WriteNullValue(); }} else {{ {Write(element, element.IsValueType ? item + ".Value" : item, context, writer, redact, depth + 1, scope)} }}";
            }
            else
            {
                write = Write(element, $"{items}[{index}]", context, writer, redact, depth + 1, scope);
            }

            return $"{{ var {items} = {value}; {start} for (int {index} = 0; {index} < {items}.Count; {index}++) {{ {write} }} {writer}.WriteEndArray(); }}";
        }

        /// <summary>
        /// The item type of a list read through an item-reader struct (a direct call, where a delegate is an indirect one
        /// per item); null for items that may be null or are lists or maps themselves, which are read through a delegate.
        /// </summary>
        private static TypeRef? StructReadItems(TypeRef list)
            => list.Kind == TypeKind.List && !list.ElementNullable && list.Element is { Kind: not (TypeKind.List or TypeKind.Map) } element ? element : null;

        /// <summary>The item-reader struct for <paramref name="element"/>: its name and the class of <c>&lt;Name&gt;Json</c> it is nested in.</summary>
        public static (string Holder, string Name) ItemReader(TypeRef element) => element.Kind switch
        {
            TypeKind.Object or TypeKind.Polymorphic or TypeKind.Union or TypeKind.Enum => ("TypeItems", "Read" + element.Name),
            _ => ("PrimitiveItems", "Read" + element.Kind),
        };

        private static string ItemReaderType(TypeRef element, EmitContext context)
        {
            (string holder, string name) = ItemReader(element);
            return context.Json + "." + holder + "." + name;
        }

        /// <summary>
        /// The item types of every list the contract reads through an item-reader struct, one per struct and ordered by
        /// the struct's name (ordinal), so the helpers emit those structs and no others, in the same order for the same spec.
        /// </summary>
        /// <remarks>
        /// Follows the values <see cref="Read"/> is called for (members and union cases), into the lists and maps it reads
        /// again for nested items. Kept free-form members are Json, never lists, so walking them finds nothing.
        /// </remarks>
        public static List<TypeRef> ListItemsReadByStruct(ContractSpec spec)
        {
            var found = new SortedDictionary<string, TypeRef>(System.StringComparer.Ordinal);
            foreach (TypeSpec type in spec.Types)
            {
                switch (type)
                {
                    case ObjectSpec objectSpec:
                        foreach (PropertySpec property in objectSpec.Properties)
                        {
                            CollectStructReadItems(property.Type, found);
                        }

                        break;
                    case UnionSpec union:
                        foreach (UnionCaseSpec @case in union.Cases)
                        {
                            CollectStructReadItems(@case.Type, found);
                        }

                        break;
                }
            }

            return new List<TypeRef>(found.Values);
        }

        private static void CollectStructReadItems(TypeRef type, SortedDictionary<string, TypeRef> found)
        {
            if (StructReadItems(type) is { } items)
            {
                (string holder, string name) = ItemReader(items);
                found[holder + "." + name] = items;
            }

            if (type.Element is { } element)
            {
                CollectStructReadItems(element, found);
            }
        }

        /// <summary>Reads a list item or map value that <see cref="HasScalars"/> in the scope passed along.</summary>
        private static string ScalarReaderDelegate(TypeRef type, bool nullable, EmitContext context)
        {
            string parameters = $"(ref {EmitContext.Reader} r, ref {context.Json}.ScalarScope s, ref {context.Json}.ReadFailure f)";
            if (nullable)
            {
                return $"{parameters} => r.TokenType == {EmitContext.TokenType}.Null ? ({TypeNames.Nullable(type, context)})null : {Read(type, context, "r", "s", "f")}";
            }

            return type.Kind is TypeKind.List or TypeKind.Map ? $"{parameters} => {Read(type, context, "r", "s", "f")}" : $"{context.Json}.Read{type.Kind}";
        }

        /// <summary>Writes a map value that <see cref="HasScalars"/> in the scope passed along (parameter types spelled out: a lambda with a <c>ref</c> parameter needs them).</summary>
        private static string ScalarWriterDelegate(TypeRef type, bool nullable, EmitContext context, int depth)
        {
            string parameters = $"({EmitContext.Writer} w, {(nullable ? TypeNames.Nullable(type, context) : TypeNames.Of(type, context))} v, bool r, ref {context.Json}.ScalarScope s)";
            if (!nullable)
            {
                return type.Kind is TypeKind.List or TypeKind.Map
                    ? $"{parameters} => {{ {Write(type, "v", context, "w", "r", depth + 1, "s")} }}"
                    : $"{context.Json}.Write{type.Kind}";
            }

            string value = type.IsValueType ? "v.Value" : "v";
            return $"{parameters} => {{ if (v is null) {{ w.WriteNullValue(); }} else {{ {Write(type, value, context, "w", "r", depth + 1, "s")} }} }}";
        }

        private static string ReaderDelegate(TypeRef type, bool nullable, EmitContext context)
        {
            string inner = type.Kind switch
            {
                TypeKind.List or TypeKind.Map => $"(ref {EmitContext.Reader} r, ref {context.Json}.ReadFailure f) => {Read(type, context, "r", failure: "f")}",
                TypeKind.Object or TypeKind.Polymorphic or TypeKind.Union or TypeKind.Enum => $"{context.Qualified(type.Name!)}.ReadJson",
                _ => $"{context.Json}.Read{type.Kind}",
            };

            if (!nullable)
            {
                return inner;
            }

            return $"(ref {EmitContext.Reader} r, ref {context.Json}.ReadFailure f) => r.TokenType == {EmitContext.TokenType}.Null ? ({TypeNames.Nullable(type, context)})null : {Read(type, context, "r", failure: "f")}";
        }

        private static string WriterDelegate(TypeRef type, bool nullable, EmitContext context, int depth)
        {
            if (!nullable)
            {
                return type.Kind switch
                {
                    TypeKind.List or TypeKind.Map => $"(w, v, r) => {{ {Write(type, "v", context, "w", "r", depth + 1)} }}",
                    TypeKind.Object or TypeKind.Polymorphic or TypeKind.Union or TypeKind.Enum => $"{context.Qualified(type.Name!)}.WriteValue",
                    _ => $"{context.Json}.Write{type.Kind}",
                };
            }

            string value = type.IsValueType ? "v.Value" : "v";
            return $"(w, v, r) => {{ if (v is null) {{ w.WriteNullValue(); }} else {{ {Write(type, value, context, "w", "r", depth + 1)} }} }}";
        }
    }
}
