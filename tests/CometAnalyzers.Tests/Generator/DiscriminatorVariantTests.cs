using System.Linq;
using System.Threading.Tasks;
using CometAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace CometAnalyzers.Tests.Generator
{
    /// <summary>
    /// Discriminated unions whose discriminator is not one const per branch: a branch that owns several values (an enum,
    /// or several mapping entries) is one variant that keeps the value it read; the only branch whose discriminator is
    /// optional is the one an object without it belongs to. Each test checks the contract's diagnostics and runs the
    /// generated code on payloads.
    /// </summary>
    public class DiscriminatorVariantTests
    {
        /// <summary>A discriminator keyword without a mapping: a branch's values are the ones its property lists, not its schema name.</summary>
        private const string GardenContract = """
            { "name": "Garden", "request": { "$ref": "#/schemas/Bed" },
              "schemas": {
                "Bed": { "type": "object", "properties": { "plants": { "type": "array", "items": { "$ref": "#/schemas/Plant" } } } },
                "Plant": { "discriminator": { "propertyName": "kind" }, "oneOf": [ { "$ref": "#/schemas/Herb" }, { "$ref": "#/schemas/Tree" }, { "$ref": "#/schemas/Vine" } ] },
                "Herb": { "type": "object", "required": ["kind", "name"], "properties": { "kind": { "type": "string", "const": "herb" }, "name": { "type": "string" } } },
                "Tree": { "type": "object", "required": ["kind"], "properties": { "kind": { "$ref": "#/schemas/TreeKind" }, "height": { "type": "number" } } },
                "TreeKind": { "type": "string", "enum": ["tree", "tree_dwarf", "tree_espalier"] },
                "Vine": { "type": "object", "required": ["kind"], "properties": { "kind": { "const": "vine" }, "length": { "type": "integer" } } } } }
            """;

        private const string DescribePlants = """string.Join(",", System.Linq.Enumerable.Select(value.Plants!, p => p.GetType().Name + ":" + p.Kind))""";

        [Fact]
        public Task A_branch_whose_discriminator_is_an_enum_of_several_values_is_typed_without_COMET107()
            => ContractDiagnosticsTest.VerifyAsync(GardenContract);

        [Fact]
        public void Every_value_a_branch_owns_selects_its_one_variant_and_is_written_back_as_read()
        {
            Assert.Equal(
                new[]
                {
                    """{"plants":[{"kind":"tree_dwarf","height":1.5},{"kind":"herb","name":"basil"},{"kind":"tree"},{"kind":"moss","x":1}]} | Tree:tree_dwarf,Herb:herb,Tree:tree,UnknownPlant:moss""",
                    "error WrongType at $.plants[0].kind",
                    "error WrongType at $.plants[0].kind",
                    """{"plants":[{"height":2}]} | UnknownPlant:""",
                },
                ContractProbe.RoundTrip(GardenContract, "Garden", "Bed", DescribePlants,
                    """{"plants":[{"kind":"tree_dwarf","height":1.5},{"kind":"herb","name":"basil"},{"kind":"tree"},{"kind":"moss","x":1}]}""",
                    """{"plants":[{"kind":"tree","kind":"tree_dwarf"}]}""",
                    """{"plants":[{"kind":"tree","kind":"herb"}]}""",
                    """{"plants":[{"height":2}]}"""));
        }

        [Fact]
        public void A_variant_that_owns_several_values_takes_the_one_it_is_written_with_in_its_constructor()
        {
            string tree = GeneratorHarness.RunContract(GardenContract).Sources.Single(s => s.HintName == "Garden.Contracts.Tree.g.cs").Text;
            Assert.Contains("public Tree(string discriminator = \"tree\")", tree, System.StringComparison.Ordinal);
            Assert.Contains("private static readonly string[] s_discriminatorValues = new[] { \"tree\", \"tree_dwarf\", \"tree_espalier\" };", tree, System.StringComparison.Ordinal);
            Assert.Contains("public override string Kind => _discriminator ?? \"tree\";", tree, System.StringComparison.Ordinal);
        }

        [Fact]
        public Task A_mapping_that_names_one_schema_for_two_values_selects_that_variant_for_both()
            => ContractProbe.VerifyTypedAsync(
                """
                { "name": "Farm", "request": { "type": "object", "properties": { "animal": { "$ref": "#/schemas/Animal" } } },
                  "schemas": {
                    "Animal": { "oneOf": [ { "$ref": "#/schemas/Bird" }, { "$ref": "#/schemas/Cow" } ],
                      "discriminator": { "propertyName": "kind", "mapping": { "hen": "#/schemas/Bird", "duck": "#/schemas/Bird", "cow": "#/schemas/Cow" } } },
                    "Bird": { "type": "object", "required": ["kind"], "properties": { "kind": { "type": "string" }, "eggs": { "type": "integer" } } },
                    "Cow": { "type": "object", "required": ["kind"], "properties": { "kind": { "type": "string" } } } } }
                """,
                """value.Animal!.GetType().Name + ":" + value.Animal.Kind""",
                ("""{"animal":{"kind":"duck","eggs":2}}""", """{"animal":{"kind":"duck","eggs":2}} | Bird:duck"""),
                ("""{"animal":{"kind":"hen"}}""", """{"animal":{"kind":"hen"}} | Bird:hen"""),
                ("""{"animal":{"kind":"cow"}}""", """{"animal":{"kind":"cow"}} | Cow:cow"""));

        /// <summary>Only the custom branch may leave "kind" out (or make it null): an object without it is a custom switch.</summary>
        private const string LampContract = """
            { "name": "Lamp", "request": { "type": "object", "properties": { "switches": { "type": "array", "items": { "$ref": "#/schemas/Switch" } } } },
              "schemas": {
                "Switch": { "oneOf": [ { "$ref": "#/schemas/Dimmer" }, { "$ref": "#/schemas/Toggle" }, { "$ref": "#/schemas/Custom" } ] },
                "Dimmer": { "type": "object", "required": ["kind", "level"], "properties": { "kind": { "type": "string", "const": "dimmer" }, "level": { "type": "integer" } } },
                "Toggle": { "type": "object", "required": ["kind"], "properties": { "kind": { "type": "string", "const": "toggle" } } },
                "Custom": { "type": "object", "required": ["label"], "properties": {
                  "kind": { "anyOf": [ { "type": "null" }, { "type": "string", "const": "custom" } ] },
                  "label": { "type": "string" } } } } }
            """;

        [Fact]
        public Task An_optional_discriminator_on_one_branch_is_typed_without_COMET107()
            => ContractDiagnosticsTest.VerifyAsync(LampContract);

        [Fact]
        public void An_object_without_the_discriminator_is_read_as_the_branch_that_may_leave_it_out_and_written_back_without_it()
        {
            const string describe = """string.Join(",", System.Linq.Enumerable.Select(value.Switches!, s => s.GetType().Name + ":" + s.Kind))""";
            Assert.Equal(
                new[]
                {
                    """{"switches":[{"label":"a"},{"kind":"custom","label":"b"},{"kind":null,"label":"c"},{"kind":"dimmer","level":3},{"kind":"toggle"},{"kind":"laser"}]} | Custom:custom,Custom:custom,Custom:custom,Dimmer:dimmer,Toggle:toggle,UnknownSwitch:laser""",
                    "error WrongType at $.switches[0].kind",
                    "error MissingRequiredField at $.switches[0].label",
                },
                ContractProbe.RoundTrip(LampContract, "Lamp", "LampRequest", describe,
                    """{"switches":[{"label":"a"},{"kind":"custom","label":"b"},{"kind":null,"label":"c"},{"kind":"dimmer","level":3},{"kind":"toggle"},{"kind":"laser"}]}""",
                    """{"switches":[{"kind":"custom","label":"d","kind":null}]}""",
                    """{"switches":[{"kind":null}]}"""));
        }

        [Fact]
        public void When_several_branches_may_leave_the_discriminator_out_an_object_without_it_stays_unknown()
        {
            const string contract = """
                { "name": "Lamp", "request": { "type": "object", "properties": { "switch": { "oneOf": [
                  { "type": "object", "properties": { "kind": { "const": "dimmer" }, "level": { "type": "integer" } } },
                  { "type": "object", "properties": { "kind": { "const": "toggle" } } } ] } } } }
                """;
            Assert.Equal(
                new[] { """{"switch":{"level":1}} | UnknownLampRequestSwitch""", """{"switch":{"kind":"toggle"}} | LampRequestSwitchToggle""" },
                ContractProbe.RoundTrip(contract, "Lamp", "LampRequest", "value.Switch!.GetType().Name", """{"switch":{"level":1}}""", """{"switch":{"kind":"toggle"}}"""));
        }

        [Fact]
        public Task Variants_that_already_derive_from_another_base_are_union_cases_keyed_by_every_value_they_own()
            => ContractProbe.VerifyTypedAsync(
                """
                { "name": "Nursery", "request": { "type": "object", "properties": {
                    "plants": { "type": "array", "items": { "$ref": "#/schemas/Plant" } },
                    "potted": { "type": "array", "items": { "$ref": "#/schemas/Potted" } } } },
                  "schemas": {
                    "Plant": { "oneOf": [ { "$ref": "#/schemas/Herb" }, { "$ref": "#/schemas/Tree" } ] },
                    "Potted": { "oneOf": [ { "$ref": "#/schemas/Herb" }, { "$ref": "#/schemas/Tree" }, { "$ref": "#/schemas/Wild" } ] },
                    "Herb": { "type": "object", "required": ["kind"], "properties": { "kind": { "const": "herb" } } },
                    "Tree": { "type": "object", "required": ["kind"], "properties": { "kind": { "type": "string", "enum": ["tree", "tree_dwarf"] } } },
                    "Wild": { "type": "object", "properties": { "kind": { "type": "string" }, "seen": { "type": "boolean" } } } } }
                """,
                """string.Join(",", System.Linq.Enumerable.Select(value.Potted!, p => p.IsUnknown ? "unknown" : p.Value!.GetType().Name))""",
                ("""{"potted":[{"kind":"tree_dwarf"},{"kind":"herb"},{"kind":"fern","seen":true},{"seen":false},{"kind":7}]}""",
                 """{"potted":[{"kind":"tree_dwarf"},{"kind":"herb"},{"kind":"fern","seen":true},{"seen":false},{"kind":7}]} | Tree,Herb,Wild,Wild,unknown"""));

        [Fact]
        public Task Discriminator_values_with_line_separators_stay_inside_the_generated_comments()
            => ContractProbe.VerifyTypedAsync(
                """
                { "name": "Odd", "request": { "type": "object", "properties": { "v": { "oneOf": [
                  { "type": "object", "properties": { "kind": { "enum": ["a\u2028b", "a\u0085c"] } } },
                  { "type": "object", "properties": { "kind": { "const": "d\u2029e" } } },
                  { "type": "object", "properties": { "kind": { "type": "string" } } } ] } } } }
                """,
                """value.V!.GetType().Name""",
                ("""{"v":{"kind":"a\u0085c"}}""", """{"v":{"kind":"a\u0085c"}} | OddRequestVAB"""));

        [Theory]
        [InlineData(LanguageVersion.CSharp10)]
        [InlineData(LanguageVersion.Latest)]
        public async Task Variants_that_keep_their_discriminator_compile_without_warnings(LanguageVersion languageVersion)
        {
            ContractGeneratorTest garden = ContractGeneratorTest.ForContract(GardenContract, languageVersion).WithoutGeneratedSourcesCheck();
            await garden.RunAsync();
            Assert.Contains(garden.Generated, s => s.HintName == "Garden.Contracts.Tree.g.cs" && s.Text.Contains("public Tree(string discriminator = \"tree\")", System.StringComparison.Ordinal));
            ContractGeneratorTest lamp = ContractGeneratorTest.ForContract(LampContract, languageVersion).WithoutGeneratedSourcesCheck();
            await lamp.RunAsync();
            Assert.Contains(lamp.Generated, s => s.HintName == "Lamp.Contracts.Custom.g.cs" && s.Text.Contains("public Custom(string? discriminator = null)", System.StringComparison.Ordinal));
        }
    }
}
