using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CometAnalyzers.Tests.Infrastructure;
using Xunit;

namespace CometAnalyzers.Tests.Generator
{
    /// <summary>The schema engine against the vendor's own OpenAPI document, referenced in place.</summary>
    public class OpenApiReferenceTests
    {
        private static string Contract => File.ReadAllText(Path.Combine(System.AppContext.BaseDirectory, "TestData", "openai.contract.json"));

        private static (string, string) OpenApiDocument
            => ("/project/contracts/openai-chat-completions.openapi.json", ReferenceData.ReadRequired(ReferenceData.OpenApiPath));

        [ReferenceFact]
        public void A_contract_that_references_the_OpenAI_document_generates_code_that_compiles_without_warnings()
        {
            GeneratorRun run = GeneratorHarness.RunContract(Contract, OpenApiDocument);
            Assert.Contains(run.Sources, s => s.HintName == "OpenAi.Contracts.CreateChatCompletionResponse.g.cs");
            run.AssertGeneratedCodeCompilesCleanly();
        }

        [ReferenceFact]
        public async Task The_OpenAI_reference_contract_has_no_error_diagnostics()
        {
            var diagnostics = await ContractDiagnosticsTest.RunAsync(Contract, OpenApiDocument);
            Assert.DoesNotContain(diagnostics, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        }
    }
}
