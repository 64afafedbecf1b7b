using System;
using System.Globalization;
using System.IO;
using System.Linq;
using CometAnalyzers.Tests.Infrastructure;
using Xunit;

namespace CometAnalyzers.Tests.Generator
{
    /// <summary>Same contract, same bytes: across runs, cultures and the order of AdditionalFiles.</summary>
    public class DeterminismTests
    {
        private static readonly string Contract = File.ReadAllText(ReferenceData.RepoFile("contract/cometapi.chat-completions.contract.json"));

        private const string Second = """
            { "name": "Other", "timeouts": { "attemptSeconds": 1.5 }, "response": { "type": "object", "properties": { "ratio": { "type": "number", "minimum": 0.25, "maximum": 1e3 } } } }
            """;

        private static string Snapshot(params (string Path, string Text)[] files)
            => string.Join("\n//--\n", GeneratorHarness.Run(files).Sources.OrderBy(s => s.HintName, StringComparer.Ordinal).Select(s => s.HintName + "\n" + s.Text));

        [Theory]
        [InlineData("tr-TR")]
        [InlineData("de-DE")]
        [InlineData("ar-SA")]
        [InlineData("")]
        public void Output_is_byte_identical_in_every_culture(string culture)
        {
            string invariant = WithCulture(CultureInfo.InvariantCulture, () => Snapshot(("/p/a.contract.json", Contract), ("/p/b.contract.json", Second)));
            string other = WithCulture(new CultureInfo(culture), () => Snapshot(("/p/a.contract.json", Contract), ("/p/b.contract.json", Second)));
            if (invariant != other)
            {
                int at = Enumerable.Range(0, Math.Min(invariant.Length, other.Length)).FirstOrDefault(i => invariant[i] != other[i]);
                Assert.Fail($"Differs at {at}: '{invariant.Substring(Math.Max(0, at - 80), 160)}' vs '{other.Substring(Math.Max(0, at - 80), 160)}'");
            }
            Assert.Contains("1.5d", invariant, StringComparison.Ordinal);
        }

        [Fact]
        public void Output_does_not_depend_on_the_order_of_additional_files()
        {
            string forward = Snapshot(("/p/a.contract.json", Contract), ("/p/b.contract.json", Second));
            string backward = Snapshot(("/p/b.contract.json", Second), ("/p/a.contract.json", Contract));
            Assert.Equal(forward, backward);
        }

        [Fact]
        public void Two_runs_produce_the_same_bytes()
            => Assert.Equal(Snapshot(("/p/a.contract.json", Contract)), Snapshot(("/p/a.contract.json", Contract)));

        private static T WithCulture<T>(CultureInfo culture, Func<T> action)
        {
            CultureInfo saved = CultureInfo.CurrentCulture;
            CultureInfo savedUi = CultureInfo.CurrentUICulture;
            try
            {
                CultureInfo.CurrentCulture = culture;
                CultureInfo.CurrentUICulture = culture;
                return action();
            }
            finally
            {
                CultureInfo.CurrentCulture = saved;
                CultureInfo.CurrentUICulture = savedUi;
            }
        }
    }
}
