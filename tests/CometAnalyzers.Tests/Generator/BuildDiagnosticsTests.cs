using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CometAnalyzers.Generation;
using CometAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace CometAnalyzers.Tests.Generator
{
    /// <summary>
    /// The command-line compiler skips analyzers when the code has declaration errors, and code that uses a broken
    /// contract's types always has one. In a build (the parse feature the package's targets set outside design-time
    /// builds) the generator reports the contract's diagnostics itself: the same ones as the analyzer, equal by Roslyn's
    /// own equality, which the compiler uses to print a diagnostic once when both report it.
    /// </summary>
    public class BuildDiagnosticsTests
    {
        private static readonly string Contract = File.ReadAllText(ReferenceData.RepoFile("contract/cometapi.chat-completions.contract.json"));

        public static TheoryData<string, string, string> BrokenContracts => new()
        {
            { "COMET100", "\"reviewed\": \"2026-05-09\",", "\"reviewed\": \"2026-05-09\"" },
            { "COMET101", "\"maxRetries\": 3,", "\"maxRetries\": \"three\"," },
            { "COMET102", "{ \"$ref\": \"#/schemas/ChatCompletionResponse\" }", "{ \"$ref\": \"#/schemas/NoSuchResponse\" }" },
            { "COMET106", "\"name\": \"CometApi\",", string.Empty },
        };

        [Theory]
        [MemberData(nameof(BrokenContracts))]
        public async Task In_a_build_the_generator_reports_a_skipped_contract_exactly_as_the_analyzer_does(string id, string find, string replace)
        {
            string broken = Edit(find, replace);

            ImmutableArray<Diagnostic> fromGenerator = RunGenerator(broken, isBuild: true, out GeneratorDriverRunResult result);
            ImmutableArray<Diagnostic> fromAnalyzer = await ContractDiagnosticsTest.RunAsync(broken);

            Assert.Contains(fromGenerator, d => d.Id == id);
            Assert.All(fromGenerator, d => Assert.Equal(ContractDiagnosticsTest.ContractPath, d.Location.GetLineSpan().Path));
            Assert.Empty(result.GeneratedTrees);

            // Equal as Roslyn compares diagnostics (descriptor, location, severity and the very same argument objects).
            Assert.Equal(fromAnalyzer.Length, fromGenerator.Length);
            foreach (Diagnostic diagnostic in fromGenerator)
            {
                Assert.True(fromAnalyzer.Contains(diagnostic), "The analyzer has no diagnostic equal to " + diagnostic);
            }
        }

        [Fact]
        public void Outside_a_build_the_generator_reports_nothing_and_leaves_the_contract_to_the_analyzer()
        {
            string broken = Edit("\"reviewed\": \"2026-05-09\",", "\"reviewed\": \"2026-05-09\"");

            Assert.Empty(RunGenerator(broken, isBuild: false, out _));
        }

        [Fact]
        public void In_a_build_a_valid_contract_gets_no_generator_diagnostic()
        {
            Assert.Empty(RunGenerator(Contract, isBuild: true, out GeneratorDriverRunResult result));
            Assert.NotEmpty(result.GeneratedTrees);
        }

        [Fact]
        public void The_build_reports_are_the_same_run_after_run()
        {
            string broken = Edit("\"maxRetries\": 3,", "\"maxRetries\": \"three\",");

            string first = string.Join("\n", RunGenerator(broken, isBuild: true, out _));
            string second = string.Join("\n", RunGenerator(broken, isBuild: true, out _));

            Assert.NotEmpty(first);
            Assert.Equal(first, second);
        }

        [Fact]
        public void An_unrelated_source_edit_leaves_a_skipped_contract_cached()
        {
            string broken = Edit("\"maxRetries\": 3,", "\"maxRetries\": \"three\",");
            CSharpParseOptions parseOptions = BuildParseOptions(isBuild: true);
            CSharpCompilation compilation = CreateCompilation("class C { }", parseOptions);
            GeneratorDriver driver = CreateDriver(broken, parseOptions).RunGenerators(compilation);

            CSharpCompilation edited = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.Single(), CSharpSyntaxTree.ParseText("class C { int _x; }", parseOptions));
            GeneratorRunResult result = driver.RunGenerators(edited).GetRunResult().Results.Single();

            Assert.NotEmpty(result.Diagnostics);
            foreach (string step in new[] { TrackingNames.ContractCompilations, TrackingNames.SkippedContracts, TrackingNames.BuildFeature })
            {
                Assert.All(result.TrackedSteps[step].SelectMany(s => s.Outputs), o => Assert.True(
                    o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step} was {o.Reason}"));
            }

            Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        }

        private static string Edit(string find, string replace)
        {
            string edited = Contract.Replace(find, replace, StringComparison.Ordinal);
            Assert.NotEqual(Contract, edited);
            return edited;
        }

        private static ImmutableArray<Diagnostic> RunGenerator(string contract, bool isBuild, out GeneratorDriverRunResult result)
        {
            CSharpParseOptions parseOptions = BuildParseOptions(isBuild);
            GeneratorDriver driver = CreateDriver(contract, parseOptions)
                .RunGeneratorsAndUpdateCompilation(CreateCompilation("class C { }", parseOptions), out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
            result = driver.GetRunResult();
            Assert.DoesNotContain(diagnostics, d => d.Id is "CS8784" or "CS8785");
            Assert.Empty(output.GetDiagnostics().Where(GeneratorRun.IsGeneratedCodeProblem));
            return diagnostics;
        }

        private static CSharpParseOptions BuildParseOptions(bool isBuild)
        {
            var parseOptions = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose);
            return isBuild ? parseOptions.WithFeatures(new[] { new KeyValuePair<string, string>(ContractGenerator.BuildFeature, "true") }) : parseOptions;
        }

        // The compiler parses every tree with the same options, features included.
        private static CSharpCompilation CreateCompilation(string source, CSharpParseOptions parseOptions)
        {
            CSharpCompilation compilation = GeneratorHarness.CreateCompilation(new[] { source });
            SyntaxTree tree = compilation.SyntaxTrees.Single();
            return compilation.ReplaceSyntaxTree(tree, tree.WithRootAndOptions(tree.GetRoot(), parseOptions));
        }

        private static GeneratorDriver CreateDriver(string contract, CSharpParseOptions parseOptions)
            => CSharpGeneratorDriver.Create(
                new[] { new ContractGenerator().AsSourceGenerator() },
                new AdditionalText[] { new InMemoryAdditionalText(ContractDiagnosticsTest.ContractPath, contract) },
                parseOptions,
                driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }
}
