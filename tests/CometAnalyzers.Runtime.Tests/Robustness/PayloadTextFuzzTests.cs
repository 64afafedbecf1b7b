using System.Collections.Generic;
using System.Linq;
using System.Text;
using CometAnalyzers.Runtime.Tests.Infrastructure;
using CometAnalyzers.Runtime.Tests.Robustness.Payloads;
using CometAnalyzers.Tests.Infrastructure;
using CometAnalyzers.Tests.Robustness.Fuzzing;
using CometApi.Contracts;
using Xunit;
using Xunit.Abstractions;

namespace CometAnalyzers.Runtime.Tests.Robustness
{
    /// <summary>
    /// Valid but awkward text (astral characters, noncharacters, separators, escapes) at the start of every string value:
    /// it parses, and is written back equivalent, unless the value is a discriminator read where only one is allowed.
    /// </summary>
    public class PayloadTextFuzzTests
    {
        private static readonly IReadOnlyList<(string Name, string Text)> Awkward = new[]
        {
            ("4-byte emoji", "🚀"), ("noncharacter U+FFFF", "\uFFFF"), ("line separator", "\u2028"), ("BOM character", "\uFEFF"),
            ("escaped NUL", "\\u0000"), ("escaped pair", "\\ud83d\\ude80"), ("escapes", "\\\"\\\\\\/\\b\\f\\n\\r\\t"),
        };

        private readonly ITestOutputHelper _output;

        public PayloadTextFuzzTests(ITestOutputHelper output) => _output = output;

        [ReferenceFact]
        public void Awkward_valid_text_in_any_string_value_is_written_back_unless_it_mislabels_a_variant()
        {
            var run = new FuzzRun("payload-text", _output);
            IReadOnlySet<string> discriminators = ContractSchemas.DiscriminatorPropertyNames();
            var cases = (from sample in PayloadSamples.All()
                         from span in Mutations.ValueSpans(sample.Bytes)
                         where span.Kind == "string"
                         from text in Awkward
                         select new PayloadCase(sample, new Mutant($"{text.Name} at the start of {span.Path}", Mutations.Insert(sample.Bytes, span.Start + 1, text.Text)), span)).ToList();

            PayloadFuzz.CheckAll(run, cases, (item, outcome) =>
            {
                if (outcome.Error is { } error)
                {
                    // A variant read on its own (a text part of system content) checks its discriminator: "🚀text" is not "text".
                    bool mislabelled = error.Kind == CometApiContractErrorKind.WrongType && JsonPaths.Normalize(error.JsonPath) == item.Span!.Path && discriminators.Contains(item.Span.PropertyName!);
                    if (!mislabelled)
                    {
                        run.Fail(item.Mutation, $"valid text came to {error}", item.Text);
                    }

                    return;
                }

                if (JsonEquivalence.Difference(item.Text, Encoding.UTF8.GetString(outcome.Written!), strict: true) is { } difference)
                {
                    run.Fail(item.Mutation, "written back differently: " + difference, item.Text);
                }
            });

            run.Complete();
            Assert.Equal(cases.Count, run.Inputs);
        }
    }
}
