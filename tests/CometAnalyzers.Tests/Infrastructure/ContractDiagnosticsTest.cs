using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using CometAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace CometAnalyzers.Tests.Infrastructure
{
    /// <summary>
    /// Runs <see cref="ContractFileAnalyzer"/> over a contract written with markup (<c>{|COMET101:"x"|}</c>)
    /// and asserts exactly those diagnostics, at exactly those spans.
    /// </summary>
    internal static class ContractDiagnosticsTest
    {
        public const string ContractPath = "/project/contracts/test.contract.json";

        public static async Task VerifyAsync(string contractMarkup, params (string Path, string Text)[] otherFiles)
        {
            (string text, IReadOnlyList<ExpectedSpan> spans) = Markup.Parse(contractMarkup);
            ImmutableArray<Diagnostic> diagnostics = await RunAsync(text, otherFiles);
            var expected = spans.Select(s => Describe(s.Id ?? "?", s.Span, text)).OrderBy(s => s, StringComparer.Ordinal).ToList();
            var actual = diagnostics.Select(d => Describe(d.Id, d.Location.SourceSpan, text)).OrderBy(s => s, StringComparer.Ordinal).ToList();
            Assert.True(
                expected.SequenceEqual(actual),
                "Contract diagnostics differ.\nExpected:\n  " + string.Join("\n  ", expected) + "\nActual:\n  " + string.Join("\n  ", actual)
                + "\nMessages:\n  " + string.Join("\n  ", diagnostics.Select(d => d.ToString())));
        }

        /// <summary>Diagnostics in the contract under test.</summary>
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

        private static string Describe(string id, TextSpan span, string text)
        {
            LinePosition position = SourceText.From(text).Lines.GetLinePosition(Math.Min(span.Start, text.Length));
            string snippet = span.End <= text.Length ? text.Substring(span.Start, span.Length) : "?";
            return $"{id} ({position.Line + 1},{position.Character + 1}) '{snippet}'";
        }
    }
}
