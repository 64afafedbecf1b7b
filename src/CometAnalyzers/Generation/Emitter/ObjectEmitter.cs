using System.Collections.Generic;
using System.Linq;
using CometAnalyzers.Generation.Model;

namespace CometAnalyzers.Generation.Emitter
{
    /// <summary>
    /// A class per object schema: its members, a single-pass Utf8JsonReader parser, a writer with pre-encoded
    /// names, Validate() and a redacting ToString(). Variants of a polymorphic base override its abstract members.
    /// </summary>
    internal static class ObjectEmitter
    {
        public static void Emit(SourceWriter w, ObjectSpec type, EmitContext c)
        {
            bool isVariant = type.BaseType is not null;
            string self = c.Qualified(type.Name);
            List<PropertySpec> properties = type.Properties.ToList();
            List<PropertySpec> tracked = properties.Where(p => !p.IsRequiredNonNull).ToList();

            w.Summary(type.Description ?? $"The <c>{type.Name}</c> object of the {c.ContractName} contract.");
            w.Line(EmitContext.GeneratedCodeAttribute);
            if (type.Deprecated)
            {
                w.Line("[global::System.Obsolete(\"Deprecated by the contract.\")]");
            }

            w.OpenBlock($"public sealed partial class {type.Name}" + (isVariant ? " : " + c.Qualified(type.BaseType!) : string.Empty));
            EmitNames(w, type, properties);
            for (int i = 0; i < (tracked.Count + 63) / 64; i++)
            {
                w.Line($"private ulong _jsonNulls{i};");
            }

            if (HasScalars(properties))
            {
                w.Line($"private {c.KeptTexts}? _keptTexts;");
            }

            w.Line();
            EmitProperties(w, type, properties, c);
            EmitEntryPoints(w, type, c, isVariant);
            EmitReader(w, type, properties, tracked, c, isVariant);
            EmitWriter(w, type, properties, tracked, c, isVariant);
            EmitValidation(w, properties, c, isVariant);
            w.Line($"internal static void WriteValue({EmitContext.Writer} writer, {self} value, bool redact) => value.WriteJson(writer, redact);");
            w.CloseBlock();
        }

        private static void EmitNames(SourceWriter w, ObjectSpec type, List<PropertySpec> properties)
        {
            foreach (PropertySpec p in properties)
            {
                w.Line($"private static readonly global::System.Text.Json.JsonEncodedText s_{p.Name}JsonName = global::System.Text.Json.JsonEncodedText.Encode({SourceWriter.Literal(p.JsonName)});");
            }

            if (type.DiscriminatorJsonName is { } discriminator)
            {
                w.Line($"private static readonly global::System.Text.Json.JsonEncodedText DiscriminatorName = global::System.Text.Json.JsonEncodedText.Encode({SourceWriter.Literal(discriminator)});");
            }
        }

        private static void EmitProperties(SourceWriter w, ObjectSpec type, List<PropertySpec> properties, EmitContext c)
        {
            foreach (PropertySpec p in properties)
            {
                w.Summary(p.Description);
                if (p.Sensitive)
                {
                    w.Line("/// <remarks>Sensitive: never printed by <c>ToString()</c>; keep it out of logs.</remarks>");
                    w.Line(SensitiveAttributeEmitter.Usage);
                }

                if (p.Deprecated)
                {
                    w.Line("[global::System.Obsolete(\"Deprecated by the contract.\")]");
                }

                if (IsKept(p))
                {
                    EmitKeptProperty(w, p, c);
                }
                else if (p.IsRequiredNonNull)
                {
                    // A deprecated member is not 'required': callers would be forced to set an obsolete member (CS9042).
                    string initializer = RequiredKeyword(p, c).Length > 0 || p.Type.IsValueType ? string.Empty : " = default!;";
                    w.Line($"public {RequiredKeyword(p, c)}{TypeNames.Of(p.Type, c)} {p.Name} {{ get; set; }}{initializer}");
                }
                else
                {
                    w.Line($"public {TypeNames.Nullable(p.Type, c)} {p.Name} {{ get; set; }}");
                }

                w.Line();
            }

            if (type.BaseType is not null)
            {
                var baseSpec = (PolymorphicSpec)c.Find(type.BaseType)!;
                if (type.KeptDiscriminator is { } kept)
                {
                    KeptDiscriminatorEmitter.EmitMembers(w, type, kept, baseSpec);
                }
                else
                {
                    string value = type.DiscriminatorValue!;
                    w.Line($"/// <summary>Always <c>{SourceWriter.EscapeXml(value)}</c>: tells this variant apart from the other <see cref=\"{c.Qualified(type.BaseType)}\"/> variants.</summary>");
                    w.Line($"public override {FixedDiscriminator(baseSpec, value, c)};");
                    w.Line();
                }
            }
            else
            {
                w.Line("/// <summary>Properties the contract does not declare, kept so the model writes back what it read.</summary>");
                w.Line($"public global::System.Collections.Generic.Dictionary<string, {EmitContext.JsonElement}>? AdditionalProperties {{ get; set; }}");
                w.Line();
            }
        }

        /// <summary>
        /// The variant's override of the base's discriminator member: a string literal, or the open enum's member for the
        /// value (a new instance of it when the enum does not list the value).
        /// </summary>
        private static string FixedDiscriminator(PolymorphicSpec baseSpec, string value, EmitContext c)
        {
            if (baseSpec.DiscriminatorEnum is not { } enumName)
            {
                return $"string {baseSpec.DiscriminatorName} => {SourceWriter.Literal(value)}";
            }

            string enumType = c.Qualified(enumName);
            EnumMemberSpec? member = (c.Find(enumName) as EnumSpec)?.Members.FirstOrDefault(m => m.Value == value);
            return $"{enumType} {baseSpec.DiscriminatorName} => " + (member is null ? $"new {enumType}({SourceWriter.Literal(value)})" : $"{enumType}.{member.Name}");
        }

        private static string RequiredKeyword(PropertySpec p, EmitContext c) => p.IsRequiredNonNull && c.UseRequiredKeyword && !p.Deprecated ? "required " : string.Empty;

        /// <summary>
        /// A free-form member is kept as the UTF-8 it was read as and written back from it; its JsonElement is made on
        /// first use. Assigning an element replaces the kept bytes.
        /// </summary>
        private static bool IsKept(PropertySpec p) => p.Type.Kind == TypeKind.Json;

        /// <summary>
        /// Members that are numbers or dates, or lists or maps of them: such an object keeps, in <c>_keptTexts</c> (null
        /// unless needed), the texts it read in a form its writer does not write (see ValueCodec).
        /// </summary>
        private static bool HasScalars(List<PropertySpec> properties) => properties.Any(p => ValueCodec.HasScalars(p.Type));

        private static void EmitKeptProperty(SourceWriter w, PropertySpec p, EmitContext c)
        {
            string type = p.IsRequiredNonNull ? TypeNames.Of(p.Type, c) : TypeNames.Nullable(p.Type, c);
            w.OpenBlock($"public {RequiredKeyword(p, c)}{type} {p.Name}");
            w.Line($"get => _{p.Name}Kept is {{ }} kept ? kept.Element : _{p.Name}Element;");
            w.Line($"set {{ _{p.Name}Element = value; _{p.Name}Kept = null; }}");
            w.CloseBlock();
            w.Line();
            w.Line($"private {type} _{p.Name}Element;");
            w.Line($"private {c.KeptJson}? _{p.Name}Kept;");
        }

        private static void EmitEntryPoints(SourceWriter w, ObjectSpec type, EmitContext c, bool isVariant)
        {
            string self = c.Qualified(type.Name);
            string hide = isVariant ? "new " : string.Empty;
            w.Line($"/// <summary>Parses UTF-8 JSON; throws <see cref=\"{c.Exception}\"/> with a kind and a JSON path when it does not match the contract.</summary>");
            w.Line($"public static {hide}{self} Parse({EmitContext.ByteSpan} utf8Json) => {c.Json}.Parse(utf8Json, ReadJson);");
            w.Line();
            w.Line("/// <summary>Parses UTF-8 JSON; returns false with the error instead of throwing.</summary>");
            w.Line($"public static bool TryParse({EmitContext.ByteSpan} utf8Json, [global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out {self}? value, out {c.Error}? error)");
            w.Line($"    => {c.Json}.TryParse(utf8Json, ReadJson, out value, out error);");
            w.Line();
            if (isVariant)
            {
                return;
            }

            w.Line("/// <summary>Writes this object as JSON, unknown properties included.</summary>");
            w.Line($"public void WriteTo({EmitContext.Writer} writer) => WriteJson(writer, false);");
            w.Line();
            w.Line("/// <summary>Contract rules this object breaks (required fields unset, values out of range); empty when it is valid.</summary>");
            w.Line($"public global::System.Collections.Generic.IReadOnlyList<{c.Violation}> Validate()");
            w.Line("{");
            w.Line($"    var violations = new {c.ViolationList}();");
            w.Line("    ValidateInto(violations, \"$\");");
            w.Line("    return violations;");
            w.Line("}");
            w.Line();
            w.Line("/// <summary>The JSON of this object with sensitive values replaced by <c>***</c>: safe to log.</summary>");
            w.Line($"public override string ToString() => {c.Json}.ToDisplayString(this, WriteValue);");
            w.Line();
        }

        private static void EmitReader(SourceWriter w, ObjectSpec type, List<PropertySpec> properties, List<PropertySpec> tracked, EmitContext c, bool isVariant)
        {
            string self = c.Qualified(type.Name);
            w.OpenBlock($"internal static {(isVariant ? "new " : string.Empty)}{self} ReadJson(ref {EmitContext.Reader} reader, ref {c.Json}.ReadFailure failure)");
            w.OpenBlock($"if (!{c.Json}.ExpectObject(ref reader, ref failure))");
            w.Line("return null!;");
            w.CloseBlock();
            w.Line();
            for (int i = 0; i < properties.Count; i++)
            {
                string local = IsKept(properties[i]) ? c.KeptJson + "?" : TypeNames.Nullable(properties[i].Type, c);
                w.Line($"{local} value{i} = default;");
                if (properties[i].Required)
                {
                    w.Line($"bool has{i} = false;");
                }
            }

            if (type.KeptDiscriminator is not null)
            {
                w.Line("string? discriminator = null;");
            }

            if (type.DiscriminatorRequired || type.KeptDiscriminator is not null)
            {
                w.Line("bool hasDiscriminator = false;");
            }

            for (int i = 0; i < (tracked.Count + 63) / 64; i++)
            {
                w.Line($"ulong jsonNulls{i} = 0;");
            }

            if (HasScalars(properties))
            {
                w.Line($"{c.Json}.ScalarScope scalars = default;");
            }

            w.Line($"global::System.Collections.Generic.Dictionary<string, {EmitContext.JsonElement}>? unknown = null;");
            w.Line("// A failure below sets 'failure' and returns; this level adds where it was and returns too (nothing is thrown).");
            w.OpenBlock("while (true)");
            w.OpenBlock($"if (!{c.Json}.Next(ref reader, ref failure))");
            w.Line("return null!;");
            w.CloseBlock();
            w.Line();
            w.OpenBlock($"if (reader.TokenType == {EmitContext.TokenType}.EndObject)");
            w.Line("break;");
            w.CloseBlock();
            w.Line();
            w.Line($"int property = Match({c.Json}.PropertyName(ref reader));");
            w.OpenBlock("if (property < 0)");
            if (type.DiscriminatorJsonName is null)
            {
                w.OpenBlock($"if (!{c.Json}.ReadUnknown(ref reader, ref unknown, ref failure))");
                w.Line("return null!;");
                w.CloseBlock();
            }
            else
            {
                w.OpenBlock("if (property == -1)");
                w.OpenBlock($"if (!{c.Json}.ReadUnknown(ref reader, ref unknown, ref failure))");
                w.Line("return null!;");
                w.CloseBlock();
                w.CloseBlock();
                w.OpenBlock("else");
                w.OpenBlock($"if (!{c.Json}.Next(ref reader, ref failure))");
                w.Line("return null!;");
                w.CloseBlock();
                w.Line();
                if (type.KeptDiscriminator is { } kept)
                {
                    w.Line("// The discriminator: kept as written, so it must be a value this variant owns, the same at every occurrence.");
                    w.Line(KeptDiscriminatorEmitter.ReadOccurrence(type, kept, c));
                    w.OpenBlock("if (failure.Failed)");
                    w.Line("return null!;");
                    w.CloseBlock();
                }
                else
                {
                    w.Line("// The discriminator: fixed by this variant, so its value is checked, not stored.");
                    w.OpenBlock($"if (!{c.Json}.ExpectDiscriminator(ref reader, {SourceWriter.Literal(type.DiscriminatorJsonName)}, {SourceWriter.Utf8Bytes(type.DiscriminatorValue!)}, ref failure))");
                    w.Line("return null!;");
                    w.CloseBlock();
                    if (type.DiscriminatorRequired)
                    {
                        w.Line();
                        w.Line("hasDiscriminator = true;");
                    }
                }

                w.CloseBlock();
            }

            w.Line();
            w.Line("continue;");
            w.CloseBlock();
            w.Line();
            w.OpenBlock($"if (!{c.Json}.Next(ref reader, ref failure))");
            w.Line("return null!;");
            w.CloseBlock();
            if (properties.Count == 0)
            {
                w.CloseBlock();
                w.Line();
                EmitConstruction(w, type, properties, tracked, c);
                return;
            }

            w.Line();

            w.OpenBlock("switch (property)");
            for (int i = 0; i < properties.Count; i++)
            {
                PropertySpec p = properties[i];
                w.Line($"case {i}:");
                w.Indent();
                string has = p.Required ? $" has{i} = true;" : string.Empty;
                string read = IsKept(p) ? $"{c.Json}.ReadKept(ref reader, ref failure)" : ValueCodec.Read(p.Type, c, scope: $"{c.Json}.At(ref scalars, {i})");
                if (p.IsRequiredNonNull)
                {
                    w.Line($"value{i} = {read};{has}");
                }
                else
                {
                    int bit = tracked.IndexOf(p);
                    string onNull = p.Required ? string.Empty : $" jsonNulls{bit / 64} |= {Bit(bit)};";
                    w.Line($"if (reader.TokenType == {EmitContext.TokenType}.Null) {{ value{i} = null;{onNull} }} else {{ value{i} = {read}; }}{has}");
                }

                w.Line("break;");
                w.Unindent();
            }

            w.CloseBlock();
            w.Line();
            w.OpenBlock("if (failure.Failed)");
            w.Line("failure.InProperty(JsonNameOf(property));");
            w.Line("return null!;");
            w.CloseBlock();
            w.CloseBlock();
            w.Line();
            EmitConstruction(w, type, properties, tracked, c);
        }

        private static void EmitConstruction(SourceWriter w, ObjectSpec type, List<PropertySpec> properties, List<PropertySpec> tracked, EmitContext c)
        {
            string self = c.Qualified(type.Name);
            if (type.DiscriminatorRequired)
            {
                // Through the base the discriminator chose this variant; read on its own (a list of text parts), it must be there.
                w.Line($"if (!hasDiscriminator) {{ failure.MissingProperty({SourceWriter.Literal(type.DiscriminatorJsonName!)}); return null!; }}");
            }

            for (int i = 0; i < properties.Count; i++)
            {
                PropertySpec p = properties[i];
                if (p.IsRequiredNonNull)
                {
                    w.Line($"if (!has{i}) {{ failure.MissingProperty({SourceWriter.Literal(p.JsonName)}); return null!; }}");
                }
                else if (p.Required)
                {
                    // Required but nullable: accepted when absent (real servers omit such fields) and written back absent.
                    int bit = tracked.IndexOf(p);
                    w.Line($"if (!has{i}) {{ jsonNulls{bit / 64} |= {Bit(bit)}; }}");
                }
            }

            if (type.KeptDiscriminator is { } keptRequired)
            {
                KeptDiscriminatorEmitter.EmitRequiredCheck(w, type, keptRequired);
            }

            w.Line($"var result = new {self}" + (type.KeptDiscriminator is not null ? $"({KeptDiscriminatorEmitter.ConstructorArgument()})" : string.Empty));
            w.Line("{");
            w.Indent();
            for (int i = 0; i < properties.Count; i++)
            {
                PropertySpec p = properties[i];
                if (IsKept(p))
                {
                    if (RequiredKeyword(p, c).Length > 0)
                    {
                        w.Line($"{p.Name} = default, // 'required' wants it set here; the kept bytes below take its place");
                    }

                    continue;
                }

                string value = !p.IsRequiredNonNull ? $"value{i}" : p.Type.IsValueType ? $"value{i}.GetValueOrDefault()" : $"value{i}!";
                w.Line($"{p.Name} = {value},");
            }

            w.Line("AdditionalProperties = unknown,");
            w.Unindent();
            w.Line("};");
            if (type.KeptDiscriminator is { } kept)
            {
                KeptDiscriminatorEmitter.EmitAfterConstruction(w, kept);
            }

            for (int i = 0; i < properties.Count; i++)
            {
                if (IsKept(properties[i]))
                {
                    w.Line($"result._{properties[i].Name}Kept = value{i};");
                }
            }
            for (int i = 0; i < (tracked.Count + 63) / 64; i++)
            {
                w.Line($"result._jsonNulls{i} = jsonNulls{i};");
            }

            if (HasScalars(properties))
            {
                w.Line("result._keptTexts = scalars.Kept;");
            }

            w.Line("return result;");
            w.CloseBlock();
            w.Line();

            EmitMatch(w, type, properties);
        }

        /// <summary>Property lookup by length, then bytes: no string is allocated for a known name.</summary>
        private static void EmitMatch(SourceWriter w, ObjectSpec type, List<PropertySpec> properties)
        {
            w.OpenBlock($"private static int Match({EmitContext.ByteSpan} name)");
            var entries = properties.Select((p, i) => (p.JsonName, Index: i)).ToList();
            if (type.DiscriminatorJsonName is { } discriminator)
            {
                entries.Add((discriminator, -2));
            }

            var byLength = entries.GroupBy(e => System.Text.Encoding.UTF8.GetByteCount(e.JsonName)).OrderBy(g => g.Key).ToList();
            if (byLength.Count > 0)
            {
                w.OpenBlock("switch (name.Length)");
                foreach (var group in byLength)
                {
                    w.Line($"case {group.Key}:");
                    w.Indent();
                    foreach (var entry in group)
                    {
                        w.Line($"if (global::System.MemoryExtensions.SequenceEqual(name, {SourceWriter.Utf8Bytes(entry.JsonName)})) {{ return {SourceWriter.Int(entry.Index)}; }} // {Comment(entry.JsonName)}");
                    }

                    w.Line("break;");
                    w.Unindent();
                }

                w.CloseBlock();
            }

            w.Line();
            w.Line("return -1;");
            w.CloseBlock();
            w.Line();

            w.OpenBlock("private static string JsonNameOf(int property) => property switch");
            for (int i = 0; i < properties.Count; i++)
            {
                w.Line($"{i} => {SourceWriter.Literal(properties[i].JsonName)},");
            }

            w.Line("_ => \"?\",");
            w.CloseBlock(";");
            w.Line();
        }

        private static void EmitWriter(SourceWriter w, ObjectSpec type, List<PropertySpec> properties, List<PropertySpec> tracked, EmitContext c, bool isVariant)
        {
            w.OpenBlock($"internal {(isVariant ? "override " : string.Empty)}void WriteJson({EmitContext.Writer} writer, bool redact)");
            w.Line("writer.WriteStartObject();");
            if (type.KeptDiscriminator is { } keptDiscriminator)
            {
                KeptDiscriminatorEmitter.EmitWrite(w, keptDiscriminator);
            }
            else if (type.DiscriminatorValue is { } discriminatorValue)
            {
                w.Line($"writer.WriteString(DiscriminatorName, {SourceWriter.Literal(discriminatorValue)});");
            }

            if (HasScalars(properties))
            {
                w.Line("var keptTexts = _keptTexts;");
            }

            for (int member = 0; member < properties.Count; member++)
            {
                PropertySpec p = properties[member];
                // Kept bytes go back out as they came in; an element set by the caller is written as any value.
                string kept = IsKept(p) ? $"if (_{p.Name}Kept is {{ }} kept{p.Name}) {{ {WritePropertyWith(p, $"writer.WritePropertyName(s_{p.Name}JsonName); {c.Json}.WriteKept(writer, kept{p.Name}, redact);", c)} }}" : string.Empty;
                string orElse = kept.Length > 0 ? kept + " else " : string.Empty;
                if (p.IsRequiredNonNull)
                {
                    if (p.Type.IsValueType)
                    {
                        w.Line(kept.Length == 0 ? WriteProperty(p, p.Name, c, member) : $"{orElse}{{ {WriteProperty(p, p.Name, c, member)} }}");
                    }
                    else
                    {
                        // A required member left null by the caller is written as null; Validate() reports it.
                        w.Line($"{orElse}if ({p.Name} is {{ }} value{p.Name}) {{ {WriteProperty(p, "value" + p.Name, c, member)} }} else {{ writer.WriteNull(s_{p.Name}JsonName); }}");
                    }

                    continue;
                }

                int bit = tracked.IndexOf(p);
                string value = p.Type.IsValueType ? $"{p.Name}.Value" : p.Name;
                string nullWhen = p.Required ? "== 0" : "!= 0";
                if (kept.Length > 0)
                {
                    w.Line(kept);
                }

                w.Line($"{(kept.Length > 0 ? "else " : string.Empty)}if ({p.Name} is not null) {{ {WriteProperty(p, value, c, member)} }}");
                w.Line($"else if ((_jsonNulls{bit / 64} & {Bit(bit)}) {nullWhen}) {{ writer.WriteNull(s_{p.Name}JsonName); }}");
            }

            w.Line($"{c.Json}.WriteUnknown(writer, AdditionalProperties);");
            w.Line("writer.WriteEndObject();");
            w.CloseBlock();
            w.Line();
        }

        /// <summary>Name and value (one writer call for a primitive); a sensitive value becomes <c>***</c> when redacting (for ToString()).</summary>
        private static string WriteProperty(PropertySpec p, string value, EmitContext c, int member)
            => WritePropertyWith(p, ValueCodec.WriteProperty(p.Type, $"s_{p.Name}JsonName", value, c, ValueCodec.HasScalars(p.Type) ? "keptTexts" : null, member), c);

        private static string WritePropertyWith(PropertySpec p, string write, EmitContext c)
            => p.Sensitive
                ? $"if (redact) {{ writer.WriteString(s_{p.Name}JsonName, {c.Json}.Redacted); }} else {{ {write} }}"
                : write;

        private static void EmitValidation(SourceWriter w, List<PropertySpec> properties, EmitContext c, bool isVariant)
        {
            w.OpenBlock($"internal {(isVariant ? "override " : string.Empty)}void ValidateInto({c.ViolationList} violations, string path)");
            foreach (PropertySpec p in properties)
            {
                ValidationEmitter.EmitProperty(w, p, c);
            }

            w.CloseBlock();
            w.Line();
        }

        private static string Bit(int index) => "0x" + (1UL << (index % 64)).ToString("X", System.Globalization.CultureInfo.InvariantCulture) + "UL";

        private static string Comment(string text) => SourceWriter.SingleLine(text);
    }
}
