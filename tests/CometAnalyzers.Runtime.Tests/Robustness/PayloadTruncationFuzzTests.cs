using System;
using System.Linq;
using CometAnalyzers.Runtime.Tests.Robustness.Payloads;
using CometAnalyzers.Tests.Infrastructure;
using CometAnalyzers.Tests.Robustness.Fuzzing;
using CometApi.Contracts;
using Xunit;
using Xunit.Abstractions;

namespace CometAnalyzers.Runtime.Tests.Robustness
{
    /// <summary>Every payload cut at every byte offset: a cut inside the JSON value is always MalformedJson.</summary>
    public class PayloadTruncationFuzzTests
    {
        private readonly ITestOutputHelper _output;

        public PayloadTruncationFuzzTests(ITestOutputHelper output) => _output = output;

        [ReferenceFact]
        public void Every_truncation_of_every_payload_is_MalformedJson()
        {
            var run = new FuzzRun("payload-truncation", _output);
            var cases = PayloadSamples.All().SelectMany(s => Mutations.Truncations(s.Bytes).Select(m => new PayloadCase(s, m))).ToList();

            PayloadFuzz.CheckAll(run, cases, (item, outcome) =>
            {
                // Only trailing whitespace may be cut without breaking the value.
                bool valueCut = item.Mutant.Bytes.Length < ValueEnd(item.Sample.Bytes);
                if (valueCut && outcome.Error?.Kind != CometApiContractErrorKind.MalformedJson)
                {
                    run.Fail(item.Mutation, $"a cut value came to {(outcome.Parsed ? "a parsed model" : outcome.Error)}", item.Text);
                }
            });

            run.Complete();
            Assert.Equal(cases.Count, run.Inputs);
        }

        /// <summary>The byte offset just past the JSON value: the end, less trailing whitespace.</summary>
        private static int ValueEnd(byte[] json) => json.AsSpan().TrimEnd(" \t\r\n"u8).Length;
    }
}
