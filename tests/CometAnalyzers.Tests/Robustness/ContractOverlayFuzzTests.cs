using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CometAnalyzers.Contract;
using CometAnalyzers.Contract.Overlays;
using CometAnalyzers.Generation.Model;
using CometAnalyzers.Rules;
using CometAnalyzers.Tests.Generator;
using CometAnalyzers.Tests.Robustness.Fuzzing;
using Xunit;
using Xunit.Abstractions;

namespace CometAnalyzers.Tests.Robustness
{
    /// <summary>
    /// Overlays under mutation: an overlay-bearing contract (an overlay written in it, and one in an overlay file beside it)
    /// with every value replaced by every other kind, byte edits of the contract and of the overlay file, every truncation of
    /// the overlay file, and random JSONPath targets. Nothing may throw; every diagnostic is a COMET1xx located in the contract
    /// or the overlay file; a forbidden kind is reported at its place; samples go through the generator, compiler and analyzer.
    /// </summary>
    public class ContractOverlayFuzzTests
    {
        public const string OverlayPath = "/project/contracts/forecast-fixes.overlay.json";

        /// <summary>The seed contract: every kind of action, filters, wildcards, descendants, an overlay file, a merge and an append.</summary>
        public const string Seed = """
            {
              "name": "Weather",
              "response": { "$ref": "forecast.openapi.json#/components/schemas/Forecast" },
              "overlays": [
                {
                  "overlay": "1.0.0",
                  "info": { "title": "What the service sends", "version": "1" },
                  "extends": "forecast.openapi.json",
                  "actions": [
                    { "target": "$.components.schemas.Forecast.required[?(@ == 'readings')]", "description": "night forecasts", "remove": true },
                    { "target": "$.components.schemas.Reading.properties", "update": { "wind": { "type": "number", "minimum": 0, "default": 0 } }, "x-ticket": "W-42" },
                    { "target": "$.components.schemas.Reading.required", "update": "wind" },
                    { "target": "$..properties[?(@.type == 'integer')]", "update": { "format": "int32" } },
                    { "target": "$.components.schemas['Forecast'].properties.issued", "remove": true },
                    { "target": "$.components.schemas.*.required[?@ == 'issued']", "remove": true }
                  ]
                },
                "forecast-fixes.overlay.json"
              ]
            }
            """;

        public const string OverlayFile = """
            {
              "overlay": "1.0.0",
              "info": { "title": "Forecast corrections", "version": "2" },
              "extends": "forecast.openapi.json",
              "actions": [
                { "target": "$.components.schemas.Reading", "update": { "description": "One hour.", "required": ["station"], "properties": { "station": { "type": "string" } } } },
                { "target": "$.components.schemas.Forecast.properties[\"city\"]", "update": { "x-sensitive": true } }
              ]
            }
            """;

        private const int Edits = 1500;
        private const int RandomTargets = 1500;
        private const int GeneratedSample = 6;

        private static readonly (string Path, string Text)[] OtherFiles =
        {
            (OverlayGenerationTests.DocumentPath, OverlayGenerationTests.Document),
            (OverlayPath, OverlayFile),
        };

        private readonly ITestOutputHelper _output;

        public ContractOverlayFuzzTests(ITestOutputHelper output) => _output = output;

        private static IReadOnlyList<ContractFile> Documents(string overlayFile = OverlayFile)
            => new[] { new ContractFile(OverlayGenerationTests.DocumentPath, OverlayGenerationTests.Document), new ContractFile(OverlayPath, overlayFile) };

        [Fact]
        public void The_seed_is_valid_and_its_overlays_change_the_model()
        {
            var run = new FuzzRun("contract-overlay-seed", _output);
            ContractCompilation seed = ContractOracle.Compile(run, "the seed", Seed, Documents())!;
            Assert.Empty(seed.Diagnostics);
            ContractCompilation plain = ContractOracle.Compile(run, "the seed without overlays", Seed.Substring(0, Seed.IndexOf(",\n  \"overlays\"", StringComparison.Ordinal)) + "\n}", Documents())!;
            Assert.NotEqual(plain.Spec, seed.Spec);
            ContractOracle.VerifyGenerated(run, new[] { new ContractInput("the seed", Seed) }, otherFiles: OtherFiles);
            run.Complete();
        }

        [Fact]
        public void Every_value_of_an_overlay_bearing_contract_replaced_by_every_other_kind_is_reported_where_the_format_forbids_it()
        {
            var run = new FuzzRun("contract-overlay-wrong-kind", _output);
            byte[] bytes = Encoding.UTF8.GetBytes(Seed);
            Dictionary<string, string[]> allowed = ContractFormat.AllowedKinds(Seed);
            IReadOnlyList<ContractFile> documents = Documents();
            ContractSpec originalSpec = ContractOracle.Compile(run, "the seed", Seed, documents)!.Spec!;
            var mutants = Mutations.WrongKinds(bytes, Mutations.ValueSpans(bytes)).ToList();
            var changedModels = new ConcurrentBag<(ContractInput Input, ContractSpec Spec)>();
            var rejected = new ConcurrentBag<ContractInput>();

            Parallel.ForEach(mutants, item =>
            {
                (Mutant mutant, JsonValueSpan span, string newKind) = item;
                string text = mutant.Text;
                if (ContractOracle.Compile(run, mutant.Description, text, documents) is not { } result)
                {
                    return;
                }

                if (result.Spec is { } spec && !spec.Equals(originalSpec))
                {
                    changedModels.Add((new ContractInput(mutant.Description, text), spec));
                }
                else if (result.HasErrors)
                {
                    rejected.Add(new ContractInput(mutant.Description, text));
                }

                if (!allowed.TryGetValue(span.Path, out string[]? kinds))
                {
                    run.Fail(mutant.Description, "the format oracle does not know " + span.Path, text);
                    return;
                }

                if (kinds.Contains(newKind))
                {
                    return;
                }

                run.Count("invalid");
                int start = Encoding.UTF8.GetCharCount(bytes, 0, span.Start);
                int end = start + Mutations.KindSamples.First(k => k.Kind == newKind).Json.Length;
                if (ContractOracle.ReportedWithin(result, start, end))
                {
                    run.Count("detected");
                }
                else
                {
                    run.Fail(mutant.Description, $"{span.Path} must be {string.Join(" or ", kinds)}, yet no diagnostic is at {start}..{end}: [{string.Join("; ", result.Diagnostics)}]", text);
                }
            });

            Random random = run.Random("sample");
            var sample = changedModels
                .OrderBy(m => m.Input.Mutation, StringComparer.Ordinal)
                .GroupBy(m => m.Spec)
                .Select(g => g.First().Input)
                .OrderBy(_ => random.Next())
                .Take(GeneratedSample)
                .ToList();

            // Most kinds an overlay does not allow are errors (an update's keywords are the author's, so they are checked):
            // rejected variants go through the generator too, which must generate nothing for them and crash on none.
            sample.AddRange(rejected.OrderBy(m => m.Mutation, StringComparer.Ordinal).OrderBy(_ => random.Next()).Take(GeneratedSample - Math.Min(sample.Count, GeneratedSample / 2)));
            ContractOracle.VerifyGenerated(run, sample, otherFiles: OtherFiles);
            run.Count("changed-models", changedModels.Count);

            run.Complete();
            Assert.Equal(mutants.Count + 1, run.Inputs);
            Assert.True(run["invalid"] > 120, "too few invalid variants: " + run["invalid"]);
            Assert.Equal(run["invalid"], run["detected"]);
            Assert.True(run["generated-checked"] >= GeneratedSample, "too few variants went through the generator: " + run["generated-checked"]);
        }

        [Fact]
        public void Byte_edits_of_the_overlays_in_the_contract_and_in_the_overlay_file_never_crash_and_stay_located()
        {
            var run = new FuzzRun("contract-overlay-byte-edit", _output);
            IReadOnlyList<ContractFile> documents = Documents();
            ContractSpec originalSpec = ContractOracle.Compile(run, "the seed", Seed, documents)!.Spec!;

            // The contract's overlays: edits land anywhere after "overlays" (the rest is the ordinary contract the other fuzzers edit).
            byte[] contract = Encoding.UTF8.GetBytes(Seed);
            int overlaysAt = Encoding.UTF8.GetByteCount(Seed.Substring(0, Seed.IndexOf("\"overlays\"", StringComparison.Ordinal)));
            var contractMutants = Mutations.ByteEdits(Mutations.Slice(contract, overlaysAt, contract.Length - overlaysAt), run.Random("contract"), Edits)
                .Select(m => new Mutant("contract overlays " + m.Description, Mutations.Slice(contract, 0, overlaysAt).Concat(m.Bytes).ToArray()))
                .ToList();
            var overlayMutants = Mutations.ByteEdits(Encoding.UTF8.GetBytes(OverlayFile), run.Random("overlay-file"), Edits)
                .Select(m => new Mutant("overlay file " + m.Description, m.Bytes))
                .ToList();
            var changedModels = new ConcurrentBag<(ContractInput Input, ContractSpec Spec)>();
            var changedOverlays = new ConcurrentBag<(string Overlay, ContractSpec? Spec, bool Malformed)>();

            Parallel.ForEach(contractMutants, mutant =>
            {
                string text = mutant.Text;
                if (ContractOracle.Compile(run, mutant.Description, text, documents) is not { } result)
                {
                    return;
                }

                if (ContractOracle.IsWellFormedJson(text) == ContractOracle.Reported(result, RuleIdentifiers.MalformedJson))
                {
                    run.Fail(mutant.Description, "COMET100 disagrees with System.Text.Json: " + string.Join("; ", result.Diagnostics), text);
                }

                if (result.Spec is { } spec && !spec.Equals(originalSpec))
                {
                    changedModels.Add((new ContractInput(mutant.Description, text), spec));
                }
            });

            Parallel.ForEach(overlayMutants, mutant =>
            {
                string overlay = mutant.Text;
                if (ContractOracle.Compile(run, mutant.Description, Seed, Documents(overlay)) is not { } result)
                {
                    return;
                }

                bool wellFormed = ContractOracle.IsWellFormedJson(overlay);
                bool malformed = result.Diagnostics.Any(d => d.Id == RuleIdentifiers.MalformedJson && d.FilePath == OverlayPath);
                if (wellFormed == malformed)
                {
                    run.Fail(mutant.Description, "COMET100 in the overlay file disagrees with System.Text.Json: " + string.Join("; ", result.Diagnostics), overlay);
                }

                if (!wellFormed)
                {
                    run.Count("overlay-file-malformed");
                }

                if (result.Diagnostics.Any(d => d.FilePath == OverlayPath))
                {
                    run.Count("reported-in-overlay-file");
                }

                changedOverlays.Add((overlay, result.Spec, !wellFormed));
            });

            Random random = run.Random("sample");
            var sample = changedModels
                .OrderBy(m => m.Input.Mutation, StringComparer.Ordinal)
                .GroupBy(m => m.Spec)
                .Select(g => g.First().Input)
                .OrderBy(_ => random.Next())
                .Take(GeneratedSample)
                .ToList();
            ContractOracle.VerifyGenerated(run, sample, otherFiles: OtherFiles);

            // Overlay files through the generator and the analyzer: accepted ones that change the model, and broken ones.
            foreach ((string overlay, _, _) in changedOverlays
                .Where(o => (o.Spec is { } s && !s.Equals(originalSpec)) || o.Spec is null)
                .OrderBy(o => o.Overlay, StringComparer.Ordinal)
                .OrderBy(_ => random.Next())
                .Take(GeneratedSample))
            {
                ContractOracle.VerifyGenerated(run, new[] { new ContractInput("overlay file: " + overlay, Seed) }, otherFiles: new[] { OtherFiles[0], (OverlayPath, overlay) });
            }

            run.Count("changed-models", changedModels.Count);
            run.Complete();
            Assert.Equal((2 * Edits) + 1, run.Inputs);
            Assert.True(run["overlay-file-malformed"] > Edits / 4, "too few edits broke the overlay file: " + run["overlay-file-malformed"]);
            Assert.True(run["reported-in-overlay-file"] >= run["overlay-file-malformed"], "broken overlay files were not reported in them");
            Assert.True(run["generated-checked"] >= GeneratedSample, "too few variants went through the generator: " + run["generated-checked"]);
        }

        [Fact]
        public void Every_truncation_of_the_overlay_file_is_malformed_JSON_reported_at_the_cut_in_that_file()
        {
            var run = new FuzzRun("contract-overlay-truncation", _output);
            int jsonEnd = OverlayFile.TrimEnd().Length;
            Parallel.For(0, jsonEnd, length =>
            {
                string truncated = OverlayFile.Substring(0, length);
                string mutation = $"overlay file truncated to {length} of {OverlayFile.Length} characters";
                if (ContractOracle.Compile(run, mutation, Seed, Documents(truncated)) is not { } result)
                {
                    return;
                }

                ContractDiagnostic? malformed = result.Diagnostics.FirstOrDefault(d => d.Id == RuleIdentifiers.MalformedJson);
                if (malformed is null || malformed.FilePath != OverlayPath || malformed.Span.End < length - 6)
                {
                    run.Fail(mutation, "no COMET100 at the cut in the overlay file: " + string.Join("; ", result.Diagnostics), truncated);
                }
                else
                {
                    run.Count("detected");
                }
            });

            run.Complete();
            Assert.Equal(jsonEnd, run["detected"]);
        }

        /// <summary>Segments random targets are made of: names, indexes, wildcards, descendants and filters.</summary>
        private static readonly string[] TargetSegments =
        {
            ".components", ".schemas", ".Forecast", ".Reading", ".required", ".properties", ".type", "['Forecast']", "[\"Reading\"]",
            "[0]", "[-1]", "[1,0]", "[*]", ".*", "..required", "..*", "[?(@ == 'readings')]", "[?@ != 'city']",
            "[?(@.type == 'integer')]", "[?@.type]", "[?!@.format]", "[?(@.minimum > 0 && @.type == 'number' || !@.x)]",
            "[?($.openapi == '3.1.0')]", "[?(@[0] < 'm')]", "[?(@.a.b[2] >= -1.5e3)]", "['it\\'s']", ".é",
        };

        /// <summary>What breaks a target: unsupported forms, stray punctuation, escapes.</summary>
        private static readonly string[] TargetBreakers =
        {
            "[1:2]", "[?length(@) > 1]", "..", "[", "]", "(", ")", "'", "\"", "?", "@", "$", "!", "=", "&&", "||", ",", ":", " ",
            "\\", "\\u00e9", "\t", "[?(", "[?(@",
        };

        [Fact]
        public void Random_targets_never_crash_and_every_problem_is_inside_the_target()
        {
            var run = new FuzzRun("contract-overlay-targets", _output);
            Random random = run.Random("targets");
            var targets = new List<string>();
            for (int i = 0; i < RandomTargets; i++)
            {
                var target = new StringBuilder(random.Next(8) == 0 ? string.Empty : "$");
                int pieces = random.Next(1, 8);
                for (int p = 0; p < pieces; p++)
                {
                    target.Append(random.Next(5) == 0 ? TargetBreakers[random.Next(TargetBreakers.Length)] : TargetSegments[random.Next(TargetSegments.Length)]);
                }

                targets.Add(target.ToString());
            }

            IReadOnlyList<ContractFile> documents = Documents();
            var accepted = new ConcurrentBag<ContractInput>();
            Parallel.For(0, targets.Count, i =>
            {
                string target = targets[i];
                string quoted = System.Text.Json.JsonSerializer.Serialize(target);
                bool remove = i % 2 == 0;
                string contract = $$"""
                    { "name": "Weather", "response": { "$ref": "forecast.openapi.json#/components/schemas/Forecast" },
                      "overlays": [ { "overlay": "1.0.0", "info": { "title": "t", "version": "1" }, "extends": "forecast.openapi.json",
                        "actions": [ { "target": {{quoted}}, {{(remove ? "\"remove\": true" : "\"update\": { \"x-fuzz\": 1 }")}} } ] } ] }
                    """;
                string mutation = $"target #{i} {quoted} ({(remove ? "remove" : "update")})";
                try
                {
                    JsonPath.Parse(target, out _)?.Select(CometAnalyzers.Contract.Json.JsonTextParser.Parse(OverlayGenerationTests.Document, out _, out _)!, CancellationToken.None);
                }
                catch (Exception exception)
                {
                    run.Fail(mutation, "JsonPath threw " + exception, target);
                    return;
                }

                if (ContractOracle.Compile(run, mutation, contract, documents) is not { } result)
                {
                    return;
                }

                int targetStart = contract.IndexOf(quoted, StringComparison.Ordinal);
                int targetEnd = targetStart + quoted.Length;
                bool parsed = JsonPath.Parse(target, out _) is not null;
                run.Count(parsed ? "parsed" : "syntax-error");
                foreach (ContractDiagnostic diagnostic in result.Diagnostics.Where(d => d.Id is RuleIdentifiers.InvalidValue or RuleIdentifiers.OverlayTargetSelectsNothing))
                {
                    if (diagnostic.Span.Start < targetStart || diagnostic.Span.End > targetEnd)
                    {
                        run.Fail(mutation, $"{diagnostic} is not inside the target at {targetStart}..{targetEnd}", contract);
                    }
                }

                if (!parsed && !result.Diagnostics.Any(d => d.Id == RuleIdentifiers.InvalidValue))
                {
                    run.Fail(mutation, "a target that does not parse was not reported: " + string.Join("; ", result.Diagnostics), contract);
                }

                if (result.Diagnostics.Any(d => d.Id == RuleIdentifiers.OverlayTargetSelectsNothing))
                {
                    run.Count("selects-nothing");
                }

                if (!result.HasErrors && i % 10 == 0)
                {
                    accepted.Add(new ContractInput(mutation, contract));
                }
            });

            ContractOracle.VerifyGenerated(run, accepted.OrderBy(a => a.Mutation, StringComparer.Ordinal).Take(GeneratedSample).ToList(), otherFiles: OtherFiles.Take(1).ToList());
            run.Complete();
            Assert.Equal(RandomTargets, run.Inputs);
            Assert.True(run["parsed"] > RandomTargets / 4, "too few random targets parsed: " + run["parsed"]);
            Assert.True(run["selects-nothing"] > RandomTargets / 20, "too few random targets selected nothing: " + run["selects-nothing"]);
            Assert.True(run["syntax-error"] > RandomTargets / 10, "too few random targets were broken: " + run["syntax-error"]);
        }
    }
}
