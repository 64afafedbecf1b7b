using System.Collections.Generic;
using System.IO;
using System.Linq;
using CometAnalyzers.Rules;
using CometAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>
    /// Every id any shipped analyzer reports has its page: the help link the IDE opens points at docs/rules/ID.md, the
    /// page exists and is titled with the id, its table gives the descriptor's default severity, and the README's rule
    /// tables link it with that severity. Analyzers are found by reflection, so a new rule without a page fails here.
    /// </summary>
    public class RulePagesTests
    {
        public static TheoryData<string> Ids()
        {
            var data = new TheoryData<string>();
            foreach (string id in Descriptors().Select(d => d.Id).Distinct().OrderBy(id => id, System.StringComparer.Ordinal))
            {
                data.Add(id);
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(Ids))]
        public void Each_rule_has_a_page_that_its_help_link_opens_and_the_README_links(string id)
        {
            DiagnosticDescriptor descriptor = Descriptors().First(d => d.Id == id);
            Assert.Equal(RuleIdentifiers.GetHelpUri(id), descriptor.HelpLinkUri);

            string page = ReferenceData.RepoFile(Path.Combine("docs", "rules", id + ".md"));
            Assert.True(File.Exists(page), $"{id} has no page at docs/rules/{id}.md");
            string[] lines = File.ReadAllLines(page);
            Assert.StartsWith($"# {id}: ", lines[0]);

            string severity = descriptor.DefaultSeverity.ToString();
            if (lines.FirstOrDefault(l => l.StartsWith("| Default severity |", System.StringComparison.Ordinal)) is { } row)
            {
                Assert.Equal($"| Default severity | {severity} |", row);
            }

            string readme = File.ReadAllText(ReferenceData.RepoFile("README.md"));
            Assert.Contains($"| [{id}](docs/rules/{id}.md) | {severity.ToLowerInvariant()} |", readme);
        }

        private static IEnumerable<DiagnosticDescriptor> Descriptors()
            => AllAnalyzers.Create().SelectMany(a => a.SupportedDiagnostics).Where(d => d.Id.StartsWith("COMET", System.StringComparison.Ordinal));
    }
}
