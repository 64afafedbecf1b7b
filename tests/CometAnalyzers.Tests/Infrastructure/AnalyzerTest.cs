using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace CometAnalyzers.Tests.Infrastructure
{
    /// <summary>
    /// Fluent analyzer test: <c>AnalyzerTest.For&lt;X&gt;().WithSource("...[|bad|]...").RunAsync()</c>.
    /// Asserts exactly the marked diagnostics, no compiler errors (unless allowed) and no analyzer exception, and the
    /// same diagnostics with every gate open (<see cref="GateParity"/>) and in the editor (<see cref="IdeParity"/>).
    /// Add <see cref="WithCodeFix{TFix}"/> to apply the fix to every diagnostic and compare the result.
    /// </summary>
    internal sealed class AnalyzerTest
    {
        private readonly DiagnosticAnalyzer _analyzer;
        private readonly List<string> _sources = new();
        private readonly List<(string Path, string Text)> _additionalFiles = new();
        private readonly List<string> _editorConfigLines = new();
        private readonly List<MetadataReference> _references = new();
        private CodeFixProvider? _codeFix;
        private string? _fixedSource;
        private string? _codeFixEquivalenceKey;
        private bool _allowCompilerErrors;
        private DiagnosticSeverity? _expectedSeverity;
        private LanguageVersion _languageVersion = LanguageVersion.Latest;

        private AnalyzerTest(DiagnosticAnalyzer analyzer) => _analyzer = analyzer;

        public static AnalyzerTest For<TAnalyzer>()
            where TAnalyzer : DiagnosticAnalyzer, new()
            => new(new TAnalyzer());

        public static AnalyzerTest For(DiagnosticAnalyzer analyzer) => new(analyzer);

        /// <summary>A C# source with markup. The first source is the one a code fix is compared on.</summary>
        public AnalyzerTest WithSource(string markup)
        {
            _sources.Add(markup);
            return this;
        }

        /// <summary>Source compiled into a referenced assembly: the analyzer sees its types as metadata only.</summary>
        public AnalyzerTest WithReferencedAssembly(string source)
        {
            _references.Add(TestProject.CompileReference(source, $"Referenced{_references.Count}"));
            return this;
        }

        /// <summary>A real library referenced by this test only (see <see cref="TestReferences"/>: Json.NET, NLog, ASP.NET Core...).</summary>
        public AnalyzerTest WithLibrary(IEnumerable<MetadataReference> library)
        {
            _references.AddRange(library);
            return this;
        }

        public AnalyzerTest WithContract(string json, string path = "/project/contracts/test.contract.json")
            => WithAdditionalFile(path, json);

        public AnalyzerTest WithAdditionalFile(string path, string text)
        {
            _additionalFiles.Add((path, text));
            return this;
        }

        /// <summary>Lines under <c>[*.cs]</c> in the project's .editorconfig.</summary>
        public AnalyzerTest WithEditorConfig(string line)
        {
            _editorConfigLines.Add(line);
            return this;
        }

        public AnalyzerTest WithLanguageVersion(LanguageVersion version)
        {
            _languageVersion = version;
            return this;
        }

        /// <summary>For half-typed code: compiler errors are allowed, analyzer exceptions still fail the test.</summary>
        public AnalyzerTest AllowCompilerErrors()
        {
            _allowCompilerErrors = true;
            return this;
        }

        public AnalyzerTest ExpectSeverity(DiagnosticSeverity severity)
        {
            _expectedSeverity = severity;
            return this;
        }

        public AnalyzerTest WithCodeFix<TFix>(string fixedSource, string? equivalenceKey = null)
            where TFix : CodeFixProvider, new()
        {
            _codeFix = new TFix();
            _fixedSource = fixedSource;
            _codeFixEquivalenceKey = equivalenceKey;
            return this;
        }

        public async Task RunAsync()
        {
            var parsed = _sources.Select(Markup.Parse).ToList();
            Project project = CreateProject(parsed.Select(p => p.Source).ToList());
            ImmutableArray<Diagnostic> diagnostics = await GetDiagnosticsAsync(project, _allowCompilerErrors);

            var expected = new List<string>();
            var actual = new List<string>();
            string defaultId = _analyzer.SupportedDiagnostics[0].Id;
            for (int i = 0; i < parsed.Count; i++)
            {
                string path = TestProject.SourceFolder + $"Test{i}.cs";
                foreach (ExpectedSpan span in parsed[i].Spans)
                {
                    expected.Add(Describe(span.Id ?? defaultId, path, span.Span, parsed[i].Source));
                }
            }

            foreach (Diagnostic diagnostic in diagnostics)
            {
                string path = diagnostic.Location.SourceTree?.FilePath ?? diagnostic.Location.GetLineSpan().Path;
                string source = diagnostic.Location.SourceTree?.GetText().ToString() ?? string.Empty;
                actual.Add(Describe(diagnostic.Id, path, diagnostic.Location.SourceSpan, source));
                if (_expectedSeverity is { } severity)
                {
                    Assert.Equal(severity, diagnostic.Severity);
                }
            }

            expected.Sort(StringComparer.Ordinal);
            actual.Sort(StringComparer.Ordinal);
            Assert.True(
                expected.SequenceEqual(actual),
                "Diagnostics differ.\nExpected:\n  " + string.Join("\n  ", expected) + "\nActual:\n  " + string.Join("\n  ", actual)
                + "\nMessages:\n  " + string.Join("\n  ", diagnostics.Select(d => d.ToString())));

            if (_codeFix is not null)
            {
                await VerifyCodeFixAsync(project);
            }
        }

        /// <summary>The diagnostics the analyzer reports, with the severity the project's options give them.</summary>
        public async Task<ImmutableArray<Diagnostic>> GetDiagnosticsAsync()
        {
            var parsed = _sources.Select(Markup.Parse).ToList();
            return await GetDiagnosticsAsync(CreateProject(parsed.Select(p => p.Source).ToList()), _allowCompilerErrors);
        }

        private Project CreateProject(IReadOnlyList<string> sources)
            => TestProject.Create(
                sources,
                _additionalFiles,
                _editorConfigLines.Count == 0 ? null : string.Join("\n", _editorConfigLines),
                _languageVersion,
                extraReferences: _references);

        private async Task<ImmutableArray<Diagnostic>> GetDiagnosticsAsync(Project project, bool allowCompilerErrors)
        {
            Compilation compilation = (await project.GetCompilationAsync())!;
            if (!allowCompilerErrors)
            {
                ImmutableArray<Diagnostic> errors = TestProject.CompilerErrors(compilation);
                Assert.True(errors.IsEmpty, "The test source does not compile:\n" + string.Join("\n", errors));
            }

            var exceptions = new ConcurrentQueue<string>();
            var options = new CompilationWithAnalyzersOptions(
                project.AnalyzerOptions,
                onAnalyzerException: (ex, analyzer, _) => exceptions.Enqueue($"{analyzer.GetType().Name}: {ex}"),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false);
            var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create(_analyzer), options);
            ImmutableArray<Diagnostic> all = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);

            Assert.True(exceptions.IsEmpty, "The analyzer threw:\n" + string.Join("\n", exceptions));
            Assert.DoesNotContain(all, d => d.Id == "AD0001");

            // Every rule test is also a gate test: with every gate open the rule must report exactly the same.
            await GateParity.AssertSameAsync(compilation, ImmutableArray.Create(_analyzer), options, all);
            Assert.True(exceptions.IsEmpty, "The analyzer threw with its gates open:\n" + string.Join("\n", exceptions));

            // Every rule test is also an IDE test: the editor's per-document analysis must show the same diagnostics.
            if (IdeParity.IsEnabled)
            {
                await IdeParity.AssertSameAsync(compilation, ImmutableArray.Create(_analyzer), options, all);
                Assert.True(exceptions.IsEmpty, "The analyzer threw in per-document analysis:\n" + string.Join("\n", exceptions));
            }

            return all;
        }

        private async Task VerifyCodeFixAsync(Project project)
        {
            // Fix one diagnostic at a time, as a user would, until none is left or nothing changes.
            for (int iteration = 0; iteration < 20; iteration++)
            {
                ImmutableArray<Diagnostic> diagnostics = (await GetDiagnosticsAsync(project, allowCompilerErrors: true))
                    .Where(d => _codeFix!.FixableDiagnosticIds.Contains(d.Id) && d.Location.IsInSource)
                    .OrderBy(d => d.Location.SourceSpan.Start)
                    .ToImmutableArray();
                CodeAction? action = null;
                Document? document = null;
                foreach (Diagnostic diagnostic in diagnostics)
                {
                    document = project.GetDocument(diagnostic.Location.SourceTree)!;
                    var actions = new List<CodeAction>();
                    var context = new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None);
                    await _codeFix!.RegisterCodeFixesAsync(context);
                    action = actions.FirstOrDefault(a => _codeFixEquivalenceKey is null || a.EquivalenceKey == _codeFixEquivalenceKey);
                    if (action is not null)
                    {
                        break;
                    }
                }

                if (action is null)
                {
                    break;
                }

                ImmutableArray<CodeActionOperation> operations = await action.GetOperationsAsync(CancellationToken.None);
                Solution changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
                project = changed.GetProject(project.Id)!;
            }

            Document first = project.Documents.Single(d => d.Name == "Test0.cs");
            string actualText = (await first.GetTextAsync()).ToString();
            string expectedText = Markup.Parse(_fixedSource!).Source;
            Assert.Equal(Normalize(expectedText), Normalize(actualText));

            // The fixed code must compile; the fix must not break the build it is meant to repair.
            ImmutableArray<Diagnostic> errors = TestProject.CompilerErrors((await project.GetCompilationAsync())!);
            Assert.True(errors.IsEmpty, "The fixed source does not compile:\n" + string.Join("\n", errors));
        }

        private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

        private static string Describe(string id, string path, TextSpan span, string source)
        {
            string text = span.End <= source.Length ? source.Substring(span.Start, span.Length) : "?";
            LinePosition position = SourceText.From(source).Lines.GetLinePosition(Math.Min(span.Start, source.Length));
            return $"{id} {System.IO.Path.GetFileName(path)}({position.Line + 1},{position.Character + 1}) '{text}'";
        }
    }
}
