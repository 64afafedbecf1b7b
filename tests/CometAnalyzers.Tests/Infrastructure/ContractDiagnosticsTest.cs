using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using CometAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace CometAnalyzers.Tests.Infrastructure
{
    /// <summary>
    /// Runs <see cref="ContractFileAnalyzer"/> over a contract written with markup (<c>{|COMET101:"x"|}</c>) on the official
    /// testing library, which asserts exactly those diagnostics, at exactly those spans (in the other files too: they are
    /// AdditionalFiles with markup like the contract). <see cref="RunAsync"/> and <see cref="RunAllAsync"/> return the
    /// diagnostics for the fuzzers' oracles, on the project's own harness.
    /// </summary>
    internal static class ContractDiagnosticsTest
    {
        public const string ContractPath = "/project/contracts/test.contract.json";

        public static Task VerifyAsync(string contractMarkup, params (string Path, string Text)[] otherFiles)
            => Create(contractMarkup, otherFiles).RunAsync();

        /// <summary>The diagnostics in every file (markup is stripped, not checked), for tests that look at messages.</summary>
        public static Task<ImmutableArray<Diagnostic>> GetDiagnosticsAsync(string contract, params (string Path, string Text)[] otherFiles)
            => Create(contract, otherFiles).GetAnalyzerDiagnosticsAsync();

        private static RuleAnalyzerTest Create(string contract, (string Path, string Text)[] otherFiles)
        {
            var test = new RuleAnalyzerTest(new ContractFileAnalyzer());
            LibrarySetup.Configure(test, Array.Empty<MetadataReference>());
            test.TestState.Sources.Add("class C { }");
            test.TestState.AdditionalFiles.Add((ContractPath, contract));
            foreach ((string path, string text) in otherFiles)
            {
                test.TestState.AdditionalFiles.Add((path, text));
            }

            return test;
        }

        /// <summary>Diagnostics in the contract under test, on the project's own harness (the fuzzers' oracle: many runs, no IDE-parity).</summary>
        public static async Task<ImmutableArray<Diagnostic>> RunAsync(string contractText, params (string Path, string Text)[] otherFiles)
            => (await RunAllAsync(contractText, otherFiles)).Where(d => d.Location.GetLineSpan().Path == ContractPath).ToImmutableArray();

        /// <summary>Diagnostics in every file, for tests about several contracts.</summary>
        public static async Task<ImmutableArray<Diagnostic>> RunAllAsync(string contractText, params (string Path, string Text)[] otherFiles)
        {
            var files = new List<(string, string)> { (ContractPath, contractText) };
            files.AddRange(otherFiles);
            Project project = TestProject.Create(new[] { "class C { }" }, files, editorConfig: null);
            Compilation compilation = (await project.GetCompilationAsync())!;
            var exceptions = new List<string>();
            var options = new Microsoft.CodeAnalysis.Diagnostics.CompilationWithAnalyzersOptions(
                project.AnalyzerOptions,
                onAnalyzerException: (ex, _, _) => { lock (exceptions) { exceptions.Add(ex.ToString()); } },
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false);
            ImmutableArray<Diagnostic> diagnostics = await compilation
                .WithAnalyzers(ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new ContractFileAnalyzer()), options)
                .GetAnalyzerDiagnosticsAsync();
            Assert.True(exceptions.Count == 0, "The contract analyzer threw:\n" + string.Join("\n", exceptions));
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
            return diagnostics;
        }
    }
}
