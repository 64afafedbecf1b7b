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
    /// Every value of every payload replaced by one sample of each other JSON kind. A rejection is a shape error (the
    /// document is still JSON) reported at the replaced value or inside it; what is accepted is written back as read.
    /// </summary>
    public class PayloadWrongKindFuzzTests
    {
        private readonly ITestOutputHelper _output;

        public PayloadWrongKindFuzzTests(ITestOutputHelper output) => _output = output;

        [ReferenceFact]
        public void Every_value_replaced_by_every_other_kind_is_a_shape_error_at_that_value_or_written_back_as_read()
        {
            var run = new FuzzRun("payload-wrong-kind", _output);
            var cases = PayloadSamples.All()
                .SelectMany(s => Mutations.WrongKinds(s.Bytes, Mutations.ValueSpans(s.Bytes)).Select(m => new PayloadCase(s, m.Mutant, m.Span)))
                .ToList();

            PayloadFuzz.CheckAll(run, cases, (item, outcome) =>
            {
                if (outcome.Error is not { } error)
                {
                    // Accepted (a nullable member now null, an open union, kept JSON): the shared oracle has checked that
                    // the model wrote back what it read (PayloadEquivalence).
                    run.Count("accepted");
                    return;
                }

                JsonValueSpan span = item.Span!;
                if (error.Kind == CometApiContractErrorKind.MalformedJson || !JsonPaths.IsWithin(error.JsonPath, span.Path))
                {
                    run.Fail(item.Mutation, $"{error} is not a shape error at or inside {span.Path}", item.Text);
                }
            });

            run.Complete();
            Assert.Equal(cases.Count, run.Inputs);
        }
    }
}
