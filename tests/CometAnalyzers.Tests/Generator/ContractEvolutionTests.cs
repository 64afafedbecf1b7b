using System;
using System.Threading.Tasks;
using CometAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace CometAnalyzers.Tests.Generator
{
    /// <summary>
    /// When the contract changes, the compiler points at every use that the change breaks: the testing library compiles
    /// the consumer with the generated models and asserts exactly the marked diagnostics (no other warning or error).
    /// </summary>
    public class ContractEvolutionTests
    {
        private const string Version1 = """
            { "name": "Shop", "response": { "$ref": "#/schemas/Order" },
              "schemas": { "Order": { "type": "object", "required": ["id", "total", "note"], "properties": {
                "id": { "type": "string" }, "total": { "type": "number" }, "note": { "type": "string" } } } } }
            """;

        private const string Consumer = """
            namespace Consumer
            {
                internal static class Uses
                {
                    public static int NoteLength(Shop.Contracts.Order order) => order.Note.Length;
                    public static double Total(Shop.Contracts.Order order) => order.Total;
                }
            }
            """;

        [Fact]
        public Task The_consumer_compiles_against_the_first_version()
            => Test(Version1, Consumer).RunAsync();

        [Fact]
        public Task A_removed_field_breaks_the_build_where_it_is_used()
        {
            string version2 = Version1.Replace("\"total\": { \"type\": \"number\" }, ", string.Empty, StringComparison.Ordinal).Replace("\"id\", \"total\", \"note\"", "\"id\", \"note\"", StringComparison.Ordinal);
            return Test(version2, Consumer.Replace("order.Total;", "order.{|CS1061:Total|};", StringComparison.Ordinal)).RunAsync();
        }

        [Fact]
        public Task A_field_that_becomes_optional_is_flagged_by_nullable_analysis_where_it_is_dereferenced()
        {
            string version2 = Version1.Replace("\"id\", \"total\", \"note\"", "\"id\", \"total\"", StringComparison.Ordinal);
            return Test(version2, Consumer.Replace("=> order.Note.Length", "=> {|CS8602:order.Note|}.Length", StringComparison.Ordinal)).RunAsync();
        }

        [Fact]
        public async Task Older_language_versions_get_the_same_models_without_required_members()
        {
            ContractGeneratorTest test = Test(Version1, Consumer, LanguageVersion.CSharp10);
            await test.RunAsync();
            Assert.NotEmpty(test.Generated);
            Assert.DoesNotContain(test.Generated, s => s.Text.Contains("public required ", StringComparison.Ordinal));
        }

        private static ContractGeneratorTest Test(string contract, string consumer, LanguageVersion languageVersion = LanguageVersion.Latest)
        {
            var test = new ContractGeneratorTest(languageVersion).WithoutGeneratedSourcesCheck();
            test.TestState.Sources.Add(consumer);
            test.TestState.AdditionalFiles.Add(("/p/shop.contract.json", contract));
            return test;
        }
    }
}
