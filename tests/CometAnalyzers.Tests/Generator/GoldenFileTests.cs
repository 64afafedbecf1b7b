using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CometAnalyzers.Tests.Infrastructure;
using Xunit;

namespace CometAnalyzers.Tests.Generator
{
    /// <summary>
    /// The generated source for the repo's contract is checked in under Golden/ (as .txt, so it is not compiled) and compared byte for byte.
    /// After an intended change, run this test with <c>COMET_UPDATE_GOLDEN=1</c>: it rewrites the files and fails, saying
    /// which it rewrote; review the diff, commit, and run it again without the variable. Under <c>CI=true</c> it refuses to rewrite.
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
            if (GoldenFiles.Check(GoldenFolder, generated, GoldenFiles.UpdateRequested, ReferenceData.IsCI) is { } problem)
            {
                Assert.Fail(problem);
            }
        }

        [Fact]
        public void A_changed_line_is_shown_as_a_diff_with_its_line_number()
        {
            using var folder = new TempFolder(("A.g.cs.txt", "one\ntwo\nthree\nfour\nfive\nsix\nseven\n"));
            string? problem = GoldenFiles.Compare(folder.Path, Sources(("A.g.cs", "one\ntwo\nthree\nfour\n5\nsix\nseven\n")));
            Assert.NotNull(problem);
            Assert.Contains(
                "--- golden A.g.cs.txt\n+++ generated A.g.cs\n@@ -2,7 +2,7 @@ first difference at line 5\n  2 | two\n  3 | three\n  4 | four\n- 5 | five\n+ 5 | 5\n  6 | six\n  7 | seven\n  8 | \n",
                problem);
        }

        [Fact]
        public void Missing_and_extra_golden_files_are_named()
        {
            using var folder = new TempFolder(("Old.g.cs.txt", "x"), ("Same.g.cs.txt", "y"));
            string? problem = GoldenFiles.Compare(folder.Path, Sources(("New.g.cs", "x"), ("Same.g.cs", "y")));
            Assert.NotNull(problem);
            Assert.Contains("New.g.cs: generated, but there is no golden file New.g.cs.txt", problem);
            Assert.Contains("Old.g.cs.txt: a golden file for a source that is no longer generated", problem);
            Assert.DoesNotContain("Same.g.cs", problem);
        }

        [Fact]
        public void Matching_golden_files_pass()
        {
            using var folder = new TempFolder(("A.g.cs.txt", "same\r\ntext"));
            Assert.Null(GoldenFiles.Check(folder.Path, Sources(("A.g.cs", "same\r\ntext")), update: false, ci: false));
            Assert.Contains("\\r", GoldenFiles.Compare(folder.Path, Sources(("A.g.cs", "same\ntext"))));
        }

        [Fact]
        public void Update_mode_rewrites_the_files_and_still_fails()
        {
            using var folder = new TempFolder(("Changed.g.cs.txt", "old"), ("Kept.g.cs.txt", "same"), ("Stale.g.cs.txt", "gone"));
            var generated = Sources(("Changed.g.cs", "new"), ("Kept.g.cs", "same"), ("Added.g.cs", "added"));

            string? problem = GoldenFiles.Check(folder.Path, generated, update: true, ci: false);

            Assert.NotNull(problem);
            Assert.Contains("3 golden file(s)", problem);
            Assert.Contains("rewritten Changed.g.cs.txt", problem);
            Assert.Contains("added     Added.g.cs.txt", problem);
            Assert.Contains("deleted   Stale.g.cs.txt", problem);
            Assert.DoesNotContain("Kept", problem);
            Assert.Contains("commit", problem);
            Assert.Null(GoldenFiles.Compare(folder.Path, generated));
            Assert.Contains("nothing was rewritten", GoldenFiles.Check(folder.Path, generated, update: true, ci: false));
        }

        [Fact]
        public void Update_mode_under_CI_refuses_to_write_and_fails()
        {
            using var folder = new TempFolder(("A.g.cs.txt", "old"));

            string? problem = GoldenFiles.Check(folder.Path, Sources(("A.g.cs", "new"), ("B.g.cs", "new")), update: true, ci: true);

            Assert.NotNull(problem);
            Assert.Contains("never rewritten in CI", problem);
            Assert.Equal(new[] { "A.g.cs.txt" }, Directory.GetFiles(folder.Path).Select(Path.GetFileName));
            Assert.Equal("old", File.ReadAllText(Path.Combine(folder.Path, "A.g.cs.txt")));
        }

        private static Dictionary<string, string> Sources(params (string Hint, string Text)[] sources)
            => sources.ToDictionary(s => s.Hint, s => s.Text, StringComparer.Ordinal);

        private sealed class TempFolder : IDisposable
        {
            public TempFolder(params (string Name, string Text)[] files)
            {
                Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "comet-golden-" + Guid.NewGuid().ToString("N"));
                Directory.CreateDirectory(Path);
                foreach ((string name, string text) in files)
                {
                    File.WriteAllText(System.IO.Path.Combine(Path, name), text);
                }
            }

            public string Path { get; }

            public void Dispose() => Directory.Delete(Path, recursive: true);
        }
    }
}
