using System.Linq;
using CometAnalyzers.Generation.Model;

namespace CometAnalyzers.Generation.Emitter
{
    /// <summary>
    /// The discriminator of a variant that does not own exactly one value (see <see cref="KeptDiscriminatorSpec"/>): the
    /// variant keeps the value it was read or created with, so a payload is written back as it came (the value it had,
    /// null, or no property at all). A fixed variant writes its one value as a constant instead (ObjectEmitter).
    /// </summary>
    internal static class KeptDiscriminatorEmitter
    {
        /// <summary>The constructor that takes the discriminator, the kept value, and the base member that returns it.</summary>
        public static void EmitMembers(SourceWriter w, ObjectSpec type, KeptDiscriminatorSpec kept, PolymorphicSpec baseSpec)
        {
            string jsonName = SourceWriter.EscapeXml(type.DiscriminatorJsonName!);
            if (!kept.Open)
            {
                w.Line($"private static readonly string[] s_discriminatorValues = new[] {{ {string.Join(", ", kept.Values.Select(SourceWriter.Literal))} }};");
                w.Line();
            }

            w.Line("private readonly string? _discriminator;");
            if (kept.Nullable)
            {
                w.Line("private bool _discriminatorIsNull;");
            }

            w.Line();
            w.Line($"/// <summary>A <see cref=\"{type.Name}\"/> written with <paramref name=\"discriminator\"/> as its <c>{jsonName}</c>.</summary>");
            w.Line($"/// <param name=\"discriminator\">{ParameterDoc(kept)}</param>");
            if (!kept.Open || !IsNullable(kept))
            {
                w.Line($"/// <exception cref=\"global::System.ArgumentException\">{(kept.Open ? "The value is null." : "The value is not one this variant owns.")}</exception>");
            }

            w.Line($"public {type.Name}({ParameterDeclaration(kept)})");
            w.Line("{");
            if (!IsNullable(kept))
            {
                w.Line("    _ = discriminator ?? throw new global::System.ArgumentNullException(nameof(discriminator));");
            }

            if (!kept.Open)
            {
                w.Line($"    if ({(IsNullable(kept) ? "discriminator is not null && " : string.Empty)}global::System.Array.IndexOf(s_discriminatorValues, discriminator) < 0)");
                w.Line("    {");
                w.Line($"        throw new global::System.ArgumentException({SourceWriter.Literal($"Not a {type.DiscriminatorJsonName} of this variant: use " + string.Join(" or ", kept.Values) + ".")}, nameof(discriminator));");
                w.Line("    }");
                w.Line();
            }

            w.Line("    _discriminator = discriminator;");
            w.Line("}");
            w.Line();
            string fallback = kept.Open ? "string.Empty" : SourceWriter.Literal(kept.Values[0]);
            w.Line($"/// <summary>The <c>{jsonName}</c> this variant was read or created with{(kept.Open ? "; empty when it has none" : ", or " + SourceWriter.EscapeXml(kept.Values[0]) + " when it has none")}.</summary>");
            w.Line($"public override string {baseSpec.DiscriminatorName} => _discriminator ?? {fallback};");
            w.Line();
        }

        /// <summary>Reads one occurrence of the discriminator (the reader is at its value) into the local <c>discriminator</c>.</summary>
        public static string ReadOccurrence(ObjectSpec type, KeptDiscriminatorSpec kept, EmitContext c)
            => $"discriminator = {c.Json}.ReadKeptDiscriminator(ref reader, {SourceWriter.Literal(type.DiscriminatorJsonName!)}, {(kept.Open ? "null" : "s_discriminatorValues")}, {(kept.Nullable ? "true" : "false")}, ref hasDiscriminator, discriminator, ref failure);";

        /// <summary>Fails when a required discriminator was absent (null stands for absent, which a required one cannot be).</summary>
        public static void EmitRequiredCheck(SourceWriter w, ObjectSpec type, KeptDiscriminatorSpec kept)
        {
            if (!IsNullable(kept))
            {
                w.Line($"if (discriminator is null) {{ failure.MissingProperty({SourceWriter.Literal(type.DiscriminatorJsonName!)}); return null!; }}");
            }
        }

        /// <summary>The constructor argument that passes what was read (checked by <see cref="EmitRequiredCheck"/>).</summary>
        public static string ConstructorArgument() => "discriminator";

        public static void EmitAfterConstruction(SourceWriter w, KeptDiscriminatorSpec kept)
        {
            if (kept.Nullable)
            {
                w.Line("result._discriminatorIsNull = hasDiscriminator && discriminator is null;");
            }
        }

        public static void EmitWrite(SourceWriter w, KeptDiscriminatorSpec kept)
        {
            w.Line("if (_discriminator is { } discriminator) { writer.WriteString(DiscriminatorName, discriminator); }");
            if (kept.Nullable)
            {
                w.Line("else if (_discriminatorIsNull) { writer.WriteNull(DiscriminatorName); }");
            }
        }

        /// <summary>Null stands for "written without it" when the contract lets the variant leave it out or make it null.</summary>
        private static bool IsNullable(KeptDiscriminatorSpec kept) => kept.Optional || kept.Nullable;

        private static string ParameterDeclaration(KeptDiscriminatorSpec kept)
        {
            if (IsNullable(kept))
            {
                return "string? discriminator = null";
            }

            // A required discriminator that may be any string has no value to assume: the caller chooses it.
            return kept.Open ? "string discriminator" : "string discriminator = " + SourceWriter.Literal(kept.Values[0]);
        }

        private static string ParameterDoc(KeptDiscriminatorSpec kept)
        {
            string listed = string.Join(", ", kept.Values.Select(v => "<c>" + SourceWriter.EscapeXml(v) + "</c>"));
            string values = kept.Open ? "Any value no other variant lists" : kept.Values.Count == 1 ? listed : "One of " + listed;
            return values + (IsNullable(kept) ? "; null writes the variant without it." : ".");
        }
    }
}
