using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using CometAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace CometAnalyzers.Tests.Generator
{
    /// <summary>
    /// <c>&lt;Name&gt;Probe</c> comes with the client and has the probes the contract allows; the canary health check and its
    /// registration appear only with Microsoft.Extensions.Diagnostics.HealthChecks (and Microsoft.Extensions.Http) referenced.
    /// Every variant compiles without a warning.
    /// </summary>
    public class ProbeGenerationTests
    {
        private static readonly string Contract = File.ReadAllText(ReferenceData.RepoFile("contract/cometapi.chat-completions.contract.json"));

        private const string Probe = "CometApi.Contracts.CometApiProbe.g.cs";
        private const string Result = "CometApi.Contracts.CometApiProbeResult.g.cs";
        private const string HealthCheck = "CometApi.Contracts.CometApiCanaryHealthCheck.g.cs";
        private const string HealthRegistration = "CometApi.Contracts.CometApiHealthChecksBuilderExtensions.g.cs";

        [Fact]
        public void The_repo_contract_gets_every_probe_and_without_HealthChecks_no_health_check()
        {
            GeneratorRun run = GeneratorHarness.RunContract(Contract);

            run.AssertGeneratedCodeCompilesCleanly();
            Dictionary<string, string> sources = Sources(run);
            string probe = sources[Probe];
            Assert.True(sources.ContainsKey(Result));
            foreach (string method in new[] { "RunAsync", "CanaryAsync", "StreamingCanaryAsync", "MissingAuthAsync", "MalformedRequestAsync", "UnknownModelAsync" })
            {
                Assert.Contains("> " + method + "(global::System.Threading.CancellationToken cancellationToken = default)", probe, StringComparison.Ordinal);
            }

            Assert.Contains("public const string MalformedRequestRemovedProperty = \"model\";", probe, StringComparison.Ordinal);
            Assert.Contains("public const string UnknownModel = \"cometapi-probe-no-such-model\";", probe, StringComparison.Ordinal);
            Assert.DoesNotContain(sources.Keys, hint => hint.Contains("HealthCheck", StringComparison.Ordinal));
            Assert.All(run.Sources, source => Assert.DoesNotContain("Microsoft.Extensions.Diagnostics.HealthChecks", source.Text, StringComparison.Ordinal));
        }

        [Fact]
        public void With_HealthChecks_but_without_Microsoft_Extensions_Http_the_check_is_generated_without_its_registration()
        {
            GeneratorRun run = Run(Contract, TestReferences.HealthChecks);

            run.AssertGeneratedCodeCompilesCleanly();
            Dictionary<string, string> sources = Sources(run);
            Assert.Contains("public sealed class CometApiCanaryHealthCheck : global::Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheck", sources[HealthCheck], StringComparison.Ordinal);
            Assert.Contains("HealthStatus.Degraded", sources[HealthCheck], StringComparison.Ordinal);
            Assert.False(sources.ContainsKey(HealthRegistration));
        }

        [Fact]
        public void With_HealthChecks_and_Microsoft_Extensions_Http_the_canary_registration_compiles_for_a_consumer()
        {
            const string Consumer = """
                namespace Consumer
                {
                    using CometApi.Contracts;
                    using Microsoft.Extensions.DependencyInjection;

                    internal static class Startup
                    {
                        public static void Register(IServiceCollection services)
                        {
                            services.AddCometApiClient();
                            services.AddHealthChecks().AddCometApiCanary(_ => new ChatCompletionRequest { Model = "m", Messages = new() }, tags: new[] { "ready" });
                        }
                    }
                }
                """;
            GeneratorRun run = Run(Contract, TestReferences.HealthChecks.AddRange(TestReferences.Http), Consumer);

            run.AssertGeneratedCodeCompilesCleanly();
            Assert.Empty(run.OutputCompilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
            string registration = Sources(run)[HealthRegistration];
            Assert.Contains("IHealthChecksBuilder AddCometApiCanary(this global::Microsoft.Extensions.DependencyInjection.IHealthChecksBuilder builder, global::System.Func<global::System.IServiceProvider, global::CometApi.Contracts.ChatCompletionRequest> canary, string name = \"cometapi-canary\"", registration, StringComparison.Ordinal);
            Assert.Contains("CreateClient(nameof(global::CometApi.Contracts.CometApiClient))", registration, StringComparison.Ordinal);
        }

        [Fact]
        public void A_contract_without_stream_model_or_required_request_member_gets_only_the_canary_and_missing_auth()
        {
            const string Minimal = """
                {
                  "name": "Tiny",
                  "auth": { "header": "api-key", "scheme": "" },
                  "request": { "type": "object", "properties": { "prompt": { "type": "string", "x-sensitive": true } } },
                  "response": { "type": "object", "required": ["text"], "properties": { "text": { "type": "string", "x-sensitive": true } } }
                }
                """;
            GeneratorRun run = Run(Minimal, TestReferences.HealthChecks.AddRange(TestReferences.Http));

            run.AssertGeneratedCodeCompilesCleanly();
            Dictionary<string, string> sources = Sources(run);
            string probe = sources["Tiny.Contracts.TinyProbe.g.cs"];
            Assert.Contains("CanaryAsync(", probe, StringComparison.Ordinal);
            Assert.Contains("MissingAuthAsync(", probe, StringComparison.Ordinal);
            Assert.DoesNotContain("StreamingCanaryAsync", probe, StringComparison.Ordinal);
            Assert.DoesNotContain("MalformedRequest", probe, StringComparison.Ordinal);
            Assert.DoesNotContain("UnknownModel", probe, StringComparison.Ordinal);
            Assert.DoesNotContain("InputTokens = usage", probe, StringComparison.Ordinal);
            Assert.True(sources.ContainsKey("Tiny.Contracts.TinyCanaryHealthCheck.g.cs"));
        }

        [Fact]
        public void Without_a_required_model_the_malformed_request_leaves_out_the_first_required_member()
        {
            const string Required = """
                {
                  "name": "Tiny",
                  "request": { "type": "object", "required": ["prompt", "temperature"], "properties": { "model": { "type": "string" }, "prompt": { "type": "string" }, "temperature": { "type": "number" } } },
                  "response": { "type": "object", "properties": { "text": { "type": "string" } } }
                }
                """;
            GeneratorRun run = GeneratorHarness.RunContract(Required);

            run.AssertGeneratedCodeCompilesCleanly();
            string probe = Sources(run)["Tiny.Contracts.TinyProbe.g.cs"];
            Assert.Contains("public const string MalformedRequestRemovedProperty = \"prompt\";", probe, StringComparison.Ordinal);
            Assert.Contains("UnknownModelAsync(", probe, StringComparison.Ordinal);
        }

        [Fact]
        public void A_schema_that_takes_a_probe_name_leaves_the_probe_and_health_check_out_but_keeps_the_client()
        {
            const string Taken = """
                {
                  "name": "Chat",
                  "request": { "$ref": "#/schemas/ChatProbeResult" },
                  "response": { "type": "object", "properties": { "id": { "type": "string" } } },
                  "schemas": { "ChatProbeResult": { "type": "object", "properties": { "model": { "type": "string" } } } }
                }
                """;
            GeneratorRun run = Run(Taken, TestReferences.HealthChecks.AddRange(TestReferences.Http));

            run.AssertGeneratedCodeCompilesCleanly();
            Dictionary<string, string> sources = Sources(run);
            Assert.True(sources.ContainsKey("Chat.Contracts.ChatClient.g.cs"));
            Assert.DoesNotContain(sources.Keys, hint => hint.Contains("Probe.g.cs", StringComparison.Ordinal) || hint.Contains("HealthCheck", StringComparison.Ordinal));
        }

        [Fact]
        public void A_schema_that_takes_the_health_check_name_leaves_only_the_health_check_out()
        {
            const string Taken = """
                {
                  "name": "Chat",
                  "request": { "type": "object", "properties": { "model": { "type": "string" }, "check": { "$ref": "#/schemas/ChatCanaryHealthCheck" } } },
                  "response": { "type": "object", "properties": { "id": { "type": "string" } } },
                  "schemas": { "ChatCanaryHealthCheck": { "type": "object", "properties": { "status": { "type": "string" } } } }
                }
                """;
            GeneratorRun run = Run(Taken, TestReferences.HealthChecks.AddRange(TestReferences.Http));

            run.AssertGeneratedCodeCompilesCleanly();
            Dictionary<string, string> sources = Sources(run);
            Assert.True(sources.ContainsKey("Chat.Contracts.ChatProbe.g.cs"));
            Assert.DoesNotContain(run.Sources, s => s.Text.Contains("IHealthCheck", StringComparison.Ordinal));
        }

        private static Dictionary<string, string> Sources(GeneratorRun run) => run.Sources.ToDictionary(s => s.HintName, s => s.Text, StringComparer.Ordinal);

        private static GeneratorRun Run(string contract, ImmutableArray<MetadataReference> references, string source = ContractGeneratorTest.Anchor)
        {
            CSharpCompilation compilation = GeneratorHarness.CreateCompilation(new[] { source }).AddReferences(references);
            GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { new InMemoryAdditionalText("/project/contracts/test.contract.json", contract) });
            driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
            return new GeneratorRun(driver, driver.GetRunResult(), output, diagnostics);
        }
    }
}
