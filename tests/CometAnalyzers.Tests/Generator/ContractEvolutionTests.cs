using System;
using System.Linq;
using CometAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace CometAnalyzers.Tests.Generator
{
    /// <summary>When the contract changes, the compiler points at every use that the change breaks.</summary>
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
        public void The_consumer_compiles_against_the_first_version()
        {
            GeneratorRun run = GeneratorHarness.Run(new[] { ("/p/shop.contract.json", Version1) }, new[] { Consumer });
            Assert.Empty(run.OutputCompilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        }

        [Fact]
        public void A_removed_field_breaks_the_build_where_it_is_used()
        {
            string version2 = Version1.Replace("\"total\": { \"type\": \"number\" }, ", string.Empty, StringComparison.Ordinal).Replace("\"id\", \"total\", \"note\"", "\"id\", \"note\"", StringComparison.Ordinal);
            GeneratorRun run = GeneratorHarness.Run(new[] { ("/p/shop.contract.json", version2) }, new[] { Consumer });
            Diagnostic error = Assert.Single(run.OutputCompilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            Assert.Equal("CS1061", error.Id);
            Assert.Contains("order.Total", error.Location.SourceTree!.GetText().ToString(error.Location.SourceSpan.Start > 6 ? new Microsoft.CodeAnalysis.Text.TextSpan(error.Location.SourceSpan.Start - 6, 11) : error.Location.SourceSpan), StringComparison.Ordinal);
        }

        [Fact]
        public void A_field_that_becomes_optional_is_flagged_by_nullable_analysis_where_it_is_dereferenced()
        {
            string version2 = Version1.Replace("\"id\", \"total\", \"note\"", "\"id\", \"total\"", StringComparison.Ordinal);
            GeneratorRun run = GeneratorHarness.Run(new[] { ("/p/shop.contract.json", version2) }, new[] { Consumer });
            Diagnostic warning = Assert.Single(run.OutputCompilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
            Assert.Equal("CS8602", warning.Id);
            Assert.Equal("/project/Source0.cs", warning.Location.SourceTree!.FilePath);
        }

        [Fact]
        public void Older_language_versions_get_the_same_models_without_required_members()
        {
            GeneratorRun run = GeneratorHarness.Run(new[] { ("/p/shop.contract.json", Version1) }, new[] { Consumer }, LanguageVersion.CSharp10);
            Assert.DoesNotContain(run.Sources, s => s.Text.Contains("public required ", StringComparison.Ordinal));
            Assert.Empty(run.OutputCompilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        }
    }
}
