using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Testing.Model;
using Xunit;

namespace CometAnalyzers.Tests.Infrastructure
{
    /// <summary>
    /// What every rule test shares, on top of the official testing library (Microsoft.CodeAnalysis.Testing): the project
    /// the tests have always used (the running framework and the real Polly, logging, configuration and OpenAI assemblies,
    /// nullable on, sources under <c>/project/</c>) and the IDE-parity check of every analysis the library runs.
    /// </summary>
    internal static class LibrarySetup
    {
        /// <summary>Where sources go: <c>/project/Test0.cs</c>, <c>/project/Test1.cs</c>... beside <c>/project/.editorconfig</c>.</summary>
        public const string FilePathPrefix = "/project/Test";

        /// <summary>
        /// No reference assembly package: a test compilation references what the tests run on (<see cref="TestReferences.All"/>,
        /// added as <c>TestState.AdditionalReferences</c>). Nothing is downloaded at test time, and the types are the
        /// very ones the libraries ship for net10.0, not the older reference packs the testing library knows by name.
        /// </summary>
        public static readonly ReferenceAssemblies ReferenceAssemblies = new("net10.0");

        /// <summary><c>[|x|]</c> is the first diagnostic of the analyzer under test; <c>$$</c> is C# (raw interpolated strings), not a position.</summary>
        public const MarkupOptions Markup = MarkupOptions.UseFirstDescriptor | MarkupOptions.TreatPositionIndicatorsAsCode;

        public static CompilationOptions CompilationOptions()
            => new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);

        public static ParseOptions ParseOptions(LanguageVersion languageVersion) => new CSharpParseOptions(languageVersion);

        /// <summary>
        /// The library makes each rule of the analyzer under test a compilation-wide "default" option, which outranks the
        /// project's .editorconfig (a team's <c>severity = error</c> would not show). A real build has no such option: only
        /// AD0001 (an analyzer exception) is raised to an error here, as the library does.
        /// </summary>
        public static Project ApplyCompilationOptions(Project project)
        {
            CompilationOptions options = project.CompilationOptions!;
            return project.WithCompilationOptions(options.WithSpecificDiagnosticOptions(options.SpecificDiagnosticOptions.SetItem("AD0001", ReportDiagnostic.Error)));
        }

        public static void Configure(AnalyzerTest<DefaultVerifier> test, IEnumerable<MetadataReference> extraReferences)
        {
            test.ReferenceAssemblies = ReferenceAssemblies;
            test.MarkupOptions = Markup;
            test.TestState.DocumentationMode = DocumentationMode.Parse;
            test.TestState.AdditionalReferences.AddRange(TestReferences.All);
            test.TestState.AdditionalReferences.AddRange(extraReferences);
        }
    }

    /// <summary>
    /// Every analysis the testing library runs for a test is also run the way the editor runs it (<see cref="IdeParity"/>):
    /// document by document, alone and in both orders, on the very compilation and options the library built, and must
    /// show what the library's whole-compilation analysis showed; and run again with every gate open (<see cref="GateParity"/>),
    /// which must report the same. Each distinct compilation is checked once.
    /// </summary>
    internal sealed class IdeParityRecorder
    {
        private readonly ConcurrentDictionary<string, CompilationWithAnalyzers> _analyses = new(StringComparer.Ordinal);

        public CompilationWithAnalyzers Record(CompilationWithAnalyzers analysis)
        {
            _analyses.TryAdd(Key(analysis), analysis);
            return analysis;
        }

        public int Count => _analyses.Count;

        public async Task VerifyAsync(CancellationToken cancellationToken)
        {
            foreach (CompilationWithAnalyzers analysis in _analyses.Values)
            {
                // The library's analysis is complete: this reads its results, it does not analyze again.
                ImmutableArray<Diagnostic> whole = (await analysis.GetAnalyzerDiagnosticsAsync(cancellationToken)).RemoveAll(d => d.IsSuppressed);
                var exceptions = new ConcurrentQueue<string>();
                var options = new CompilationWithAnalyzersOptions(
                    analysis.AnalysisOptions.Options!,
                    onAnalyzerException: (ex, analyzer, _) => exceptions.Enqueue($"{analyzer.GetType().Name}: {ex}"),
                    concurrentAnalysis: true,
                    logAnalyzerExecutionTime: false,
                    reportSuppressedDiagnostics: false);
                if (IdeParity.IsEnabled)
                {
                    await IdeParity.AssertSameAsync(analysis.Compilation, analysis.Analyzers, options, whole);
                    Assert.True(exceptions.IsEmpty, "The analyzer threw in per-document analysis:\n" + string.Join("\n", exceptions));
                }

                // Every rule test is also a gate test: with every gate open the rule must report exactly the same.
                await GateParity.AssertSameAsync(analysis.Compilation, analysis.Analyzers, options, whole);
                Assert.True(exceptions.IsEmpty, "The analyzer threw with its gates open:\n" + string.Join("\n", exceptions));
            }
        }

        private static string Key(CompilationWithAnalyzers analysis)
        {
            var key = new StringBuilder();
            foreach (SyntaxTree tree in analysis.Compilation.SyntaxTrees)
            {
                key.Append(tree.FilePath).Append('\0').Append(tree.GetText().ToString()).Append('\0');
            }

            foreach (AdditionalText file in analysis.AnalysisOptions.Options?.AdditionalFiles ?? ImmutableArray<AdditionalText>.Empty)
            {
                key.Append(file.Path).Append('\0').Append(file.GetText()?.ToString()).Append('\0');
            }

            return key.ToString();
        }
    }

    /// <summary>The library's C# analyzer test for one analyzer instance, on the project the rule tests use.</summary>
    internal sealed class RuleAnalyzerTest : CSharpAnalyzerTest<EmptyDiagnosticAnalyzer, DefaultVerifier>
    {
        private readonly DiagnosticAnalyzer _analyzer;
        private readonly IdeParityRecorder _parity = new();

        public RuleAnalyzerTest(DiagnosticAnalyzer analyzer) => _analyzer = analyzer;

        public LanguageVersion LanguageVersion { get; set; } = LanguageVersion.Latest;

        protected override string DefaultFilePathPrefix => LibrarySetup.FilePathPrefix;

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => new[] { _analyzer };

        protected override CompilationOptions CreateCompilationOptions() => LibrarySetup.CompilationOptions();

        protected override ParseOptions CreateParseOptions() => LibrarySetup.ParseOptions(LanguageVersion);

        protected override Project ApplyCompilationOptions(Project project) => LibrarySetup.ApplyCompilationOptions(project);

        protected override CompilationWithAnalyzers CreateCompilationWithAnalyzers(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerOptions options, CancellationToken cancellationToken)
            => _parity.Record(base.CreateCompilationWithAnalyzers(compilation, analyzers, options, cancellationToken));

        protected override async Task RunImplAsync(CancellationToken cancellationToken)
        {
            await base.RunImplAsync(cancellationToken);
            await _parity.VerifyAsync(cancellationToken);
        }

        /// <summary>
        /// The diagnostics the analyzer reports on the test state (markup stripped, not checked), with the severity the
        /// project's options give them; compiler errors are checked as <see cref="AnalyzerTest{TVerifier}.CompilerDiagnostics"/> says.
        /// </summary>
        public async Task<ImmutableArray<Diagnostic>> GetAnalyzerDiagnosticsAsync(CancellationToken cancellationToken = default)
        {
            DiagnosticAnalyzer[] analyzers = GetDiagnosticAnalyzers().ToArray();
            SolutionState state = TestState
                .WithInheritedValuesApplied(null, ImmutableArray<string>.Empty)
                .WithProcessedMarkup(MarkupOptions, GetDefaultDiagnostic(analyzers), analyzers.SelectMany(a => a.SupportedDiagnostics).ToImmutableArray(), ImmutableArray<string>.Empty, DefaultFilePath);
            Project project = await CreateProjectAsync(new EvaluatedProjectState(state, ReferenceAssemblies), ImmutableArray<EvaluatedProjectState>.Empty, cancellationToken);
            ImmutableArray<(Project Project, Diagnostic Diagnostic)> all = await GetSortedDiagnosticsAsync(
                project.Solution, analyzers.ToImmutableArray(), ImmutableArray<(Project, Diagnostic)>.Empty, CompilerDiagnostics, Verify, cancellationToken);

            var compilerErrors = all.Select(d => d.Diagnostic).Where(d => IsCompilerDiagnostic(d) && d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(compilerErrors.Count == 0, "The test source does not compile:\n" + string.Join("\n", compilerErrors));
            Assert.DoesNotContain(all, d => d.Diagnostic.Id == "AD0001");
            await _parity.VerifyAsync(cancellationToken);
            return all.Select(d => d.Diagnostic).Where(d => !IsCompilerDiagnostic(d) && !d.IsSuppressed).ToImmutableArray();
        }

        private static bool IsCompilerDiagnostic(Diagnostic diagnostic) => diagnostic.Descriptor.CustomTags.Contains(WellKnownDiagnosticTags.Compiler);
    }

    /// <summary>The library's C# code fix test for one analyzer and one code fix instance, on the project the rule tests use.</summary>
    internal sealed class RuleCodeFixTest : CSharpCodeFixTest<EmptyDiagnosticAnalyzer, EmptyCodeFixProvider, DefaultVerifier>
    {
        private readonly DiagnosticAnalyzer _analyzer;
        private readonly CodeFixProvider _codeFix;
        private readonly IdeParityRecorder _parity = new();

        public RuleCodeFixTest(DiagnosticAnalyzer analyzer, CodeFixProvider codeFix)
        {
            _analyzer = analyzer;
            _codeFix = codeFix;
        }

        public LanguageVersion LanguageVersion { get; set; } = LanguageVersion.Latest;

        protected override string DefaultFilePathPrefix => LibrarySetup.FilePathPrefix;

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => new[] { _analyzer };

        protected override IEnumerable<CodeFixProvider> GetCodeFixProviders() => new[] { _codeFix };

        protected override CompilationOptions CreateCompilationOptions() => LibrarySetup.CompilationOptions();

        protected override ParseOptions CreateParseOptions() => LibrarySetup.ParseOptions(LanguageVersion);

        protected override Project ApplyCompilationOptions(Project project) => LibrarySetup.ApplyCompilationOptions(project);

        protected override CompilationWithAnalyzers CreateCompilationWithAnalyzers(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerOptions options, CancellationToken cancellationToken)
            => _parity.Record(base.CreateCompilationWithAnalyzers(compilation, analyzers, options, cancellationToken));

        protected override async Task RunImplAsync(CancellationToken cancellationToken)
        {
            await base.RunImplAsync(cancellationToken);
            await _parity.VerifyAsync(cancellationToken);
        }
    }
}
