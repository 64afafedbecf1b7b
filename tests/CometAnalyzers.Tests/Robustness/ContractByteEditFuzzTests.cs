using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using CometAnalyzers.Generation.Model;
using CometAnalyzers.Rules;
using CometAnalyzers.Tests.Robustness.Fuzzing;
using Xunit;
using Xunit.Abstractions;

namespace CometAnalyzers.Tests.Robustness
{
    /// <summary>
    /// Random byte edits of the repo's contract (decoded as an editor would, invalid UTF-8 becoming U+FFFD). The contract
    /// reader must agree with System.Text.Json on whether the text is JSON at all, and never throw.
    /// </summary>
    public class ContractByteEditFuzzTests
    {
        private const int Edits = 2500;
        private const int GeneratedSample = 6;

        private readonly ITestOutputHelper _output;

        public ContractByteEditFuzzTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public void Byte_edits_of_the_repo_contract_are_malformed_JSON_exactly_when_System_Text_Json_says_so()
        {
            var run = new FuzzRun("contract-byte-edit", _output);
            byte[] original = Encoding.UTF8.GetBytes(ContractOracle.RepoContractText);
            ContractSpec originalSpec = ContractOracle.Compile(run, "the repo contract", ContractOracle.RepoContractText)!.Spec!;
            var mutants = Mutations.ByteEdits(original, run.Random("edits"), Edits).ToList();
            var changedModels = new ConcurrentBag<(ContractInput Input, ContractSpec Spec)>();

            Parallel.ForEach(mutants, mutant =>
            {
                string text = mutant.Text;
                if (ContractOracle.Compile(run, mutant.Description, text) is not { } result)
                {
                    return;
                }

                bool wellFormed = ContractOracle.IsWellFormedJson(text);
                bool malformed = ContractOracle.Reported(result, RuleIdentifiers.MalformedJson);
                if (!wellFormed)
                {
                    run.Count("invalid-json");
                }

                if (wellFormed == malformed)
                {
                    run.Fail(mutant.Description, wellFormed ? "COMET100 for well-formed JSON: " + string.Join("; ", result.Diagnostics) : "malformed JSON without COMET100", text);
                    return;
                }

                if (!wellFormed)
                {
                    run.Count("detected");
                }

                if (result.Spec is { } spec && !spec.Equals(originalSpec))
                {
                    changedModels.Add((new ContractInput(mutant.Description, text), spec));
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
            ContractOracle.VerifyGenerated(run, sample);
            run.Count("changed-models", changedModels.Count);

            run.Complete();
            Assert.Equal(Edits + 1, run.Inputs);
            Assert.True(run["invalid-json"] > Edits / 3, "too few edits broke the JSON: " + run["invalid-json"]);
            Assert.Equal(run["invalid-json"], run["detected"]);
            Assert.True(run["accepted"] > 50, "too few edits kept the contract valid: " + run["accepted"]);
            Assert.Equal(sample.Count, run["generated-checked"]);
            Assert.True(sample.Count >= GeneratedSample / 2, "too few edits changed the model: " + sample.Count);
        }
    }
}
