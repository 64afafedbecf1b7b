using System;
using System.Linq;
using System.Threading.Tasks;
using CometAnalyzers.Contract;
using CometAnalyzers.Rules;
using CometAnalyzers.Tests.Robustness.Fuzzing;
using Xunit;
using Xunit.Abstractions;

namespace CometAnalyzers.Tests.Robustness
{
    /// <summary>The repo's contract cut at every offset: always COMET100 at the cut, never an exception.</summary>
    public class ContractTruncationFuzzTests
    {
        private readonly ITestOutputHelper _output;

        public ContractTruncationFuzzTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public void Every_truncation_of_the_repo_contract_is_malformed_JSON_reported_at_the_cut()
        {
            var run = new FuzzRun("contract-truncation", _output);
            string text = ContractOracle.RepoContractText;
            int jsonEnd = text.TrimEnd().Length;
            Parallel.For(0, text.Length, length =>
            {
                string truncated = text.Substring(0, length);
                string mutation = $"repo contract truncated to {length} of {text.Length} characters";
                if (ContractOracle.Compile(run, mutation, truncated) is not { } result || length >= jsonEnd)
                {
                    return;
                }

                run.Count("invalid");
                ContractDiagnostic? malformed = result.Diagnostics.FirstOrDefault(d => d.Id == RuleIdentifiers.MalformedJson);
                if (malformed is null)
                {
                    run.Fail(mutation, "no COMET100: " + string.Join("; ", result.Diagnostics), truncated);
                }
                else if (malformed.Span.End < length - 6)
                {
                    run.Fail(mutation, $"COMET100 is reported at {malformed.Span}, not at the cut ({length}): {malformed}", truncated);
                }
                else
                {
                    run.Count("detected");
                }
            });

            // A sample through the real generator and analyzer: broken contracts generate nothing and crash nothing.
            Random random = run.Random("sample");
            var sample = Enumerable.Range(0, 3).Select(_ => random.Next(text.Length)).Append(jsonEnd - 1).Append(text.Length)
                .Select(length => new ContractInput($"repo contract truncated to {length} of {text.Length} characters", text.Substring(0, length)))
                .ToList();
            ContractOracle.VerifyGenerated(run, sample);

            run.Complete();
            Assert.Equal(jsonEnd, run["invalid"]);
            Assert.Equal(run["invalid"], run["detected"]);
            Assert.Equal(sample.Count, run["generated-checked"]);
        }
    }
}
