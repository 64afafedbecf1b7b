using System;
using System.IO;
using System.Linq;
using CometAnalyzers.Tests.Infrastructure;
using Xunit;

namespace CometAnalyzers.Tests.Generator
{
    /// <summary>
    /// The generated source for the repo's contract is checked in under Golden/ (as .txt, so it is not compiled) and compared byte for byte.
    /// After an intended change, regenerate with <c>COMET_UPDATE_GOLDEN=1 dotnet test</c> and review the diff.
    /// </summary>
    public class GoldenFileTests
    {
        private static readonly string GoldenFolder = ReferenceData.RepoFile("tests/CometAnalyzers.Tests/Golden/CometApi");

        [Fact]
        public void Generated_source_for_the_repo_contract_matches_the_golden_files()
        {
            GeneratorRun run = GeneratorHarness.RunContract(File.ReadAllText(ReferenceData.RepoFile("contract/cometapi.chat-completions.contract.json")));
            var generated = run.Sources.ToDictionary(s => s.HintName, s => s.Text, StringComparer.Ordinal);
            Assert.NotEmpty(generated);

            if (Environment.GetEnvironmentVariable("COMET_UPDATE_GOLDEN") == "1")
            {
                if (Directory.Exists(GoldenFolder))
                {
                    Directory.Delete(GoldenFolder, recursive: true);
                }

                Directory.CreateDirectory(GoldenFolder);
                foreach ((string hint, string text) in generated)
                {
                    File.WriteAllText(Path.Combine(GoldenFolder, hint + ".txt"), text);
                }
            }

            var golden = Directory.GetFiles(GoldenFolder, "*.g.cs.txt").ToDictionary(p => Path.GetFileNameWithoutExtension(p), File.ReadAllText, StringComparer.Ordinal);
            Assert.Equal(golden.Keys.OrderBy(k => k, StringComparer.Ordinal), generated.Keys.OrderBy(k => k, StringComparer.Ordinal));
            foreach ((string hint, string text) in generated)
            {
                Assert.True(golden[hint] == text, $"{hint} differs from its golden file; regenerate with COMET_UPDATE_GOLDEN=1 if the change is intended.");
            }
        }
    }
}
