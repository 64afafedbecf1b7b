using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using CometAnalyzers.Contract;
using CometAnalyzers.Generation.Model;
using CometAnalyzers.Rules;
using CometAnalyzers.Tests.Robustness.Fuzzing;
using Xunit;
using Xunit.Abstractions;

namespace CometAnalyzers.Tests.Robustness
{
    /// <summary>
    /// Contracts of extreme shape: deep nesting, $ref cycles, thousands of properties, huge enums, duplicate keys, BOMs and
    /// documents that are not objects. Each is bounded in time, reported or typed, and generates code that compiles.
    /// </summary>
    public class ContractShapeFuzzTests
    {
        private const string Head = "\"name\": \"Shape\", \"namespace\": \"Shape.Contracts\"";

        private static readonly TimeSpan HangLimit = TimeSpan.FromMinutes(1);

        private readonly ITestOutputHelper _output;

        public ContractShapeFuzzTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public void Json_nested_deeper_than_the_reader_allows_is_COMET100_and_never_overflows_the_stack()
        {
            var run = new FuzzRun("contract-deep-json", _output);
            int limit = CometAnalyzers.Contract.Json.JsonTextParser.MaxDepth;
            foreach (int depth in new[] { 1, 64, limit - 2, limit - 1, limit, limit + 1, 1_000, 100_000 })
            {
                foreach (bool objects in new[] { false, true })
                {
                    // The root object is one level: x-deep's value may nest limit - 1 more.
                    string text = "{ " + Head + ", \"x-deep\": " + Mutations.Nested(depth, objects: objects) + ", \"response\": { \"type\": \"object\", \"properties\": { \"a\": { \"type\": \"string\" } } } }";
                    string mutation = $"{depth} nested {(objects ? "objects" : "arrays")} under x-deep";
                    if (ContractOracle.Compile(run, mutation, text) is not { } result)
                    {
                        continue;
                    }

                    bool tooDeep = depth + 1 > limit;
                    run.Count(tooDeep ? "too-deep" : "deep-enough");
                    if (tooDeep != ContractOracle.Reported(result, RuleIdentifiers.MalformedJson))
                    {
                        run.Fail(mutation, (tooDeep ? "no COMET100 for depth " : "COMET100 for depth ") + (depth + 1) + ": " + string.Join("; ", result.Diagnostics), text.Length > 2000 ? text.Substring(0, 2000) : text);
                    }
                }
            }

            run.Complete();
            Assert.Equal(8, run["too-deep"]);
            Assert.Equal(8, run["deep-enough"]);
        }

        [Fact]
        public void Deeply_nested_schemas_are_typed_or_reported_and_their_code_compiles()
        {
            var run = new FuzzRun("contract-deep-schemas", _output);
            var accepted = new List<ContractInput>();
            foreach (int depth in new[] { 10, 40, 62 })
            {
                string inner = "{ \"type\": \"string\" }";
                for (int i = 0; i < depth; i++)
                {
                    inner = "{ \"type\": \"object\", \"properties\": { \"n\": " + inner + " } }";
                }

                Check($"{depth} nested objects", "{ " + Head + ", \"response\": " + inner + " }");
            }

            foreach (int depth in new[] { 10, 63, 64, 65, 120 })
            {
                Check($"{depth} nested arrays", "{ " + Head + ", \"response\": { \"type\": \"object\", \"properties\": { \"a\": " + Mutations.Nested(depth, "{ \"type\": \"integer\" }").Replace("[", "{ \"type\": \"array\", \"items\": ", StringComparison.Ordinal).Replace("]", " }", StringComparison.Ordinal) + " } } }");
                Check($"{depth} nested maps", "{ " + Head + ", \"response\": { \"type\": \"object\", \"properties\": { \"a\": " + Mutations.Nested(depth, "{ \"type\": \"boolean\" }").Replace("[", "{ \"type\": \"object\", \"additionalProperties\": ", StringComparison.Ordinal).Replace("]", " }", StringComparison.Ordinal) + " } } }");
            }

            ContractOracle.VerifyGenerated(run, accepted, batchSize: 4);
            run.Complete();
            Assert.Equal(13, run.Inputs);
            Assert.Equal(13, run["accepted"]);
            Assert.True(run[RuleIdentifiers.UntypedSchema] >= 4, "schemas deeper than 64 levels should be COMET107: " + run[RuleIdentifiers.UntypedSchema]);

            void Check(string mutation, string text)
            {
                if (ContractOracle.Compile(run, mutation, text) is { HasErrors: false })
                {
                    accepted.Add(new ContractInput(mutation, text));
                }
            }
        }

        [Fact]
        public async Task Ref_cycles_of_every_kind_finish_and_are_reported_or_typed()
        {
            var run = new FuzzRun("contract-ref-cycles", _output);
            var cases = new (string Name, string Schemas, string? ExpectedId)[]
            {
                ("a $ref to itself", "\"A\": { \"$ref\": \"#/schemas/A\" }", RuleIdentifiers.ReferenceCycle),
                ("two $refs in a loop", "\"A\": { \"$ref\": \"#/schemas/B\" }, \"B\": { \"$ref\": \"#/schemas/A\" }", RuleIdentifiers.ReferenceCycle),
                ("three $refs in a loop", "\"A\": { \"$ref\": \"#/schemas/B\" }, \"B\": { \"$ref\": \"#/schemas/C\" }, \"C\": { \"$ref\": \"#/schemas/A\" }", RuleIdentifiers.ReferenceCycle),
                ("allOf itself", "\"A\": { \"allOf\": [ { \"$ref\": \"#/schemas/A\" }, { \"type\": \"object\", \"properties\": { \"x\": { \"type\": \"string\" } } } ] }", RuleIdentifiers.ReferenceCycle),
                ("allOf in a loop", "\"A\": { \"allOf\": [ { \"$ref\": \"#/schemas/B\" }, { \"properties\": { \"x\": { \"type\": \"string\" } } } ] }, \"B\": { \"allOf\": [ { \"$ref\": \"#/schemas/A\" }, { \"properties\": { \"y\": { \"type\": \"string\" } } } ] }", RuleIdentifiers.ReferenceCycle),
                ("an array of itself", "\"A\": { \"type\": \"array\", \"items\": { \"$ref\": \"#/schemas/A\" } }", RuleIdentifiers.UntypedSchema),
                ("a map of itself", "\"A\": { \"type\": \"object\", \"additionalProperties\": { \"$ref\": \"#/schemas/A\" } }", RuleIdentifiers.UntypedSchema),
                ("itself or null", "\"A\": { \"oneOf\": [ { \"$ref\": \"#/schemas/A\" }, { \"type\": \"null\" } ] }", RuleIdentifiers.UntypedSchema),
                ("a $ref into its own property", "\"A\": { \"type\": \"object\", \"properties\": { \"b\": { \"$ref\": \"#/schemas/A/properties/b\" } } }", RuleIdentifiers.ReferenceCycle),
                ("a property of its own type", "\"A\": { \"type\": \"object\", \"properties\": { \"next\": { \"$ref\": \"#/schemas/A\" }, \"items\": { \"type\": \"array\", \"items\": { \"$ref\": \"#/schemas/A\" } } } }", null),
                ("an inline allOf of the schema around it", "\"A\": { \"type\": \"object\", \"properties\": { \"child\": { \"allOf\": [ { \"$ref\": \"#/schemas/A\" }, { \"type\": \"object\", \"properties\": { \"extra\": { \"type\": \"string\" } } } ] }, \"b\": { \"type\": \"object\", \"properties\": { \"c\": { \"$ref\": \"#/schemas/A\" } } } } }", null),
                ("mutual recursion through inline objects", "\"A\": { \"type\": \"object\", \"properties\": { \"b\": { \"type\": \"object\", \"properties\": { \"a\": { \"allOf\": [ { \"$ref\": \"#/schemas/A\" } ], \"properties\": { \"z\": { \"type\": \"integer\" } } } } } } }", null),
                ("a discriminated union of itself", "\"A\": { \"oneOf\": [ { \"$ref\": \"#/schemas/A\" }, { \"$ref\": \"#/schemas/B\" } ] }, \"B\": { \"type\": \"object\", \"properties\": { \"type\": { \"const\": \"b\" } } }", null),
                ("a chain of 30 allOf diamonds", Diamonds(30), null),
            };

            var accepted = new List<ContractInput>();
            foreach ((string name, string schemas, string? expectedId) in cases)
            {
                string text = "{ " + Head + ", \"response\": { \"type\": \"object\", \"properties\": { \"a\": { \"$ref\": \"#/schemas/A\" } } }, \"schemas\": { " + schemas + " } }";
                // A hang watchdog, not a performance check: a cycle the resolver never detects would loop forever.
                ContractCompilation? result;
                try
                {
                    result = await Task.Run(() => ContractOracle.Compile(run, name, text)).WaitAsync(HangLimit);
                }
                catch (TimeoutException)
                {
                    run.Fail(name, $"compiling did not finish within {HangLimit.TotalSeconds} s", text);
                    continue;
                }

                if (result is null)
                {
                    continue;
                }

                if (expectedId is not null && !ContractOracle.Reported(result, expectedId))
                {
                    run.Fail(name, $"expected {expectedId}: " + string.Join("; ", result.Diagnostics), text);
                }
                else if (expectedId is not null)
                {
                    run.Count("detected");
                }

                if (!result.HasErrors)
                {
                    accepted.Add(new ContractInput(name, text));
                }
            }

            ContractOracle.VerifyGenerated(run, accepted, batchSize: 1);
            run.Complete();
            Assert.Equal(cases.Length, run.Inputs);
            Assert.Equal(cases.Count(c => c.ExpectedId is not null), run["detected"]);
            Assert.True(accepted.Count >= 6, "too few cycles were typed: " + accepted.Count);
        }

        [Fact]
        public void Thousands_of_properties_and_a_huge_enum_generate_code_that_compiles()
        {
            var run = new FuzzRun("contract-large", _output);
            const int Properties = 2500;
            const int Values = 5000;
            string[] kinds = { "{ \"type\": \"string\" }", "{ \"type\": [\"integer\", \"null\"] }", "{ \"type\": \"number\", \"minimum\": 0 }", "{ \"type\": \"boolean\" }", "{ \"type\": \"array\", \"items\": { \"type\": \"string\" } }", "{ \"$ref\": \"#/schemas/Big\" }" };
            var properties = new StringBuilder();
            var required = new List<string>();
            for (int i = 0; i < Properties; i++)
            {
                // Names that collide once PascalCased: p_1, p1, P-1 ...
                string name = (i % 4) switch { 0 => "p_" + i, 1 => "p" + (i - 1), 2 => "P-" + (i - 2), _ => "prop " + i };
                properties.Append(properties.Length == 0 ? string.Empty : ", ").Append(RandomContracts.Quote(name)).Append(": ").Append(kinds[i % kinds.Length]);
                if (i % 3 == 0)
                {
                    required.Add(RandomContracts.Quote(name));
                }
            }

            var values = Enumerable.Range(0, Values).Select(i => (i % 3) switch { 0 => "v" + i, 1 => "V" + (i - 1), _ => "v-" + (i - 2) }).Append("").Append("Value").Append("IsKnown").Append("KnownValueSet");
            string text = "{ " + Head + ", \"response\": { \"type\": \"object\", \"required\": [" + string.Join(", ", required) + "], \"properties\": { " + properties + " } }, "
                + "\"schemas\": { \"Big\": { \"type\": \"string\", \"enum\": [" + string.Join(", ", values.Select(RandomContracts.Quote)) + "] } } }";
            ContractCompilation? result = ContractOracle.Compile(run, $"{Properties} properties and a {Values}-value enum", text);
            Assert.NotNull(result);
            Assert.False(result!.HasErrors, string.Join("; ", result.Diagnostics));
            var response = (ObjectSpec)result.Spec!.Types.First(t => t.Name == "ShapeResponse");
            Assert.Equal(Properties, response.Properties.Count);
            Assert.Equal(Properties, response.Properties.Select(p => p.Name).Distinct().Count());
            var big = (EnumSpec)result.Spec.Types.First(t => t.Name == "Big");
            Assert.Equal(Values + 4, big.Members.Select(m => m.Name).Distinct().Count());

            ContractOracle.VerifyGenerated(run, new[] { new ContractInput("large", text) });
            run.Complete();
            Assert.Equal(1, run["generated-checked"]);
        }

        [Fact]
        public void Duplicate_keys_are_COMET109_and_the_first_one_is_used_everywhere()
        {
            var run = new FuzzRun("contract-duplicate-keys", _output);
            string text = """
                {
                  "name": "Shape", "name": "Other",
                  "namespace": "Shape.Contracts",
                  "response": { "type": "object", "type": "array",
                    "required": ["a"],
                    "properties": { "a": { "type": "string" }, "b": { "type": "integer" }, "a": { "type": "boolean" } } },
                  "schemas": {
                    "E": { "type": "string", "enum": ["x", "y", "x"] },
                    "E": { "type": "integer" }
                  }
                }
                """;
            ContractCompilation result = ContractOracle.Compile(run, "duplicate keys", text)!;
            Assert.Equal(4, result.Diagnostics.Count(d => d.Id == RuleIdentifiers.DuplicateKey));
            Assert.False(result.HasErrors, string.Join("; ", result.Diagnostics));
            Assert.Equal("Shape", result.Settings!.Name);
            var response = (ObjectSpec)result.Spec!.Types.First(t => t.Name == "ShapeResponse");
            Assert.Equal(new[] { "a", "b" }, response.Properties.Select(p => p.JsonName));
            Assert.Equal(TypeKind.String, response.Properties[0].Type.Kind);
            Assert.Contains(result.Spec.Types, t => t is EnumSpec { Name: "E" } e && e.Members.Count == 2);
            ContractOracle.VerifyGenerated(run, new[] { new ContractInput("duplicate keys", text) });
            run.Complete();
        }

        [Fact]
        public void A_BOM_is_accepted_only_at_the_start_and_documents_that_are_not_objects_are_reported()
        {
            var run = new FuzzRun("contract-bom-and-roots", _output);
            string repo = ContractOracle.RepoContractText;
            ContractSpec expected = ContractOracle.Compile(run, "the repo contract", repo)!.Spec!;
            ContractSpec? withBom = ContractOracle.Compile(run, "BOM + the repo contract", "\uFEFF" + repo)?.Spec;
            Assert.Equal(expected with { SourcePath = "x" }, withBom! with { SourcePath = "x" });

            var invalid = new (string Mutation, string Text, string Id)[]
            {
                ("two BOMs", "\uFEFF\uFEFF" + repo, RuleIdentifiers.MalformedJson),
                ("a BOM after whitespace", " \uFEFF" + repo, RuleIdentifiers.MalformedJson),
                ("a BOM between tokens", repo.Replace("\"name\":", "\uFEFF\"name\":", StringComparison.Ordinal), RuleIdentifiers.MalformedJson),
                ("an empty file", string.Empty, RuleIdentifiers.MalformedJson),
                ("only a BOM", "\uFEFF", RuleIdentifiers.MalformedJson),
                ("only whitespace", " \r\n\t ", RuleIdentifiers.MalformedJson),
                ("null", "null", RuleIdentifiers.WrongValueType),
                ("an array", "[]", RuleIdentifiers.WrongValueType),
                ("a string", "\"contract\"", RuleIdentifiers.WrongValueType),
                ("a number", "42", RuleIdentifiers.WrongValueType),
                ("an empty object", "{}", RuleIdentifiers.MissingRequiredKey),
                ("a NUL character", "{\u0000}", RuleIdentifiers.MalformedJson),
                ("an unpaired surrogate escape", "{ \"name\": \"A\\uD800\", \"response\": {} }", RuleIdentifiers.MalformedJson),
                ("an unpaired surrogate character", "{ \"name\": \"A\uDC00\", \"response\": {} }", RuleIdentifiers.MalformedJson),
            };
            foreach ((string mutation, string text, string id) in invalid)
            {
                ContractCompilation? result = ContractOracle.Compile(run, mutation, text);
                if (result is not null && !ContractOracle.Reported(result, id))
                {
                    run.Fail(mutation, "expected " + id + ": " + string.Join("; ", result.Diagnostics), text.Length > 500 ? text.Substring(0, 500) : text);
                }
                else if (result is not null)
                {
                    run.Count("detected");
                }
            }

            ContractOracle.VerifyGenerated(run, invalid.Select(i => new ContractInput(i.Mutation, i.Text)).Where(i => i.Text.Length < 1000).ToList(), batchSize: 20);
            run.Complete();
            Assert.Equal(invalid.Length, run["detected"]);
        }

        /// <summary>A0 = allOf [A1, B1], B0 = allOf [A1, B1], ...: the merged properties are reached 2^n ways.</summary>
        private static string Diamonds(int levels)
        {
            var schemas = new List<string> { "\"A\": { \"allOf\": [ { \"$ref\": \"#/schemas/L0a\" }, { \"$ref\": \"#/schemas/L0b\" } ] }" };
            for (int i = 0; i < levels; i++)
            {
                string next = i + 1 < levels
                    ? string.Create(CultureInfo.InvariantCulture, $"[ {{ \"$ref\": \"#/schemas/L{i + 1}a\" }}, {{ \"$ref\": \"#/schemas/L{i + 1}b\" }}, {{ \"properties\": {{ \"p{i}\": {{ \"type\": \"string\" }} }} }} ]")
                    : "[ { \"type\": \"object\", \"properties\": { \"last\": { \"type\": \"integer\" } } } ]";
                schemas.Add(string.Create(CultureInfo.InvariantCulture, $"\"L{i}a\": {{ \"allOf\": {next} }}"));
                schemas.Add(string.Create(CultureInfo.InvariantCulture, $"\"L{i}b\": {{ \"allOf\": {next} }}"));
            }

            return string.Join(", ", schemas);
        }
    }
}
