using System.Linq;
using CometAnalyzers.Generation.Model;

namespace CometAnalyzers.Generation.Emitter
{
    /// <summary>
    /// A value of one of several JSON shapes (string | array of parts, string | object, ...): a small class
    /// with implicit conversions from each case, Is/As accessors, and raw JSON for an unknown object variant. A case the
    /// contract marks <c>x-sensitive</c> prints as <c>***</c> in <c>ToString()</c>, as a sensitive property does.
    /// </summary>
    internal static class UnionEmitter
    {
        public static void Emit(SourceWriter w, UnionSpec type, EmitContext c)
        {
            string self = c.Qualified(type.Name);
            w.Summary(type.Description ?? $"The <c>{type.Name}</c> value of the {c.ContractName} contract: " + string.Join(" or ", type.Cases.Select(Describe)) + ".");
            w.Line(EmitContext.GeneratedCodeAttribute);
            w.OpenBlock($"public sealed partial class {type.Name}");
            w.Line("private readonly object? _value;");
            w.Line("private readonly int _case;");
            if (HasScalars(type))
            {
                // The texts of the case's numbers and dates read in a form the writer does not write (see ValueCodec).
                w.Line($"private {c.KeptTexts}? _keptTexts;");
            }

            if (type.DiscriminatorJsonName is { } discriminator)
            {
                w.Line($"private static {EmitContext.ByteSpan} DiscriminatorUtf8 => {SourceWriter.Utf8Bytes(discriminator)};");
            }

            w.Line();
            for (int i = 0; i < type.Cases.Count; i++)
            {
                UnionCaseSpec @case = type.Cases[i];
                string caseType = TypeNames.Of(@case.Type, c);
                w.Line($"public {type.Name}({caseType} value)");
                w.Line("{");
                w.Line($"    _value = {(@case.Type.IsValueType ? "value" : "value ?? throw new global::System.ArgumentNullException(nameof(value))")};");
                w.Line($"    _case = {i + 1};");
                w.Line("}");
                w.Line();
            }

            w.Line($"private {type.Name}({EmitContext.JsonElement} unknown, bool isUnknown)");
            w.Line("{");
            w.Line("    _value = unknown;");
            w.Line("    _case = isUnknown ? 0 : -1;");
            w.Line("}");
            w.Line();
            w.Line("/// <summary>A value whose variant the contract does not list, kept as raw JSON.</summary>");
            w.Line($"public static {self} FromUnknown({EmitContext.JsonElement} json) => new {self}(json, true);");
            w.Line();
            w.Line("/// <summary>The current case's value.</summary>");
            if (type.Cases.Any(x => x.Sensitive))
            {
                w.Line(SensitiveAttributeEmitter.Usage);
            }

            w.Line("public object? Value => _value;");
            w.Line();
            w.Line("/// <summary>True when the value is none of the known cases (see <see cref=\"Unknown\"/>).</summary>");
            w.Line("public bool IsUnknown => _case == 0;");
            w.Line();
            if (AllSensitive(type))
            {
                w.Line(SensitiveAttributeEmitter.Usage);
            }

            w.Line($"public {EmitContext.JsonElement}? Unknown => _case == 0 ? ({EmitContext.JsonElement}?)_value : null;");
            w.Line();
            for (int i = 0; i < type.Cases.Count; i++)
            {
                UnionCaseSpec @case = type.Cases[i];
                string caseType = TypeNames.Of(@case.Type, c);
                w.Line($"public bool Is{@case.CaseName} => _case == {i + 1};");
                w.Line();
                if (@case.Sensitive)
                {
                    w.Line(SensitiveAttributeEmitter.Usage);
                }

                w.Line($"public {caseType}? As{@case.CaseName} => _case == {i + 1} ? ({caseType}?)_value : null;");
                w.Line();
                w.Line($"public static implicit operator {self}({caseType} value) => new {self}(value);");
                w.Line();
                if (@case.Type.Kind == TypeKind.Enum)
                {
                    // Lets callers write the plain string for an enum case.
                    w.Line($"public static implicit operator {self}(string value) => new {self}(({caseType})value);");
                    w.Line();
                }
            }

            w.Line($"public static {self} Parse({EmitContext.ByteSpan} utf8Json) => {c.Json}.Parse(utf8Json, ReadJson);");
            w.Line();
            w.Line($"public void WriteTo({EmitContext.Writer} writer) => WriteJson(writer, false);");
            w.Line();
            w.Line($"public override string ToString() => {c.Json}.ToDisplayString(this, WriteValue);");
            w.Line();
            EmitReader(w, type, c);
            EmitWriter(w, type, c);
            EmitValidation(w, type, c);
            w.Line($"internal static void WriteValue({EmitContext.Writer} writer, {self} value, bool redact) => value.WriteJson(writer, redact);");
            w.CloseBlock();
        }

        private static string Describe(UnionCaseSpec @case) => @case.Kind switch
        {
            UnionCaseKind.Object => @case.Type.Name is { } name ? $"<see cref=\"{name}\"/>" : "an object",
            UnionCaseKind.Array => "an array",
            UnionCaseKind.String => "a string",
            UnionCaseKind.Number => "a number",
            _ => "a boolean",
        };

        private static void EmitReader(SourceWriter w, UnionSpec type, EmitContext c)
        {
            string self = c.Qualified(type.Name);
            w.OpenBlock($"internal static {self} ReadJson(ref {EmitContext.Reader} reader, ref {c.Json}.ReadFailure failure)");
            w.OpenBlock("switch (reader.TokenType)");
            EmitTokenCase(w, type, c, UnionCaseKind.String, "String");
            EmitTokenCase(w, type, c, UnionCaseKind.Number, "Number");
            EmitTokenCase(w, type, c, UnionCaseKind.Boolean, "True", "False");
            EmitTokenCase(w, type, c, UnionCaseKind.Array, "StartArray");
            var objects = type.Cases.Select((x, i) => (Case: x, Index: i)).Where(x => x.Case.Kind == UnionCaseKind.Object).ToList();
            if (objects.Count > 0)
            {
                w.Line($"case {EmitContext.TokenType}.StartObject:");
                w.Indent();
                if (type.DiscriminatorJsonName is null)
                {
                    w.Line(ReturnCase(self, ValueCodec.Read(objects[0].Case.Type, c)));
                }
                else
                {
                    EmitDiscriminatedObject(w, type, objects.Select(x => x.Case).ToList(), c);
                }

                w.Unindent();
            }

            w.Line("default:");
            w.Line(type.KeepsUnknownShapes
                ? $"    return FromUnknown({c.Json}.ReadJson(ref reader, ref failure)); // a free-form variant takes any other value"
                : $"    {{ failure.WrongType(ref reader, {SourceWriter.Literal(string.Join(" or ", type.Cases.Select(x => x.Kind.ToString().ToLowerInvariant()).Distinct()))}); return null!; }}");
            w.CloseBlock();
            w.CloseBlock();
            w.Line();
        }

        /// <summary>
        /// Object cases keyed by a discriminator: a case per value it owns, then the default case (if the contract has
        /// one) for an object without it, with null, or with a value no case lists; otherwise raw JSON.
        /// </summary>
        private static void EmitDiscriminatedObject(SourceWriter w, UnionSpec type, System.Collections.Generic.List<UnionCaseSpec> objects, EmitContext c)
        {
            string self = c.Qualified(type.Name);
            string jsonName = type.DiscriminatorJsonName!;

            // Matched on the discriminator's UTF-8 bytes: no string is allocated to choose the case.
            if (type.DefaultCase is not null)
            {
                w.Line($"{EmitContext.TokenType} found = {c.Json}.FindDiscriminator(reader, DiscriminatorUtf8, out {EmitContext.ByteSpan} discriminator, ref failure);");
                w.OpenBlock($"if (found == {EmitContext.TokenType}.String)");
            }
            else
            {
                w.OpenBlock($"if ({c.Json}.PeekDiscriminator(reader, DiscriminatorUtf8, out {EmitContext.ByteSpan} discriminator, ref failure))");
            }

            foreach (UnionCaseSpec @case in objects)
            {
                foreach (string value in @case.DiscriminatorValues)
                {
                    string match = $"if (global::System.MemoryExtensions.SequenceEqual(discriminator, {SourceWriter.Utf8Bytes(value)}))";
                    string comment = $" // {SourceWriter.SingleLine(value)}";
                    if (DiscriminatorProperty(@case, jsonName, c) is { } property)
                    {
                        // The case reads the discriminator as its own property (last occurrence): it must still be the value that chose it.
                        w.Line($"{match} {{ var value = {ValueCodec.Read(@case.Type, c)}; if (failure.Failed || !{c.Json}.ExpectDiscriminator({DiscriminatorText(property)}, {SourceWriter.Literal(jsonName)}, {SourceWriter.Literal(value)}, ref failure)) {{ return null!; }} return new {self}(value); }}{comment}");
                    }
                    else
                    {
                        w.Line($"{match} {ReturnCase(self, ValueCodec.Read(@case.Type, c))}{comment}");
                    }
                }
            }

            // The default case keeps the discriminator it reads as its own property: no value is assumed to check.
            string readDefault = type.DefaultCase is { } fallback
                ? ReturnCase(self, ValueCodec.Read(objects.First(x => x.Type.Name == fallback.TypeName).Type, c))
                : string.Empty;
            if (type.DefaultCase is { WhenUnlisted: true })
            {
                w.Line($"{readDefault} // a value no other case lists");
            }

            w.CloseBlock();
            if (type.DefaultCase is { } other)
            {
                PolymorphicEmitter.EmitDefaultDispatch(w, other, jsonName, c, readDefault);
            }

            w.Line();
            w.Line($"return FromUnknown({c.Json}.ReadJson(ref reader, ref failure));");
        }

        /// <summary>
        /// A block that reads a case and returns it, or returns at once when the read failed: a failed read's default
        /// value is never wrapped (the constructor would reject a null).
        /// </summary>
        private static string ReturnCase(string self, string read, string? initializer = null)
            => $"{{ var value = {read}; if (failure.Failed) {{ return null!; }} return new {self}(value){initializer}; }}";

        /// <summary>The string (or enum) property of an object case that holds the union's discriminator, if the case declares one.</summary>
        private static PropertySpec? DiscriminatorProperty(UnionCaseSpec @case, string jsonName, EmitContext c)
            => @case.Type.Name is { } name && c.Find(name) is ObjectSpec objectSpec
                ? objectSpec.Properties.FirstOrDefault(p => p.JsonName == jsonName && p.Type.Kind is TypeKind.String or TypeKind.Enum)
                : null;

        /// <summary>The text of the discriminator property read into <c>value</c>: an enum's JSON string.</summary>
        private static string DiscriminatorText(PropertySpec property)
            => property.Type.Kind != TypeKind.Enum ? $"value.{property.Name}"
                : property.IsRequiredNonNull ? $"value.{property.Name}.Value"
                : $"value.{property.Name}?.Value";

        private static void EmitTokenCase(SourceWriter w, UnionSpec type, EmitContext c, UnionCaseKind kind, params string[] tokens)
        {
            int index = -1;
            for (int i = 0; i < type.Cases.Count; i++)
            {
                if (type.Cases[i].Kind == kind)
                {
                    index = i;
                    break;
                }
            }

            if (index < 0)
            {
                return;
            }

            foreach (string token in tokens)
            {
                w.Line($"case {EmitContext.TokenType}.{token}:");
            }

            TypeRef caseType = type.Cases[index].Type;
            if (ValueCodec.HasScalars(caseType))
            {
                w.Line($"    {{ var scalars = default({c.Json}.ScalarScope); {ReturnCase(c.Qualified(type.Name), ValueCodec.Read(caseType, c, scope: "scalars"), " { _keptTexts = scalars.Kept }")} }}");
                return;
            }

            w.Line($"    {ReturnCase(c.Qualified(type.Name), ValueCodec.Read(caseType, c))}");
        }

        private static void EmitWriter(SourceWriter w, UnionSpec type, EmitContext c)
        {
            w.OpenBlock($"internal void WriteJson({EmitContext.Writer} writer, bool redact)");
            w.OpenBlock("switch (_case)");
            for (int i = 0; i < type.Cases.Count; i++)
            {
                string caseType = TypeNames.Of(type.Cases[i].Type, c);
                string write = ValueCodec.HasScalars(type.Cases[i].Type)
                    ? $"{{ var scalars = new {c.Json}.ScalarScope(_keptTexts, 0); {ValueCodec.Write(type.Cases[i].Type, $"(({caseType})_value!)", c, scope: "scalars")} }}"
                    : ValueCodec.Write(type.Cases[i].Type, $"(({caseType})_value!)", c);
                w.Line($"case {i + 1}:");
                w.Line(type.Cases[i].Sensitive
                    ? $"    if (redact) {{ writer.WriteStringValue({c.Json}.Redacted); }} else {{ {write} }}"
                    : $"    {write}");
                w.Line("    break;");
            }

            // A value of a shape the contract does not list: sensitive too when every listed shape is.
            w.Line("default:");
            w.Line(AllSensitive(type)
                ? $"    if (redact) {{ writer.WriteStringValue({c.Json}.Redacted); }} else {{ (({EmitContext.JsonElement})_value!).WriteTo(writer); }}"
                : $"    (({EmitContext.JsonElement})_value!).WriteTo(writer);");
            w.Line("    break;");
            w.CloseBlock();
            w.CloseBlock();
            w.Line();
        }

        /// <summary>A case that is a number or date, or a list or map of them.</summary>
        private static bool HasScalars(UnionSpec type) => type.Cases.Any(x => ValueCodec.HasScalars(x.Type));

        /// <summary>The contract marks the whole union <c>x-sensitive</c>, or each of its cases.</summary>
        private static bool AllSensitive(UnionSpec type) => type.Cases.Count > 0 && type.Cases.All(x => x.Sensitive);

        private static void EmitValidation(SourceWriter w, UnionSpec type, EmitContext c)
        {
            w.OpenBlock($"internal void ValidateInto({c.ViolationList} violations, string path)");
            for (int i = 0; i < type.Cases.Count; i++)
            {
                TypeRef caseType = type.Cases[i].Type;
                string cast = $"(({TypeNames.Of(caseType, c)})_value!)";
                if (caseType.IsGeneratedReference)
                {
                    w.Line($"if (_case == {i + 1}) {{ {cast}.ValidateInto(violations, path); }}");
                }
                else if (caseType.Kind == TypeKind.List && caseType.Element!.IsGeneratedReference)
                {
                    w.Line($"if (_case == {i + 1}) {{ var list = {cast}; for (int i = 0; i < list.Count; i++) {{ list[i]?.ValidateInto(violations, path + \"[\" + i.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \"]\"); }} }}");
                }
            }

            w.CloseBlock();
            w.Line();
        }
    }
}
