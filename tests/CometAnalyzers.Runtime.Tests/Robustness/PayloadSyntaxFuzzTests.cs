using System;
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
    /// JSON's own syntax at every token boundary: insignificant whitespace changes nothing, while comments, trailing
    /// commas, a byte order mark, other whitespace, non-JSON number spellings and anything after the value are
    /// MalformedJson (the generated parsers read strict RFC 8259, as JsonSerializer's defaults do).
    /// </summary>
    public class PayloadSyntaxFuzzTests
    {
        private static readonly string[] Whitespace = { " ", "\t", "\r", "\n", "\r\n \t" };

        private static readonly string[] NotJson =
        {
            "/*c*/", "//c\n", "\v", "\f", "\u00A0", "\uFEFF", "\0", ",", "x",
        };

        private static readonly string[] Trailing = { "x", "{}", "[]", "}", "]", "null", ",", "\0", "//c", "/*c*/", "\u00A0", "\uFEFF" };

        private static readonly string[] NumberSpellings = { "NaN", "Infinity", "-Infinity", "+1", "01", ".5", "1.", "0x10", "1e", "--1", "1_000" };

        private readonly ITestOutputHelper _output;

        public PayloadSyntaxFuzzTests(ITestOutputHelper output) => _output = output;

        [ReferenceFact]
        public void Whitespace_is_insignificant_and_every_other_deviation_from_strict_JSON_is_MalformedJson()
        {
            var run = new FuzzRun("payload-syntax", _output);
            var samples = PayloadSamples.All();
            var written = samples.ToDictionary(s => s, s => s.Model.Check(run, s.Name, s.Bytes)!.Written!);
            var cases = samples.SelectMany(Cases).ToDictionary(c => c.Case, c => c.Insignificant);

            PayloadFuzz.CheckAll(run, cases.Keys, (item, outcome) =>
            {
                bool insignificant = cases[item];
                if (insignificant && !(outcome.Parsed && outcome.Written.AsSpan().SequenceEqual(written[item.Sample])))
                {
                    run.Fail(item.Mutation, $"whitespace changed the outcome: {(outcome.Parsed ? Encoding.UTF8.GetString(outcome.Written!) : outcome.Error)}", item.Text);
                }
                else if (!insignificant && outcome.Error?.Kind != CometApiContractErrorKind.MalformedJson)
                {
                    run.Fail(item.Mutation, $"came to {(outcome.Parsed ? "a parsed model" : outcome.Error)}, not MalformedJson", item.Text);
                }
            });

            run.Complete();
            Assert.Equal(cases.Count + samples.Count, run.Inputs);
        }

        private static IEnumerable<(PayloadCase Case, bool Insignificant)> Cases(PayloadSample sample)
        {
            byte[] bytes = sample.Bytes;
            foreach (int at in JsonTokens.Boundaries(bytes))
            {
                foreach (string text in Whitespace)
                {
                    yield return Insignificant(sample, $"whitespace {Show(text)} at {at}", Mutations.Insert(bytes, at, text));
                }

                foreach (string text in NotJson)
                {
                    yield return Malformed(sample, $"{Show(text)} at {at}", Mutations.Insert(bytes, at, text));
                }
            }

            foreach (int at in JsonTokens.NonEmptyContainerEnds(bytes))
            {
                yield return Malformed(sample, $"trailing comma at {at}", Mutations.Insert(bytes, at, ","));
            }

            foreach (string text in Trailing)
            {
                yield return Malformed(sample, $"{Show(text)} after the value", [.. bytes, .. Encoding.UTF8.GetBytes(text)]);
            }

            yield return Malformed(sample, "a UTF-8 byte order mark first", [0xEF, 0xBB, 0xBF, .. bytes]);
            foreach (JsonValueSpan span in Mutations.ValueSpans(bytes).Where(s => s.Kind == "number"))
            {
                foreach (string spelling in NumberSpellings)
                {
                    yield return Malformed(sample, $"{span.Path} = {spelling}", Mutations.Replace(bytes, span.Start, span.End, spelling));
                }
            }

            foreach (JsonValueSpan span in Mutations.ValueSpans(bytes).Where(s => s.Kind == "string"))
            {
                string single = "'" + Encoding.UTF8.GetString(bytes, span.Start + 1, span.End - span.Start - 2) + "'";
                yield return Malformed(sample, $"{span.Path} in single quotes", Mutations.Replace(bytes, span.Start, span.End, single));
            }
        }

        private static (PayloadCase, bool) Insignificant(PayloadSample sample, string description, byte[] bytes) => (new(sample, new Mutant(description, bytes)), true);

        private static (PayloadCase, bool) Malformed(PayloadSample sample, string description, byte[] bytes) => (new(sample, new Mutant(description, bytes)), false);

        private static string Show(string text) => string.Concat(text.Select(c => c < ' ' || c > '~' ? $"\\u{(int)c:X4}" : c.ToString()));
    }
}
