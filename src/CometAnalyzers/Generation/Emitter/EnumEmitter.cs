using CometAnalyzers.Generation.Model;

namespace CometAnalyzers.Generation.Emitter
{
    /// <summary>
    /// A string enum as an extensible struct: known values are static members, and a value the server adds later
    /// parses and round-trips instead of failing (the classic unknown <c>finish_reason</c> crash).
    /// </summary>
    internal static class EnumEmitter
    {
        public static void Emit(SourceWriter w, EnumSpec type, EmitContext c)
        {
            string self = c.Qualified(type.Name);
            w.Summary(type.Description ?? $"The <c>{type.Name}</c> values of the {c.ContractName} contract. Unknown values are kept, not rejected.");
            w.Line(EmitContext.GeneratedCodeAttribute);
            if (type.Deprecated)
            {
                w.Line("[global::System.Obsolete(\"Deprecated by the contract.\")]");
            }

            w.OpenBlock($"public readonly partial struct {type.Name} : global::System.IEquatable<{self}>");
            w.Line("private readonly string? _value;");
            w.Line();
            w.Line($"public {type.Name}(string value)");
            w.Line("{");
            w.Line("    _value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
            w.Line("}");
            w.Line();
            foreach (EnumMemberSpec member in type.Members)
            {
                w.Line($"/// <summary>The value <c>{SourceWriter.EscapeXml(member.Value)}</c>.</summary>");
                w.Line($"public static {self} {member.Name} {{ get; }} = new {self}({SourceWriter.Literal(member.Value)});");
                w.Line();
            }

            w.Line("/// <summary>The values the contract lists, in its order.</summary>");
            w.Line($"public static global::System.Collections.Generic.IReadOnlyList<{self}> KnownValues {{ get; }} = new {self}[] {{ {string.Join(", ", System.Linq.Enumerable.Select(type.Members, m => m.Name))} }};");
            w.Line();
            w.Line("/// <summary>The JSON string (empty for a default instance).</summary>");
            w.Line("public string Value => _value ?? string.Empty;");
            w.Line();
            w.Line("/// <summary>False for a value the contract does not list (a newer server value).</summary>");
            w.Line("public bool IsKnown => KnownValueSet.Contains(Value);");
            w.Line();
            // A set, not a string switch: Roslyn compiles a switch with thousands of string cases in quadratic time.
            w.Line("private static readonly global::System.Collections.Generic.HashSet<string> KnownValueSet = new global::System.Collections.Generic.HashSet<string>(global::System.StringComparer.Ordinal)");
            w.Line("{");
            foreach (EnumMemberSpec member in type.Members)
            {
                w.Line($"    {SourceWriter.Literal(member.Value)},");
            }

            w.Line("};");
            w.Line();
            w.Line($"public static implicit operator {self}(string value) => new {self}(value);");
            w.Line();
            w.Line($"public static bool operator ==({self} left, {self} right) => left.Equals(right);");
            w.Line();
            w.Line($"public static bool operator !=({self} left, {self} right) => !left.Equals(right);");
            w.Line();
            w.Line($"public bool Equals({self} other) => string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);");
            w.Line();
            w.Line($"public override bool Equals(object? obj) => obj is {self} other && Equals(other);");
            w.Line();
            w.Line("public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);");
            w.Line();
            w.Line("public override string ToString() => Value;");
            w.Line();
            w.OpenBlock($"internal static {self} ReadJson(ref {EmitContext.Reader} reader, ref {c.Json}.ReadFailure failure)");
            w.OpenBlock($"if (reader.TokenType == {EmitContext.TokenType}.String)");
            w.Line("// Known values reuse their static instance: no string is allocated for them.");
            foreach (EnumMemberSpec member in type.Members)
            {
                w.Line($"if (reader.ValueTextEquals({SourceWriter.Utf8Bytes(member.Value)})) {{ return {member.Name}; }}");
            }

            w.CloseBlock();
            w.Line();
            w.Line($"string value = {c.Json}.ReadString(ref reader, ref failure);");
            w.Line("return failure.Failed ? default : new " + self + "(value); // the constructor rejects the null a failed read returns");
            w.CloseBlock();
            w.Line();
            w.Line($"internal static void WriteValue({EmitContext.Writer} writer, {self} value, bool redact) => writer.WriteStringValue(value.Value);");
            w.CloseBlock();
        }
    }
}
