using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using CometAnalyzers.Generation;
using CometAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace CometAnalyzers.Tests.Generator
{
    public class IncrementalCachingTests
    {
        private static readonly string Contract = File.ReadAllText(ReferenceData.RepoFile("contract/cometapi.chat-completions.contract.json"));

        private static readonly string[] TrackedSteps =
        {
            TrackingNames.ContractFiles, TrackingNames.ReferencedDocuments, TrackingNames.LanguageFeatures,
            TrackingNames.ContractCompilations, TrackingNames.ContractSpecs, TrackingNames.UniqueSpecs, TrackingNames.SensitiveAttribute, TrackingNames.ClientFeatures, TrackingNames.ReferencedFeatures,
            TrackingNames.SensitiveAttributeDeclaration,
        };

        [Fact]
        public void An_unrelated_source_edit_leaves_every_step_cached_or_unchanged()
            => AssertUnrelatedEditIsCached(GeneratorHarness.CreateCompilation(new[] { "class Unrelated { }" }));

        [Fact]
        public void With_every_optional_library_the_client_registration_resilience_probe_and_health_check_stay_cached_too()
        {
            CSharpCompilation compilation = GeneratorHarness.CreateCompilation(new[] { "class Unrelated { }" })
                .AddReferences(TestReferences.HttpResilience.AddRange(TestReferences.HealthChecks));

            GeneratorRunResult result = AssertUnrelatedEditIsCached(compilation);

            string[] hints = result.GeneratedSources.Select(s => s.HintName).ToArray();
            foreach (string file in new[] { "Client", "ServiceCollectionExtensions", "ClientResilience", "Probe", "CanaryHealthCheck", "HealthChecksBuilderExtensions" })
            {
                Assert.Contains("CometApi.Contracts.CometApi" + file + ".g.cs", hints);
            }
        }

        private static GeneratorRunResult AssertUnrelatedEditIsCached(CSharpCompilation compilation)
        {
            GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { new InMemoryAdditionalText("/p/a.contract.json", Contract) });
            driver = driver.RunGenerators(compilation);

            CSharpCompilation edited = compilation.ReplaceSyntaxTree(
                compilation.SyntaxTrees.Single(),
                CSharpSyntaxTree.ParseText("class Unrelated { int _x; }", (CSharpParseOptions)compilation.SyntaxTrees.Single().Options));
            GeneratorRunResult result = driver.RunGenerators(edited).GetRunResult().Results.Single();

            foreach (string step in TrackedSteps)
            {
                Assert.True(result.TrackedSteps.ContainsKey(step), $"Step {step} did not run.");
                foreach (IncrementalGeneratorRunStep run in result.TrackedSteps[step])
                {
                    Assert.All(run.Outputs, output => Assert.True(
                        output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                        $"{step} was {output.Reason}"));
                }
            }

            Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), output =>
                Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
            return result;
        }

        [Fact]
        public void An_edit_to_the_contract_regenerates()
        {
            CSharpCompilation compilation = GeneratorHarness.CreateCompilation(new[] { "class Unrelated { }" });
            var original = new InMemoryAdditionalText("/p/a.contract.json", Contract);
            GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { original }).RunGenerators(compilation);

            var edited = new InMemoryAdditionalText("/p/a.contract.json", Contract.Replace("\"maxRetries\": 3", "\"maxRetries\": 2", StringComparison.Ordinal));
            GeneratorRunResult result = driver.ReplaceAdditionalText(original, edited).RunGenerators(compilation).GetRunResult().Results.Single();

            Assert.Contains(result.TrackedSteps[TrackingNames.ContractSpecs].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
            string contractClass = result.GeneratedSources.Single(s => s.HintName.EndsWith("CometApiContract.g.cs", StringComparison.Ordinal)).SourceText.ToString();
            Assert.Contains("public const int MaxRetries = 2;", contractClass, StringComparison.Ordinal);
        }

        [Fact]
        public void No_model_holds_a_symbol_compilation_syntax_node_or_location()
        {
            CSharpCompilation compilation = GeneratorHarness.CreateCompilation(new[] { "class Unrelated { }" });
            GeneratorRunResult result = GeneratorHarness.CreateDriver(new[] { new InMemoryAdditionalText("/p/a.contract.json", Contract) })
                .RunGenerators(compilation).GetRunResult().Results.Single();

            var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
            int walked = 0;
            foreach (string step in TrackedSteps)
            {
                foreach (var output in result.TrackedSteps[step].SelectMany(s => s.Outputs))
                {
                    Walk(output.Value, step, visited, ref walked);
                }
            }

            Assert.True(walked > 100, $"Only {walked} objects were walked; the model graph was not reached.");
        }

        private static void Walk(object? value, string path, HashSet<object> visited, ref int walked)
        {
            if (value is null || value is string || value.GetType().IsPrimitive || value is Enum || !visited.Add(value))
            {
                return;
            }

            walked++;
            Type type = value.GetType();
            Assert.False(value is ISymbol || value is Compilation || value is SyntaxNode || value is SyntaxTree || value is Location || value is SemanticModel,
                $"{path} holds a {type.Name}");

            if (value is IEnumerable sequence)
            {
                int i = 0;
                foreach (object? item in sequence)
                {
                    Walk(item, $"{path}[{i++}]", visited, ref walked);
                }
            }

            foreach (FieldInfo field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            {
                Walk(field.GetValue(value), path + "." + field.Name, visited, ref walked);
            }
        }
    }
}
