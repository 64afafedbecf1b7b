using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CometAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace CometAnalyzers.Tests.Robustness
{
    /// <summary>
    /// IDE parity over real files, beyond the rule tests (whose harness checks it for every test): every analyzer over the
    /// repo's own C# (tests, samples) and the code generated from the repo's contract, one compilation per project,
    /// analyzed whole and one document at a time in three orders (<see cref="IdeParity"/>). The editor must show what the
    /// build shows, on code that was never written to please a rule.
    /// </summary>
    public class RepoIdeParityTests
    {
        public static TheoryData<string> Projects()
            => new() { "tests/CometAnalyzers.Tests", "tests/CometAnalyzers.Runtime.Tests", "samples/CometChat", "samples/CometChat.Violations", "generated" };

        [Theory]
        [MemberData(nameof(Projects))]
        public async Task Every_analyzer_reports_the_same_per_document_as_for_the_whole_project(string project)
        {
            // The samples consume the repo's contract: its generated code is part of their compilation, as in their build.
            List<(string Path, string Text)> files = project == "generated" ? Generated()
                : project.StartsWith("samples/", StringComparison.Ordinal) ? Files(project).Concat(Generated()).ToList()
                : Files(project);
            Assert.True(files.Count > 0, "no C# files found for " + project);

            var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
            var compilation = CSharpCompilation.Create(
                "Parity",
                files.Select(f => CSharpSyntaxTree.ParseText(f.Text, parseOptions, path: "/repo/" + f.Path)),
                TestReferences.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));
            var additional = ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText("/repo/contract/cometapi.chat-completions.contract.json", ContractOracle.RepoContractText));
            var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(additional), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false);
            ImmutableArray<DiagnosticAnalyzer> analyzers = AllAnalyzers.Create();

            ImmutableArray<Diagnostic> whole = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync();

            Assert.DoesNotContain(whole, d => d.Id == "AD0001");
            if (project is "samples/CometChat" or "generated")
            {
                // The sample is the package's showcase and the generated code is the package's own: no rule may fire on either.
                Assert.Empty(whole.Where(d => d.Id.StartsWith("COMET", StringComparison.Ordinal)));
            }

            if (project == "samples/CometChat.Violations")
            {
                // One deliberate violation per code rule (every COMET00x an analyzer reports, so a new rule must add one):
                // the comparison below is not between two empty lists.
                var codeRules = analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Where(IsCodeRule).Distinct().OrderBy(id => id, StringComparer.Ordinal);
                Assert.Equal(codeRules, whole.Select(d => d.Id).Where(IsCodeRule).Distinct().OrderBy(id => id, StringComparer.Ordinal));
            }

            await IdeParity.AssertSameAsync(compilation, analyzers, options, whole);
        }

        private static bool IsCodeRule(string id) => id.StartsWith("COMET00", StringComparison.Ordinal);

                private static List<(string Path, string Text)> Files(string project)
        {
            string root = ReferenceData.RepoFile(project);
            if (!Directory.Exists(root))
            {
                return new();
            }

            return Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
                .Select(path => Path.GetRelativePath(ReferenceData.RepoRoot, path).Replace('\\', '/'))
                .Where(relative => !relative.Contains("/bin/", StringComparison.Ordinal) && !relative.Contains("/obj/", StringComparison.Ordinal))
                .OrderBy(relative => relative, StringComparer.Ordinal)
                .Select(relative => (relative, File.ReadAllText(Path.Combine(ReferenceData.RepoRoot, relative))))
                .ToList();
        }

        private static List<(string Path, string Text)> Generated()
            => GeneratorHarness.RunContract(ContractOracle.RepoContractText).Sources
                .OrderBy(s => s.HintName, StringComparer.Ordinal)
                .Select(s => ("generated/" + s.HintName, s.Text))
                .ToList();
    }
}
