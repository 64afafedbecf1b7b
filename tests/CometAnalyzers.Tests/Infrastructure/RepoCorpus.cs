using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using CometAnalyzers.Tests.Robustness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CometAnalyzers.Tests.Infrastructure
{
    /// <summary>
    /// The repo's own C# as a corpus for the analyzers: the test sources, the samples and the code generated from the
    /// repo's contract, compiled in batches with that contract as an AdditionalFile. Shared by the analyzer fuzzer and
    /// the gate parity test.
    /// </summary>
    internal static class RepoCorpus
    {
        /// <summary>How many files share one compilation: enough to amortize the references, few enough to keep a failure readable.</summary>
        public const int BatchSize = 12;

        private const string ContractPath = "/project/contract/cometapi.chat-completions.contract.json";

        /// <summary>The repo's C# test sources, the samples (when there are any) and the code generated from the repo's contract.</summary>
        public static List<(string Name, string Text)> Sources()
        {
            var files = new List<(string, string)>();
            foreach (string folder in new[] { "tests", "samples" })
            {
                string root = ReferenceData.RepoFile(folder);
                if (!Directory.Exists(root))
                {
                    continue;
                }

                foreach (string path in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal))
                {
                    string relative = Path.GetRelativePath(ReferenceData.RepoRoot, path).Replace('\\', '/');
                    if (!relative.Contains("/bin/", StringComparison.Ordinal) && !relative.Contains("/obj/", StringComparison.Ordinal))
                    {
                        files.Add((relative, File.ReadAllText(path)));
                    }
                }
            }

            GeneratorRun generated = GeneratorHarness.RunContract(ContractOracle.RepoContractText);
            files.AddRange(generated.Sources.OrderBy(s => s.HintName, StringComparer.Ordinal).Select(s => ("generated/" + s.HintName, s.Text)));
            return files;
        }

        /// <summary>One compilation of <paramref name="texts"/>, against the references every rule test uses.</summary>
        public static CSharpCompilation Compile(IReadOnlyList<string> texts, string name = "Corpus")
        {
            var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
            var trees = texts.Select((t, i) => CSharpSyntaxTree.ParseText(t, parseOptions, path: $"/project/{name}{i}.cs"));
            return CSharpCompilation.Create(
                name,
                trees,
                TestReferences.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));
        }

        /// <summary>The repo's contract as an AdditionalFile: COMET001 has a contract to look for, the retry rules its budget.</summary>
        public static AnalyzerOptions Options()
            => new(ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText(ContractPath, ContractOracle.RepoContractText)));
    }
}
