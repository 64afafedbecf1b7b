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
    /// Every property of every payload written twice, with the same value and with another. The generated parsers
    /// keep the last occurrence of a declared property, an unknown property and a map key; JSON kept as read (free-form
    /// members, unknown variants) keeps both; a union's discriminator picks the variant by its first occurrence, so a
    /// later one that disagrees is WrongType there.
    /// </summary>
    public class PayloadDuplicatePropertyFuzzTests
    {
        private readonly ITestOutputHelper _output;

        public PayloadDuplicatePropertyFuzzTests(ITestOutputHelper output) => _output = output;

        [ReferenceFact]
        public void A_duplicate_property_means_its_last_occurrence_except_in_kept_JSON_and_conflicting_discriminators()
        {
            var run = new FuzzRun("payload-duplicates", _output);
            IReadOnlySet<string> discriminators = ContractSchemas.DiscriminatorPropertyNames();
            var cases = PayloadSamples.All().SelectMany(DuplicatesOf).ToList();

            PayloadFuzz.CheckAll(run, cases, (item, outcome) =>
            {
                // The duplicate was inserted right after the first occurrence: dropping "name": value, leaves the last one.
                JsonValueSpan span = item.Span!;
                byte[] lastOnly = Mutations.Replace(item.Mutant.Bytes, span.NameStart, span.End + 1, []);
                if (item.Sample.Model.Check(run, item.Mutation + " (the last occurrence alone)", lastOnly) is not { } last)
                {
                    return;
                }

                string? semantics = Semantics(outcome, last, discriminators.Contains(span.PropertyName!) ? span.Path : null);
                if (semantics is null)
                {
                    run.Fail(item.Mutation, $"neither the last occurrence, both kept, nor a discriminator conflict: {Describe(outcome)}; the last alone: {Describe(last)}", item.Text);
                }
                else
                {
                    run.Count(semantics);
                }
            });

            run.Complete();
            Assert.Equal(2 * cases.Count, run.Inputs);
            Assert.True(run["last-wins"] > 0 && run["kept"] > 0 && run["discriminator-conflict"] > 0, "declared properties, kept JSON and discriminators should all be duplicated");
        }

        /// <summary>
        /// Each property again with the same value and with another kind (<see cref="Mutations.DuplicateProperties"/>), and
        /// with each value a property of the same name has elsewhere in the document (another role, another part type).
        /// </summary>
        private static IEnumerable<PayloadCase> DuplicatesOf(PayloadSample sample)
        {
            List<JsonValueSpan> spans = Mutations.ValueSpans(sample.Bytes);
            foreach ((Mutant mutant, JsonValueSpan span, _) in Mutations.DuplicateProperties(sample.Bytes, spans))
            {
                yield return new PayloadCase(sample, mutant, span);
            }

            foreach (JsonValueSpan span in spans.Where(s => s.NameStart >= 0))
            {
                string name = Encoding.UTF8.GetString(sample.Bytes, span.NameStart, span.NameEnd - span.NameStart).TrimEnd();
                string value = Encoding.UTF8.GetString(sample.Bytes, span.Start, span.End - span.Start);
                var others = spans.Where(o => o.PropertyName == span.PropertyName && o.Kind is not ("object" or "array"))
                    .Select(o => Encoding.UTF8.GetString(sample.Bytes, o.Start, o.End - o.Start))
                    .Where(other => other != value)
                    .Distinct();
                foreach (string other in others)
                {
                    yield return new PayloadCase(sample, new Mutant($"{span.Path} written again as {other}", Mutations.Insert(sample.Bytes, span.End, "," + name + other)), span);
                }
            }
        }

        /// <summary>What the duplicate came to; <paramref name="discriminatorPath"/> is its path when the contract discriminates by its name.</summary>
        private static string? Semantics(PayloadOutcome duplicated, PayloadOutcome lastAlone, string? discriminatorPath)
        {
            if (duplicated.Parsed && lastAlone.Parsed)
            {
                return Same(duplicated, lastAlone) ? "last-wins" : DuplicateNames.Any(duplicated.Written!) ? "kept" : null;
            }

            if (!duplicated.Parsed && !lastAlone.Parsed && duplicated.Error!.Kind == lastAlone.Error!.Kind && duplicated.Error.JsonPath == lastAlone.Error.JsonPath)
            {
                return "last-wins";
            }

            bool conflict = !duplicated.Parsed && duplicated.Error!.Kind == CometApiContractErrorKind.WrongType && JsonPaths.Normalize(duplicated.Error.JsonPath) == discriminatorPath;
            return conflict ? "discriminator-conflict" : null;
        }

        private static bool Same(PayloadOutcome left, PayloadOutcome right) => left.Written.AsSpan().SequenceEqual(right.Written);

        private static string Describe(PayloadOutcome outcome) => outcome.Parsed ? System.Text.Encoding.UTF8.GetString(outcome.Written!) : outcome.Error!.ToString();
    }
}
