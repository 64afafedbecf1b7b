using System;
using System.Linq;
using System.Threading.Tasks;
using CometAnalyzers.Tests.Infrastructure;
using Xunit;

namespace CometAnalyzers.Tests.Generator
{
    /// <summary>
    /// The C# types the schema keywords map to, held by consumer code that only compiles (with no warning) against the
    /// intended types: a fixed value typed as the open enum it <c>$ref</c>s, one collection shape, 32-bit integers where
    /// the format or the bounds allow them.
    /// </summary>
    public class TypeMappingTests
    {
        /// <summary>
        /// Variants fix <c>kind</c> with a <c>const</c> beside a <c>$ref</c> to the <c>Kind</c> enum; <c>Reply</c> does the
        /// same outside any union; <c>Delta</c> refers to the enum plainly. <c>Other</c> lists a value the enum does not.
        /// </summary>
        private const string EnumDiscriminatorContract = """
            { "name": "Chat", "response": { "$ref": "#/schemas/Envelope" },
              "schemas": {
                "Envelope": { "type": "object", "required": ["message", "reply"], "properties": {
                  "message": { "$ref": "#/schemas/Message" }, "reply": { "$ref": "#/schemas/Reply" }, "delta": { "$ref": "#/schemas/Delta" } } },
                "Kind": { "type": "string", "enum": ["question", "answer", "note"] },
                "Message": { "oneOf": [ { "$ref": "#/schemas/Question" }, { "$ref": "#/schemas/Answer" }, { "$ref": "#/schemas/Other" } ],
                  "discriminator": { "propertyName": "kind" } },
                "Question": { "type": "object", "required": ["kind"], "properties": {
                  "kind": { "$ref": "#/schemas/Kind", "const": "question" }, "text": { "type": "string" } } },
                "Answer": { "type": "object", "required": ["kind"], "properties": {
                  "kind": { "$ref": "#/schemas/Kind", "const": "answer" }, "text": { "type": "string" } } },
                "Other": { "type": "object", "required": ["kind"], "properties": {
                  "kind": { "$ref": "#/schemas/Kind", "const": "remark" } } },
                "Reply": { "type": "object", "required": ["kind"], "properties": {
                  "kind": { "$ref": "#/schemas/Kind", "const": "answer" } } },
                "Delta": { "type": "object", "properties": { "kind": { "$ref": "#/schemas/Kind" } } } } }
            """;

        [Fact]
        public async Task A_const_beside_a_ref_to_an_open_enum_types_the_discriminator_and_the_property_as_the_enum()
        {
            ContractGeneratorTest test = Test(EnumDiscriminatorContract, """
                namespace Consumer
                {
                    using Chat.Contracts;

                    internal static class Uses
                    {
                        public static bool SameKind(Envelope envelope)
                        {
                            Kind message = envelope.Message.Kind;
                            Kind reply = envelope.Reply.Kind;
                            Kind? delta = envelope.Delta?.Kind;
                            return message == reply && delta != Kind.Note;
                        }

                        public static Kind[] Fixed() => new Kind[] { new Question().Kind, new Answer().Kind, new Other().Kind };

                        public static Reply Build() => new Reply { Kind = Kind.Answer };
                    }
                }
                """);
            await test.RunAsync();

            string question = Source(test, "Question");
            Assert.Contains("public override global::Chat.Contracts.Kind Kind => global::Chat.Contracts.Kind.Question;", question, StringComparison.Ordinal);
            Assert.Contains("public override global::Chat.Contracts.Kind Kind => new global::Chat.Contracts.Kind(\"remark\");", Source(test, "Other"), StringComparison.Ordinal);
            Assert.Contains("public abstract global::Chat.Contracts.Kind Kind { get; }", Source(test, "Message"), StringComparison.Ordinal);

            // Reading still checks the variant's own value, as for a string discriminator.
            Assert.Contains("ExpectDiscriminator(ref reader, \"kind\"", question, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_base_whose_variants_type_the_discriminator_differently_keeps_it_a_string()
        {
            string contract = EnumDiscriminatorContract.Replace(
                "\"kind\": { \"$ref\": \"#/schemas/Kind\", \"const\": \"answer\" }, \"text\"",
                "\"kind\": { \"type\": \"string\", \"const\": \"answer\" }, \"text\"",
                StringComparison.Ordinal);
            ContractGeneratorTest test = Test(contract, """
                namespace Consumer
                {
                    internal static class Uses
                    {
                        public static string Kind(Chat.Contracts.Message message) => message.Kind;

                        public static string Answer() => new Chat.Contracts.Answer().Kind;
                    }
                }
                """);
            await test.RunAsync();
            Assert.Contains("public override string Kind => \"question\";", Source(test, "Question"), StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_variant_shared_by_two_bases_checks_its_enum_typed_discriminator_through_the_union()
        {
            // Question belongs to Message first; ThreadItem, listing it too, becomes a union keyed by kind whose case reads
            // kind as its own (enum) property and must compare its value.
            string contract = EnumDiscriminatorContract.Replace(
                "\"Kind\": {",
                """
                "ThreadItem": { "oneOf": [ { "$ref": "#/schemas/Question" }, { "$ref": "#/schemas/Note" } ], "discriminator": { "propertyName": "kind" } },
                "Note": { "type": "object", "required": ["kind"], "properties": { "kind": { "$ref": "#/schemas/Kind", "const": "note" } } },
                "Kind": {
                """,
                StringComparison.Ordinal).Replace(
                "\"delta\": { \"$ref\": \"#/schemas/Delta\" } }",
                "\"delta\": { \"$ref\": \"#/schemas/Delta\" }, \"item\": { \"$ref\": \"#/schemas/ThreadItem\" } }",
                StringComparison.Ordinal);
            ContractGeneratorTest test = Test(contract, ContractGeneratorTest.Anchor);
            await test.RunAsync();
            Assert.Contains("ExpectDiscriminator(value.Kind.Value, \"kind\", \"note\", ref failure)", Source(test, "ThreadItem"), StringComparison.Ordinal);
        }

        [Fact]
        public async Task Lists_are_List_of_T_and_maps_Dictionary_so_foreach_takes_their_struct_enumerators()
        {
            ContractGeneratorTest test = Test("""
                { "name": "Shop", "response": { "$ref": "#/schemas/Order" },
                  "schemas": { "Order": { "type": "object", "required": ["lines"], "properties": {
                    "lines": { "type": "array", "items": { "$ref": "#/schemas/Line" } },
                    "tags": { "type": ["array", "null"], "items": { "type": "string" } },
                    "totals": { "type": "object", "additionalProperties": { "type": "number" } },
                    "note": { "oneOf": [ { "type": "string" }, { "type": "array", "items": { "type": "string" } } ] } } },
                    "Line": { "type": "object", "properties": { "sku": { "type": "string" } } } } }
                """, """
                namespace Consumer
                {
                    using System.Collections.Generic;
                    using Shop.Contracts;

                    internal static class Uses
                    {
                        public static int Count(Order order)
                        {
                            List<Line> lines = order.Lines;
                            List<string>? tags = order.Tags;
                            Dictionary<string, double>? totals = order.Totals;
                            Dictionary<string, System.Text.Json.JsonElement>? unknown = order.AdditionalProperties;
                            List<string>? noteLines = order.Note?.AsList;
                            int count = 0;
                            foreach (Line line in lines)
                            {
                                count += line.Sku?.Length ?? 0;
                            }

                            return count + (tags?.Count ?? 0) + (totals?.Count ?? 0) + (unknown?.Count ?? 0) + (noteLines?.Count ?? 0);
                        }

                        public static Order Build() => new Order { Lines = [new Line { Sku = "a" }], Tags = [], Note = new List<string> { "x" } };
                    }
                }
                """);
            await test.RunAsync();
            Assert.DoesNotContain(test.Generated, s => s.Text.Contains("IList<", StringComparison.Ordinal) || s.Text.Contains("IDictionary<", StringComparison.Ordinal));
        }

        [Fact]
        public Task Integers_are_int_with_format_int32_or_bounds_within_32_bits_and_long_otherwise()
            => Test("""
                { "name": "Counts", "response": { "$ref": "#/schemas/Counts" },
                  "schemas": { "Counts": { "type": "object", "required": ["index"], "properties": {
                    "index": { "type": "integer", "format": "int32" },
                    "percent": { "type": "integer", "minimum": 0, "maximum": 100 },
                    "bytes": { "type": "array", "items": { "type": "integer", "minimum": 0, "maximum": 255 } },
                    "offset": { "type": "integer", "minimum": 0 },
                    "wide": { "type": "integer", "minimum": 0, "maximum": 4294967295 },
                    "seed": { "type": "integer", "format": "int64", "minimum": 0, "maximum": 10 } } } } }
                """, """
                namespace Consumer
                {
                    using System.Collections.Generic;

                    // A ref argument must have exactly the parameter's type: no widening from int to long hides a mismatch.
                    internal static class Uses
                    {
                        public static long Read(Counts.Contracts.Counts counts)
                        {
                            var index = counts.Index;
                            var percent = counts.Percent;
                            var bytes = counts.Bytes;
                            var offset = counts.Offset;
                            var wide = counts.Wide;
                            var seed = counts.Seed;
                            return Int(ref index) + (IntOrNull(ref percent) ?? 0) + (Ints(ref bytes)?.Count ?? 0)
                                + (LongOrNull(ref offset) ?? 0) + (LongOrNull(ref wide) ?? 0) + (LongOrNull(ref seed) ?? 0);
                        }

                        private static int Int(ref int value) => value;

                        private static int? IntOrNull(ref int? value) => value;

                        private static List<int>? Ints(ref List<int>? value) => value;

                        private static long? LongOrNull(ref long? value) => value;
                    }
                }
                """).RunAsync();

        private static string Source(ContractGeneratorTest test, string typeName)
            => test.Generated.Single(s => s.HintName.EndsWith("." + typeName + ".g.cs", StringComparison.Ordinal)).Text;

        private static ContractGeneratorTest Test(string contract, string consumer)
        {
            var test = new ContractGeneratorTest().WithoutGeneratedSourcesCheck();
            test.TestState.Sources.Add(consumer);
            test.TestState.AdditionalFiles.Add(("/project/contracts/test.contract.json", contract));
            return test;
        }
    }
}
