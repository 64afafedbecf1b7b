using System.Linq;
using CometAnalyzers.Runtime.Tests.Robustness.Payloads;
using CometAnalyzers.Tests.Infrastructure;
using CometAnalyzers.Tests.Robustness.Fuzzing;
using Xunit;
using Xunit.Abstractions;

namespace CometAnalyzers.Runtime.Tests.Robustness
{
    /// <summary>
    /// Seeded byte edits of every payload (bit flips, replaced, deleted, inserted and copied bytes): the model invariants
    /// hold for whatever comes out, and what still parses round-trips to a fixed point.
    /// </summary>
    public class PayloadByteEditFuzzTests
    {
        private const int EditsPerSample = 1500;

        private readonly ITestOutputHelper _output;

        public PayloadByteEditFuzzTests(ITestOutputHelper output) => _output = output;

        [ReferenceFact]
        public void Byte_edits_of_every_payload_keep_the_parser_invariants()
        {
            var run = new FuzzRun("payload-byte-edit", _output);
            var cases = PayloadSamples.All()
                .SelectMany(s => Mutations.ByteEdits(s.Bytes, run.Random(s.Name), EditsPerSample).Select(m => new PayloadCase(s, m)))
                .ToList();

            PayloadFuzz.CheckAll(run, cases);

            run.Complete();
            Assert.Equal(cases.Count, run.Inputs);
            Assert.True(run["parsed"] > 0 && run["rejected"] > 0, "byte edits should both keep and break payloads");
        }
    }
}
