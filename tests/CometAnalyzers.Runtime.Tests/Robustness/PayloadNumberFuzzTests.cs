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
    /// Every number of every payload replaced by numbers that overflow Int32, Int64 or double, underflow, carry a
    /// fraction or a negative zero, and by spellings the writer does not use (exponents with <c>e</c> or <c>E</c>, trailing
    /// zeros, 17 digits and more). A number that does not fit its member is OutOfRange at that member; one that fits
    /// (or lands in free-form JSON) is written back with the very text it was sent with (the oracle compares numbers
    /// by their text, see PayloadEquivalence).
    /// </summary>
    public class PayloadNumberFuzzTests
    {
        private static readonly string[] Numbers = Mutations.HostileNumbers.Concat(new[]
        {
            "-0.0", "1e308", "-1.7976931348623157e309", "4.9e-324", "1.0", "0.1e1", "2147483647", "-2147483648",
            "9223372036854775807", "-9223372036854775808", "18446744073709551616", "253402300799", "-62135596801",
            new string('9', 10_000), "0." + new string('0', 10_000) + "1", "1e-99999999999", "-1e99999999999",
            "1e3", "1E3", "1e+3", "1E-07", "-3.128163257315464e-07", "-3.128163257315464E-07", "0.10", "100.500", "0.00001",
            "0.30000000000000004", "0.1000000000000000055511151231257827", "-0.31062254309654236", "12345678901234567",
            "100000000000000000000", "0.5", "42",
        }).Distinct().ToArray();

        private readonly ITestOutputHelper _output;

        public PayloadNumberFuzzTests(ITestOutputHelper output) => _output = output;

        [ReferenceFact]
        public void Numbers_out_of_range_are_OutOfRange_at_their_member_and_the_rest_come_back_as_sent()
        {
            var run = new FuzzRun("payload-numbers", _output);
            var cases = (from sample in PayloadSamples.All()
                         from span in Mutations.ValueSpans(sample.Bytes)
                         where span.Kind == "number"
                         from number in Numbers
                         select new PayloadCase(sample, new Mutant($"{span.Path} = {number}", Mutations.Replace(sample.Bytes, span.Start, span.End, number)), span)).ToList();

            PayloadFuzz.CheckAll(run, cases, (item, outcome) =>
            {
                if (outcome.Error is not { } error)
                {
                    return;
                }

                run.Count(error.Kind.ToString());
                if (error.Kind != CometApiContractErrorKind.OutOfRange || JsonPaths.Normalize(error.JsonPath) != item.Span!.Path)
                {
                    run.Fail(item.Mutation, $"{error} is not OutOfRange at {item.Span!.Path}", item.Text);
                }
            });

            run.Complete();
            Assert.Equal(cases.Count, run.Inputs);
            Assert.True(run["parsed"] > 0 && run["OutOfRange"] > 0, "hostile numbers should both fit and overflow somewhere");
        }
    }
}
