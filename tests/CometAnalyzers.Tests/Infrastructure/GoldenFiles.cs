using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace CometAnalyzers.Tests.Infrastructure
{
    /// <summary>
    /// Checked-in expected output: one <c>&lt;name&gt;.txt</c> per generated source in a folder. <see cref="Check"/>
    /// compares and describes every difference with a diff. With <c>COMET_UPDATE_GOLDEN=1</c> it rewrites the folder
    /// instead and still fails, so an update is never mistaken for a pass; under <c>CI=true</c> it refuses to write.
    /// </summary>
    internal static class GoldenFiles
    {
        public const string UpdateVariable = "COMET_UPDATE_GOLDEN";

        private const string Extension = ".txt";

        private const int ShownDiffs = 5;

        public static bool UpdateRequested => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

        /// <summary>What is wrong with the golden folder for <paramref name="generated"/> (hint name → text): null when it matches.</summary>
        public static string? Check(string folder, IReadOnlyDictionary<string, string> generated, bool update, bool ci)
        {
            if (update)
            {
                return ci
                    ? $"{UpdateVariable}=1 under CI=true: golden files are never rewritten in CI. Regenerate them locally, review and commit them."
                    : Update(folder, generated);
            }

            return Compare(folder, generated);
        }

        /// <summary>Every missing, extra or differing file, each difference as a diff (the first few in full); null when all match.</summary>
        public static string? Compare(string folder, IReadOnlyDictionary<string, string> generated)
        {
            Dictionary<string, string> golden = Read(folder);
            var problems = new List<string>();
            foreach (string missing in generated.Keys.Where(k => !golden.ContainsKey(k)).OrderBy(k => k, StringComparer.Ordinal))
            {
                problems.Add($"{missing}: generated, but there is no golden file {missing}{Extension}");
            }

            foreach (string extra in golden.Keys.Where(k => !generated.ContainsKey(k)).OrderBy(k => k, StringComparer.Ordinal))
            {
                problems.Add($"{extra}{Extension}: a golden file for a source that is no longer generated");
            }

            var diffs = generated.Keys.Where(golden.ContainsKey).OrderBy(k => k, StringComparer.Ordinal)
                .Select(hint => (hint, diff: TextDiff.Unified(golden[hint], generated[hint], $"golden {hint}{Extension}", $"generated {hint}")))
                .Where(d => d.diff is not null)
                .ToList();
            problems.AddRange(diffs.Take(ShownDiffs).Select(d => d.diff!));
            if (diffs.Count > ShownDiffs)
            {
                problems.Add($"... and {diffs.Count - ShownDiffs} more differing file(s): {string.Join(", ", diffs.Skip(ShownDiffs).Select(d => d.hint))}");
            }

            if (problems.Count == 0)
            {
                return null;
            }

            return $"The generated source differs from the golden files in {folder}. If the change is intended, run the test with "
                + $"{UpdateVariable}=1, review the rewritten files (git diff) and commit them.\n\n" + string.Join("\n", problems);
        }

        /// <summary>Rewrites the folder to match <paramref name="generated"/> and says what changed: always a failure message.</summary>
        private static string Update(string folder, IReadOnlyDictionary<string, string> generated)
        {
            Dictionary<string, string> golden = Read(folder);
            Directory.CreateDirectory(folder);
            var changes = new List<string>();
            foreach ((string hint, string text) in generated.OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                if (!golden.TryGetValue(hint, out string? old) || old != text)
                {
                    File.WriteAllText(Path.Combine(folder, hint + Extension), text);
                    changes.Add((old is null ? "added     " : "rewritten ") + hint + Extension);
                }
            }

            foreach (string stale in golden.Keys.Where(k => !generated.ContainsKey(k)).OrderBy(k => k, StringComparer.Ordinal))
            {
                File.Delete(Path.Combine(folder, stale + Extension));
                changes.Add("deleted   " + stale + Extension);
            }

            var message = new StringBuilder($"{UpdateVariable}=1: ");
            if (changes.Count == 0)
            {
                message.Append($"the golden files in {folder} already match; nothing was rewritten.");
            }
            else
            {
                message.Append($"{changes.Count} golden file(s) in {folder} were rewritten. Review them (git diff) and commit them:\n  ")
                    .AppendJoin("\n  ", changes);
            }

            return message.Append($"\nThis test fails in update mode; run it again without {UpdateVariable} to check.").ToString();
        }

        private static Dictionary<string, string> Read(string folder)
            => Directory.Exists(folder)
                ? Directory.GetFiles(folder, "*" + Extension).ToDictionary(p => Path.GetFileNameWithoutExtension(p), File.ReadAllText, StringComparer.Ordinal)
                : new Dictionary<string, string>(StringComparer.Ordinal);
    }
}
