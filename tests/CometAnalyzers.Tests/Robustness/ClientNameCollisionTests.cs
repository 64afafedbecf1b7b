using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CometAnalyzers.Contract;
using CometAnalyzers.Tests.Infrastructure;
using CometAnalyzers.Tests.Robustness.Fuzzing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Xunit.Abstractions;

namespace CometAnalyzers.Tests.Robustness
{
    /// <summary>
    /// A schema may be named like anything the generator writes beside the models: the client, its options, exception,
    /// telemetry and resilience glue, the probe and its result, the health check, the registrations, the support classes.
    /// With every optional library referenced (so every client file is a candidate), each such name, as a request, as a
    /// response member or as an unused schema, in its own spelling and in lower case (C# names differ by case, the
    /// generator compares them ignoring it), must leave generated code that compiles without a warning and no generator
    /// diagnostic (no CS8785).
    /// </summary>
    public class ClientNameCollisionTests
    {
        /// <summary>What the generator appends to the contract's name for the types it writes besides the schemas.</summary>
        private static readonly string[] GeneratedSuffixes =
        {
            "Client", "ClientOptions", "ClientException", "ClientFailureClass", "ClientTelemetry", "ClientResilience",
            "Probe", "ProbeResult", "CanaryHealthCheck", "HealthChecksBuilderExtensions", "ServiceCollectionExtensions",
            "Contract", "ContractException", "ContractError", "ContractErrorKind", "ContractViolation", "FailureClass",
            "Json", "JsonContext", "Errors", "EventStream", "KeptTexts", "KeptJson",
        };

        /// <summary>Where the colliding schema is used.</summary>
        private static readonly (string Place, string Template)[] Places =
        {
            ("request", """
                { "name": "Chat", "request": { "$ref": "#/schemas/{0}" }, "response": { "type": "object", "properties": { "id": { "type": "string" } } },
                  "schemas": { "{0}": { "type": "object", "required": ["model"], "properties": { "model": { "type": "string" } } } } }
                """),
            ("response member", """
                { "name": "Chat", "request": { "type": "object", "properties": { "model": { "type": "string" } } },
                  "response": { "type": "object", "properties": { "part": { "$ref": "#/schemas/{0}" } } },
                  "schemas": { "{0}": { "type": "object", "properties": { "text": { "type": "string" } } } } }
                """),
            ("unused schema", """
                { "name": "Chat", "request": { "type": "object", "properties": { "model": { "type": "string" } } },
                  "response": { "type": "object", "properties": { "id": { "type": "string" } } },
                  "schemas": { "{0}": { "type": "string", "enum": ["a", "b"] } } }
                """),
        };

        private readonly ITestOutputHelper _output;

        public ClientNameCollisionTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public void A_schema_named_like_any_generated_type_leaves_code_that_compiles_with_every_library_referenced()
        {
            var run = new FuzzRun("client-name-collisions", _output);
            ImmutableArray<MetadataReference> references = TestReferences.Http.AddRange(TestReferences.HttpResilience).AddRange(TestReferences.HealthChecks);
            foreach (string suffix in GeneratedSuffixes)
            {
                foreach (string name in new[] { "Chat" + suffix, ("Chat" + suffix).ToLowerInvariant() })
                {
                    foreach ((string place, string template) in Places)
                    {
                        run.Input();
                        string contract = template.Replace("{0}", name, StringComparison.Ordinal);
                        string? problem = Problem(contract, references, out bool hasClient);
                        run.Count(hasClient ? "client-generated" : "client-left-out");
                        if (problem is not null)
                        {
                            run.Fail($"{place} = {name}", problem, contract);
                        }
                    }
                }
            }

            run.Complete();
            Assert.Equal(GeneratedSuffixes.Length * 2 * Places.Length, run.Inputs);

            // The test must exercise the client: most collisions leave it in place (only its own names take it out).
            Assert.True(run["client-generated"] > run["client-left-out"], $"client generated {run["client-generated"]} times, left out {run["client-left-out"]}");
        }

        /// <summary>Names the client's code refers to: a contract or namespace of that name must not shadow them.</summary>
        private static readonly string[] ClientWords =
        {
            "Microsoft", "System", "Polly", "Http", "HttpClient", "Net", "Extensions", "DependencyInjection", "HealthChecks",
            "Diagnostics", "Resilience", "Options", "Task", "Tasks", "Uri", "TimeProvider", "Activity", "Meter", "Random",
            "Call", "Outcome", "Failure", "Opened", "Telemetry", "Logger", "IServiceCollection", "Consumer", "Chat",
        };

        private const int HostileSample = 40;

        [Fact]
        public void A_contract_or_namespace_named_like_what_the_client_uses_generates_code_that_compiles()
        {
            var run = new FuzzRun("client-contract-names", _output);
            ImmutableArray<MetadataReference> references = TestReferences.Http.AddRange(TestReferences.HttpResilience).AddRange(TestReferences.HealthChecks);
            const string Template = """
                { "name": {name}, "namespace": {namespace}, "auth": { "header": "Authorization", "scheme": "Bearer", "secretEnvVar": "KEY" },
                  "request": { "type": "object", "required": ["model"], "properties": { "model": { "type": "string" }, "stream": { "type": "boolean" } } },
                  "response": { "type": "object", "properties": { "id": { "type": "string" }, "model": { "type": "string" } } },
                  "streamEvent": { "type": "object", "properties": { "id": { "type": "string" } } } }
                """;
            // The client's own words, and a sample of the hostile names the model fuzzers use (each costs a compilation).
            Random random = run.Random("hostile");
            IEnumerable<string> names = ClientWords.Concat(RandomContracts.HostileNames.OrderBy(_ => random.Next()).Take(HostileSample));
            IEnumerable<(string Place, string Name, string Namespace)> inputs =
                names.Select(name => ("name", name, "Probe.Contracts"))
                    .Concat(ClientWords.Select(word => ("namespace", "Chat", word)))
                    .Concat(new[] { ("namespace", "Chat", "System.Net.Http"), ("namespace", "Chat", "Microsoft.Extensions.DependencyInjection"), ("namespace", "Chat", "Polly.Retry") });
            foreach ((string place, string name, string ns) in inputs)
            {
                run.Input();
                string contract = Template.Replace("{name}", RandomContracts.Quote(name), StringComparison.Ordinal).Replace("{namespace}", RandomContracts.Quote(ns), StringComparison.Ordinal);
                if (ContractCompiler.Compile(new ContractFile("/project/contracts/test.contract.json", contract), Array.Empty<ContractFile>(), default).HasErrors)
                {
                    run.Count("rejected");
                    continue;
                }

                run.Count("accepted");
                if (Problem(contract, references, out _) is { } problem)
                {
                    run.Fail($"{place} = {RandomContracts.Quote(place == "name" ? name : ns)}", problem, contract);
                }
            }

            run.Complete();
            Assert.True(run["accepted"] >= ClientWords.Length * 2, $"accepted={run["accepted"]}");
        }

        /// <summary>Null when the run is clean; otherwise the first problems.</summary>
        private static string? Problem(string contract, ImmutableArray<MetadataReference> references, out bool hasClient)
        {
            CSharpCompilation compilation = GeneratorHarness.CreateCompilation(new[] { ContractGeneratorTest.Anchor }).AddReferences(references);
            GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { new InMemoryAdditionalText("/project/contracts/test.contract.json", contract) });
            driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
            hasClient = driver.GetRunResult().Results.SelectMany(r => r.GeneratedSources).Any(s => s.HintName.EndsWith(".ChatClient.g.cs", StringComparison.Ordinal));

            var problems = new List<Diagnostic>(diagnostics);
            problems.AddRange(output.GetDiagnostics().Where(GeneratorRun.IsGeneratedCodeProblem));
            return problems.Count == 0 ? null : string.Join("\n", problems.Take(10));
        }
    }
}
