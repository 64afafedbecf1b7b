using System.Linq;
using System.Threading.Tasks;
using CometAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CometAnalyzers.Tests.Contract
{
    /// <summary>Schema problems are reported at their exact place in the contract, and generate nothing broken.</summary>
    public class SchemaDiagnosticsTests
    {
        [Fact]
        public Task An_unresolved_internal_ref_is_reported_at_the_ref()
            => ContractDiagnosticsTest.VerifyAsync("""
                {
                  "name": "CometApi",
                  "response": { "$ref": {|COMET102:"#/schemas/Missing"|} }
                }
                """);

        [Fact]
        public Task A_ref_into_a_document_that_is_not_an_AdditionalFile_is_reported()
            => ContractDiagnosticsTest.VerifyAsync("""
                { "name": "CometApi", "response": { "$ref": {|COMET102:"openai.json#/components/schemas/X"|} } }
                """);

        [Fact]
        public Task A_ref_to_a_missing_schema_in_another_document_is_reported_at_the_contracts_ref()
            => ContractDiagnosticsTest.VerifyAsync(
                """
                { "name": "CometApi", "response": { "$ref": {|COMET102:"spec.json#/components/schemas/Nope"|} } }
                """,
                ("/project/contracts/spec.json", """{ "components": { "schemas": { "Yes": { "type": "object", "properties": { "a": { "type": "string" } } } } } }"""));

        [Fact]
        public Task A_ref_cycle_is_reported()
            => ContractDiagnosticsTest.VerifyAsync("""
                {
                  "name": "CometApi",
                  "response": { "$ref": "#/schemas/A" },
                  "schemas": {
                    "A": { "$ref": {|COMET103:"#/schemas/B"|} },
                    "B": { "$ref": {|COMET103:"#/schemas/A"|} }
                  }
                }
                """);

        [Fact]
        public Task Two_schemas_with_the_same_CSharp_name_are_reported()
            => ContractDiagnosticsTest.VerifyAsync("""
                {
                  "name": "CometApi",
                  "response": { "$ref": "#/schemas/chat_message" },
                  "schemas": {
                    "chat_message": { "type": "object", "properties": { "a": { "type": "string" } } },
                    "ChatMessage": {|COMET104:{ "type": "object", "properties": { "b": { "type": "string" } } }|}
                  }
                }
                """);

        [Fact]
        public Task An_invalid_x_csharp_name_is_reported()
            => ContractDiagnosticsTest.VerifyAsync("""
                {
                  "name": "CometApi",
                  "response": { "type": "object", "properties": { "a": { "type": "string", "x-csharp-name": {|COMET105:"not valid"|} } } }
                }
                """);

        [Fact]
        public Task An_untypeable_union_is_a_warning_at_its_place()
            => ContractDiagnosticsTest.VerifyAsync("""
                {
                  "name": "CometApi",
                  "response": { "type": "object", "properties": {
                    "either": {|COMET107:{ "oneOf": [ { "type": "object", "properties": { "a": { "type": "string" } } }, { "type": "object", "properties": { "b": { "type": "string" } } } ] }|}
                  } }
                }
                """);

        [Fact]
        public Task A_type_that_is_not_a_json_type_is_reported()
            => ContractDiagnosticsTest.VerifyAsync("""
                { "name": "CometApi", "response": { "type": "object", "properties": { "a": { "type": {|COMET108:"text"|} } } } }
                """);

        [Fact]
        public Task A_contract_with_errors_generates_nothing_and_never_throws()
            => ContractGeneratorTest.ForContract("""{ "name": "CometApi", "response": { "$ref": "#/schemas/Missing" } }""").RunAsync();

        [Fact]
        public async Task A_contract_with_only_warnings_still_generates_compilable_code()
        {
            ContractGeneratorTest test = ContractGeneratorTest.ForContract("""
                { "name": "CometApi", "response": { "type": "object", "properties": {
                    "either": { "oneOf": [ { "type": "object", "properties": { "a": { "type": "string" } } }, { "type": "object", "properties": { "b": { "type": "string" } } } ] },
                    "free": {}
                } } }
                """).WithoutGeneratedSourcesCheck();
            await test.RunAsync();
            Assert.Contains(test.Generated, s => s.Text.Contains("global::System.Text.Json.JsonElement? Either", System.StringComparison.Ordinal));
        }

        [Fact]
        public async Task A_second_contract_with_the_same_name_is_reported_and_the_first_still_generates()
        {
            const string contract = """{ "name": "CometApi", "response": { "type": "object", "properties": { "a": { "type": "string" } } } }""";
            var diagnostics = await ContractDiagnosticsTest.GetDiagnosticsAsync(contract, ("/project/other/z.contract.json", contract));
            Diagnostic duplicate = Assert.Single(diagnostics);
            Assert.Equal("COMET104", duplicate.Id);
            Assert.Equal("/project/other/z.contract.json", duplicate.Location.GetLineSpan().Path);
            Assert.Equal(10, duplicate.Location.SourceSpan.Start); // the "name" value

            var generator = new ContractGeneratorTest().WithoutGeneratedSourcesCheck();
            generator.TestState.Sources.Add(ContractGeneratorTest.Anchor);
            generator.TestState.AdditionalFiles.Add(("/p/a.contract.json", contract));
            generator.TestState.AdditionalFiles.Add(("/p/z.contract.json", contract));
            await generator.RunAsync();
            Assert.NotEmpty(generator.Generated);
        }

        [Fact]
        public async Task Type_names_that_differ_only_by_case_generate_without_a_hint_name_clash()
        {
            ContractGeneratorTest test = ContractGeneratorTest.ForContract("""
                { "name": "CometApi", "response": { "$ref": "#/schemas/foo" },
                  "schemas": { "foo": { "type": "object", "properties": { "a": { "type": "string" } } },
                               "FOO": { "type": "object", "properties": { "b": { "type": "string" } } } } }
                """).WithoutGeneratedSourcesCheck();
            await test.RunAsync();
            Assert.Contains(test.Generated, s => s.Text.Contains("class Foo", System.StringComparison.Ordinal));
            Assert.Contains(test.Generated, s => s.Text.Contains("class FOO", System.StringComparison.Ordinal));
        }

        [Fact]
        public async Task Unicode_line_separators_in_names_and_descriptions_cannot_break_out_of_generated_comments()
        {
            ContractGeneratorTest test = ContractGeneratorTest.ForContract("""
                { "name": "CometApi", "response": { "type": "object", "description": "first\u2028class Broken {}", "properties": {
                    "a\u2028b": { "type": "string", "description": "x\u0085y\u2029z" },
                    "kind": { "type": "string", "enum": ["p\u2028q", "r"] } } } }
                """).WithoutGeneratedSourcesCheck();
            await test.RunAsync();
            Assert.NotEmpty(test.Generated);
        }
    }
}
