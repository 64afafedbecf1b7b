using System;
using System.Collections.Immutable;
using System.Linq;
using BenchmarkDotNet.Attributes;
using CometAnalyzers.Benchmarks.Roslyn;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CometAnalyzers.Benchmarks.Benchmarks
{
    /// <summary>
    /// The source generator under <see cref="CSharpGeneratorDriver"/>, as the compiler runs it, on the OpenAI-subset test
    /// contract plus the vendor OpenAPI document it references (54 schemas). "Full run": a new driver, so every step runs.
    /// "Unrelated edit": a driver that has already run, given the compilation with one C# file edited; every step should
    /// come from the cache (asserted separately, with step tracking on, by the generator check in Program).
    /// Step tracking is off here, as in a real build.
    /// </summary>
    [Config(typeof(BenchConfig))]
    [BenchmarkCategory("Generator")]
    public class GeneratorBenchmarks
    {
        private ImmutableArray<AdditionalText> _files;
        private CSharpCompilation _compilation = null!;
        private CSharpCompilation _edited = null!;
        private GeneratorDriver _warmDriver = null!;

        [GlobalSetup]
        public void Setup()
        {
            _files = RoslynInputs.OpenAiContractFiles();
            _compilation = RoslynInputs.ConsumerCompilation();
            _edited = RoslynInputs.WithUnrelatedEdit(_compilation, 1);
            _warmDriver = RoslynInputs.Driver(_files, trackSteps: false).RunGenerators(_compilation);
            GeneratorRunResult result = _warmDriver.GetRunResult().Results.Single();
            if (result.Exception is not null || result.GeneratedSources.Length < 20)
            {
                throw new InvalidOperationException($"The generator did not produce the OpenAI contract's sources ({result.GeneratedSources.Length} files): {result.Exception}");
            }
        }

        [Benchmark(Description = "Full run (OpenAI subset contract)")]
        public GeneratorDriver FullRun() => RoslynInputs.Driver(_files, trackSteps: false).RunGenerators(_compilation);

        [Benchmark(Description = "Unrelated edit (warm driver)")]
        public GeneratorDriver UnrelatedEdit() => _warmDriver.RunGenerators(_edited);
    }
}
