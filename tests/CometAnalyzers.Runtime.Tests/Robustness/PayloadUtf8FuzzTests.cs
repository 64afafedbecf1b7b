using System.Collections.Generic;
using System.Linq;
using System.Text;
using CometAnalyzers.Runtime.Tests.Robustness.Payloads;
using CometAnalyzers.Tests.Infrastructure;
using CometAnalyzers.Tests.Robustness.Fuzzing;
using CometApi.Contracts;
using Xunit;
using Xunit.Abstractions;

namespace CometAnalyzers.Runtime.Tests.Robustness
{
    /// <summary>
    /// Bytes that are not UTF-8 (and escapes that are not UTF-16, raw control characters, unknown escapes) at both ends
    /// of every string value and at the start of every property name: always MalformedJson.
    /// </summary>
    public class PayloadUtf8FuzzTests
    {
        private static readonly IReadOnlyList<(string Name, byte[] Bytes)> Invalid = Mutations.InvalidUtf8.Concat(new (string, byte[])[]
        {
            ("CESU-8 surrogate pair", new byte[] { 0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80 }),
            ("overlong 3-byte NUL", new byte[] { 0xE0, 0x80, 0x80 }),
            ("overlong 4-byte slash", new byte[] { 0xF0, 0x80, 0x80, 0xAF }),
            ("truncated 4-byte", new byte[] { 0xF0, 0x9F, 0x98 }),
            ("5-byte form", new byte[] { 0xF8, 0x88, 0x80, 0x80, 0x80 }),
            ("lone low surrogate escape", Encoding.ASCII.GetBytes("\\udc00")),
            ("lone high surrogate escape", Encoding.ASCII.GetBytes("\\ud800")),
            ("reversed surrogate escapes", Encoding.ASCII.GetBytes("\\ude00\\ud83d")),
            ("raw control character", new byte[] { 0x01 }),
            ("unknown escape", Encoding.ASCII.GetBytes("\\x41")),
        }).ToList();

        private readonly ITestOutputHelper _output;

        public PayloadUtf8FuzzTests(ITestOutputHelper output) => _output = output;

        [ReferenceFact]
        public void Invalid_UTF8_in_any_string_or_property_name_is_MalformedJson()
        {
            var run = new FuzzRun("payload-utf8", _output);
            var cases = (from sample in PayloadSamples.All()
                         from span in Mutations.ValueSpans(sample.Bytes)
                         from place in Places(span)
                         from invalid in Invalid
                         select new PayloadCase(sample, new Mutant($"{invalid.Name} at {place.Name}", Mutations.Insert(sample.Bytes, place.Offset, invalid.Bytes)), span)).ToList();

            PayloadFuzz.CheckAll(run, cases, (item, outcome) =>
            {
                if (outcome.Error?.Kind != CometApiContractErrorKind.MalformedJson)
                {
                    run.Fail(item.Mutation, $"came to {(outcome.Parsed ? "a parsed model" : outcome.Error)}, not MalformedJson", item.Text);
                }
            });

            run.Complete();
            Assert.Equal(cases.Count, run.Inputs);
        }

        /// <summary>Just inside both quotes of the value (when a string) and of its property name.</summary>
        private static IEnumerable<(string Name, int Offset)> Places(JsonValueSpan span)
        {
            if (span.Kind == "string")
            {
                yield return ($"the start of {span.Path}", span.Start + 1);
                yield return ($"the end of {span.Path}", span.End - 1);
            }

            if (span.NameStart >= 0)
            {
                yield return ($"the start of the name of {span.Path}", span.NameStart + 1);
            }
        }
    }
}
