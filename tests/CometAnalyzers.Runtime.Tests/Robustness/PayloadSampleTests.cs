using System.Linq;
using CometAnalyzers.Runtime.Tests.Robustness.Payloads;
using CometAnalyzers.Tests.Infrastructure;
using CometAnalyzers.Tests.Robustness.Fuzzing;
using Xunit;
using Xunit.Abstractions;

namespace CometAnalyzers.Runtime.Tests.Robustness
{
    /// <summary>The unmutated samples the payload fuzzers start from: each parses and writes back equivalent JSON.</summary>
    public class PayloadSampleTests
    {
        private readonly ITestOutputHelper _output;

        public PayloadSampleTests(ITestOutputHelper output) => _output = output;

        [ReferenceFact]
        public void Every_sample_parses_and_writes_back_equivalent_JSON()
        {
            var run = new FuzzRun("payload-samples", _output);
            var samples = PayloadSamples.All();
            PayloadFuzz.CheckAll(run, samples.Select(s => new PayloadCase(s, new Mutant("unmutated", s.Bytes))), (item, outcome) =>
            {
                // Written back equivalent to the input is checked for every accepted input by the shared oracle (PayloadEquivalence).
                if (!outcome.Parsed)
                {
                    run.Fail(item.Mutation, "a sample does not parse: " + outcome.Error, item.Text);
                }
            });

            run.Complete();
            Assert.Equal(samples.Count, run["parsed"]);
        }
    }
}
