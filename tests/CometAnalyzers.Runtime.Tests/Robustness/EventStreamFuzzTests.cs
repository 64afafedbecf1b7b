using System;
using System.Linq;
using System.Threading.Tasks;
using CometAnalyzers.Runtime.Tests.Robustness.EventStreams;
using CometAnalyzers.Tests.Infrastructure;
using CometAnalyzers.Tests.Robustness.Fuzzing;
using CometApi.Contracts;
using Xunit;
using Xunit.Abstractions;

namespace CometAnalyzers.Runtime.Tests.Robustness
{
    /// <summary>
    /// Whole event-stream bodies through <see cref="CometApiEventStream.ReadAsync"/>, read at once and in small random
    /// pieces: only the contract exception escapes, and the chunks yielded and the way the stream ends are what the
    /// format says (see <see cref="EventStreamOracle"/>).
    /// </summary>
    public class EventStreamFuzzTests
    {
        private const int EditsPerSample = 1000;

        private readonly ITestOutputHelper _output;

        public EventStreamFuzzTests(ITestOutputHelper output) => _output = output;

        [ReferenceFact]
        public async Task Every_truncation_of_a_stream_before_DONE_is_InvalidEventStream_after_the_whole_chunks()
        {
            var run = new FuzzRun("payload-stream-truncation", _output);
            var cases = EventStreamSamples.All().SelectMany(s => Mutations.Truncations(s.Body).Select(m => (Sample: s, Mutant: m))).ToList();

            await Parallel.ForEachAsync(cases, async (item, _) =>
            {
                string mutation = $"{item.Sample.Name}: {item.Mutant.Description}";
                if (await EventStreamOracle.CheckAsync(run, mutation, item.Mutant.Bytes) is not { } outcome)
                {
                    return;
                }

                // Cut before the end of "[DONE]", the stream is broken; the oracle checked which error and which chunks.
                bool beforeDone = item.Mutant.Bytes.Length < IndexAfterDone(item.Sample.Body);
                if (beforeDone == (outcome.Error is null))
                {
                    run.Fail(mutation, $"{(beforeDone ? "completed" : "failed")} with {outcome.Chunks.Count} chunks", item.Mutant.Text);
                }
            });

            run.Complete();
            Assert.Equal(cases.Count, run.Inputs);
            Assert.True(run["failed:InvalidEventStream"] > 0 && run["failed:MalformedJson"] > 0, "cuts should land both between and inside events");
        }

        [ReferenceFact]
        public async Task Garbage_in_any_part_of_a_stream_ends_it_with_the_contract_error_the_format_calls_for()
        {
            var run = new FuzzRun("payload-stream", _output);
            var cases = EventStreamSamples.All()
                .SelectMany(s => EventStreamMutations.All(s.Body, run.Random(s.Name + "/lines"))
                    .Concat(Mutations.ByteEdits(s.Body, run.Random(s.Name + "/edits"), EditsPerSample))
                    .Select(m => (Sample: s, Mutant: m)))
                .ToList();

            await Parallel.ForEachAsync(cases, async (item, _) => await EventStreamOracle.CheckAsync(run, $"{item.Sample.Name}: {item.Mutant.Description}", item.Mutant.Bytes));

            run.Complete();
            Assert.Equal(cases.Count, run.Inputs);
            Assert.True(run["completed"] > 0 && run["failed:MalformedJson"] > 0 && run["failed:InvalidEventStream"] > 0, "mutations should keep, break and cut streams");
        }

        private static int IndexAfterDone(byte[] body) => body.AsSpan().LastIndexOf("[DONE]"u8) + "[DONE]".Length;
    }
}
