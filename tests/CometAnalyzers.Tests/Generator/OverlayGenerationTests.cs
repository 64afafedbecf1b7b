using System;
using System.Linq;
using CometAnalyzers.Tests.Infrastructure;
using Xunit;

namespace CometAnalyzers.Tests.Generator
{
    /// <summary>
    /// Overlays (OpenAPI Overlay Specification 1.0) correct a referenced document before its schemas are read: the generated
    /// models follow the corrected document, in the contract's own compilation only.
    /// </summary>
    public class OverlayGenerationTests
    {
        public const string DocumentPath = "/project/contracts/forecast.openapi.json";

        /// <summary>A small vendor document: a forecast that the vendor says always has its readings, and a reading.</summary>
        public const string Document = """
            {
              "openapi": "3.1.0",
              "info": { "title": "Forecast service", "version": "2" },
              "components": {
                "schemas": {
                  "Forecast": {
                    "type": "object",
                    "description": "A forecast for one city.",
                    "required": ["city", "readings", "issued"],
                    "properties": {
                      "city": { "type": "string" },
                      "readings": { "type": "array", "items": { "$ref": "#/components/schemas/Reading" } },
                      "issued": { "type": "integer" }
                    }
                  },
                  "Reading": {
                    "type": "object",
                    "required": ["hour", "celsius"],
                    "properties": {
                      "hour": { "type": "integer" },
                      "celsius": { "type": "number" }
                    }
                  }
                }
              }
            }
            """;

        private static string Contract(string actions, string name = "Weather")
            => $$"""
            {
              "name": "{{name}}",
              "response": { "$ref": "forecast.openapi.json#/components/schemas/Forecast" },
              "overlays": [
                {
                  "overlay": "1.0.0",
                  "info": { "title": "What the forecast service really sends", "version": "1" },
                  "extends": "forecast.openapi.json",
                  "actions": {{actions}}
                }
              ]
            }
            """;

        private static string Generated(GeneratorRun run, string type, string ns = "Weather.Contracts")
            => run.Sources.Single(s => s.HintName == $"{ns}.{type}.g.cs").Text;

        private static GeneratorRun Run(string contract, params (string Path, string Text)[] otherFiles)
        {
            GeneratorRun run = GeneratorHarness.RunContract(contract, new[] { (DocumentPath, Document) }.Concat(otherFiles).ToArray());
            run.AssertGeneratedCodeCompilesCleanly();
            return run;
        }

        [Fact]
        public void Without_an_overlay_the_documents_required_property_is_required()
        {
            GeneratorRun run = Run("""{ "name": "Weather", "response": { "$ref": "forecast.openapi.json#/components/schemas/Forecast" } }""");
            Assert.Contains("public required global::System.Collections.Generic.List<global::Weather.Contracts.Reading> Readings { get; set; }", Generated(run, "Forecast"), StringComparison.Ordinal);
        }

        [Fact]
        public void Removing_an_entry_of_required_makes_the_property_optional()
        {
            GeneratorRun run = Run(Contract("""
                [ { "target": "$.components.schemas.Forecast.required[?(@ == 'readings')]", "description": "Night forecasts come without readings.", "remove": true } ]
                """));
            string forecast = Generated(run, "Forecast");
            Assert.Contains("public global::System.Collections.Generic.List<global::Weather.Contracts.Reading>? Readings { get; set; }", forecast, StringComparison.Ordinal);
            Assert.Contains("public required string City { get; set; }", forecast, StringComparison.Ordinal);
            Assert.Contains("public required long Issued { get; set; }", forecast, StringComparison.Ordinal);
        }

        [Fact]
        public void The_filter_without_parentheses_and_double_quotes_selects_the_same_entry()
        {
            GeneratorRun run = Run(Contract("""
                [ { "target": "$.components.schemas.Forecast.required[?@ == \"readings\"]", "remove": true } ]
                """));
            Assert.Contains("List<global::Weather.Contracts.Reading>? Readings", Generated(run, "Forecast"), StringComparison.Ordinal);
        }

        [Fact]
        public void An_update_merges_new_members_into_the_target_and_replaces_primitives()
        {
            GeneratorRun run = Run(Contract("""
                [
                  { "target": "$.components.schemas.Reading.properties", "update": { "station": { "type": "string", "description": "Where it was measured." } } },
                  { "target": "$.components.schemas.Forecast", "update": { "description": "A forecast, as the service sends it." } }
                ]
                """));
            string reading = Generated(run, "Reading");
            Assert.Contains("public string? Station { get; set; }", reading, StringComparison.Ordinal);
            Assert.Contains("Where it was measured.", reading, StringComparison.Ordinal);
            Assert.Contains("public required double Celsius { get; set; }", reading, StringComparison.Ordinal);
            string forecast = Generated(run, "Forecast");
            Assert.Contains("A forecast, as the service sends it.", forecast, StringComparison.Ordinal);
            Assert.DoesNotContain("A forecast for one city.", forecast, StringComparison.Ordinal);
        }

        [Fact]
        public void An_update_of_an_array_appends_to_it_and_an_array_value_is_concatenated()
        {
            GeneratorRun run = Run(Contract("""
                [
                  { "target": "$.components.schemas.Reading.properties", "update": { "wind": { "type": "number" }, "gust": { "type": "number" } } },
                  { "target": "$.components.schemas.Reading.required", "update": "wind" },
                  { "target": "$.components.schemas.Reading", "update": { "required": ["gust"] } }
                ]
                """));
            string reading = Generated(run, "Reading");
            Assert.Contains("public required double Wind { get; set; }", reading, StringComparison.Ordinal);
            Assert.Contains("public required double Gust { get; set; }", reading, StringComparison.Ordinal);
            Assert.Contains("public required long Hour { get; set; }", reading, StringComparison.Ordinal);
        }

        [Fact]
        public void A_removed_property_is_not_generated()
        {
            GeneratorRun run = Run(Contract("""
                [
                  { "target": "$.components.schemas.Forecast.properties.issued", "remove": true },
                  { "target": "$.components.schemas.Forecast.required[?(@ == 'issued')]", "remove": true }
                ]
                """));
            string forecast = Generated(run, "Forecast");
            Assert.DoesNotContain("Issued", forecast, StringComparison.Ordinal);
            Assert.Contains("City", forecast, StringComparison.Ordinal);
        }

        [Fact]
        public void Actions_apply_in_order_each_to_the_result_of_the_one_before()
        {
            // Removed, then declared again as a string: the property is a string.
            GeneratorRun removedThenAdded = Run(Contract("""
                [
                  { "target": "$.components.schemas.Reading.properties.celsius", "remove": true },
                  { "target": "$.components.schemas.Reading.properties", "update": { "celsius": { "type": "string" } } }
                ]
                """));
            Assert.Contains("public required string Celsius { get; set; }", Generated(removedThenAdded, "Reading"), StringComparison.Ordinal);

            // Changed to a string, then removed: there is no property left.
            GeneratorRun changedThenRemoved = Run(Contract("""
                [
                  { "target": "$.components.schemas.Reading.properties.celsius", "update": { "type": "string" } },
                  { "target": "$.components.schemas.Reading.properties.celsius", "remove": true }
                ]
                """));
            Assert.DoesNotContain("Celsius", Generated(changedThenRemoved, "Reading"), StringComparison.Ordinal);
        }

        [Fact]
        public void Wildcards_descendants_and_member_filters_select_every_match()
        {
            GeneratorRun run = Run(Contract("""
                [
                  { "target": "$..properties[?(@.type == 'integer')]", "update": { "format": "int32" } },
                  { "target": "$.components.schemas[*].required[?(@ == 'hour' || @ == 'city')]", "remove": true }
                ]
                """));
            string forecast = Generated(run, "Forecast");
            string reading = Generated(run, "Reading");
            Assert.Contains("public required int Issued { get; set; }", forecast, StringComparison.Ordinal);
            Assert.Contains("public int? Hour { get; set; }", reading, StringComparison.Ordinal);
            Assert.Contains("public string? City { get; set; }", forecast, StringComparison.Ordinal);
        }

        [Fact]
        public void An_overlay_file_beside_the_contract_is_applied_when_the_contract_names_it()
        {
            const string overlay = """
                {
                  "overlay": "1.0.0",
                  "info": { "title": "Forecast corrections", "version": "3" },
                  "extends": "forecast.openapi.json",
                  "actions": [
                    { "target": "$.components.schemas.Forecast.required[?(@ == 'readings')]", "remove": true }
                  ]
                }
                """;
            GeneratorRun run = Run(
                """{ "name": "Weather", "response": { "$ref": "forecast.openapi.json#/components/schemas/Forecast" }, "overlays": [ "forecast-fixes.overlay.json" ] }""",
                ("/project/contracts/forecast-fixes.overlay.json", overlay));
            Assert.Contains("List<global::Weather.Contracts.Reading>? Readings", Generated(run, "Forecast"), StringComparison.Ordinal);
        }

        [Fact]
        public void Overlays_in_the_contract_and_in_a_file_apply_in_the_order_the_contract_lists_them()
        {
            // The file renames the description; the inline overlay after it replaces it again.
            const string overlay = """
                { "overlay": "1.0.0", "info": { "title": "t", "version": "1" }, "extends": "forecast.openapi.json",
                  "actions": [ { "target": "$.components.schemas.Forecast", "update": { "description": "From the file." } } ] }
                """;
            const string contract = """
                {
                  "name": "Weather",
                  "response": { "$ref": "forecast.openapi.json#/components/schemas/Forecast" },
                  "overlays": [
                    "fixes.overlay.json",
                    { "overlay": "1.0.0", "info": { "title": "t", "version": "1" }, "extends": "forecast.openapi.json",
                      "actions": [ { "target": "$.components.schemas.Forecast", "update": { "description": "From the contract." } } ] }
                  ]
                }
                """;
            GeneratorRun run = Run(contract, ("/project/contracts/fixes.overlay.json", overlay));
            string forecast = Generated(run, "Forecast");
            Assert.Contains("From the contract.", forecast, StringComparison.Ordinal);
            Assert.DoesNotContain("From the file.", forecast, StringComparison.Ordinal);
        }

        [Fact]
        public void An_overlay_changes_only_its_own_contracts_view_of_a_shared_document()
        {
            string corrected = Contract("""[ { "target": "$.components.schemas.Forecast.required[?(@ == 'readings')]", "remove": true } ]""", name: "Corrected");
            const string plain = """{ "name": "Plain", "response": { "$ref": "forecast.openapi.json#/components/schemas/Forecast" } }""";
            GeneratorRun run = GeneratorHarness.Run(new[]
            {
                ("/project/contracts/a.contract.json", corrected),
                ("/project/contracts/b.contract.json", plain),
                (DocumentPath, Document),
            });
            run.AssertGeneratedCodeCompilesCleanly();
            Assert.Contains("List<global::Corrected.Contracts.Reading>? Readings", Generated(run, "Forecast", "Corrected.Contracts"), StringComparison.Ordinal);
            Assert.Contains("public required global::System.Collections.Generic.List<global::Plain.Contracts.Reading> Readings", Generated(run, "Forecast", "Plain.Contracts"), StringComparison.Ordinal);
        }

        [Fact]
        public void A_ref_an_update_adds_resolves_inside_the_corrected_document()
        {
            GeneratorRun run = Run(Contract("""
                [ { "target": "$.components.schemas.Forecast.properties", "update": { "latest": { "$ref": "#/components/schemas/Reading" } } } ]
                """));
            Assert.Contains("public global::Weather.Contracts.Reading? Latest { get; set; }", Generated(run, "Forecast"), StringComparison.Ordinal);
        }

        [Fact]
        public void An_edit_to_the_overlay_file_regenerates_the_contract_that_uses_it()
        {
            const string contract = """{ "name": "Weather", "response": { "$ref": "forecast.openapi.json#/components/schemas/Forecast" }, "overlays": [ "fixes.overlay.json" ] }""";
            static string Overlay(string field) => $$"""
                { "overlay": "1.0.0", "info": { "title": "t", "version": "1" }, "extends": "forecast.openapi.json",
                  "actions": [ { "target": "$.components.schemas.Forecast.required[?(@ == '{{field}}')]", "remove": true } ] }
                """;
            var readings = new InMemoryAdditionalText("/project/contracts/fixes.overlay.json", Overlay("readings"));
            Microsoft.CodeAnalysis.CSharp.CSharpCompilation compilation = GeneratorHarness.CreateCompilation(new[] { ContractGeneratorTest.Anchor });
            Microsoft.CodeAnalysis.GeneratorDriver driver = GeneratorHarness.CreateDriver(new Microsoft.CodeAnalysis.AdditionalText[]
            {
                new InMemoryAdditionalText("/project/contracts/test.contract.json", contract),
                new InMemoryAdditionalText(DocumentPath, Document),
                readings,
            }).RunGenerators(compilation);
            string before = driver.GetRunResult().GeneratedTrees.Single(t => t.FilePath.EndsWith("Weather.Contracts.Forecast.g.cs", StringComparison.Ordinal)).ToString();

            driver = driver.ReplaceAdditionalText(readings, new InMemoryAdditionalText(readings.Path, Overlay("city"))).RunGenerators(compilation);
            string after = driver.GetRunResult().GeneratedTrees.Single(t => t.FilePath.EndsWith("Weather.Contracts.Forecast.g.cs", StringComparison.Ordinal)).ToString();

            Assert.Contains("List<global::Weather.Contracts.Reading>? Readings", before, StringComparison.Ordinal);
            Assert.Contains("public required string City", before, StringComparison.Ordinal);
            Assert.Contains("public required global::System.Collections.Generic.List<global::Weather.Contracts.Reading> Readings", after, StringComparison.Ordinal);
            Assert.Contains("public string? City", after, StringComparison.Ordinal);
        }

        [Fact]
        public void Generation_with_overlays_is_deterministic()
        {
            string contract = Contract("""
                [
                  { "target": "$..required[?(@ == 'celsius' || @ == 'readings')]", "remove": true },
                  { "target": "$.components.schemas.Reading.properties", "update": { "note": { "type": "string" } } }
                ]
                """);
            string first = string.Join("\n", Run(contract).Sources.OrderBy(s => s.HintName, StringComparer.Ordinal).Select(s => s.Text));
            string second = string.Join("\n", Run(contract).Sources.OrderBy(s => s.HintName, StringComparer.Ordinal).Select(s => s.Text));
            Assert.Equal(first, second);
        }
    }
}
