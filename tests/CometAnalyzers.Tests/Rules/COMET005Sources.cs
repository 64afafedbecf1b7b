using System;
using System.IO;
using System.Linq;
using CometAnalyzers.Rules;
using CometAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>
    /// Usings and the test factories shared by the COMET005 tests. The models are the repo contract's, generated once:
    /// as a referenced models project (fast, and how a solution that keeps its contract in a project of its own sees
    /// them), or as generated source in the project under test.
    /// </summary>
    internal static class COMET005Sources
    {
        public const string Usings = """
            using System;
            using System.Collections.Generic;
            using System.Diagnostics;
            using System.Diagnostics.Metrics;
            using System.Linq;
            using System.Text;
            using System.Threading.Tasks;
            using CometApi.Contracts;
            using Microsoft.Extensions.Logging;

            """;

        private static readonly Lazy<string> RepoContract = new(() => File.ReadAllText(ReferenceData.RepoFile("contract/cometapi.chat-completions.contract.json")));

        private static readonly Lazy<GeneratorRun> Generated = new(() => GeneratorHarness.RunContract(RepoContract.Value));

        /// <summary>The generated models compiled into an assembly of their own.</summary>
        private static readonly Lazy<MetadataReference> ModelsProject = new(() =>
        {
            using var image = new MemoryStream();
            Microsoft.CodeAnalysis.Emit.EmitResult result = Generated.Value.OutputCompilation.WithAssemblyName("CometModels").Emit(image);
            if (!result.Success)
            {
                throw new InvalidOperationException("The generated models do not compile:\n" + string.Join("\n", result.Diagnostics));
            }

            return MetadataReference.CreateFromImage(image.ToArray());
        });

        /// <summary>Every generated file as one source (each keeps its auto-generated header, so analyzers skip it).</summary>
        private static readonly Lazy<string> GeneratedSource = new(() => string.Join("\n", Generated.Value.Sources.Select(s => s.Text)));

        public static string Contract => RepoContract.Value;

        /// <summary>The generated models as a referenced assembly (also what the rule-snippet fuzzer compiles against).</summary>
        public static MetadataReference ModelsReference => ModelsProject.Value;

        /// <summary>The models come from a referenced project; the contract file is in that project, not this one.</summary>
        public static AnalyzerTest Test(string body)
            => AnalyzerTest.For<SensitiveContentWrittenToLogAnalyzer>().WithLibrary(new[] { ModelsReference }).WithSource(Usings + body);

        /// <summary>The models are generated into the project under test, beside its contract file.</summary>
        public static AnalyzerTest TestInProject(string body)
            => AnalyzerTest.For<SensitiveContentWrittenToLogAnalyzer>().WithContract(Contract).WithSource(Usings + body).WithSource(GeneratedSource.Value);
    }
}
