using System.Linq;
using CometAnalyzers.Generation.Model;

namespace CometAnalyzers.Generation.Emitter
{
    /// <summary>
    /// <c>&lt;Name&gt;JsonContext</c>: a JsonSerializerContext whose JsonTypeInfo for every model wraps the generated
    /// serializers, so JsonSerializer, PostAsJsonAsync and ReadFromJsonAsync work AOT-safely with them.
    /// </summary>
    internal static class JsonContextEmitter
    {
        public static void Emit(SourceWriter w, EmitContext c)
        {
            string name = c.ContractName + "JsonContext";
            string self = c.Qualified(name);
            var types = c.Spec.Types.ToList();

            w.Line($"/// <summary>JsonTypeInfo for every {c.ContractName} model, backed by the generated reflection-free serializers.</summary>");
            w.Line(EmitContext.GeneratedCodeAttribute);
            w.OpenBlock($"public sealed partial class {name} : global::System.Text.Json.Serialization.JsonSerializerContext, global::System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver");
            w.Line("/// <summary>A context over default options.</summary>");
            w.Line($"public static {self} Default {{ get; }} = new {self}(new global::System.Text.Json.JsonSerializerOptions());");
            w.Line();
            w.Line($"public {name}(global::System.Text.Json.JsonSerializerOptions options)");
            w.Line("    : base(options)");
            w.Line("{");
            w.Line("}");
            w.Line();
            w.Line("protected override global::System.Text.Json.JsonSerializerOptions? GeneratedSerializerOptions => null;");
            w.Line();
            foreach (TypeSpec type in types)
            {
                string model = c.Qualified(type.Name);
                w.Line($"private global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<{model}>? _{type.Name};");
                w.Line();
                w.Line($"/// <summary>The JsonTypeInfo of <see cref=\"{model}\"/>.</summary>");
                w.Line($"public global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<{model}> {type.Name} => _{type.Name} ??= (global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<{model}>)Options.GetTypeInfo(typeof({model}));");
                w.Line();
            }

            w.Line("public override global::System.Text.Json.Serialization.Metadata.JsonTypeInfo? GetTypeInfo(global::System.Type type)");
            w.Line("    => Options.TryGetTypeInfo(type, out global::System.Text.Json.Serialization.Metadata.JsonTypeInfo? typeInfo) ? typeInfo : null;");
            w.Line();
            w.OpenBlock("global::System.Text.Json.Serialization.Metadata.JsonTypeInfo? global::System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver.GetTypeInfo(global::System.Type type, global::System.Text.Json.JsonSerializerOptions options)");
            foreach (TypeSpec type in types)
            {
                string model = c.Qualified(type.Name);
                w.OpenBlock($"if (type == typeof({model}))");
                w.Line($"return global::System.Text.Json.Serialization.Metadata.JsonMetadataServices.CreateValueInfo<{model}>(options, new Converter<{model}>({model}.ReadJson, {model}.WriteValue));");
                w.CloseBlock();
                w.Line();
            }

            w.Line("return null;");
            w.CloseBlock();
            w.Line();
            w.Line("/// <summary>Adapts a generated reader and writer to System.Text.Json.</summary>");
            w.OpenBlock("private sealed class Converter<T> : global::System.Text.Json.Serialization.JsonConverter<T>");
            w.Line($"private readonly {c.Json}.ValueReader<T> _read;");
            w.Line($"private readonly {c.Json}.ValueWriter<T> _write;");
            w.Line();
            w.Line($"public Converter({c.Json}.ValueReader<T> read, {c.Json}.ValueWriter<T> write)");
            w.Line("{");
            w.Line("    _read = read;");
            w.Line("    _write = write;");
            w.Line("}");
            w.Line();
            w.OpenBlock($"public override T Read(ref {EmitContext.Reader} reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options)");
            w.Line($"var failure = default({c.Json}.ReadFailure);");
            w.Line("T value = _read(ref reader, ref failure);");
            w.OpenBlock("if (failure.Failed)");
            w.Line("throw failure.ToException(); // a converter can only throw");
            w.CloseBlock();
            w.Line();
            w.Line("return value;");
            w.CloseBlock();
            w.Line();
            w.Line($"public override void Write({EmitContext.Writer} writer, T value, global::System.Text.Json.JsonSerializerOptions options) => _write(writer, value, false);");
            w.CloseBlock();
            w.CloseBlock();
        }
    }
}
