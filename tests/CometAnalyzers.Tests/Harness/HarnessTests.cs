using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using CometAnalyzers.CodeFixes;
using CometAnalyzers.Rules;
using CometAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

// The analyzers and fixes below exist only to make the harness fail; they are never shipped or loaded by a compiler.
#pragma warning disable RS1001, RS1013, RS1022, RS1036, RS1037, RS1038, RS1041, RS2008

namespace CometAnalyzers.Tests.Harness
{
    /// <summary>
    /// The rule tests run on the official testing library through <see cref="AnalyzerTest"/>: each way a rule test must be
    /// able to fail is shown failing here, so a harness change that silently passes everything is caught.
    /// </summary>
    public class HarnessTests
    {
        private const string OneUrl = """
            using System.Net.Http;
            using System.Threading.Tasks;
            class C
            {
                Task<string> M(HttpClient client) => client.GetStringAsync("https://status.orbitpay.io/health");
            }
            """;

        private const string OneUrlMarked = """
            using System.Net.Http;
            using System.Threading.Tasks;
            class C
            {
                Task<string> M(HttpClient client) => client.GetStringAsync([|"https://status.orbitpay.io/health"|]);
            }
            """;

        [Fact]
        public Task A_marked_diagnostic_passes()
            => AnalyzerTest.For<HardcodedRemoteUrlAnalyzer>().WithSource(OneUrlMarked).RunAsync();

        [Fact]
        public async Task A_diagnostic_that_is_not_marked_fails()
            => await FailsWithAsync(AnalyzerTest.For<HardcodedRemoteUrlAnalyzer>().WithSource(OneUrl).RunAsync(), "Mismatch between number of diagnostics");

        [Fact]
        public async Task A_marked_span_without_a_diagnostic_fails()
            => await FailsWithAsync(
                AnalyzerTest.For<HardcodedRemoteUrlAnalyzer>().WithSource(OneUrlMarked.Replace("class C", "class [|C|]", StringComparison.Ordinal)).RunAsync(),
                "Mismatch between number of diagnostics");

        [Fact]
        public async Task A_diagnostic_at_another_span_fails()
            => await FailsWithAsync(
                AnalyzerTest.For<HardcodedRemoteUrlAnalyzer>().WithSource(OneUrlMarked.Replace("[|\"https", "\"[|https", StringComparison.Ordinal)).RunAsync(),
                "Expected diagnostic to start at column");

        [Fact]
        public async Task A_diagnostic_of_another_rule_fails()
            => await FailsWithAsync(
                AnalyzerTest.For<HardcodedRemoteUrlAnalyzer>().WithSource(OneUrlMarked.Replace("[|", "{|COMET001:", StringComparison.Ordinal).Replace("|]", "|}", StringComparison.Ordinal)).RunAsync(),
                "Expected diagnostic id to be \"COMET001\"");

        [Fact]
        public async Task A_compiler_error_fails_unless_allowed()
        {
            const string broken = "class C { void M() { int x = ; } }";
            await FailsWithAsync(AnalyzerTest.For<HardcodedRemoteUrlAnalyzer>().WithSource(broken).RunAsync(), "CS1525");
            await AnalyzerTest.For<HardcodedRemoteUrlAnalyzer>().WithSource(broken).AllowCompilerErrors().RunAsync();
        }

        [Fact]
        public async Task An_analyzer_exception_fails_even_where_compiler_errors_are_allowed()
            => await FailsWithAsync(AnalyzerTest.For(new ThrowingAnalyzer()).WithSource("class C { }").AllowCompilerErrors().RunAsync(), "AD0001");

        [Fact]
        public async Task The_wrong_severity_fails()
            => await FailsWithAsync(
                AnalyzerTest.For<HardcodedRemoteUrlAnalyzer>().WithSource(OneUrlMarked).ExpectSeverity(DiagnosticSeverity.Error).RunAsync(),
                "Severity of");

        [Fact]
        public Task The_editorconfig_severity_is_the_one_checked()
            => AnalyzerTest.For<HardcodedRemoteUrlAnalyzer>().WithSource(OneUrlMarked)
                .WithEditorConfig("dotnet_diagnostic.COMET011.severity = error").ExpectSeverity(DiagnosticSeverity.Error).RunAsync();

        [Fact]
        public async Task A_diagnostic_the_editor_would_not_show_fails_the_IDE_parity_check()
        {
            // The library's whole-compilation analysis reports it (so the markup matches); document-by-document analysis,
            // as the editor runs it, never runs compilation-end actions.
            Task run = AnalyzerTest.For(new CompilationEndAnalyzer()).WithSource("class [|C|] { }").RunAsync();
            if (IdeParity.IsEnabled)
            {
                await FailsWithAsync(run, "IDE parity");
            }
            else
            {
                await run;
            }
        }

        [Fact]
        public async Task A_wrong_fixed_source_fails()
            => await FailsWithAsync(
                AnalyzerTest.For(new ClassNameAnalyzer()).WithSource("class [|C|] { }").WithCodeFix<RenameFix>("class C2 { }").RunAsync(),
                "content of '/project/Test0.cs' did not match");

        [Fact]
        public Task A_fix_is_applied_one_by_one_and_with_Fix_All_in_every_scope()
            => AnalyzerTest.For(new ClassNameAnalyzer())
                .WithSource("class [|A|] { } class [|B|] { }")
                .WithSource("class [|D|] { }")
                .WithCodeFix<RenameFix>("class A_ { } class B_ { }")
                .WithFixedSource(1, "class D_ { }")
                .RunAsync();

        [Fact]
        public async Task A_Fix_All_that_differs_from_fixing_one_by_one_fails()
            => await FailsWithAsync(
                AnalyzerTest.For(new ClassNameAnalyzer())
                    .WithSource("class [|A|] { } class [|B|] { }")
                    .WithCodeFix<RenameFixWithPartialFixAll>("class A_ { } class B_ { }")
                    .RunAsync(),
                "Fix all in document");

        [Fact]
        public async Task A_diagnostic_left_after_the_fix_must_be_marked()
            => await FailsWithAsync(
                AnalyzerTest.For(new ClassNameAnalyzer()).WithSource("class [|C|] { }").WithCodeFix<RenameFix>("class C_ { } class [|E|] { }").RunAsync(),
                "did not match");

        [Fact]
        public async Task GetDiagnosticsAsync_returns_the_rule_diagnostics_and_checks_compiler_errors()
        {
            Diagnostic diagnostic = Assert.Single(await AnalyzerTest.For<HardcodedRemoteUrlAnalyzer>().WithSource(OneUrl).GetDiagnosticsAsync());
            Assert.Equal("COMET011", diagnostic.Id);
            await FailsWithAsync(AnalyzerTest.For<HardcodedRemoteUrlAnalyzer>().WithSource("class C { int x = ; }").GetDiagnosticsAsync(), "does not compile");
        }

        /// <summary>The ids whose docs/rules page says <c>| Code fix | Yes...</c>.</summary>
        private static string[] RulesWhosePagesPromiseAFix()
            => System.IO.Directory.EnumerateFiles(ReferenceData.RepoFile(System.IO.Path.Combine("docs", "rules")), "COMET*.md")
                .Where(page => System.IO.File.ReadLines(page).Any(line => line.StartsWith("| Code fix | Yes", StringComparison.Ordinal)))
                .Select(page => System.IO.Path.GetFileNameWithoutExtension(page))
                .OrderBy(id => id, StringComparer.Ordinal)
                .ToArray();

        [Fact]
        public void Every_shipped_code_fix_offers_Fix_All_in_document_project_and_solution_scope()
        {
            var providers = typeof(HardcodedEndpointCodeFixProvider).Assembly.GetTypes()
                .Where(t => typeof(CodeFixProvider).IsAssignableFrom(t) && !t.IsAbstract)
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .ToList();
            // The rules whose pages promise a code fix are exactly the rules the shipped providers fix.
            var fixedIds = providers.SelectMany(t => ((CodeFixProvider)Activator.CreateInstance(t)!).FixableDiagnosticIds).OrderBy(id => id, StringComparer.Ordinal);
            Assert.Equal(RulesWhosePagesPromiseAFix(), fixedIds);
            foreach (Type type in providers)
            {
                Assert.NotNull(type.GetCustomAttributes(typeof(ExportCodeFixProviderAttribute), false).SingleOrDefault());
                FixAllProvider? fixAll = ((CodeFixProvider)Activator.CreateInstance(type)!).GetFixAllProvider();
                Assert.True(fixAll is not null, $"{type.Name} offers no Fix All");
                Assert.Superset(
                    new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution }.ToHashSet(),
                    fixAll!.GetSupportedFixAllScopes().ToHashSet());
            }
        }

        private static async Task FailsWithAsync(Task run, string expectedInMessage)
        {
            Exception error = await Assert.ThrowsAnyAsync<Exception>(() => run);
            Assert.True(error.ToString().Contains(expectedInMessage, StringComparison.Ordinal), $"Expected a failure mentioning '{expectedInMessage}', got:\n{error}");
        }

        private static readonly DiagnosticDescriptor TestRule = new(
            "TEST001", "Test", "Test diagnostic on {0}", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        /// <summary>Throws on every class.</summary>
        private sealed class ThrowingAnalyzer : DiagnosticAnalyzer
        {
            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(TestRule);

            public override void Initialize(AnalysisContext context)
            {
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.EnableConcurrentExecution();
                context.RegisterSymbolAction(_ => throw new InvalidOperationException("boom"), SymbolKind.NamedType);
            }
        }

        /// <summary>Reports the first class only at the end of the compilation: the build shows it, the editor's document analysis does not.</summary>
        private sealed class CompilationEndAnalyzer : DiagnosticAnalyzer
        {
            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(TestRule);

            public override void Initialize(AnalysisContext context)
            {
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.EnableConcurrentExecution();
                context.RegisterCompilationStartAction(start => start.RegisterCompilationEndAction(end =>
                {
                    INamedTypeSymbol type = end.Compilation.GetSymbolsWithName(_ => true, SymbolFilter.Type).OfType<INamedTypeSymbol>().First();
                    end.ReportDiagnostic(Diagnostic.Create(TestRule, type.Locations[0], type.Name));
                }));
            }
        }

        /// <summary>Reports every class whose name does not end with an underscore.</summary>
        private sealed class ClassNameAnalyzer : DiagnosticAnalyzer
        {
            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(TestRule);

            public override void Initialize(AnalysisContext context)
            {
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.EnableConcurrentExecution();
                context.RegisterSyntaxNodeAction(
                    c =>
                    {
                        var declaration = (ClassDeclarationSyntax)c.Node;
                        if (!declaration.Identifier.ValueText.EndsWith('_'))
                        {
                            c.ReportDiagnostic(Diagnostic.Create(TestRule, declaration.Identifier.GetLocation(), declaration.Identifier.ValueText));
                        }
                    },
                    SyntaxKind.ClassDeclaration);
            }
        }

        /// <summary>Appends an underscore to the reported class name.</summary>
        private class RenameFix : CodeFixProvider
        {
            public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(TestRule.Id);

            public override FixAllProvider? GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

            public override async Task RegisterCodeFixesAsync(CodeFixContext context)
            {
                SyntaxNode root = (await context.Document.GetSyntaxRootAsync(context.CancellationToken))!;
                SyntaxToken identifier = root.FindToken(context.Span.Start);
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Rename",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceToken(identifier, SyntaxFactory.Identifier(identifier.LeadingTrivia, identifier.ValueText + "_", identifier.TrailingTrivia)))),
                        nameof(RenameFix)),
                    context.Diagnostics);
            }
        }

        /// <summary>The same fix, with a Fix All that fixes only the first diagnostic of each document.</summary>
        private sealed class RenameFixWithPartialFixAll : RenameFix
        {
            public override FixAllProvider? GetFixAllProvider()
                => FixAllProvider.Create(async (context, document, diagnostics) =>
                {
                    SyntaxNode root = (await document.GetSyntaxRootAsync(context.CancellationToken))!;
                    SyntaxToken identifier = root.FindToken(diagnostics.OrderBy(d => d.Location.SourceSpan.Start).First().Location.SourceSpan.Start);
                    return document.WithSyntaxRoot(root.ReplaceToken(identifier, SyntaxFactory.Identifier(identifier.LeadingTrivia, identifier.ValueText + "_", identifier.TrailingTrivia)));
                });
        }
    }
}
