using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading;
using CometAnalyzers.Tests.Infrastructure;
using CometAnalyzers.Tests.Robustness.Fuzzing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using Xunit.Abstractions;

namespace CometAnalyzers.Tests.Robustness
{
    /// <summary>
    /// Every analyzer of the CometAnalyzers assembly (found by reflection, so rules added later are covered) over the repo's
    /// C# test sources, samples and generated code, with random tokens, statements and members deleted: half-typed code
    /// must never make an analyzer throw (AD0001).
    /// </summary>
    public class AnalyzerFuzzTests
    {
        private const int Mutants = 240;

        private readonly ITestOutputHelper _output;

        public AnalyzerFuzzTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public void No_analyzer_throws_on_mutilated_test_sources_samples_or_generated_code()
        {
            var run = new FuzzRun("analyzer-fuzz", _output);
            ImmutableArray<DiagnosticAnalyzer> analyzers = AllAnalyzers.Create();
            List<(string Name, string Text)> sources = RepoCorpus.Sources();
            run.Count("analyzers", analyzers.Length);
            run.Count("source-files", sources.Count);

            // The untouched sources first, then the mutants, in batches that share one compilation.
            var inputs = sources.Select(s => (Mutation: "unchanged " + s.Name, s.Text)).ToList();
            Random random = run.Random("mutants");
            for (int i = 0; i < Mutants; i++)
            {
                (string name, string text) = sources[random.Next(sources.Count)];
                (string mutation, string mutated) = SourceMutations.Mutate(text, random);
                inputs.Add(($"#{i} {name}: {mutation}", mutated));
            }

            for (int start = 0; start < inputs.Count; start += RepoCorpus.BatchSize)
            {
                var batch = inputs.Skip(start).Take(RepoCorpus.BatchSize).ToList();
                List<string> problems = Analyze(analyzers, batch.Select(b => b.Text).ToList());
                if (problems.Count == 0)
                {
                    foreach (var _ in batch)
                    {
                        run.Input();
                    }

                    continue;
                }

                foreach ((string mutation, string text) in batch)
                {
                    run.Input();
                    List<string> own = Analyze(analyzers, new[] { text });
                    if (own.Count > 0)
                    {
                        run.Fail(mutation, string.Join("\n   ", own.Take(3)), text);
                    }
                }
            }

            run.Complete();
            Assert.NotEmpty(analyzers);
            Assert.Contains(analyzers, a => a is global::CometAnalyzers.Rules.ContractFileAnalyzer);
            Assert.True(sources.Count >= 50, "too few source files found: " + sources.Count);
            Assert.Equal(sources.Count + Mutants, run.Inputs);
        }

        /// <summary>Runs every analyzer on the files (with the repo's contract as an AdditionalFile); returns what went wrong.</summary>
        private static List<string> Analyze(ImmutableArray<DiagnosticAnalyzer> analyzers, IReadOnlyList<string> texts)
        {
            CSharpCompilation compilation = RepoCorpus.Compile(texts, "Fuzz");
            var exceptions = new ConcurrentQueue<string>();
            var options = new CompilationWithAnalyzersOptions(
                RepoCorpus.Options(),
                onAnalyzerException: (exception, analyzer, _) => exceptions.Enqueue($"{analyzer.GetType().Name} threw {exception.GetType().Name}: {exception.Message}\n{exception.StackTrace}"),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false);
            ImmutableArray<Diagnostic> diagnostics = compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
            var problems = exceptions.ToList();
            problems.AddRange(diagnostics.Where(d => d.Id == "AD0001").Select(d => "AD0001: " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
            return problems;
        }
    }
}
