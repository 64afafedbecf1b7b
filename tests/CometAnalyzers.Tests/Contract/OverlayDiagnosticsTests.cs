using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using CometAnalyzers.Tests.Generator;
using CometAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CometAnalyzers.Tests.Contract
{
    /// <summary>Every problem of an overlay is reported at its line and column, in the contract or in the overlay file.</summary>
    public class OverlayDiagnosticsTests
    {
        private static readonly (string Path, string Text) Document = (OverlayGenerationTests.DocumentPath, OverlayGenerationTests.Document);

        /// <summary>A contract whose one overlay has the given actions (with markup).</summary>
        private static string WithActions(string actions) => $$"""
            {
              "name": "Weather",
              "response": { "$ref": "forecast.openapi.json#/components/schemas/Forecast" },
              "overlays": [
                { "overlay": "1.0.0", "info": { "title": "t", "version": "1" }, "extends": "forecast.openapi.json",
                  "actions": {{actions}} }
              ]
            }
            """;

        /// <summary>A contract with the given overlays (with markup).</summary>
        private static string WithOverlays(string overlays) => $$"""
            {
              "name": "Weather",
              "response": { "$ref": "forecast.openapi.json#/components/schemas/Forecast" },
              "overlays": {{overlays}}
            }
            """;

        private static Task VerifyAsync(string contract, params (string Path, string Text)[] otherFiles)
            => ContractDiagnosticsTest.VerifyAsync(contract, new[] { Document }.Concat(otherFiles).ToArray());

        [Fact]
        public Task A_valid_overlay_reports_nothing()
            => VerifyAsync(WithActions("""[ { "target": "$.components.schemas.Forecast.required[?(@ == 'readings')]", "remove": true } ]"""));

        [Fact]
        public Task A_target_that_selects_nothing_is_a_warning_at_the_target()
            => VerifyAsync(WithActions("""[ { "target": {|COMET110:"$.components.schemas.Forcast.required[?(@ == 'readings')]"|}, "remove": true } ]"""));

        [Fact]
        public Task A_filter_that_matches_no_entry_is_a_warning_too()
            => VerifyAsync(WithActions("""[ { "target": {|COMET110:"$.components.schemas.Forecast.required[?(@ == 'reading')]"|}, "remove": true } ]"""));

        [Fact]
        public Task An_array_slice_is_reported_at_the_colon()
            => VerifyAsync(WithActions("""[ { "target": "$.components.schemas.Forecast.required[0{|COMET108::|}1]", "remove": true } ]"""));

        [Fact]
        public Task A_function_extension_is_reported_at_its_name()
            => VerifyAsync(WithActions("""[ { "target": "$.components.schemas[?({|COMET108:length|}(@.required) > 2)]", "update": { "x-big": true } } ]"""));

        [Fact]
        public Task A_target_that_does_not_start_at_the_root_is_reported_at_its_first_character()
            => VerifyAsync(WithActions("""[ { "target": "{|COMET108:c|}omponents.schemas.Forecast", "update": { "x-a": 1 } } ]"""));

        [Fact]
        public Task An_unclosed_bracket_is_reported_at_the_bracket()
            => VerifyAsync(WithActions("""[ { "target": "$.components.schemas{|COMET108:[|}'Forecast'", "update": { "x-a": 1 } } ]"""));

        [Fact]
        public Task A_target_with_escapes_is_reported_on_the_whole_string()
            => VerifyAsync(WithActions("""[ { "target": {|COMET108:"$.components[\u0027a\u0027]]"|}, "update": { "x-a": 1 } } ]"""));

        [Fact]
        public Task A_remove_that_is_not_a_boolean_is_reported_at_its_value()
            => VerifyAsync(WithActions("""[ { "target": "$.components.schemas.Forecast.required", "remove": {|COMET101:"yes"|} } ]"""));

        [Fact]
        public Task A_target_that_is_not_a_string_is_reported_at_its_value()
            => VerifyAsync(WithActions("""[ { "target": {|COMET101:["$"]|}, "update": { "x-a": 1 } } ]"""));

        [Fact]
        public Task An_action_without_a_target_is_reported_at_the_action()
            => VerifyAsync(WithActions("""[ {|COMET106:{|} "remove": true } ]"""));

        [Fact]
        public Task An_action_that_both_updates_and_removes_is_reported_at_the_update()
            => VerifyAsync(WithActions("""[ { "target": "$.components.schemas.Forecast", "update": {|COMET108:{ "x-a": 1 }|}, "remove": true } ]"""));

        [Fact]
        public Task An_action_that_neither_updates_nor_removes_is_reported_at_the_action()
            => VerifyAsync(WithActions("""[ {|COMET106:{|} "target": "$.components.schemas.Forecast", "remove": false } ]"""));

        [Fact]
        public Task An_action_that_is_not_an_object_is_reported()
            => VerifyAsync(WithActions("""[ {|COMET101:"$.components"|} ]"""));

        [Fact]
        public Task An_empty_list_of_actions_is_reported()
            => VerifyAsync(WithActions("""{|COMET108:[]|}"""));

        [Fact]
        public Task A_copy_action_is_reported_as_unsupported()
            => VerifyAsync(WithActions("""[ { "target": "$.components.schemas.Reading", "copy": {|COMET108:"$.components.schemas.Forecast"|} } ]"""));

        [Fact]
        public Task Removing_the_root_is_reported_at_the_target()
            => VerifyAsync(WithActions("""[ { "target": {|COMET108:"$"|}, "remove": true } ]"""));

        [Fact]
        public Task An_update_of_the_wrong_kind_for_an_object_target_is_reported_at_the_update()
            => VerifyAsync(WithActions("""[ { "target": "$.components.schemas.Forecast", "update": {|COMET101:"optional"|} } ]"""));

        [Fact]
        public Task A_member_that_cannot_merge_with_the_documents_value_is_reported_at_the_member()
            => VerifyAsync(WithActions("""[ { "target": "$.components.schemas.Forecast", "update": { "required": {|COMET101:"city"|} } } ]"""));

        [Fact]
        public Task An_unknown_overlay_version_is_reported_at_the_version()
            => VerifyAsync(WithOverlays("""
                [ { "overlay": {|COMET108:"2.0.0"|}, "info": { "title": "t", "version": "1" }, "extends": "forecast.openapi.json",
                    "actions": [ { "target": "$.components.schemas.Forecast.required[?(@ == 'city')]", "remove": true } ] } ]
                """));

        [Fact]
        public Task An_overlay_without_its_required_keys_is_reported_at_the_overlay()
            => VerifyAsync(WithOverlays("""
                [ {|COMET106:{|} "info": {|COMET106:{|} "title": "t" }, "extends": "forecast.openapi.json",
                    "actions": [ { "target": "$.components.schemas.Forecast.required[?(@ == 'city')]", "remove": true } ] } ]
                """));

        [Fact]
        public Task An_overlay_that_extends_a_missing_document_is_reported_at_extends()
            => VerifyAsync(WithOverlays("""
                [ { "overlay": "1.0.0", "info": { "title": "t", "version": "1" }, "extends": {|COMET102:"forecasts.openapi.json"|},
                    "actions": [ { "target": "$.components", "update": { "x-a": 1 } } ] } ]
                """));

        [Fact]
        public Task An_overlay_that_extends_a_document_with_a_fragment_is_reported_at_extends()
            => VerifyAsync(WithOverlays("""
                [ { "overlay": "1.0.0", "info": { "title": "t", "version": "1" }, "extends": {|COMET108:"forecast.openapi.json#/components"|},
                    "actions": [ { "target": "$.components", "update": { "x-a": 1 } } ] } ]
                """));

        [Fact]
        public Task Overlays_that_are_not_a_list_are_reported()
            => VerifyAsync(WithOverlays("""{|COMET101:{ "overlay": "1.0.0" }|}"""));

        [Fact]
        public Task An_overlay_that_is_neither_an_object_nor_a_file_name_is_reported()
            => VerifyAsync(WithOverlays("""[ {|COMET101:42|} ]"""));

        [Fact]
        public Task A_missing_overlay_file_is_reported_at_its_name()
            => VerifyAsync(WithOverlays("""[ {|COMET102:"forecast-fixes.overlay.json"|} ]"""));

        [Fact]
        public Task A_schema_problem_in_an_update_is_reported_where_the_update_wrote_it()
            => VerifyAsync(WithActions("""
                [ { "target": "$.components.schemas.Reading.properties", "update": { "wind": { "type": {|COMET108:"speed"|} } } } ]
                """));

        [Fact]
        public Task A_keyword_of_the_wrong_kind_an_update_merges_into_a_document_schema_is_reported_where_the_update_wrote_it()
            => VerifyAsync(WithActions("""
                [ { "target": "$.components.schemas.Forecast.properties.city", "update": { "x-sensitive": {|COMET101:"true"|}, "maxLength": {|COMET108:-1|} } } ]
                """));

        [Fact]
        public Task A_ref_an_update_adds_is_reported_at_that_ref_when_it_points_nowhere()
            => VerifyAsync(WithActions("""
                [ { "target": "$.components.schemas.Forecast.properties", "update": { "station": { "$ref": {|COMET102:"#/components/schemas/Station"|} } } } ]
                """));

        [Fact]
        public Task Removing_a_schema_the_contract_uses_is_reported_at_the_contracts_ref()
            => VerifyAsync("""
                {
                  "name": "Weather",
                  "response": { "$ref": {|COMET102:"forecast.openapi.json#/components/schemas/Forecast"|} },
                  "overlays": [
                    { "overlay": "1.0.0", "info": { "title": "t", "version": "1" }, "extends": "forecast.openapi.json",
                      "actions": [ { "target": "$.components.schemas.Forecast", "remove": true } ] }
                  ]
                }
                """);

        [Fact]
        public Task Problems_in_an_overlay_file_are_reported_in_that_file()
            => VerifyAsync(
                WithOverlays("""[ "fixes.overlay.json" ]"""),
                ("/project/contracts/fixes.overlay.json", """
                    {
                      "overlay": "1.0.0",
                      "info": { "title": "t", "version": "1" },
                      "extends": "forecast.openapi.json",
                      "actions": [
                        { "target": "$.components.schemas.Forecast.required[?(@ == 'readings')]", "remove": {|COMET101:1|} },
                        { "target": {|COMET110:"$.components.schemas.Nope"|}, "update": { "x-a": 1 } },
                        { "target": "$.components.schemas.Reading.properties", "update": { "wind": { "type": {|COMET108:"speed"|} } } },
                        { "target": "$..[1{|COMET108::|}]", "remove": true }
                      ]
                    }
                    """));

        [Fact]
        public Task What_an_earlier_overlay_added_is_still_located_in_it_after_a_later_overlay()
            => VerifyAsync(
                WithOverlays("""
                    [
                      "fixes.overlay.json",
                      { "overlay": "1.0.0", "info": { "title": "t", "version": "1" }, "extends": "forecast.openapi.json",
                        "actions": [ { "target": "$.components.schemas.Reading.properties", "update": { "gust": { "type": {|COMET108:"strong"|} } } } ] }
                    ]
                    """),
                ("/project/contracts/fixes.overlay.json", """
                    { "overlay": "1.0.0", "info": { "title": "t", "version": "1" }, "extends": "forecast.openapi.json",
                      "actions": [ { "target": "$.components.schemas.Reading.properties", "update": { "wind": { "type": {|COMET108:"speed"|} } } } ] }
                    """));

        [Fact]
        public Task An_overlay_file_that_is_not_JSON_is_reported_in_that_file()
            => VerifyAsync(
                WithOverlays("""[ "fixes.overlay.json" ]"""),
                ("/project/contracts/fixes.overlay.json", """
                    { "overlay": "1.0.0", "info": { "title": "t", "version": "1" }, {|COMET100:}|}
                    """));

        [Fact]
        public async Task A_target_that_selects_more_nodes_than_an_action_may_change_is_refused()
        {
            string schemas = string.Join(",", Enumerable.Range(0, 10_001).Select(i => $"\"S{i}\":{{\"type\":\"object\"}}"));
            string document = "{\"components\":{\"schemas\":{\"Forecast\":{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}}}," + schemas + "}}}";
            var diagnostics = await ContractDiagnosticsTest.RunAllAsync(
                WithActions("""[ { "target": "$.components.schemas.*", "update": { "x-seen": true } } ]"""),
                (OverlayGenerationTests.DocumentPath, document));
            Diagnostic refused = Assert.Single(diagnostics);
            Assert.Equal("COMET108", refused.Id);
            Assert.Contains("it selects 10002 nodes of forecast.openapi.json, and an action changes at most 10000", refused.GetMessage(CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        }

        [Fact]
        public async Task Messages_name_the_overlay_key_and_the_problem()
        {
            var diagnostics = await ContractDiagnosticsTest.RunAllAsync(
                WithActions("""
                    [
                      { "target": "$.components.schemas.Forecast.required[0:1]", "remove": true },
                      { "target": "$.components.schemas.Forcast", "update": { "x-a": 1 } },
                      { "target": "$.components.schemas.Forecast", "remove": "yes" }
                    ]
                    """),
                Document);
            string[] messages = diagnostics.OrderBy(d => d.Location.SourceSpan.Start).Select(d => d.Id + " " + d.GetMessage(CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(
                new[]
                {
                    "COMET108 'overlays[0].actions[0].target' value \"$.components.schemas.Forecast.required[0:1]\" is not valid: array slices ([start:end]) are not supported: select items by index or with a filter",
                    "COMET110 The overlay action's target '$.components.schemas.Forcast' selects nothing in forecast.openapi.json, so the action changes nothing",
                    "COMET101 'overlays[0].actions[2].remove' must be a boolean, but it is a string",
                },
                messages);
        }

        [Fact]
        public async Task A_contract_with_only_an_overlay_warning_still_generates()
        {
            ContractGeneratorTest test = ContractGeneratorTest.ForContract(WithActions("""[ { "target": "$.components.schemas.Nope", "remove": true } ]""")).WithoutGeneratedSourcesCheck();
            test.TestState.AdditionalFiles.Add(Document);
            await test.RunAsync();
            Assert.NotEmpty(test.Generated);
        }

        [Fact]
        public void A_contract_with_an_overlay_error_generates_nothing()
        {
            GeneratorRun run = GeneratorHarness.RunContract(WithActions("""[ { "target": "$.components[", "remove": true } ]"""), Document);
            Assert.Empty(run.Sources);
            Assert.Empty(run.GeneratorDiagnostics);
        }

        [Fact]
        public async Task A_build_reports_the_overlay_files_problem_in_that_file()
        {
            // The generator reports the located diagnostics of a contract it skips, in builds (see ContractGenerator).
            var files = new[]
            {
                ("/project/contracts/test.contract.json", WithOverlays("""[ "fixes.overlay.json" ]""")),
                Document,
                ("/project/contracts/fixes.overlay.json", """{ "overlay": "1.0.0", "info": { "title": "t", "version": "1" }, "extends": "forecast.openapi.json", "actions": [ { "target": "$.a", "remove": "no" } ] }"""),
            };
            Microsoft.CodeAnalysis.CSharp.CSharpCompilation compilation = GeneratorHarness.CreateCompilation(new[] { ContractGeneratorTest.Anchor });
            var parseOptions = new Microsoft.CodeAnalysis.CSharp.CSharpParseOptions(Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest)
                .WithFeatures(new[] { new System.Collections.Generic.KeyValuePair<string, string>(CometAnalyzers.Generation.ContractGenerator.BuildFeature, "true") });
            GeneratorDriver driver = Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create(
                new[] { new CometAnalyzers.Generation.ContractGenerator().AsSourceGenerator() },
                files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Item1, f.Item2)),
                parseOptions);
            driver.RunGeneratorsAndUpdateCompilation(compilation, out _, out var diagnostics);
            Diagnostic reported = Assert.Single(diagnostics);
            Assert.Equal("COMET101", reported.Id);
            Assert.Equal("/project/contracts/fixes.overlay.json", reported.Location.GetLineSpan().Path);
            await Task.CompletedTask;
        }
    }
}
