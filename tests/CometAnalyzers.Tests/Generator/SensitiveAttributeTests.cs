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
    /// The attribute the generator puts on every member a contract marks <c>x-sensitive</c>: one per compilation, internal,
    /// on exactly those members, a Microsoft.Extensions.Compliance classification when the project references that
    /// library, and never a second copy beside one the compilation already sees.
    /// </summary>
    public class SensitiveAttributeTests
    {
        private const string AttributeName = "CometAnalyzers.CometSensitiveAttribute";

        private static readonly string RepoContract = File.ReadAllText(ReferenceData.RepoFile("contract/cometapi.chat-completions.contract.json"));

        [Fact]
        public void Every_x_sensitive_member_of_the_repo_contract_carries_the_attribute_and_no_other_member_does()
        {
            GeneratorRun run = GeneratorHarness.RunContract(RepoContract);
            run.AssertGeneratedCodeCompilesCleanly();
            INamedTypeSymbol attribute = Assert.Single(run.OutputCompilation.GetTypesByMetadataName(AttributeName));
            Assert.Equal(Accessibility.Internal, attribute.DeclaredAccessibility);

            // Properties of objects the contract marks, and the accessors of unions whose value it marks.
            Assert.Equal(
                new[]
                {
                    "AssistantContent.AsList", "AssistantContent.AsString", "AssistantContent.Unknown", "AssistantContent.Value",
                    "AssistantMessage.Content", "AssistantMessage.Refusal",
                    "ChatCompletionDelta.Content", "ChatCompletionDelta.Refusal",
                    "ChatCompletionMessage.Content", "ChatCompletionMessage.Refusal",
                    "ChatCompletionRequest.User",
                    "DeveloperMessage.Content",
                    "FunctionCall.Arguments", "FunctionCallChunk.Arguments",
                    "ImageUrl.Url",
                    "RefusalContentPart.Refusal",
                    "SystemMessage.Content",
                    "TextContent.AsList", "TextContent.AsString", "TextContent.Unknown", "TextContent.Value",
                    "TextContentPart.Text",
                    "TokenLogprob.Bytes", "TokenLogprob.Token",
                    "ToolMessage.Content",
                    "TopLogprob.Bytes", "TopLogprob.Token",
                    "UserContent.AsList", "UserContent.AsString", "UserContent.Unknown", "UserContent.Value",
                    "UserMessage.Content", "UserMessage.Name",
                },
                MarkedMembers(run.OutputCompilation, "CometApi.Contracts", attribute));
        }

        [Fact]
        public void A_contract_that_marks_nothing_still_gets_the_attribute_and_no_member_carries_it()
        {
            GeneratorRun run = GeneratorHarness.RunContract("""
                {
                  "name": "Plain",
                  "request": { "type": "object", "properties": { "text": { "type": "string" } } },
                  "response": { "type": "object", "properties": { "id": { "type": "string" } } }
                }
                """);
            run.AssertGeneratedCodeCompilesCleanly();
            INamedTypeSymbol attribute = Assert.Single(run.OutputCompilation.GetTypesByMetadataName(AttributeName));
            Assert.Empty(MarkedMembers(run.OutputCompilation, "Plain.Contracts", attribute));
        }

        [Fact]
        public void Two_contracts_in_one_project_share_one_attribute()
        {
            GeneratorRun run = GeneratorHarness.Run(new[]
            {
                ("/project/a.contract.json", RepoContract),
                ("/project/b.contract.json", Renamed("Other")),
            });
            run.AssertGeneratedCodeCompilesCleanly();
            Assert.Single(run.Sources, s => s.HintName == AttributeName + ".g.cs");
            INamedTypeSymbol attribute = Assert.Single(run.OutputCompilation.GetTypesByMetadataName(AttributeName));
            Assert.Contains("UserMessage.Content", MarkedMembers(run.OutputCompilation, "Other.Contracts", attribute));
            Assert.Contains("UserMessage.Content", MarkedMembers(run.OutputCompilation, "CometApi.Contracts", attribute));
        }

        [Fact]
        public void A_project_without_a_contract_gets_no_attribute()
        {
            GeneratorRun run = GeneratorHarness.Run(Array.Empty<(string, string)>());
            Assert.Empty(run.Sources);
        }

        [Fact]
        public void With_Microsoft_Extensions_Compliance_referenced_the_attribute_is_a_data_classification()
        {
            Compilation output = RunWith(GeneratorHarness.CreateCompilation(new[] { "namespace Consumer { internal static class Anchor { } }" }).AddReferences(TestReferences.Compliance));

            INamedTypeSymbol attribute = Assert.Single(output.GetTypesByMetadataName(AttributeName));
            Assert.Equal("Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute", attribute.BaseType?.ToDisplayString());
            IPropertySymbol classification = Assert.Single(attribute.GetMembers("SensitiveContent").OfType<IPropertySymbol>());
            Assert.True(classification.IsStatic);
            Assert.Contains("UserMessage.Content", MarkedMembers(output, "CometApi.Contracts", attribute));
        }

        [Fact]
        public void Models_from_a_project_that_grants_its_internals_bring_their_attribute_and_no_second_one_is_emitted()
        {
            Compilation models = RunWith(GeneratorHarness.CreateCompilation(new[] { "[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"Consumer\")]" }));
            MetadataReference modelsReference = Emit(models, "Models");

            // The consumer has a contract of its own: its models use the attribute it sees, which is the referenced one.
            Compilation consumer = RunWith(GeneratorHarness.CreateCompilation(new[] { "namespace Consumer { internal static class Anchor { } }" }).AddReferences(modelsReference), contractName: "Local");
            INamedTypeSymbol attribute = Assert.Single(consumer.GetTypesByMetadataName(AttributeName));
            Assert.Equal("Models", attribute.ContainingAssembly.Name);
            Assert.Contains("UserMessage.Content", MarkedMembers(consumer, "Local.Contracts", attribute));
        }

        [Fact]
        public void Models_from_a_project_that_keeps_its_internals_do_not_stop_the_consumer_getting_its_own()
        {
            MetadataReference modelsReference = Emit(RunWith(GeneratorHarness.CreateCompilation(new[] { "namespace Models { internal static class Anchor { } }" })), "Models");

            Compilation consumer = RunWith(GeneratorHarness.CreateCompilation(new[] { "namespace Consumer { internal static class Anchor { } }" }).AddReferences(modelsReference), contractName: "Local");
            Assert.Equal(new[] { "Consumer", "Models" }, consumer.GetTypesByMetadataName(AttributeName).Select(t => t.ContainingAssembly.Name).OrderBy(n => n, StringComparer.Ordinal));
        }

        [Fact]
        public void A_reference_added_then_removed_in_one_driver_changes_the_attribute_each_time()
        {
            // The references' answer is reused while the references are the same objects: adding one must be seen at once.
            Compilation plain = GeneratorHarness.CreateCompilation(new[] { "namespace Consumer { internal static class Anchor { } }" });
            Compilation withCompliance = plain.AddReferences(TestReferences.Compliance);
            GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { new InMemoryAdditionalText("/project/api.contract.json", RepoContract) });

            string BaseTypeAfter(Compilation compilation)
            {
                driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
                return Assert.Single(output.GetTypesByMetadataName(AttributeName)).BaseType!.ToDisplayString();
            }

            Assert.Equal("System.Attribute", BaseTypeAfter(plain));
            Assert.Equal("Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute", BaseTypeAfter(withCompliance));
            Assert.Equal("System.Attribute", BaseTypeAfter(plain));
        }

        [Theory]
        [InlineData("namespace CometAnalyzers { internal sealed class CometSensitiveAttribute : System.Attribute { } }")]
        [InlineData("namespace CometAnalyzers;\ninternal sealed class CometSensitiveAttribute : System.Attribute { }")]
        [InlineData("namespace Comet { namespace Analyzers { } }\nnamespace CometAnalyzers { namespace Inner { } internal sealed class CometSensitiveAttribute : System.Attribute { } }")]
        public void An_attribute_the_project_declares_itself_is_used_and_no_second_one_is_emitted(string declaration)
        {
            Compilation consumer = RunWith(GeneratorHarness.CreateCompilation(new[] { declaration }));
            INamedTypeSymbol attribute = Assert.Single(consumer.GetTypesByMetadataName(AttributeName));
            Assert.Contains("UserMessage.Content", MarkedMembers(consumer, "CometApi.Contracts", attribute));
        }

        [Theory]
        [InlineData("namespace Other { internal sealed class CometSensitiveAttribute : System.Attribute { } }")]
        [InlineData("namespace CometAnalyzers { internal static class Outer { internal sealed class CometSensitiveAttribute : System.Attribute { } } }")]
        [InlineData("namespace CometAnalyzers.Inner { internal sealed class CometSensitiveAttribute : System.Attribute { } }")]
        public void A_class_of_that_name_elsewhere_does_not_stop_the_attribute_being_emitted(string declaration)
        {
            Compilation consumer = RunWith(GeneratorHarness.CreateCompilation(new[] { declaration }));
            INamedTypeSymbol attribute = Assert.Single(consumer.GetTypesByMetadataName(AttributeName));
            Assert.Contains(attribute.DeclaringSyntaxReferences, r => r.SyntaxTree.FilePath.EndsWith(AttributeName + ".g.cs", StringComparison.Ordinal));
        }

        /// <summary>"Type.Member" for every member of the namespace's types that carries <paramref name="attribute"/>, sorted.</summary>
        private static string[] MarkedMembers(Compilation compilation, string ns, INamedTypeSymbol attribute)
        {
            INamespaceSymbol? found = compilation.GlobalNamespace;
            foreach (string part in ns.Split('.'))
            {
                found = found?.GetNamespaceMembers().FirstOrDefault(n => n.Name == part);
            }

            Assert.NotNull(found);
            return found!.GetTypeMembers()
                .SelectMany(t => t.GetMembers())
                .Where(m => m.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute)))
                .Select(m => m.ContainingType.Name + "." + m.Name)
                .OrderBy(n => n, StringComparer.Ordinal)
                .ToArray();
        }

        /// <summary>The repo contract (renamed to <paramref name="contractName"/>) generated into <paramref name="compilation"/>, which must then compile cleanly.</summary>
        private static Compilation RunWith(Compilation compilation, string contractName = "CometApi")
        {
            GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { new InMemoryAdditionalText("/project/api.contract.json", Renamed(contractName)) });
            driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
            Assert.Empty(generatorDiagnostics);
            List<Diagnostic> problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
            Assert.True(problems.Count == 0, "The output does not compile cleanly:\n" + string.Join("\n", problems.Take(20)));
            return output;
        }

        /// <summary>The repo contract under another name and namespace (<c>Other</c>, <c>Other.Contracts</c>).</summary>
        private static string Renamed(string name)
            => RepoContract
                .Replace("\"name\": \"CometApi\"", $"\"name\": \"{name}\"", StringComparison.Ordinal)
                .Replace("\"namespace\": \"CometApi.Contracts\"", $"\"namespace\": \"{name}.Contracts\"", StringComparison.Ordinal);

        private static MetadataReference Emit(Compilation compilation, string assemblyName)
        {
            using var image = new MemoryStream();
            Microsoft.CodeAnalysis.Emit.EmitResult result = compilation.WithAssemblyName(assemblyName).Emit(image);
            Assert.True(result.Success, string.Join("\n", result.Diagnostics));
            return MetadataReference.CreateFromImage(image.ToArray());
        }
    }
}
