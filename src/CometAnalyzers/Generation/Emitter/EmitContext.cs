using System.Collections.Generic;
using CometAnalyzers.Generation.Model;

namespace CometAnalyzers.Generation.Emitter
{
    /// <summary>Names and lookups every emitter of one contract shares.</summary>
    internal sealed class EmitContext
    {
        public const string GeneratedCodeAttribute = "[global::System.CodeDom.Compiler.GeneratedCode(\"CometAnalyzers\", \"0.1.0\")]";
        public const string Reader = "global::System.Text.Json.Utf8JsonReader";
        public const string Writer = "global::System.Text.Json.Utf8JsonWriter";
        public const string TokenType = "global::System.Text.Json.JsonTokenType";
        public const string JsonElement = "global::System.Text.Json.JsonElement";
        public const string ByteSpan = "global::System.ReadOnlySpan<byte>";

        private readonly Dictionary<string, TypeSpec> _types = new(System.StringComparer.Ordinal);

        public EmitContext(ContractSpec spec, bool useRequiredKeyword)
        {
            Spec = spec;
            UseRequiredKeyword = useRequiredKeyword;
            string name = spec.Settings.Name;
            Namespace = spec.Settings.Namespace;
            Prefix = "global::" + Namespace + ".";
            Json = Prefix + name + "Json";
            KeptJson = Prefix + name + "KeptJson";
            KeptTexts = Prefix + name + "KeptTexts";
            Exception = Prefix + name + "ContractException";
            Error = Prefix + name + "ContractError";
            ErrorKind = Prefix + name + "ContractErrorKind";
            Violation = Prefix + name + "ContractViolation";
            ViolationList = "global::System.Collections.Generic.List<" + Violation + ">";
            foreach (TypeSpec type in spec.Types)
            {
                _types[type.Name] = type;
            }
        }

        public ContractSpec Spec { get; }

        /// <summary>C# 11 <c>required</c> members, when the consuming project's language version has them.</summary>
        public bool UseRequiredKeyword { get; }

        public string Namespace { get; }

        public string Prefix { get; }

        public string ContractName => Spec.Settings.Name;

        /// <summary>The internal helper class with the shared read/write primitives.</summary>
        public string Json { get; }

        /// <summary>The internal holder of a free-form member's raw UTF-8 (see ObjectEmitter's kept members).</summary>
        public string KeptJson { get; }

        /// <summary>The internal holder of the texts of numbers and dates read in a form the writer does not write (see <see cref="ValueCodec.HasScalars"/>).</summary>
        public string KeptTexts { get; }

        public string Exception { get; }

        public string Error { get; }

        public string ErrorKind { get; }

        public string Violation { get; }

        public string ViolationList { get; }

        public string Qualified(string typeName) => Prefix + typeName;

        public TypeSpec? Find(string name) => _types.TryGetValue(name, out TypeSpec? type) ? type : null;
    }
}
