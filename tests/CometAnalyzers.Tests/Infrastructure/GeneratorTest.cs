using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CometAnalyzers.Generation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace CometAnalyzers.Tests.Infrastructure
{
    /// <summary>
    /// The official testing library's source generator test for <see cref="ContractGenerator"/>, on the compilation the
    /// generator tests have always used (<see cref="GeneratorHarness"/>: sources under <c>/project/</c>, nullable on, every
    /// warning level, documentation comments diagnosed). The library compares <c>TestState.GeneratedSources</c> with
    /// what the generator wrote (unless <see cref="TestBehaviors.SkipGeneratedSourcesCheck"/>) and asserts exactly the
    /// expected diagnostics of the compilation with the generated code in it: by default that is no warning and no error
    /// anywhere, generated code included, and no diagnostic from the generator.
    /// </summary>
    internal sealed class ContractGeneratorTest : CSharpSourceGeneratorTest<ContractGenerator, DefaultVerifier>
    {
        /// <summary>The consumer source a contract-only test compiles beside the generated code.</summary>
        public const string Anchor = "namespace Consumer { internal static class Anchor { } }";

        private readonly LanguageVersion _languageVersion;
        private readonly List<(string HintName, string Text)> _generated = new();

        public ContractGeneratorTest(LanguageVersion languageVersion = LanguageVersion.Latest)
        {
            _languageVersion = languageVersion;
            LibrarySetup.Configure(this, Array.Empty<MetadataReference>());
            TestState.DocumentationMode = DocumentationMode.Diagnose;
            CompilerDiagnostics = CompilerDiagnostics.Warnings;
        }

        /// <summary>A test of one contract (at <c>/project/contracts/test.contract.json</c>) and <see cref="Anchor"/>.</summary>
        public static ContractGeneratorTest ForContract(string contract, LanguageVersion languageVersion = LanguageVersion.Latest)
        {
            var test = new ContractGeneratorTest(languageVersion);
            test.TestState.Sources.Add(Anchor);
            test.TestState.AdditionalFiles.Add(("/project/contracts/test.contract.json", contract));
            return test;
        }

        /// <summary>What the generator wrote, by hint name, in the last compilation the library analyzed.</summary>
        public IReadOnlyList<(string HintName, string Text)> Generated
        {
            get
            {
                lock (_generated)
                {
                    return _generated.ToList();
                }
            }
        }

        /// <summary>An expected generated file (the library compares its text, encoding and name).</summary>
        public ContractGeneratorTest WithGenerated(string hintName, string text)
        {
            TestState.GeneratedSources.Add((typeof(ContractGenerator), hintName, text));
            return this;
        }

        /// <summary>Only the generated code's diagnostics are asserted, not its text.</summary>
        public ContractGeneratorTest WithoutGeneratedSourcesCheck()
        {
            TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
            return this;
        }

        protected override string DefaultFilePathPrefix => "/project/Source";

        protected override CompilationOptions CreateCompilationOptions()
            => new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, warningLevel: 9999);

        protected override ParseOptions CreateParseOptions() => new CSharpParseOptions(_languageVersion, DocumentationMode.Diagnose);

        protected override async Task<(Compilation compilation, System.Collections.Immutable.ImmutableArray<Diagnostic> generatorDiagnostics)> GetProjectCompilationAsync(Project project, IVerifier verifier, CancellationToken cancellationToken)
        {
            (Compilation compilation, System.Collections.Immutable.ImmutableArray<Diagnostic> generatorDiagnostics) = await base.GetProjectCompilationAsync(project, verifier, cancellationToken);
            lock (_generated)
            {
                _generated.Clear();
                _generated.AddRange(compilation.SyntaxTrees
                    .Where(tree => tree.FilePath.EndsWith(".g.cs", StringComparison.Ordinal))
                    .Select(tree => (System.IO.Path.GetFileName(tree.FilePath), tree.GetText(cancellationToken).ToString())));
            }

            return (compilation, generatorDiagnostics);
        }
    }
}
