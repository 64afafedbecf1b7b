using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using CometAnalyzers.CodeFixes;
using CometAnalyzers.Tests.Infrastructure;
using CometAnalyzers.Tests.Robustness.Fuzzing;
using CometAnalyzers.Tests.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using Xunit.Abstractions;

namespace CometAnalyzers.Tests.Robustness
{
    /// <summary>
    /// COMET005 and COMET006 over the code of their own tests, whole and mutilated, with every code fix applied to what
    /// they report. The repo corpus of <see cref="AnalyzerFuzzTests"/> holds one violation of each (the sample), and its
    /// batches rarely see the generated models beside them; here every snippet compiles against the generated models, the
    /// OpenAI, Azure, Serilog and NLog libraries, and a contract that names its secret, so the sources, sinks, flows and
    /// fixes the tests know are all reached. Nothing may throw: no AD0001, no exception from a fix; the rules report the
    /// same with their gates open (<see cref="GateParity"/>); and on the untouched snippets a fix may not add a compiler error.
    /// </summary>
    public class RuleSnippetFuzzTests
    {
        private const int Mutants = 160;

        private const int BatchSize = 12;

        private const string ContractPath = "/project/contracts/test.contract.json";

        private static readonly (string Prefix, string Usings)[] Rules =
        {
            ("COMET005", COMET005Sources.Usings),
            ("COMET006", COMET006Sources.Usings),
        };

        private readonly ITestOutputHelper _output;

        public RuleSnippetFuzzTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public async Task No_analyzer_or_fix_throws_or_loses_a_diagnostic_to_a_gate_on_the_COMET005_and_COMET006_test_snippets_whole_or_mutilated()
        {
            var run = new FuzzRun("rule-snippet-fuzz", _output);
            ImmutableArray<DiagnosticAnalyzer> analyzers = AllAnalyzers.Create();
            ImmutableArray<CodeFixProvider> fixes = AllCodeFixes();
            List<(string Name, string Text)> snippets = Snippets();
            run.Count("snippets", snippets.Count);

            var inputs = snippets.Select(s => (Mutation: "unchanged " + s.Name, s.Text, Whole: true)).ToList();
            Random random = run.Random("mutants");
            for (int i = 0; i < Mutants; i++)
            {
                (string name, string text) = snippets[random.Next(snippets.Count)];
                (string mutation, string mutated) = SourceMutations.Mutate(text, random);
                inputs.Add(($"#{i} {name}: {mutation}", mutated, false));
            }

            for (int start = 0; start < inputs.Count; start += BatchSize)
            {
                var batch = inputs.Skip(start).Take(BatchSize).ToList();
                List<string> problems = await AnalyzeAndFixAsync(analyzers, fixes, batch.Select(b => (b.Text, b.Whole)).ToList(), run);
                foreach (var _ in batch)
                {
                    run.Input();
                }

                if (problems.Count == 0)
                {
                    continue;
                }

                foreach ((string mutation, string text, bool whole) in batch)
                {
                    List<string> own = await AnalyzeAndFixAsync(analyzers, fixes, new[] { (text, whole) }, run: null);
                    if (own.Count > 0)
                    {
                        run.Fail(mutation, string.Join("\n   ", own.Take(3)), text);
                    }
                }
            }

            run.Complete();
            Assert.Contains(fixes, f => f is HardcodedCredentialCodeFixProvider);
            Assert.Contains(fixes, f => f is SensitiveContentWrittenToLogCodeFixProvider);
            Assert.True(snippets.Count >= 30, "too few snippets found: " + snippets.Count);

            // The corpus reaches both rules and both fixes: a fuzzer that never gets there proves nothing.
            Assert.True(run["COMET005"] > 0 && run["COMET006"] > 0, "a rule reported nothing on its own tests' snippets");
            Assert.True(run["fix-COMET005"] > 0 && run["fix-COMET006"] > 0, "a fix was never offered");
            Assert.Equal(snippets.Count + Mutants, run.Inputs);
        }

        /// <summary>
        /// Every analyzer over the files, then every fix offered for a COMET diagnostic computed and applied; returns what
        /// went wrong. Each snippet sits in a namespace of its own, so a batch shares one compilation without clashes.
        /// </summary>
        private static async Task<List<string>> AnalyzeAndFixAsync(
            ImmutableArray<DiagnosticAnalyzer> analyzers, ImmutableArray<CodeFixProvider> fixes, IReadOnlyList<(string Text, bool Whole)> files, FuzzRun? run)
        {
            var problems = new List<string>();
            using var workspace = new AdhocWorkspace();
            Project project = CreateProject(workspace, files.Select(f => f.Text).ToList());
            Compilation compilation = (await project.GetCompilationAsync())!;
            var exceptions = new List<string>();
            var options = new CompilationWithAnalyzersOptions(
                project.AnalyzerOptions,
                onAnalyzerException: (exception, analyzer, _) => { lock (exceptions) { exceptions.Add($"{analyzer.GetType().Name} threw {exception.GetType().Name}: {exception.Message}\n{exception.StackTrace}"); } },
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false);
            ImmutableArray<Diagnostic> diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            problems.AddRange(exceptions);
            problems.AddRange(diagnostics.Where(d => d.Id == "AD0001").Select(d => "AD0001: " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));

            // Half-typed code is where a syntactic gate and its rule drift apart most easily: the gates may skip work, never a diagnostic.
            ImmutableArray<Diagnostic> ungated = await compilation.WithAnalyzers(GateParity.Ungated(analyzers), options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            List<string> gatedLines = GateParity.Describe(diagnostics.Where(d => d.Id != "AD0001"));
            List<string> ungatedLines = GateParity.Describe(ungated.Where(d => d.Id != "AD0001"));
            problems.AddRange(ungatedLines.Except(gatedLines).Select(line => "hidden by a gate: " + line));
            problems.AddRange(gatedLines.Except(ungatedLines).Select(line => "reported only gated: " + line));

            foreach (Diagnostic diagnostic in diagnostics.Where(d => d.Id.StartsWith("COMET", StringComparison.Ordinal) && d.Location.IsInSource))
            {
                run?.Count(diagnostic.Id);
                Document document = project.GetDocument(diagnostic.Location.SourceTree)!;
                bool whole = files[project.Documents.ToList().IndexOf(document)].Whole;
                foreach (CodeFixProvider fix in fixes.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
                {
                    try
                    {
                        foreach (CodeAction action in await OfferedAsync(fix, document, diagnostic))
                        {
                            run?.Count("fix-" + diagnostic.Id);
                            Solution changed = await ApplyAsync(action, project.Solution);
                            if (whole && await NewErrorsAsync(document, changed.GetDocument(document.Id)!) is { Length: > 0 } added)
                            {
                                problems.Add($"{fix.GetType().Name} '{action.Title}' on {diagnostic.Id} at {diagnostic.Location.GetLineSpan()} adds {added}");
                            }
                        }
                    }
                    catch (Exception exception)
                    {
                        problems.Add($"{fix.GetType().Name} on {diagnostic.Id} at {diagnostic.Location.GetLineSpan()} threw {exception.GetType().Name}: {exception.Message}\n{exception.StackTrace}");
                    }
                }
            }

            return problems;
        }

        private static async Task<List<CodeAction>> OfferedAsync(CodeFixProvider fix, Document document, Diagnostic diagnostic)
        {
            var actions = new List<CodeAction>();
            await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
            return actions;
        }

        private static async Task<Solution> ApplyAsync(CodeAction action, Solution solution)
        {
            foreach (CodeActionOperation operation in await action.GetOperationsAsync(CancellationToken.None))
            {
                if (operation is ApplyChangesOperation apply)
                {
                    solution = apply.ChangedSolution;
                }
            }

            return solution;
        }

        /// <summary>The compiler errors of the fixed document that the document did not have (by id), or an empty text.</summary>
        private static async Task<string> NewErrorsAsync(Document before, Document after)
        {
            static async Task<List<string>> Errors(Document document)
                => (await document.GetSemanticModelAsync())!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id).ToList();

            List<string> old = await Errors(before);
            var added = new List<string>();
            foreach (string error in await Errors(after))
            {
                if (!old.Remove(error))
                {
                    added.Add(error);
                }
            }

            return string.Join(", ", added);
        }

        private static Project CreateProject(AdhocWorkspace workspace, IReadOnlyList<string> texts)
        {
            var id = ProjectId.CreateNewId();
            IEnumerable<MetadataReference> references = TestReferences.All
                .Concat(TestReferences.AzureOpenAI).Concat(TestReferences.Serilog).Concat(TestReferences.NLog)
                .Append(COMET005Sources.ModelsReference)
                .Distinct();
            Solution solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
                id,
                VersionStamp.Default,
                "Snippets",
                "Snippets",
                LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
                parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
                metadataReferences: references));
            for (int i = 0; i < texts.Count; i++)
            {
                solution = solution.AddDocument(DocumentId.CreateNewId(id), $"Snippet{i}.cs", SourceText.From(texts[i]), filePath: $"/project/Snippet{i}.cs");
            }

            solution = solution.AddAdditionalDocument(DocumentId.CreateNewId(id), "test.contract.json", SourceText.From(COMET006Sources.AuthContract), filePath: ContractPath);
            return solution.GetProject(id)!;
        }

        /// <summary>
        /// The C# in the raw string literals of the COMET005 and COMET006 test files (the code their tests analyze and
        /// fix), markup removed, each with its rule's usings and in a namespace of its own.
        /// </summary>
        private static List<(string Name, string Text)> Snippets()
        {
            var snippets = new List<(string, string)>();
            string folder = ReferenceData.RepoFile(Path.Combine("tests", "CometAnalyzers.Tests", "Rules"));
            foreach ((string prefix, string usings) in Rules)
            {
                foreach (string path in Directory.EnumerateFiles(folder, prefix + "*.cs").OrderBy(p => p, StringComparer.Ordinal))
                {
                    SyntaxNode root = CSharpSyntaxTree.ParseText(File.ReadAllText(path)).GetRoot();
                    int index = 0;
                    foreach (LiteralExpressionSyntax literal in root.DescendantNodes().OfType<LiteralExpressionSyntax>().Where(l => l.Token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken)))
                    {
                        TestFileMarkupParser.GetSpans(literal.Token.ValueText, out string code, out ImmutableArray<TextSpan> _);
                        if (!code.Contains("class ", StringComparison.Ordinal) || code.Contains("using ", StringComparison.Ordinal))
                        {
                            continue;
                        }

                        string name = $"{Path.GetFileNameWithoutExtension(path)}[{index++}]";
                        snippets.Add((name, $"{usings}namespace Snippet{snippets.Count}\n{{\n{code}\n}}\n"));
                    }
                }
            }

            return snippets;
        }

        /// <summary>Every code fix the package ships, found by reflection so a fix added later is covered too.</summary>
        private static ImmutableArray<CodeFixProvider> AllCodeFixes()
            => typeof(HardcodedCredentialCodeFixProvider).Assembly.GetTypes()
                .Where(t => typeof(CodeFixProvider).IsAssignableFrom(t) && !t.IsAbstract && t.GetCustomAttribute<ExportCodeFixProviderAttribute>() is not null)
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
                .ToImmutableArray();
    }
}
