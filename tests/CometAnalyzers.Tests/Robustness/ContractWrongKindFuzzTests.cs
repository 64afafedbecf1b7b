using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using CometAnalyzers.Contract;
using CometAnalyzers.Generation.Model;
using CometAnalyzers.Tests.Robustness.Fuzzing;
using Xunit;
using Xunit.Abstractions;

namespace CometAnalyzers.Tests.Robustness
{
    /// <summary>
    /// Every value of the repo's contract replaced by every other JSON kind. Where the format does not allow that kind
    /// (see <see cref="ContractFormat"/>), a diagnostic must point at the new value; nothing may throw; accepted variants
    /// that change the model go through the generator and the compiler.
    /// </summary>
    public class ContractWrongKindFuzzTests
    {
        private const int GeneratedSample = 8;

        private readonly ITestOutputHelper _output;

        public ContractWrongKindFuzzTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public void Every_value_of_the_repo_contract_replaced_by_every_other_kind_is_reported_where_the_format_forbids_it()
        {
            var run = new FuzzRun("contract-wrong-kind", _output);
            string original = ContractOracle.RepoContractText;
            byte[] bytes = Encoding.UTF8.GetBytes(original);
            Dictionary<string, string[]> allowed = ContractFormat.AllowedKinds(original);
            ContractSpec originalSpec = ContractOracle.Compile(run, "the repo contract", original)!.Spec!;
            var mutants = Mutations.WrongKinds(bytes, Mutations.ValueSpans(bytes)).ToList();
            var changedModels = new ConcurrentBag<(ContractInput Input, ContractSpec Spec)>();
            var rejected = new ConcurrentBag<ContractInput>();

            Parallel.ForEach(mutants, item =>
            {
                (Mutant mutant, JsonValueSpan span, string newKind) = item;
                string text = mutant.Text;
                if (ContractOracle.Compile(run, mutant.Description, text) is not { } result)
                {
                    return;
                }

                if (!allowed.TryGetValue(span.Path, out string[]? kinds))
                {
                    run.Fail(mutant.Description, "the format oracle does not know " + span.Path, text);
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
                    run.Fail(
                        mutant.Description,
                        $"{span.Path} must be {string.Join(" or ", kinds)}, yet no diagnostic is at {start}..{end}: [{string.Join("; ", result.Diagnostics)}]\n   around: {text.Substring(Math.Max(0, start - 80), Math.Min(160, text.Length - Math.Max(0, start - 80)))}",
                        text);
                }
            });

            Random random = run.Random("sample");
            var sample = changedModels
                .OrderBy(m => m.Input.Mutation, StringComparer.Ordinal)
                .GroupBy(m => m.Spec)
                .Select(g => g.First().Input)
                .OrderBy(_ => random.Next())
                .Take(GeneratedSample)
                .Concat(rejected.OrderBy(m => m.Mutation, StringComparer.Ordinal).OrderBy(_ => random.Next()).Take(2))
                .ToList();
            ContractOracle.VerifyGenerated(run, sample);
            run.Count("changed-models", changedModels.Count);

            run.Complete();
            Assert.Equal(mutants.Count + 1, run.Inputs);
            Assert.True(run["invalid"] > 1000, "too few invalid variants: " + run["invalid"]);
            Assert.Equal(run["invalid"], run["detected"]);
            Assert.True(run["generated-checked"] >= GeneratedSample, "too few variants went through the generator: " + run["generated-checked"]);
        }
    }
}
