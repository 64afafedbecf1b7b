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
    /// contract plus the vendor OpenAPI document it references (54 schemas), and on the runtime tests' contract over the
    /// whole OpenAI document (3.4 MB, 1,422 schemas). "Full run": a new driver, so every step runs.
    /// "Unrelated edit": a driver that has already run, given the compilation with one C# file edited; every step should
    /// come from the cache (asserted separately, with step tracking on, by the generator check in Program).
    /// Step tracking is off here, as in a real build.
    /// </summary>
    [Config(typeof(BenchConfig))]
    [BenchmarkCategory("Generator")]
    public class GeneratorBenchmarks
    {
        private ImmutableArray<AdditionalText> _files;
        private ImmutableArray<AdditionalText> _wholeDocumentFiles;
        private GeneratorDriver _warmWholeDocumentDriver = null!;
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
            RequireSources(_warmDriver, 20);
            _wholeDocumentFiles = RoslynInputs.FullOpenAiDocumentFiles();
            _warmWholeDocumentDriver = RoslynInputs.Driver(_wholeDocumentFiles, trackSteps: false).RunGenerators(_compilation);
            RequireSources(_warmWholeDocumentDriver, 100);
        }

        private static void RequireSources(GeneratorDriver driver, int atLeast)
        {
            GeneratorRunResult result = driver.GetRunResult().Results.Single();
            if (result.Exception is not null || result.GeneratedSources.Length < atLeast)
            {
                throw new InvalidOperationException($"The generator did not produce the contract's sources ({result.GeneratedSources.Length} files): {result.Exception}");
            }
        }

        [Benchmark(Description = "Full run (OpenAI subset contract)")]
        public GeneratorDriver FullRun() => RoslynInputs.Driver(_files, trackSteps: false).RunGenerators(_compilation);

        [Benchmark(Description = "Unrelated edit (warm driver)")]
        public GeneratorDriver UnrelatedEdit() => _warmDriver.RunGenerators(_edited);

        [Benchmark(Description = "Full run (whole OpenAI document)")]
        public GeneratorDriver WholeDocumentFullRun() => RoslynInputs.Driver(_wholeDocumentFiles, trackSteps: false).RunGenerators(_compilation);

        [Benchmark(Description = "Unrelated edit (whole OpenAI document, warm driver)")]
        public GeneratorDriver WholeDocumentUnrelatedEdit() => _warmWholeDocumentDriver.RunGenerators(_edited);
    }
}
