using System.Collections.Immutable;
using System.Globalization;
using System.Threading.Tasks;
using CometAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>COMET001 in a compilation that references only the core library: no Uri, no HttpClient.</summary>
    public class COMET001MinimalCompilationTests
    {
        /// <summary>Runs analyzers on a compilation of <paramref name="source"/> against System.Private.CoreLib alone.</summary>
        internal static async Task<ImmutableArray<Diagnostic>> RunOnCoreLibraryAsync(DiagnosticAnalyzer analyzer, string source, string? contract = null)
        {
            CSharpCompilation compilation = CSharpCompilation.Create(
                "Minimal",
                new[] { CSharpSyntaxTree.ParseText(source, path: "/project/Minimal.cs") },
                new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var exceptions = new System.Collections.Concurrent.ConcurrentQueue<string>();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(contract is null
                    ? ImmutableArray<AdditionalText>.Empty
                    : ImmutableArray.Create<AdditionalText>(new Infrastructure.InMemoryAdditionalText("/project/test.contract.json", contract))),
                onAnalyzerException: (ex, _, _) => exceptions.Enqueue(ex.ToString()),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false);
            ImmutableArray<Diagnostic> diagnostics = await compilation
                .WithAnalyzers(ImmutableArray.Create(analyzer), options)
                .GetAnalyzerDiagnosticsAsync();
            Assert.Empty(exceptions);
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
            return diagnostics;
        }

        [Fact]
        public async Task Without_http_types_the_remote_url_rule_reports_nothing_and_does_not_throw()
        {
            var diagnostics = await RunOnCoreLibraryAsync(new HardcodedRemoteUrlAnalyzer(), """
                class C
                {
                    const string Remote = "https://api.orbitpay.io/api";
                    string M() => Remote;
                }
                """);

            Assert.Empty(diagnostics);
        }

        [Fact]
        public async Task Without_http_types_the_contract_path_is_still_reported()
        {
            var diagnostics = await RunOnCoreLibraryAsync(new HardcodedEndpointAnalyzer(), """
                class C
                {
                    const string Path = "/v1/chat/completions";
                    string Remote() => "https://api.orbitpay.io/api";
                }
                """, COMET001Sources.DefaultContract);

            Assert.StartsWith("'/v1/chat/completions'", Assert.Single(diagnostics).GetMessage(CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        }
    }
}
