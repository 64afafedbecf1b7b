using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using CometAnalyzers.Generation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace CometAnalyzers.Tests.Infrastructure
{
    /// <summary>An AdditionalText held in memory.</summary>
    internal sealed class InMemoryAdditionalText : AdditionalText
    {
        private readonly SourceText _text;

        public InMemoryAdditionalText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    /// <summary>The generator's output for a set of inputs, and the compilation that includes it.</summary>
    internal sealed record GeneratorRun(
        GeneratorDriver Driver,
        GeneratorDriverRunResult Result,
        Compilation OutputCompilation,
        ImmutableArray<Diagnostic> GeneratorDiagnostics)
    {
        public IEnumerable<(string HintName, string Text)> Sources
            => Result.Results.SelectMany(r => r.GeneratedSources).Select(s => (s.HintName, s.SourceText.ToString()));

        /// <summary>Errors and warnings in the generated files (the user's own sources are the test's business).</summary>
        public ImmutableArray<Diagnostic> GeneratedCodeDiagnostics()
            => OutputCompilation.GetDiagnostics().Where(IsGeneratedCodeProblem).ToImmutableArray();

        /// <summary>A warning or error in a generated file (the generated code must compile cleanly).</summary>
        public static bool IsGeneratedCodeProblem(Diagnostic diagnostic)
            => diagnostic.Severity >= DiagnosticSeverity.Warning && diagnostic.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true;

        public void AssertGeneratedCodeCompilesCleanly()
        {
            Assert.Empty(GeneratorDiagnostics);
            ImmutableArray<Diagnostic> problems = GeneratedCodeDiagnostics();
            Assert.True(problems.IsEmpty, "Generated code has diagnostics:\n" + string.Join("\n", problems.Take(30)));
        }
    }

    /// <summary>Runs <see cref="ContractGenerator"/> the way the compiler does, with step tracking on.</summary>
    internal static class GeneratorHarness
    {
        public static CSharpCompilation CreateCompilation(IEnumerable<string> sources, LanguageVersion languageVersion = LanguageVersion.Latest)
            => CSharpCompilation.Create(
                "Consumer",
                sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(languageVersion, DocumentationMode.Diagnose), path: $"/project/Source{i}.cs")),
                TestReferences.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, warningLevel: 9999));

        public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> additionalFiles, LanguageVersion languageVersion = LanguageVersion.Latest)
            => CSharpGeneratorDriver.Create(
                new[] { new ContractGenerator().AsSourceGenerator() },
                additionalFiles,
                new CSharpParseOptions(languageVersion, DocumentationMode.Diagnose),
                driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

        public static GeneratorRun Run(
            IEnumerable<(string Path, string Text)> additionalFiles,
            IEnumerable<string>? sources = null,
            LanguageVersion languageVersion = LanguageVersion.Latest)
        {
            CSharpCompilation compilation = CreateCompilation(sources ?? new[] { "namespace Consumer { internal static class Anchor { } }" }, languageVersion);
            GeneratorDriver driver = CreateDriver(additionalFiles.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)), languageVersion);
            driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
            return new GeneratorRun(driver, driver.GetRunResult(), output, diagnostics);
        }

        public static GeneratorRun RunContract(string contractText, params (string Path, string Text)[] otherFiles)
            => Run(new[] { ("/project/contracts/test.contract.json", contractText) }.Concat(otherFiles));
    }
}
