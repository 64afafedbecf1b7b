using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using CometAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace CometAnalyzers.Tests.Samples
{
    /// <summary>
    /// samples/CometChat.Violations holds one violation per rule, each line marked <c>// expect: COMETnnn</c>:
    /// every analyzer together must report exactly those ids on exactly those lines, and nothing else.
    /// </summary>
    public class ViolationsSampleTests
    {
        [Fact]
        public async Task The_violations_sample_reports_exactly_one_diagnostic_per_rule_on_the_marked_lines()
        {
            string path = ReferenceData.RepoFile("samples/CometChat.Violations/RuleViolations.cs");
            string source = File.ReadAllText(path);
            string contract = File.ReadAllText(ReferenceData.RepoFile("contract/cometapi.chat-completions.contract.json"));
            var expected = source.Split('\n')
                .Select((line, index) => (Line: index + 1, Match: Regex.Match(line, @"// expect: (COMET\d{3})")))
                .Where(x => x.Match.Success)
                .Select(x => $"{x.Match.Groups[1].Value}@{x.Line}")
                .OrderBy(x => x, StringComparer.Ordinal)
                .ToList();
            Assert.Equal(new[] { "COMET001", "COMET002", "COMET003", "COMET004", "COMET005", "COMET006" }, expected.Select(e => e.Split('@')[0]).OrderBy(e => e, StringComparer.Ordinal));

            GeneratorRun run = GeneratorHarness.Run(new[] { ("/project/api.contract.json", contract) }, new[] { source });
            // The sample compiles without a single compiler warning: the marked lines are its only diagnostics.
            var compilerDiagnostics = run.OutputCompilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
            Assert.True(compilerDiagnostics.Count == 0, "The sample does not compile cleanly:\n" + string.Join("\n", compilerDiagnostics));

            ImmutableArray<DiagnosticAnalyzer> analyzers = AllAnalyzers.Create();
            var exceptions = new ConcurrentQueue<Exception>();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText("/project/api.contract.json", contract))),
                (ex, _, _) => exceptions.Enqueue(ex),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false);
            ImmutableArray<Diagnostic> diagnostics = await run.OutputCompilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync();

            Assert.Empty(exceptions);
            var actual = diagnostics
                .Select(d => $"{d.Id}@{d.Location.GetLineSpan().StartLinePosition.Line + 1}")
                .OrderBy(x => x, StringComparer.Ordinal)
                .ToList();
            Assert.Equal(expected, actual);
        }
    }
}
