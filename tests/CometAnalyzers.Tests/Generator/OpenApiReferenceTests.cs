using System;
using System.Globalization;
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

        /// <summary>
        /// Every diagnostic the contract analyzer reports for the contract and the document it references, warnings
        /// (COMET107: a construct generated as JsonElement) included, as "id file(line): message": none today. A new one, even a
        /// warning, fails here until it is listed.
        /// </summary>
        private static readonly string[] ExpectedDiagnostics = [];

        [ReferenceFact]
        public async Task The_OpenAI_reference_contract_has_exactly_the_expected_diagnostics()
        {
            var diagnostics = await ContractDiagnosticsTest.RunAllAsync(Contract, OpenApiDocument);
            var actual = diagnostics
                .Select(d => $"{d.Id} {Path.GetFileName(d.Location.GetLineSpan().Path)}({d.Location.GetLineSpan().StartLinePosition.Line + 1}): {d.GetMessage(CultureInfo.InvariantCulture)}")
                .OrderBy(d => d, StringComparer.Ordinal)
                .ToList();
            Assert.True(
                ExpectedDiagnostics.SequenceEqual(actual),
                "Diagnostics differ.\nExpected:\n  " + string.Join("\n  ", ExpectedDiagnostics) + "\nActual:\n  " + string.Join("\n  ", actual));
        }
    }
}
