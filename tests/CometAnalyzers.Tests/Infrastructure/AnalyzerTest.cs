using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace CometAnalyzers.Tests.Infrastructure
{
    /// <summary>
    /// Fluent rule test: <c>AnalyzerTest.For&lt;X&gt;().WithSource("...[|bad|]...").RunAsync()</c>, run by the official testing
    /// library (<see cref="RuleAnalyzerTest"/>, or <see cref="RuleCodeFixTest"/> with a code fix). The library asserts exactly the
    /// marked diagnostics (<c>[|x|]</c> is the analyzer's first rule, <c>{|ID:x|}</c> names one), no compiler errors (unless
    /// allowed) and no analyzer exception; with a code fix it applies the fix one diagnostic at a time and with Fix All in
    /// document, project and solution scope, and each must give the fixed sources. Every analysis it runs is also checked
    /// document by document and with every gate open (<see cref="IdeParityRecorder"/>).
    /// </summary>
    internal sealed class AnalyzerTest
    {
        private const string EditorConfigPath = "/project/.editorconfig";

        private readonly DiagnosticAnalyzer _analyzer;
        private readonly List<string> _sources = new();
        private readonly List<(string Path, string Text)> _additionalFiles = new();
        private readonly List<(string Path, string Text)> _analyzerConfigFiles = new();
        private readonly List<string> _editorConfigLines = new();
        private readonly List<MetadataReference> _references = new();
        private readonly Dictionary<int, string> _fixedSources = new();
        private CodeFixProvider? _codeFix;
        private string? _codeFixEquivalenceKey;
        private bool _allowCompilerErrors;
        private DiagnosticSeverity? _expectedSeverity;
        private LanguageVersion _languageVersion = LanguageVersion.Latest;

        private AnalyzerTest(DiagnosticAnalyzer analyzer) => _analyzer = analyzer;

        public static AnalyzerTest For<TAnalyzer>()
            where TAnalyzer : DiagnosticAnalyzer, new()
            => new(new TAnalyzer());

        public static AnalyzerTest For(DiagnosticAnalyzer analyzer) => new(analyzer);

        /// <summary>A C# source with markup, <c>/project/Test{n}.cs</c> in the order added.</summary>
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

        /// <summary>An analyzer config file as it is, e.g. a <c>.globalconfig</c>.</summary>
        public AnalyzerTest WithAnalyzerConfigFile(string path, string text)
        {
            _analyzerConfigFiles.Add((path, text));
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

        /// <summary>Every diagnostic of the analyzer under test must have this severity (after the project's options).</summary>
        public AnalyzerTest ExpectSeverity(DiagnosticSeverity severity)
        {
            _expectedSeverity = severity;
            return this;
        }

        /// <summary>
        /// The fix under test and the first source after it. Diagnostics left after the fix are marked in
        /// <paramref name="fixedSource"/>; a source the fix leaves as it was keeps the diagnostics its markup gave.
        /// </summary>
        public AnalyzerTest WithCodeFix<TFix>(string fixedSource, string? equivalenceKey = null)
            where TFix : CodeFixProvider, new()
        {
            _codeFix = new TFix();
            _fixedSources[0] = fixedSource;
            _codeFixEquivalenceKey = equivalenceKey;
            return this;
        }

        /// <summary>Source <paramref name="index"/> (in <see cref="WithSource"/> order) after the fix; others must stay as they were.</summary>
        public AnalyzerTest WithFixedSource(int index, string fixedSource)
        {
            _fixedSources[index] = fixedSource;
            return this;
        }

        public Task RunAsync()
        {
            if (_codeFix is null)
            {
                var test = new RuleAnalyzerTest(_analyzer) { LanguageVersion = _languageVersion };
                Configure(test);
                return test.RunAsync();
            }

            var fixTest = new RuleCodeFixTest(_analyzer, _codeFix) { LanguageVersion = _languageVersion, CodeActionEquivalenceKey = _codeFixEquivalenceKey };
            Configure(fixTest);

            // Markup in the fixed sources is honoured for every rule, the fixable one included: what the fix leaves is asserted.
            fixTest.FixedState.MarkupHandling = MarkupMode.Allow;
            for (int i = 0; i < _sources.Count; i++)
            {
                fixTest.FixedState.Sources.Add(FixedSource(i));
            }

            return fixTest.RunAsync();
        }

        /// <summary>The diagnostics the analyzer reports, with the severity the project's options give them (markup is not checked).</summary>
        public Task<ImmutableArray<Diagnostic>> GetDiagnosticsAsync()
        {
            var test = new RuleAnalyzerTest(_analyzer) { LanguageVersion = _languageVersion };
            Configure(test);
            return test.GetAnalyzerDiagnosticsAsync();
        }

        private void Configure(AnalyzerTest<DefaultVerifier> test)
        {
            LibrarySetup.Configure(test, _references);
            foreach (string source in _sources)
            {
                test.TestState.Sources.Add(source);
            }
            foreach ((string path, string text) in _additionalFiles)
            {
                test.TestState.AdditionalFiles.Add((path, text));
            }

            if (_editorConfigLines.Count > 0)
            {
                test.TestState.AnalyzerConfigFiles.Add((EditorConfigPath, "root = true\n\n[*.cs]\n" + string.Join("\n", _editorConfigLines) + "\n"));
            }

            foreach ((string path, string text) in _analyzerConfigFiles)
            {
                test.TestState.AnalyzerConfigFiles.Add((path, text));
            }

            test.CompilerDiagnostics = _allowCompilerErrors ? CompilerDiagnostics.None : CompilerDiagnostics.Errors;
            if (_expectedSeverity is { } severity)
            {
                var ids = _analyzer.SupportedDiagnostics.Select(d => d.Id).ToImmutableHashSet();
                test.DiagnosticVerifier = (actual, _, verifier) =>
                {
                    if (ids.Contains(actual.Id))
                    {
                        verifier.Equal(severity, actual.Severity, $"Severity of {actual}");
                    }
                };
            }
        }

        private string FixedSource(int index)
        {
            string original = _sources[index];
            if (!_fixedSources.TryGetValue(index, out string? fixedSource))
            {
                return original;
            }

            // A fix that changes nothing leaves the same diagnostics: the original markup says where.
            TestFileMarkupParser.GetSpans(fixedSource, treatPositionIndicatorsAsCode: true, out string fixedText, out ImmutableDictionary<string, ImmutableArray<TextSpan>> fixedSpans);
            TestFileMarkupParser.GetSpans(original, treatPositionIndicatorsAsCode: true, out string originalText, out _);
            return fixedSpans.IsEmpty && fixedText == originalText ? original : fixedSource;
        }
    }
}
