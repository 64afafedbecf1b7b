using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading.Tasks;
using CometAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace CometAnalyzers.Tests.Generator
{
    /// <summary>
    /// Generated list readers gather items in a per-thread scratch array and build each list at its exact size. What could
    /// go wrong is state: a list of the same type nested in another (a recursive schema), a list longer than the scratch
    /// keeps, and a read that fails halfway must each leave the next read untouched. The round trips run the generated code
    /// (compiled and loaded here, on the project's own harness); what is emitted is checked on the testing library.
    /// </summary>
    public class GeneratedListTests
    {
        private const string Contract = """
            { "name": "Tree", "response": { "$ref": "#/schemas/Node" },
              "schemas": { "Node": { "type": "object", "required": ["name"], "properties": {
                "name": { "type": "string" },
                "children": { "type": "array", "items": { "$ref": "#/schemas/Node" } },
                "weights": { "type": "array", "items": { "type": "integer" } } } } } }
            """;

        private const string Probe = """
            namespace Consumer
            {
                public static class Probe
                {
                    public static string RoundTrip(string json)
                    {
                        if (!Tree.Contracts.Node.TryParse(System.Text.Encoding.UTF8.GetBytes(json), out Tree.Contracts.Node? node, out Tree.Contracts.TreeContractError? error))
                        {
                            return "error at " + error!.JsonPath;
                        }

                        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
                        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
                        {
                            node.WriteTo(writer);
                        }

                        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
                    }
                }
            }
            """;

        [Fact]
        public void Lists_of_a_type_nested_in_lists_of_the_same_type_keep_their_own_items()
        {
            const string json = """{"name":"a","children":[{"name":"b","children":[{"name":"c","children":[],"weights":[7]}],"weights":[1,2,3]},{"name":"d","weights":[4]}],"weights":[5,6]}""";
            Assert.Equal(json, RoundTrip(json).Single());
        }

        [Fact]
        public void Lists_longer_than_the_scratch_keeps_are_read_whole_and_the_next_read_is_unaffected()
        {
            string weights = string.Join(",", Enumerable.Range(0, 3000));
            string large = $$"""{"name":"a","children":[{"name":"b","weights":[{{weights}}]}],"weights":[{{weights}}]}""";
            const string small = """{"name":"z","weights":[1,2]}""";
            Assert.Equal(new[] { large, small, large }, RoundTrip(large, small, large));
        }

        [Fact]
        public void A_read_that_fails_inside_nested_lists_reports_the_path_and_leaves_no_items_behind()
        {
            const string broken = """{"name":"a","children":[{"name":"b","weights":[1,2]},{"name":"c","children":[{"name":"d","weights":[3,"x"]}]}]}""";
            const string next = """{"name":"e","children":[{"name":"f","weights":[]}],"weights":[9]}""";
            Assert.Equal(new[] { "error at $.children[1].children[0].weights[1]", next }, RoundTrip(broken, next));
        }

        [Fact]
        public async Task Item_readers_are_emitted_for_the_lists_that_read_through_them_and_no_others()
        {
            // Lists of nullable items and lists of lists read through delegates; a list inside a list, a map or a union
            // still reads its own items through a struct. Node and Unused are never list items, so get no reader.
            const string contract = """
                { "name": "Shapes", "response": { "$ref": "#/schemas/Node" },
                  "schemas": {
                    "Node": { "type": "object", "properties": {
                      "tags": { "type": "array", "items": { "type": "string" } },
                      "scores": { "type": "array", "items": { "type": ["number", "null"] } },
                      "grid": { "type": "array", "items": { "type": "array", "items": { "type": "integer" } } },
                      "byName": { "type": "object", "additionalProperties": { "type": "array", "items": { "$ref": "#/schemas/Leaf" } } },
                      "maybeLeaves": { "type": "array", "items": { "anyOf": [{ "$ref": "#/schemas/Leaf" }, { "type": "null" }] } },
                      "content": { "oneOf": [{ "type": "string" }, { "type": "array", "items": { "$ref": "#/schemas/Part" } }] },
                      "unused": { "$ref": "#/schemas/Unused" } } },
                    "Leaf": { "type": "object", "properties": { "weight": { "type": "number" } } },
                    "Part": { "type": "object", "properties": { "text": { "type": "string" } } },
                    "Unused": { "type": "object", "properties": { "flag": { "type": "boolean" } } } } }
                """;

            ContractGeneratorTest test = ContractGeneratorTest.ForContract(contract).WithoutGeneratedSourcesCheck();
            await test.RunAsync();
            string helpers = test.Generated.Single(s => s.HintName.EndsWith("ShapesJson.g.cs", StringComparison.Ordinal)).Text;
            string[] readers = System.Text.RegularExpressions.Regex.Matches(helpers, @"internal struct (\w+) : IItemReader").Select(m => m.Groups[1].Value).ToArray();
            Assert.Equal(new[] { "ReadInt64", "ReadString", "ReadLeaf", "ReadPart" }, readers);
        }

        [Theory]
        [InlineData(LanguageVersion.CSharp10)]
        [InlineData(LanguageVersion.Latest)]
        public void Lists_written_by_inline_loops_round_trip_nested_nullable_and_mapped_items(LanguageVersion languageVersion)
        {
            // The writer loops over list items inline (no delegate per item): lists of lists, null items, lists inside a
            // map and a union case each get loops of their own, which must compile cleanly and write back what was read.
            const string json = """{"tags":["a","b"],"scores":[1.5,null,2],"grid":[[1,2],[],[3]],"byName":{"x":[{"weight":1}],"y":[]},"maybeLeaves":[{"weight":2},null],"content":[{"text":"t"}],"stamps":[1700000000,null]}""";
            const string other = """{"grid":[],"content":"plain"}""";
            Assert.Equal(new[] { json, other }, RoundTrip(ShapesContract, ShapesProbe, languageVersion, json, other));
        }

        private const string ShapesContract = """
            { "name": "Shapes", "response": { "$ref": "#/schemas/Node" },
              "schemas": {
                "Node": { "type": "object", "properties": {
                  "tags": { "type": "array", "items": { "type": "string" } },
                  "scores": { "type": "array", "items": { "type": ["number", "null"] } },
                  "grid": { "type": "array", "items": { "type": "array", "items": { "type": "integer" } } },
                  "byName": { "type": "object", "additionalProperties": { "type": "array", "items": { "$ref": "#/schemas/Leaf" } } },
                  "maybeLeaves": { "type": "array", "items": { "anyOf": [{ "$ref": "#/schemas/Leaf" }, { "type": "null" }] } },
                  "content": { "oneOf": [{ "type": "string" }, { "type": "array", "items": { "$ref": "#/schemas/Part" } }] },
                  "stamps": { "type": "array", "items": { "type": ["integer", "null"], "format": "unixtime" } } } },
                "Leaf": { "type": "object", "properties": { "weight": { "type": "number" } } },
                "Part": { "type": "object", "properties": { "text": { "type": "string" } } } } }
            """;

        private const string ShapesProbe = """
            namespace Consumer
            {
                public static class Probe
                {
                    public static string RoundTrip(string json)
                    {
                        Shapes.Contracts.Node node = Shapes.Contracts.Node.Parse(System.Text.Encoding.UTF8.GetBytes(json));
                        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
                        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
                        {
                            node.WriteTo(writer);
                        }

                        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
                    }
                }
            }
            """;

        private static string[] RoundTrip(params string[] inputs) => RoundTrip(Contract, Probe, LanguageVersion.Latest, inputs);

        /// <summary>Compiles the contract with the probe, loads it apart, and round-trips each input in order on one thread.</summary>
        private static string[] RoundTrip(string contract, string probe, LanguageVersion languageVersion, params string[] inputs)
        {
            GeneratorRun run = GeneratorHarness.Run(new[] { ("/p/test.contract.json", contract) }, new[] { probe }, languageVersion);
            run.AssertGeneratedCodeCompilesCleanly();
            using var image = new MemoryStream();
            var emitted = run.OutputCompilation.Emit(image);
            Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));

            var context = new AssemblyLoadContext("lists", isCollectible: true);
            try
            {
                image.Position = 0;
                MethodInfo roundTrip = context.LoadFromStream(image).GetType("Consumer.Probe", throwOnError: true)!.GetMethod("RoundTrip")!;
                return inputs.Select(input => (string)roundTrip.Invoke(null, new object[] { input })!).ToArray();
            }
            finally
            {
                context.Unload();
            }
        }
    }
}
