using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CometAnalyzers.Rules;
using CometAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>
    /// Every rule, gated and with every gate open, over whole corpora: what the gates let through must be all the rules
    /// report. The rule tests check the same on each test's own sources (<see cref="GateParity"/> runs in
    /// <see cref="AnalyzerTest"/>); these add code nobody wrote for a rule: the repo's tests, samples and generated code,
    /// and real projects.
    /// </summary>
    public class GateParityTests
    {
        /// <summary>Set to 1 to compare on every project of the corpus (about two minutes more on two cores).</summary>
        private const string AllProjectsVariable = "COMET_GATE_PARITY_ALL";

        /// <summary>
        /// The real projects compared on every run: where the rules report (Polly's docs and the snippets: COMET003,
        /// COMET004, COMET011; eShop: COMET012) and three SDKs full of HTTP calls, requests and logging that the gates
        /// must pass over without losing anything. About twenty seconds; LlmTornado and Semantic Kernel alone take a minute.
        /// </summary>
        private static readonly string[] SampledProjects = { "Polly", "snippets", "eShop", "openai-dotnet", "OllamaSharp", "OkGoDoIt-OpenAI-API-dotnet" };

        private readonly ITestOutputHelper _output;

        public GateParityTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public async Task The_rules_report_the_same_with_their_gates_open_over_the_repo_tests_samples_and_generated_code()
        {
            List<(string Name, string Text)> sources = RepoCorpus.Sources();
            int compared = 0;
            for (int start = 0; start < sources.Count; start += RepoCorpus.BatchSize)
            {
                var batch = sources.Skip(start).Take(RepoCorpus.BatchSize).ToList();
                compared += await AssertSameAsync(RepoCorpus.Compile(batch.Select(b => b.Text).ToList()), RepoCorpus.Options(), string.Join(", ", batch.Select(b => b.Name)));
            }

            _output.WriteLine($"gate parity: {sources.Count} repo files, {compared} diagnostics reported alike gated and ungated");
            Assert.True(sources.Count >= 50, "too few source files found: " + sources.Count);

            // The samples break every rule on purpose: a run that reports nothing compares nothing.
            Assert.True(compared > 0, "no rule reported anything on the repo's sources");
        }

        [RealWorldFact]
        public async Task The_rules_report_the_same_with_their_gates_open_over_real_projects()
        {
            IEnumerable<string> projects = Environment.GetEnvironmentVariable(AllProjectsVariable) == "1" ? RealWorldCorpus.Projects() : SampledProjects;
            int compared = 0;
            foreach (string project in projects)
            {
                var clock = Stopwatch.StartNew();
                compared += await AssertSameAsync(RealWorldCorpus.Compile(project), RepoCorpus.Options(), project);
                _output.WriteLine($"gate parity: {project} in {clock.ElapsedMilliseconds} ms");
            }

            _output.WriteLine($"gate parity: {compared} diagnostics reported alike gated and ungated on real code");
            Assert.True(compared > 0, "no rule reported anything on the real projects");
        }

        /// <summary>The code rules (the contract file rule has no gate), gated and ungated on one compilation; returns how many diagnostics matched.</summary>
        private async Task<int> AssertSameAsync(Compilation compilation, AnalyzerOptions analyzerOptions, string what)
        {
            ImmutableArray<DiagnosticAnalyzer> analyzers = AllAnalyzers.Create().RemoveAll(a => a is ContractFileAnalyzer);
            var exceptions = new ConcurrentQueue<string>();
            var options = new CompilationWithAnalyzersOptions(
                analyzerOptions,
                onAnalyzerException: (exception, analyzer, _) => exceptions.Enqueue($"{analyzer.GetType().Name} threw {exception.GetType().Name}: {exception.Message}"),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false);
            var clock = Stopwatch.StartNew();
            ImmutableArray<Diagnostic> gated = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            long gatedMs = clock.ElapsedMilliseconds;
            await GateParity.AssertSameAsync(compilation, analyzers, options, gated, what);
            _output.WriteLine($"  {what}: gated {gatedMs} ms, ungated {clock.ElapsedMilliseconds - gatedMs} ms, {gated.Length} diagnostics");
            Assert.True(exceptions.IsEmpty, string.Join("\n", exceptions));
            return gated.Length;
        }
    }
}
