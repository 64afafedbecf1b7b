using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CometAnalyzers.Rules;
using CometAnalyzers.Rules.Gating;
using CometAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>
    /// The rules share one walk per tree (<see cref="TreeNodeIndex"/>): what it keeps, how it is searched, that the IDE's
    /// span-filtered analysis still sees only the nodes inside the span, and that a document's analysis keeps what a rule
    /// reports away from the node that found it.
    /// </summary>
    public class TreeNodeIndexTests
    {
        private const string Source = """
            using System;
            using System.Net.Http;
            using System.Threading.Tasks;

            class C
            {
                Task<string> A(HttpClient c) => c.GetStringAsync(new Uri("https://api.orbitpay.io/a"));

                Task<string> B(HttpClient c, string s)
                {
                    var local = "https://api.orbitpay.io/b";
                    return c.GetStringAsync(new Uri(local + s));
                }
            }
            """;

        [Fact]
        public void The_index_keeps_the_gated_kinds_in_document_order_and_nothing_else()
        {
            SyntaxTree tree = CSharpSyntaxTree.ParseText(Source);
            TreeNodeIndex index = TreeNodeIndex.For(tree, CancellationToken.None);

            SyntaxNode[] expected = tree.GetRoot().DescendantNodes().Where(n => TreeNodeIndex.IsIndexed(n.Kind())).ToArray();
            Assert.Equal(expected, index.Nodes.ToArray());
            Assert.Contains(index.Nodes, n => n.IsKind(SyntaxKind.ObjectCreationExpression));
            Assert.Contains(index.Nodes, n => n.IsKind(SyntaxKind.VariableDeclarator));
            Assert.DoesNotContain(index.Nodes, n => n.IsKind(SyntaxKind.IdentifierName) || n.IsKind(SyntaxKind.MethodDeclaration));
            Assert.Equal(index.Nodes.Select(n => n.SpanStart).OrderBy(p => p), index.Nodes.Select(n => n.SpanStart));
        }

        [Fact]
        public void The_same_tree_gets_the_same_index()
        {
            SyntaxTree tree = CSharpSyntaxTree.ParseText(Source);
            Assert.Same(TreeNodeIndex.For(tree, CancellationToken.None), TreeNodeIndex.For(tree, CancellationToken.None));
            Assert.NotSame(TreeNodeIndex.For(tree, CancellationToken.None), TreeNodeIndex.For(CSharpSyntaxTree.ParseText(Source), CancellationToken.None));
        }

        [Fact]
        public void Nodes_starting_within_a_member_are_found_by_position()
        {
            SyntaxTree tree = CSharpSyntaxTree.ParseText(Source);
            MethodDeclarationSyntax b = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.ValueText == "B");

            SyntaxNode[] within = TreeNodeIndex.For(tree, CancellationToken.None).StartingWithin(b.Span).ToArray();

            Assert.Equal(
                tree.GetRoot().DescendantNodes().Where(n => TreeNodeIndex.IsIndexed(n.Kind()) && b.Span.Contains(n.SpanStart)).ToArray(),
                within);
            Assert.Contains(within, n => n is ParameterSyntax { Identifier.ValueText: "s" });
            Assert.Contains(within, n => n is VariableDeclaratorSyntax { Identifier.ValueText: "local" });
            Assert.DoesNotContain(within, n => n.ToString().Contains("/a\"", StringComparison.Ordinal));
            Assert.Empty(TreeNodeIndex.For(tree, CancellationToken.None).StartingWithin(new TextSpan(tree.Length, 0)));
        }

        [Fact]
        public async Task Span_filtered_analysis_reports_only_inside_the_span()
        {
            Project project = TestProject.Create(new[] { Source }, Array.Empty<(string, string)>(), editorConfig: null);
            Compilation compilation = (await project.GetCompilationAsync())!;
            SyntaxTree tree = compilation.SyntaxTrees.Single();
            MethodDeclarationSyntax b = (await tree.GetRootAsync()).DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.ValueText == "B");
            // A driver of its own for each request: one that has analyzed the whole tree answers later requests from its cache.
            CompilationWithAnalyzers Driver() => compilation.WithAnalyzers(
                ImmutableArray.Create<DiagnosticAnalyzer>(new HardcodedRemoteUrlAnalyzer()),
                new CompilationWithAnalyzersOptions(project.AnalyzerOptions, null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));

            ImmutableArray<Diagnostic> inB = await Driver().GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), b.Span, CancellationToken.None);
            ImmutableArray<Diagnostic> whole = await Driver().GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), filterSpan: null, CancellationToken.None);

            Assert.Equal(new[] { "\"https://api.orbitpay.io/a\"", "\"https://api.orbitpay.io/b\"" }, whole.Select(d => Text(tree, d)).OrderBy(t => t, StringComparer.Ordinal));
            Assert.Equal(new[] { "\"https://api.orbitpay.io/b\"" }, inB.Select(d => Text(tree, d)));
        }

        /// <summary>
        /// The IDE asks for one document's diagnostics. COMET004 finds the policy at the call that executes it, in a method,
        /// and reports at the policy's handler, in a field: a semantic model action reports for the whole tree, so that
        /// diagnostic is live in the editor and not only in builds (an operation action's would be dropped there).
        /// </summary>
        [Fact]
        public async Task Document_analysis_reports_away_from_the_node_that_found_it()
        {
            string source = RetrySources.InClass("""
                    private static readonly IAsyncPolicy Retry = Policy.Handle<HttpRequestException>().RetryAsync(3);

                    Task<string> ModelsAsync() => Retry.ExecuteAsync(() => _http.GetStringAsync("https://api.cometapi.com/v1/models"));
                """);
            Project project = TestProject.Create(new[] { source, RetrySources.ContractClass }, new[] { ("/project/contracts/test.contract.json", RetrySources.Contract) }, editorConfig: null);
            Compilation compilation = (await project.GetCompilationAsync())!;
            SyntaxTree tree = compilation.SyntaxTrees.First();
            CompilationWithAnalyzers driver = compilation.WithAnalyzers(
                ImmutableArray.Create<DiagnosticAnalyzer>(new RetryOnNonRetryableStatusAnalyzer()),
                new CompilationWithAnalyzersOptions(project.AnalyzerOptions, null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));

            ImmutableArray<Diagnostic> document = await driver.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), filterSpan: null, CancellationToken.None);

            Assert.Equal(new[] { "Handle<HttpRequestException>" }, document.Select(d => Text(tree, d)));
        }

        [Fact]
        public void A_rule_cannot_gate_on_a_kind_the_index_does_not_keep()
        {
            Assert.False(TreeNodeIndex.IsIndexed(SyntaxKind.ReturnStatement));
            var gate = new OperationGate(CSharpCompilation.Create("Empty"), new RetryOnNonRetryableStatusAnalyzer());

            ArgumentException error = Assert.Throws<ArgumentException>(() =>
                gate.Add<Microsoft.CodeAnalysis.Operations.IReturnOperation>(ImmutableArray.Create(SyntaxKind.ReturnStatement), _ => true, (_, _) => { }));
            Assert.Contains(nameof(TreeNodeIndex), error.Message, StringComparison.Ordinal);
        }

        private static string Text(SyntaxTree tree, Diagnostic diagnostic) => tree.GetText().ToString(diagnostic.Location.SourceSpan);
    }
}
