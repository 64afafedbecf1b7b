using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using CometAnalyzers.Runtime.Tests.Robustness.Payloads;
using CometAnalyzers.Tests.Infrastructure;
using CometAnalyzers.Tests.Robustness.Fuzzing;
using Xunit;
using Xunit.Abstractions;

namespace CometAnalyzers.Runtime.Tests.Robustness
{
    /// <summary>
    /// Every property name and string value of every payload written with every character as a \u escape: escaping is
    /// insignificant, so the model reads (property matching, discriminators, enums) and writes exactly as for the original.
    /// </summary>
    public class PayloadEscapeFuzzTests
    {
        private readonly ITestOutputHelper _output;

        public PayloadEscapeFuzzTests(ITestOutputHelper output) => _output = output;

        [ReferenceFact]
        public void Escaped_names_and_values_read_and_write_exactly_as_unescaped_ones()
        {
            var run = new FuzzRun("payload-escapes", _output);
            var samples = PayloadSamples.All();
            var written = samples.ToDictionary(s => s, s => s.Model.Check(run, s.Name, s.Bytes)!.Written!);
            var cases = samples.SelectMany(Cases).ToList();

            PayloadFuzz.CheckAll(run, cases, (item, outcome) =>
            {
                if (!outcome.Parsed || !outcome.Written.AsSpan().SequenceEqual(written[item.Sample]))
                {
                    run.Fail(item.Mutation, $"escaping changed the outcome: {(outcome.Parsed ? Encoding.UTF8.GetString(outcome.Written!) : outcome.Error)}", item.Text);
                }
            });

            run.Complete();
            Assert.Equal(samples.Count + cases.Count, run.Inputs);
        }

        private static List<PayloadCase> Cases(PayloadSample sample)
        {
            var cases = new List<PayloadCase>();
            var reader = new Utf8JsonReader(sample.Bytes);
            while (reader.Read())
            {
                if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName) || reader.ValueSpan.Length == 0)
                {
                    continue;
                }

                int start = (int)reader.TokenStartIndex;
                string escaped = "\"" + string.Concat(reader.GetString()!.Select(c => $"\\u{(int)c:x4}")) + "\"";
                string what = reader.TokenType == JsonTokenType.PropertyName ? "name" : "string";
                cases.Add(new PayloadCase(sample, new Mutant($"the {what} at {start} escaped", Mutations.Replace(sample.Bytes, start, start + reader.ValueSpan.Length + 2, escaped))));
            }

            return cases;
        }
    }
}
