using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CometAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace CometAnalyzers.Tests.Generator
{
    /// <summary>
    /// The generated client (<c>&lt;Name&gt;Client</c>, its options, exception and telemetry) appears only where the compilation
    /// has what it needs, compiles without a warning, and the COMET analyzers have nothing to say about it.
    /// </summary>
    public class ClientGenerationTests
    {
        private static readonly string Contract = File.ReadAllText(ReferenceData.RepoFile("contract/cometapi.chat-completions.contract.json"));

        private static readonly string[] ClientFiles =
        {
            "CometApi.Contracts.CometApiClient.g.cs", "CometApi.Contracts.CometApiClientException.g.cs",
            "CometApi.Contracts.CometApiClientOptions.g.cs", "CometApi.Contracts.CometApiClientTelemetry.g.cs",
        };

        [Fact]
        public void With_logging_referenced_the_client_takes_a_logger_and_compiles_cleanly()
        {
            GeneratorRun run = GeneratorHarness.RunContract(Contract);

            run.AssertGeneratedCodeCompilesCleanly();
            Dictionary<string, string> sources = run.Sources.ToDictionary(s => s.HintName, s => s.Text, StringComparer.Ordinal);
            Assert.All(ClientFiles, file => Assert.True(sources.ContainsKey(file), file + " is not generated."));
            Assert.Contains("global::Microsoft.Extensions.Logging.ILogger? Logger { get; set; }", sources["CometApi.Contracts.CometApiClientOptions.g.cs"], StringComparison.Ordinal);
        }

        [Fact]
        public void Without_Microsoft_Extensions_the_client_has_no_logging_code_and_compiles_cleanly()
        {
            GeneratorRun run = Run(GeneratorHarness.CreateCompilation(new[] { ContractGeneratorTest.Anchor })
                .RemoveAllReferences()
                .AddReferences(TestReferences.All.Where(r => !Path.GetFileName(((PortableExecutableReference)r).FilePath!).StartsWith("Microsoft.Extensions.", StringComparison.Ordinal))));

            run.AssertGeneratedCodeCompilesCleanly();
            Assert.Equal(ClientFiles.Length, run.Sources.Count(s => ClientFiles.Contains(s.HintName)));
            Assert.All(run.Sources, source => Assert.DoesNotContain("Microsoft.Extensions", source.Text, StringComparison.Ordinal));
        }

        [Fact]
        public async Task A_netstandard_project_gets_the_models_and_no_client()
        {
            ImmutableArray<MetadataReference> netstandard = await ReferenceAssemblies.NetStandard.NetStandard20.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
            GeneratorRun run = Run(GeneratorHarness.CreateCompilation(new[] { ContractGeneratorTest.Anchor }).RemoveAllReferences().AddReferences(netstandard));

            Assert.Empty(run.GeneratorDiagnostics);
            Assert.Contains(run.Sources, s => s.HintName == "CometApi.Contracts.ChatCompletionRequest.g.cs");
            Assert.DoesNotContain(run.Sources, s => s.HintName.Contains("Client", StringComparison.Ordinal));
        }

        [Fact]
        public void The_client_compiles_cleanly_under_CSharp_10()
        {
            GeneratorRun run = GeneratorHarness.Run(new[] { ("/project/contracts/test.contract.json", Contract) }, languageVersion: LanguageVersion.CSharp10);

            run.AssertGeneratedCodeCompilesCleanly();
            Assert.Contains(run.Sources, s => s.HintName == "CometApi.Contracts.CometApiClient.g.cs");
        }

        [Fact]
        public void A_contract_without_a_response_has_no_client()
        {
            const string RequestOnly = """
                { "name": "Send", "request": { "type": "object", "properties": { "text": { "type": "string" } } } }
                """;
            GeneratorRun run = GeneratorHarness.RunContract(RequestOnly);

            run.AssertGeneratedCodeCompilesCleanly();
            Assert.DoesNotContain(run.Sources, s => s.HintName.Contains("SendClient", StringComparison.Ordinal));
        }

        [Fact]
        public void A_schema_that_takes_a_client_name_leaves_the_client_out()
        {
            const string Taken = """
                {
                  "name": "Chat",
                  "request": { "$ref": "#/schemas/ChatClient" },
                  "response": { "type": "object", "properties": { "id": { "type": "string" } } },
                  "schemas": { "ChatClient": { "type": "object", "properties": { "model": { "type": "string" } } } }
                }
                """;
            GeneratorRun run = GeneratorHarness.RunContract(Taken);

            run.AssertGeneratedCodeCompilesCleanly();
            Assert.DoesNotContain(run.Sources, s => s.HintName.Contains("ChatClientOptions", StringComparison.Ordinal));
        }

        [Fact]
        public void A_minimal_contract_gets_a_client_without_stream_usage_or_error_members_and_it_compiles()
        {
            const string Minimal = """
                {
                  "name": "Tiny",
                  "auth": { "header": "api-key", "scheme": "" },
                  "retry": { "retryOn": [503] },
                  "request": { "type": "object", "properties": { "prompt": { "type": "string", "x-sensitive": true } } },
                  "response": { "type": "object", "required": ["text"], "properties": { "text": { "type": "string", "x-sensitive": true } } }
                }
                """;
            GeneratorRun run = GeneratorHarness.RunContract(Minimal);

            run.AssertGeneratedCodeCompilesCleanly();
            string client = run.Sources.Single(s => s.HintName == "Tiny.Contracts.TinyClient.g.cs").Text;
            Assert.DoesNotContain("StreamAsync", client, StringComparison.Ordinal);
            Assert.Contains("var call = new Call(this, null);", client, StringComparison.Ordinal);
            string telemetry = run.Sources.Single(s => s.HintName == "Tiny.Contracts.TinyClientTelemetry.g.cs").Text;
            Assert.DoesNotContain("response.Text", telemetry, StringComparison.Ordinal);
        }

        [Fact]
        public async Task The_COMET_analyzers_report_nothing_in_the_generated_client_even_read_as_hand_written_code()
        {
            GeneratorRun run = GeneratorHarness.RunContract(Contract);
            var additional = ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText("/project/contracts/test.contract.json", Contract));
            var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(additional), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false);

            ImmutableArray<Diagnostic> asGenerated = await run.OutputCompilation.WithAnalyzers(AllAnalyzers.Create(), options).GetAnalyzerDiagnosticsAsync();
            Assert.Empty(asGenerated.Where(d => d.Id.StartsWith("COMET", StringComparison.Ordinal)));

            // The same client as if a person had written it: no auto-generated header, no [GeneratedCode], an ordinary file name.
            CSharpParseOptions parse = (CSharpParseOptions)run.OutputCompilation.SyntaxTrees.First().Options;
            Compilation handWritten = run.OutputCompilation;
            foreach (SyntaxTree tree in run.OutputCompilation.SyntaxTrees.Where(t => t.FilePath.Contains("Client", StringComparison.Ordinal) || t.FilePath.Contains("Probe", StringComparison.Ordinal)).ToList())
            {
                string text = tree.GetText().ToString()
                    .Replace("// <auto-generated/>", "// hand-written", StringComparison.Ordinal)
                    .Replace("[global::System.CodeDom.Compiler.GeneratedCode(\"CometAnalyzers\", \"0.1.0\")]", string.Empty, StringComparison.Ordinal);
                handWritten = handWritten.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(text, parse, path: "/project/" + Path.GetFileName(tree.FilePath).Replace(".g.cs", ".cs", StringComparison.Ordinal)));
            }

            ImmutableArray<Diagnostic> asHandWritten = await handWritten.WithAnalyzers(AllAnalyzers.Create(), options).GetAnalyzerDiagnosticsAsync();
            Assert.Empty(asHandWritten.Where(d => d.Id.StartsWith("COMET", StringComparison.Ordinal)).Select(d => d.ToString()));

            // The renamed files are analyzed: one line that prints the key in the options file is reported there.
            SyntaxTree optionsTree = handWritten.SyntaxTrees.Single(t => t.FilePath == "/project/CometApi.Contracts.CometApiClientOptions.cs");
            string leaking = optionsTree.GetText().ToString().Replace(
                "public string? ApiKey { get; set; }",
                "public string? ApiKey { get; set; }\n        public void Leak() => global::System.Console.WriteLine(ApiKey);",
                StringComparison.Ordinal);
            Compilation leaky = handWritten.ReplaceSyntaxTree(optionsTree, CSharpSyntaxTree.ParseText(leaking, parse, path: optionsTree.FilePath));
            ImmutableArray<Diagnostic> leak = await leaky.WithAnalyzers(AllAnalyzers.Create(), options).GetAnalyzerDiagnosticsAsync();
            Assert.Contains(leak, d => d.Id.StartsWith("COMET", StringComparison.Ordinal) && d.Location.SourceTree?.FilePath == optionsTree.FilePath);
        }

        private const string Registration = "CometApi.Contracts.CometApiServiceCollectionExtensions.g.cs";

        /// <summary>Code that registers the client: it compiles only when the registration is generated.</summary>
        private const string RegisteringConsumer = """
            namespace Consumer
            {
                using CometApi.Contracts;
                using Microsoft.Extensions.DependencyInjection;

                internal static class Startup
                {
                    public static IHttpClientBuilder Register(IServiceCollection services)
                        => services.AddCometApiClient(options => options.MaxRetries = 1);
                }
            }
            """;

        [Fact]
        public void With_Microsoft_Extensions_Http_referenced_the_client_gets_a_registration_that_compiles_cleanly()
        {
            GeneratorRun run = Run(GeneratorHarness.CreateCompilation(new[] { RegisteringConsumer }).AddReferences(TestReferences.Http));

            run.AssertGeneratedCodeCompilesCleanly();
            Assert.Empty(run.OutputCompilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
            string registration = run.Sources.Single(s => s.HintName == Registration).Text;
            Assert.Contains("public static class CometApiServiceCollectionExtensions", registration, StringComparison.Ordinal);
            Assert.Contains("IHttpClientBuilder AddCometApiClient(this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services, global::System.Action<global::CometApi.Contracts.CometApiClientOptions>? configure = null)", registration, StringComparison.Ordinal);
            Assert.Contains("configuration?[global::CometApi.Contracts.CometApiContract.BaseUrlConfigKey]", registration, StringComparison.Ordinal);
            Assert.Contains("configuration?[global::CometApi.Contracts.CometApiContract.SecretConfigKey]", registration, StringComparison.Ordinal);
            Assert.Contains("GetEnvironmentVariable(global::CometApi.Contracts.CometApiContract.SecretEnvVar)", registration, StringComparison.Ordinal);
            Assert.Contains("ValidateOnStart", registration, StringComparison.Ordinal);
            Assert.Contains("HttpClientBuilderExtensions.RemoveAllLoggers(", registration, StringComparison.Ordinal);
            Assert.Contains("configuration key 'CometApi:BaseUrl'", registration, StringComparison.Ordinal);
            Assert.Contains("configuration key 'CometApi:ApiKey' or environment variable 'COMETAPI_API_KEY'", registration, StringComparison.Ordinal);

            // Read key by key: no reflection-based binding, which trimming and AOT would break.
            Assert.DoesNotContain(".Bind(", registration, StringComparison.Ordinal);
            Assert.DoesNotContain("ConfigurationBinder", registration, StringComparison.Ordinal);
        }

        private const string Resilience = "CometApi.Contracts.CometApiClientResilience.g.cs";

        [Fact]
        public void With_Microsoft_Extensions_Http_Resilience_referenced_the_registration_puts_the_client_behind_the_standard_pipeline()
        {
            GeneratorRun run = Run(GeneratorHarness.CreateCompilation(new[] { RegisteringConsumer }).AddReferences(TestReferences.HttpResilience));

            run.AssertGeneratedCodeCompilesCleanly();
            Assert.Empty(run.OutputCompilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
            string registration = run.Sources.Single(s => s.HintName == Registration).Text;
            Assert.Contains("ResilienceHttpClientBuilderExtensions.AddStandardResilienceHandler(client)", registration, StringComparison.Ordinal);
            Assert.Contains("global::CometApi.Contracts.CometApiClient.ConfigureResiliencePipeline(resilience, ", registration, StringComparison.Ordinal);
            Assert.Contains("AddHttpMessageHandler(client, static () => global::CometApi.Contracts.CometApiClient.CreatePipelineAttemptHandler())", registration, StringComparison.Ordinal);
            Assert.Contains("resiliencePipeline: true", registration, StringComparison.Ordinal);
            Assert.Contains("HttpClientBuilderExtensions.RemoveAllLoggers(", registration, StringComparison.Ordinal);

            string resilience = run.Sources.Single(s => s.HintName == Resilience).Text;
            Assert.Contains("resilience.Retry.MaxRetryAttempts = global::System.Math.Max(1, maxRetries);", resilience, StringComparison.Ordinal);
            Assert.Contains("global::CometApi.Contracts.CometApiContract.IsRetryable((int)response.StatusCode)", resilience, StringComparison.Ordinal);
            Assert.Contains("resilience.Retry.ShouldRetryAfterHeader = true;", resilience, StringComparison.Ordinal);
            string client = run.Sources.Single(s => s.HintName == "CometApi.Contracts.CometApiClient.g.cs").Text;
            Assert.Contains("AttachPipeline(message, call, stream, attempt.Token);", client, StringComparison.Ordinal);
            Assert.Contains("Rejected,", run.Sources.Single(s => s.HintName == "CometApi.Contracts.CometApiClientException.g.cs").Text, StringComparison.Ordinal);
        }

        [Fact]
        public async Task The_COMET_analyzers_report_nothing_in_the_resilience_glue_even_read_as_hand_written_code()
        {
            GeneratorRun run = Run(GeneratorHarness.CreateCompilation(new[] { ContractGeneratorTest.Anchor }).AddReferences(TestReferences.HttpResilience));
            var additional = ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText("/project/contracts/test.contract.json", Contract));
            var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(additional), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false);
            Assert.Contains(run.Sources, s => s.HintName == Resilience);

            // As a person would have written them: the retry budget, the Retry-After cap and the registration included.
            CSharpParseOptions parse = (CSharpParseOptions)run.OutputCompilation.SyntaxTrees.First().Options;
            Compilation handWritten = run.OutputCompilation;
            foreach (SyntaxTree tree in run.OutputCompilation.SyntaxTrees.Where(t => t.FilePath.Contains("Client", StringComparison.Ordinal) || t.FilePath.Contains("ServiceCollection", StringComparison.Ordinal)).ToList())
            {
                string text = tree.GetText().ToString()
                    .Replace("// <auto-generated/>", "// hand-written", StringComparison.Ordinal)
                    .Replace("[global::System.CodeDom.Compiler.GeneratedCode(\"CometAnalyzers\", \"0.1.0\")]", string.Empty, StringComparison.Ordinal);
                handWritten = handWritten.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(text, parse, path: "/project/" + Path.GetFileName(tree.FilePath).Replace(".g.cs", ".cs", StringComparison.Ordinal)));
            }

            Assert.Contains(handWritten.SyntaxTrees, t => t.FilePath == "/project/CometApi.Contracts.CometApiClientResilience.cs");
            ImmutableArray<Diagnostic> asHandWritten = await handWritten.WithAnalyzers(AllAnalyzers.Create(), options).GetAnalyzerDiagnosticsAsync();
            Assert.Empty(asHandWritten.Where(d => d.Id.StartsWith("COMET", StringComparison.Ordinal)).Select(d => d.ToString()));
        }

        [Fact]
        public void With_Microsoft_Extensions_Http_but_not_its_Resilience_package_no_resilience_code_is_generated()
        {
            GeneratorRun run = Run(GeneratorHarness.CreateCompilation(new[] { ContractGeneratorTest.Anchor }).AddReferences(TestReferences.Http));

            run.AssertGeneratedCodeCompilesCleanly();
            Assert.Contains(run.Sources, s => s.HintName == Registration);
            Assert.DoesNotContain(run.Sources, s => s.HintName == Resilience);
            Assert.All(run.Sources, source =>
            {
                Assert.DoesNotContain("Resilience", source.Text, StringComparison.Ordinal);
                Assert.DoesNotContain("global::Polly", source.Text, StringComparison.Ordinal);
                Assert.DoesNotContain("_pipeline", source.Text, StringComparison.Ordinal);
            });
            Assert.DoesNotContain("Rejected", run.Sources.Single(s => s.HintName == "CometApi.Contracts.CometApiClientException.g.cs").Text, StringComparison.Ordinal);
        }

        [Fact]
        public void Without_Microsoft_Extensions_Http_no_registration_is_generated()
        {
            GeneratorRun run = GeneratorHarness.RunContract(Contract);

            run.AssertGeneratedCodeCompilesCleanly();
            Assert.Contains(run.Sources, s => s.HintName == "CometApi.Contracts.CometApiClient.g.cs");
            Assert.DoesNotContain(run.Sources, s => s.HintName.Contains("ServiceCollection", StringComparison.Ordinal));
            Assert.All(run.Sources, source => Assert.DoesNotContain("IHttpClientBuilder", source.Text, StringComparison.Ordinal));
        }

        [Fact]
        public void A_contract_without_configuration_keys_registers_its_first_host_over_https_and_compiles_cleanly()
        {
            const string Minimal = """
                {
                  "name": "Tiny",
                  "endpoint": { "path": "/v1/run", "hosts": ["tiny.example:8443", "backup.tiny.example"] },
                  "auth": { "header": "api-key", "scheme": "" },
                  "request": { "type": "object", "properties": { "prompt": { "type": "string" } } },
                  "response": { "type": "object", "properties": { "text": { "type": "string" } } }
                }
                """;
            GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { new InMemoryAdditionalText("/project/contracts/test.contract.json", Minimal) });
            driver = driver.RunGeneratorsAndUpdateCompilation(GeneratorHarness.CreateCompilation(new[] { ContractGeneratorTest.Anchor }).AddReferences(TestReferences.Http), out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
            var run = new GeneratorRun(driver, driver.GetRunResult(), output, diagnostics);

            run.AssertGeneratedCodeCompilesCleanly();
            string registration = run.Sources.Single(s => s.HintName == "Tiny.Contracts.TinyServiceCollectionExtensions.g.cs").Text;
            Assert.Contains("options.BaseAddress ??= new global::System.Uri(\"https://tiny.example:8443/\");", registration, StringComparison.Ordinal);
            Assert.DoesNotContain("IConfiguration", registration, StringComparison.Ordinal);
            Assert.DoesNotContain("GetEnvironmentVariable", registration, StringComparison.Ordinal);
            Assert.Contains("TinyClient needs an API key: set TinyClientOptions.ApiKey in configure.", registration, StringComparison.Ordinal);
        }

        private static GeneratorRun Run(CSharpCompilation compilation)
        {
            GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { new InMemoryAdditionalText("/project/contracts/test.contract.json", Contract) });
            driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
            return new GeneratorRun(driver, driver.GetRunResult(), output, diagnostics);
        }
    }
}
