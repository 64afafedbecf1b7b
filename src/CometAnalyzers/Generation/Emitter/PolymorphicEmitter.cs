using CometAnalyzers.Generation.Model;

namespace CometAnalyzers.Generation.Emitter
{
    /// <summary>
    /// A discriminated oneOf: an abstract base whose variants are sealed classes, plus an Unknown variant that
    /// keeps the raw JSON of a discriminator value the contract does not list (never a parse error).
    /// </summary>
    internal static class PolymorphicEmitter
    {
        public static void Emit(SourceWriter w, PolymorphicSpec type, EmitContext c)
        {
            string self = c.Qualified(type.Name);
            string unknown = c.Qualified(type.UnknownTypeName);
            string discriminatorType = type.DiscriminatorEnum is { } discriminatorEnum ? c.Qualified(discriminatorEnum) : "string";
            w.Summary(type.Description ?? $"One of the <c>{type.Name}</c> variants, told apart by <c>{type.DiscriminatorJsonName}</c>.");
            if (type.Default is { } defaultVariant)
            {
                w.Line($"/// <remarks>An object {DefaultCondition(defaultVariant, type.DiscriminatorJsonName)} is read as <see cref=\"{c.Qualified(defaultVariant.TypeName)}\"/>.</remarks>");
            }
            w.Line(EmitContext.GeneratedCodeAttribute);
            w.OpenBlock($"public abstract partial class {type.Name}");
            w.Line($"private static {EmitContext.ByteSpan} DiscriminatorUtf8 => {SourceWriter.Utf8Bytes(type.DiscriminatorJsonName)};");
            w.Line();
            w.Line($"private protected {type.Name}()");
            w.Line("{");
            w.Line("}");
            w.Line();
            w.Line($"/// <summary>The <c>{SourceWriter.EscapeXml(type.DiscriminatorJsonName)}</c> value that selects the variant.</summary>");
            w.Line($"public abstract {discriminatorType} {type.DiscriminatorName} {{ get; }}");
            w.Line();
            w.Line("/// <summary>Properties the contract does not declare, kept so the model writes back what it read.</summary>");
            w.Line($"public global::System.Collections.Generic.Dictionary<string, {EmitContext.JsonElement}>? AdditionalProperties {{ get; set; }}");
            w.Line();
            w.Line($"public static {self} Parse({EmitContext.ByteSpan} utf8Json) => {c.Json}.Parse(utf8Json, ReadJson);");
            w.Line();
            w.Line($"public static bool TryParse({EmitContext.ByteSpan} utf8Json, [global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out {self}? value, out {c.Error}? error)");
            w.Line($"    => {c.Json}.TryParse(utf8Json, ReadJson, out value, out error);");
            w.Line();
            w.Line($"public void WriteTo({EmitContext.Writer} writer) => WriteJson(writer, false);");
            w.Line();
            w.Line($"public global::System.Collections.Generic.IReadOnlyList<{c.Violation}> Validate()");
            w.Line("{");
            w.Line($"    var violations = new {c.ViolationList}();");
            w.Line("    ValidateInto(violations, \"$\");");
            w.Line("    return violations;");
            w.Line("}");
            w.Line();
            w.Line($"public override string ToString() => {c.Json}.ToDisplayString(this, WriteValue);");
            w.Line();
            w.Line($"internal abstract void WriteJson({EmitContext.Writer} writer, bool redact);");
            w.Line();
            w.Line($"internal abstract void ValidateInto({c.ViolationList} violations, string path);");
            w.Line();
            w.OpenBlock($"internal static {self} ReadJson(ref {EmitContext.Reader} reader, ref {c.Json}.ReadFailure failure)");
            w.OpenBlock($"if (!{c.Json}.ExpectObject(ref reader, ref failure))");
            w.Line("return null!;");
            w.CloseBlock();
            w.Line();
            // The discriminator is matched on its UTF-8 bytes: no string is allocated to choose the variant.
            if (type.Default is { } fallback)
            {
                w.Line($"{EmitContext.TokenType} found = {c.Json}.FindDiscriminator(reader, DiscriminatorUtf8, out {EmitContext.ByteSpan} discriminator, ref failure);");
                w.OpenBlock($"if (found == {EmitContext.TokenType}.String)");
            }
            else
            {
                w.OpenBlock($"if ({c.Json}.PeekDiscriminator(reader, DiscriminatorUtf8, out {EmitContext.ByteSpan} discriminator, ref failure))");
            }

            foreach (VariantSpec variant in type.Variants)
            {
                w.Line($"if (global::System.MemoryExtensions.SequenceEqual(discriminator, {SourceWriter.Utf8Bytes(variant.DiscriminatorValue)})) {{ return {c.Qualified(variant.TypeName)}.ReadJson(ref reader, ref failure); }} // {SourceWriter.SingleLine(variant.DiscriminatorValue)}");
            }

            if (type.Default is { WhenUnlisted: true } unlisted)
            {
                w.Line($"return {c.Qualified(unlisted.TypeName)}.ReadJson(ref reader, ref failure); // a value no other variant lists");
            }

            w.CloseBlock();
            if (type.Default is { } other)
            {
                EmitDefaultDispatch(w, other, type.DiscriminatorJsonName, c, read: $"return {c.Qualified(other.TypeName)}.ReadJson(ref reader, ref failure);");
            }

            w.Line();
            w.Line($"return new {unknown}({c.Json}.ReadJson(ref reader, ref failure));");
            w.CloseBlock();
            w.Line();
            w.Line($"internal static void WriteValue({EmitContext.Writer} writer, {self} value, bool redact) => value.WriteJson(writer, redact);");
            w.CloseBlock();
            w.Line();

            w.Line($"/// <summary>A <see cref=\"{self}\"/> whose <c>{SourceWriter.EscapeXml(type.DiscriminatorJsonName)}</c> the contract does not list; its JSON is kept as read.</summary>");
            w.Line(EmitContext.GeneratedCodeAttribute);
            w.OpenBlock($"public sealed partial class {type.UnknownTypeName} : {self}");
            w.Line($"public {type.UnknownTypeName}({EmitContext.JsonElement} json)");
            w.Line("{");
            w.Line("    Json = json;");
            w.Line("}");
            w.Line();
            w.Line("/// <summary>The variant's JSON exactly as it was read.</summary>");
            w.Line($"public {EmitContext.JsonElement} Json {{ get; }}");
            w.Line();
            string found = type.DiscriminatorEnum is null ? "value.GetString()!" : $"new {discriminatorType}(value.GetString()!)";
            string missing = type.DiscriminatorEnum is null ? "string.Empty" : "default";
            w.Line($"public override {discriminatorType} {type.DiscriminatorName} => Json.ValueKind == global::System.Text.Json.JsonValueKind.Object && Json.TryGetProperty({SourceWriter.Literal(type.DiscriminatorJsonName)}, out {EmitContext.JsonElement} value) && value.ValueKind == global::System.Text.Json.JsonValueKind.String ? {found} : {missing};");
            w.Line();
            w.Line("/// <remarks>Redacted output keeps only the discriminator: nothing is known about the other values' sensitivity.</remarks>");
            w.OpenBlock($"internal override void WriteJson({EmitContext.Writer} writer, bool redact)");
            w.OpenBlock("if (!redact)");
            w.Line("Json.WriteTo(writer);");
            w.Line("return;");
            w.CloseBlock();
            w.Line();
            w.Line("writer.WriteStartObject();");
            w.Line($"writer.WriteString({SourceWriter.Literal(type.DiscriminatorJsonName)}, {type.DiscriminatorName}{(type.DiscriminatorEnum is null ? string.Empty : ".Value")});");
            w.Line("writer.WriteEndObject();");
            w.CloseBlock();
            w.Line();
            w.Line($"internal override void ValidateInto({c.ViolationList} violations, string path)");
            w.Line("{");
            w.Line("}");
            w.CloseBlock();
        }

        /// <summary>The objects the contract sends to the default variant, for its documentation.</summary>
        public static string DefaultCondition(DefaultVariantSpec fallback, string jsonName)
        {
            string name = "<c>" + SourceWriter.EscapeXml(jsonName) + "</c>";
            var conditions = new System.Collections.Generic.List<string>();
            if (fallback.WhenMissing)
            {
                conditions.Add("without " + name);
            }

            if (fallback.WhenNull)
            {
                conditions.Add("whose " + name + " is null");
            }

            if (fallback.WhenUnlisted)
            {
                conditions.Add("whose " + name + " no other variant lists");
            }

            return string.Join(" or ", conditions);
        }

        /// <summary>
        /// Sends an object without the discriminator, or with null there, to the default variant when the contract makes
        /// it the one such an object belongs to (the local <c>found</c> holds the discriminator's token). <paramref name="read"/>
        /// is the statement that reads and returns the default.
        /// </summary>
        public static void EmitDefaultDispatch(SourceWriter w, DefaultVariantSpec fallback, string jsonName, EmitContext c, string read)
        {
            string comment = SourceWriter.SingleLine(jsonName);
            if (fallback.WhenMissing)
            {
                w.Line($"if (found == {EmitContext.TokenType}.None) {{ {read} }} // no {comment}");
            }

            if (fallback.WhenNull)
            {
                w.Line($"if (found == {EmitContext.TokenType}.Null) {{ {read} }} // {comment}: null");
            }
        }
    }
}
