using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using CometAnalyzers.Tests.Infrastructure;
using Xunit;

namespace CometAnalyzers.Tests.Generator
{
    /// <summary>
    /// Unions of several JSON shapes. A branch's shape is seen through its $ref, a one-part allOf wrapper and a nested
    /// union, so a $ref to an open enum is the string case; single-value string enums merge into one open enum beside the
    /// object case. Where the generator cannot type a value, COMET107 says so and the generated reader really keeps the
    /// value as raw JSON. Each test checks the contract's diagnostics and runs the generated code on payloads.
    /// </summary>
    public class UnionShapeTests
    {
        private const string ColorContract = """
            { "name": "Paint", "request": { "$ref": "#/schemas/Wall" },
              "schemas": {
                "Wall": { "type": "object", "properties": {
                  "color": { "$ref": "#/schemas/ColorOrSwatch" },
                  "trim": { "allOf": [ { "$ref": "#/schemas/ColorOrSwatch" }, { "nullable": true, "description": "Only when it differs." } ] } } },
                "ColorOrSwatch": { "anyOf": [
                  { "$ref": "#/schemas/ColorName" },
                  { "type": "object", "required": ["swatch"], "properties": { "swatch": { "type": "string" } } } ] },
                "ColorName": { "anyOf": [ { "type": "string" }, { "type": "string", "enum": ["white", "ochre", "slate"] } ] } } }
            """;

        [Fact]
        public Task A_ref_to_an_open_enum_beside_an_object_is_typed_without_COMET107()
            => ContractDiagnosticsTest.VerifyAsync(ColorContract);

        [Fact]
        public void A_ref_to_an_open_enum_beside_an_object_reads_strings_as_the_enum_and_objects_as_the_object()
        {
            const string describe = """value.Color is null ? "-" : value.Color.IsString ? "name " + value.Color.AsString!.Value.Value + (value.Color.AsString.Value.IsKnown ? "" : "?") : "swatch " + value.Color.AsColorOrSwatchObject!.Swatch""";
            Assert.Equal(
                new[]
                {
                    """{"color":"ochre"} | name ochre""",
                    """{"color":"teal"} | name teal?""",
                    """{"color":{"swatch":"s-12"}} | swatch s-12""",
                    """{"trim":null} | -""",
                    """{"color":"slate","trim":"white"} | name slate""",
                    "error WrongType at $.color",
                },
                ContractProbe.RoundTrip(ColorContract, "Paint", "Wall", describe,
                    """{"color":"ochre"}""", """{"color":"teal"}""", """{"color":{"swatch":"s-12"}}""", """{"trim":null}""", """{"color":"slate","trim":"white"}""", """{"color":7}"""));
        }

        private const string AlertContract = """
            { "name": "Signal", "request": { "$ref": "#/schemas/Panel" },
              "schemas": {
                "Panel": { "type": "object", "properties": { "alert": { "$ref": "#/schemas/Alert" } } },
                "Alert": { "oneOf": [
                  { "type": "string", "enum": ["mute"] }, { "type": "string", "enum": ["ring"] }, { "type": "string", "enum": ["flash"] },
                  { "$ref": "#/schemas/NamedAlert" },
                  { "type": "object", "properties": { "mode": { "type": "string" } } } ] },
                "NamedAlert": { "type": "object", "required": ["mode", "sound"], "properties": {
                  "mode": { "$ref": "#/schemas/NamedMode" },
                  "sound": { "type": "object", "required": ["name"], "properties": { "name": { "type": "string" } } } } },
                "NamedMode": { "type": "string", "enum": ["named"] } } }
            """;

        [Fact]
        public Task Single_value_string_enums_beside_discriminated_objects_are_typed_without_COMET107()
            => ContractDiagnosticsTest.VerifyAsync(AlertContract);

        [Fact]
        public void Single_value_string_enums_are_one_open_enum_and_the_objects_a_polymorphic_case_with_an_open_default()
        {
            // The object branch whose "mode" is any string takes every object the named branch does not: one without "mode" too.
            const string describe = """value.Alert!.IsString ? "mode " + value.Alert.AsString!.Value.Value + (value.Alert.AsString.Value.IsKnown ? "" : "?") : value.Alert.AsAlertObject!.GetType().Name + " " + value.Alert.AsAlertObject.Mode""";
            Assert.Equal(
                new[]
                {
                    """{"alert":"mute"} | mode mute""",
                    """{"alert":"flash"} | mode flash""",
                    """{"alert":"vibrate"} | mode vibrate?""",
                    """{"alert":{"mode":"named","sound":{"name":"bell"}}} | NamedAlert named""",
                    """{"alert":{"mode":"pulse","rate":2}} | AlertObjectOther pulse""",
                    """{"alert":{}} | AlertObjectOther """,
                    "error MissingRequiredField at $.alert.sound",
                },
                ContractProbe.RoundTrip(AlertContract, "Signal", "Panel", describe,
                    """{"alert":"mute"}""", """{"alert":"flash"}""", """{"alert":"vibrate"}""", """{"alert":{"mode":"named","sound":{"name":"bell"}}}""",
                    """{"alert":{"mode":"pulse","rate":2}}""", """{"alert":{}}""", """{"alert":{"mode":"named"}}"""));
        }

        [Fact]
        public void The_string_enums_merge_into_one_enum_of_their_values()
        {
            string alertValue = GeneratorHarness.RunContract(AlertContract).Sources.Single(s => s.HintName == "Signal.Contracts.AlertValue.g.cs").Text;
            Assert.Contains("KnownValues { get; } = new global::Signal.Contracts.AlertValue[] { Mute, Ring, Flash };", alertValue, System.StringComparison.Ordinal);
        }

        [Fact]
        public Task A_nested_union_of_several_shapes_adds_its_branches_to_the_union_around_it()
            => ContractProbe.VerifyTypedAsync(
                """
                { "name": "Nest", "request": { "type": "object", "properties": { "v": { "anyOf": [ { "$ref": "#/schemas/TextOrCount" }, { "type": "array", "items": { "type": "string" } } ] } } },
                  "schemas": { "TextOrCount": { "anyOf": [ { "type": "string" }, { "type": "integer" } ] } } }
                """,
                """value.V!.IsString ? "string" : value.V.IsNumber ? "number" : "list" """,
                ("""{"v":"a"}""", """{"v":"a"} | string"""),
                ("""{"v":3}""", """{"v":3} | number"""),
                ("""{"v":["a","b"]}""", """{"v":["a","b"]} | list"""));

        [Fact]
        public Task A_branch_that_also_accepts_null_makes_the_union_nullable()
            => ContractProbe.VerifyTypedAsync(
                """
                { "name": "Note", "request": { "type": "object", "required": ["v"], "properties": { "v": { "anyOf": [
                  { "type": "string", "nullable": true }, { "type": "object", "properties": { "text": { "type": "string" } } } ] } } } }
                """,
                """value.V is null ? "null" : value.V.IsString ? "string" : "object" """,
                ("""{"v":null}""", """{"v":null} | null"""),
                ("""{"v":{"text":"t"}}""", """{"v":{"text":"t"}} | object"""));

        [Fact]
        public Task A_free_form_object_branch_is_a_JsonElement_case_without_a_warning()
            => ContractProbe.VerifyTypedAsync(
                """{ "name": "Loose", "request": { "type": "object", "properties": { "v": { "anyOf": [ { "type": "string" }, { "type": "object" } ] } } } }""",
                """value.V!.IsObject ? "object " + value.V.AsObject!.Value.GetProperty("any").GetArrayLength() : "string" """,
                ("""{"v":{"any":[1,{"b":null}]}}""", """{"v":{"any":[1,{"b":null}]}} | object 2"""),
                ("""{"v":"s"}""", """{"v":"s"} | string"""));

        [Fact]
        public Task A_free_form_branch_keeps_values_of_the_shapes_no_case_types_as_Unknown_without_a_warning()
            => ContractProbe.VerifyTypedAsync(
                """{ "name": "Loose", "request": { "type": "object", "properties": { "v": { "anyOf": [ { "type": "string" }, { "description": "Anything else." } ] } } } }""",
                """value.V!.IsUnknown ? "unknown " + value.V.Unknown!.Value.ValueKind : "string" """,
                ("""{"v":42}""", """{"v":42} | unknown Number"""),
                ("""{"v":[true]}""", """{"v":[true]} | unknown Array"""),
                ("""{"v":"s"}""", """{"v":"s"} | string"""));

        [Fact]
        public async Task A_branch_of_several_types_is_COMET107_and_its_values_are_really_kept_as_Unknown()
        {
            await ContractDiagnosticsTest.VerifyAsync("""
                { "name": "Loose", "request": { "type": "object", "properties": {
                  "v": {|COMET107:{ "anyOf": [ { "type": "string" }, { "type": ["integer", "boolean"] } ] }|} } } }
                """);
            Assert.Equal(
                new[] { """{"v":true} | unknown True""", """{"v":"s"} | string""" },
                ContractProbe.RoundTrip(
                    """{ "name": "Loose", "request": { "type": "object", "properties": { "v": { "anyOf": [ { "type": "string" }, { "type": ["integer", "boolean"] } ] } } } }""",
                    "Loose", "LooseRequest", """value.V!.IsUnknown ? "unknown " + value.V.Unknown!.Value.ValueKind : "string" """,
                    """{"v":true}""", """{"v":"s"}"""));
        }

        [Fact(Timeout = 60_000)]
        public async Task Unions_that_contain_themselves_many_times_are_typed_in_linear_time()
        {
            // Every branch names the union again: walking each path would take 4^depth steps.
            const string contract = """
                { "name": "Loop", "request": { "type": "object", "properties": { "v": { "$ref": "#/schemas/Knot" }, "w": { "$ref": "#/schemas/Tangle" } } },
                  "schemas": {
                    "Knot": { "anyOf": [ { "$ref": "#/schemas/Knot" }, { "$ref": "#/schemas/Knot" }, { "$ref": "#/schemas/Knot" }, { "type": "string" }, { "type": "integer" } ] },
                    "Tangle": { "anyOf": [ { "$ref": "#/schemas/Tangle" }, { "$ref": "#/schemas/Tangle" }, { "type": "object", "properties": { "kind": { "anyOf": [ { "$ref": "#/schemas/Tangle" }, { "$ref": "#/schemas/Tangle" } ] } } }, { "type": "boolean" } ] } } }
                """;
            await Task.Run(() => GeneratorHarness.RunContract(contract).AssertGeneratedCodeCompilesCleanly());
            var diagnostics = await ContractDiagnosticsTest.GetDiagnosticsAsync(contract);
            Assert.Contains(diagnostics, d => d.Id == "COMET107" && d.GetMessage(CultureInfo.InvariantCulture).StartsWith("'Knot (other values)'", System.StringComparison.Ordinal));
        }

        private const string UndiscriminatedObjects = """
            { "name": "Box", "request": { "type": "object", "properties": {
              "either": { "oneOf": [ { "type": "object", "properties": { "a": { "type": "string" } } }, { "type": "object", "properties": { "b": { "type": "string" } } } ] },
              "textOrEither": { "oneOf": [ { "type": "string" }, { "type": "object", "properties": { "a": { "type": "string" } } }, { "type": "object", "properties": { "b": { "type": "string" } } } ] },
              "shared": { "oneOf": [
                { "type": "object", "properties": { "kind": { "const": "same" }, "a": { "type": "string" } } },
                { "type": "object", "properties": { "kind": { "const": "same" }, "b": { "type": "string" } } } ] } } } }
            """;

        [Fact]
        public async Task Object_branches_nothing_tells_apart_are_COMET107_saying_the_value_is_kept_as_raw_JSON()
        {
            var diagnostics = await ContractDiagnosticsTest.GetDiagnosticsAsync(UndiscriminatedObjects);
            Assert.Equal(
                new[]
                {
                    "'BoxRequestEither' is generated as JsonElement: its object variants share no discriminator property (one whose const or enum values, or any other string in at most one variant, tell them apart); the value is kept as raw JSON",
                    "'BoxRequestShared' is generated as JsonElement: its object variants share no discriminator property (one whose const or enum values, or any other string in at most one variant, tell them apart); the value is kept as raw JSON",
                    "'BoxRequestTextOrEither (object case)' is generated as JsonElement: its object variants share no discriminator property (one whose const or enum values, or any other string in at most one variant, tell them apart); an object is kept as raw JSON",
                },
                diagnostics.Where(d => d.Id == "COMET107").Select(d => d.GetMessage(CultureInfo.InvariantCulture)).OrderBy(m => m, System.StringComparer.Ordinal));
        }

        [Fact]
        public async Task The_COMET107_page_examples_do_what_the_page_says()
        {
            string page = System.IO.File.ReadAllText(ReferenceData.RepoFile("docs/rules/COMET107.md")).Replace("\r\n", "\n", System.StringComparison.Ordinal);
            string Example(string heading) => System.Text.RegularExpressions.Regex.Match(page, "\n" + heading + ":\n```json\n(.*?)\n```", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
            string Contract(string property) => """{ "name": "Doc", "request": { "type": "object", "properties": { """ + property + " } } }";

            var flagged = await ContractDiagnosticsTest.GetDiagnosticsAsync(Contract(Example("Non-compliant")));
            Assert.Equal("COMET107", Assert.Single(flagged).Id);
            Assert.Empty(await ContractDiagnosticsTest.GetDiagnosticsAsync(Contract(Example("Compliant"))));
        }

        [Fact]
        public void Object_branches_nothing_tells_apart_really_keep_the_object_as_raw_JSON()
        {
            const string describe = """value.Either?.ValueKind + " " + value.Shared?.ValueKind + " " + (value.TextOrEither is null ? "-" : value.TextOrEither.IsObject ? "object " + value.TextOrEither.AsObject!.Value.ValueKind : "string")""";
            Assert.Equal(
                new[]
                {
                    """{"either":{"b":"x","z":[1]},"shared":{"kind":"same","b":"y"}} | Object Object -""",
                    """{"textOrEither":{"a":"x","q":1}} |   object Object""",
                    """{"textOrEither":"t"} |   string""",
                },
                ContractProbe.RoundTrip(UndiscriminatedObjects, "Box", "BoxRequest", describe,
                    """{"either":{"b":"x","z":[1]},"shared":{"kind":"same","b":"y"}}""", """{"textOrEither":{"a":"x","q":1}}""", """{"textOrEither":"t"}"""));
        }
    }
}
