using System.Collections.Generic;
using System.Linq;
using CometAnalyzers.Runtime.Tests.Robustness.Payloads;
using CometAnalyzers.Tests.Infrastructure;
using CometAnalyzers.Tests.Robustness.Fuzzing;
using CometApi.Contracts;
using Xunit;
using Xunit.Abstractions;

namespace CometAnalyzers.Runtime.Tests.Robustness
{
    /// <summary>
    /// Every object and array of every payload (typed members, free-form members, the root) replaced by nesting exactly
    /// at the depth limit, one level past it, and 1,000 and 100,000 levels deep; and the same under a new unknown
    /// property. Past the limit is MalformedJson, never a stack overflow; at it, never MalformedJson.
    /// </summary>
    public class PayloadNestingFuzzTests
    {
        private static readonly int[] HostileDepths = { 1_000, 100_000 };

        private readonly ITestOutputHelper _output;

        public PayloadNestingFuzzTests(ITestOutputHelper output) => _output = output;

        [ReferenceFact]
        public void Nesting_past_the_depth_limit_anywhere_is_MalformedJson_and_at_the_limit_is_not()
        {
            var run = new FuzzRun("payload-nesting", _output);
            var cases = PayloadSamples.All().SelectMany(Cases).ToDictionary(c => c.Case, c => c.TooDeep);

            PayloadFuzz.CheckAll(run, cases.Keys, (item, outcome) =>
            {
                bool tooDeep = cases[item];
                run.Count(tooDeep ? "too-deep" : "at-limit");
                if (tooDeep != (outcome.Error?.Kind == CometApiContractErrorKind.MalformedJson))
                {
                    run.Fail(item.Mutation, $"{(tooDeep ? "too deep" : "at the limit")}, yet came to {(outcome.Parsed ? "a parsed model" : outcome.Error)}", item.Text);
                }
            });

            run.Complete();
            Assert.Equal(cases.Count, run.Inputs);
            Assert.True(run["at-limit"] > 0 && run["parsed"] > 0, "nesting at the limit should parse somewhere (free-form members)");
        }

        private static IEnumerable<(PayloadCase Case, bool TooDeep)> Cases(PayloadSample sample)
        {
            List<JsonValueSpan> spans = Mutations.ValueSpans(sample.Bytes);
            foreach (JsonValueSpan span in spans.Where(s => s.Kind is "object" or "array"))
            {
                // The containers around the span, the root among them.
                int outer = spans.Count(s => s.Kind is "object" or "array" && s.Start < span.Start && span.End <= s.End);
                foreach ((int depth, bool tooDeep) in Depths(CometApiJson.MaxDepth - outer))
                {
                    string nested = Mutations.Nested(depth, objects: span.Kind == "object");
                    yield return (new PayloadCase(sample, new Mutant($"{span.Path} nested {depth} levels", Mutations.Replace(sample.Bytes, span.Start, span.End, nested)), span), tooDeep);
                }
            }

            // Under an unknown property of the root object: kept as free-form JSON.
            int rootEnd = spans.Single(s => s.Path == "$").End - 1;
            foreach ((int depth, bool tooDeep) in Depths(CometApiJson.MaxDepth - 1))
            {
                string property = ",\"x_nested\":" + Mutations.Nested(depth);
                yield return (new PayloadCase(sample, new Mutant($"$.x_nested nested {depth} levels", Mutations.Insert(sample.Bytes, rootEnd, property))), tooDeep);
            }
        }

        /// <summary>Nesting depths for a place where <paramref name="allowed"/> more levels fit, and whether each is too deep.</summary>
        private static IEnumerable<(int Depth, bool TooDeep)> Depths(int allowed)
        {
            yield return (allowed, false);
            yield return (allowed + 1, true);
            foreach (int depth in HostileDepths)
            {
                yield return (depth, true);
            }
        }
    }
}
