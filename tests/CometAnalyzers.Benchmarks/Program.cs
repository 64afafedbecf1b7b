using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using BenchmarkDotNet.Running;
using CometAnalyzers.Benchmarks.Checks;

namespace CometAnalyzers.Benchmarks
{
    /// <summary>
    /// <c>dotnet run -c Release --project tests/CometAnalyzers.Benchmarks -- --filter '*'</c> runs every benchmark, then the
    /// two checks that are not BenchmarkDotNet benchmarks: the generator's caching and ElapsedTime (category Generator)
    /// and the rules' cost on a 1,000-file project, in-process and with the SDK's compiler (category Rules; the compiler
    /// part alone: category Build). Arguments go to BenchmarkDotNet; in addition:
    /// <c>--checks-only</c> runs just the checks, <c>--no-checks</c> skips them. With <c>--anyCategories</c>, a check runs
    /// only when its category is listed. The checks' report is written to BenchmarkDotNet.Artifacts/results/checks-report.md.
    /// </summary>
    public static class Program
    {
        public static async Task<int> Main(string[] args)
        {
            int quick = Array.IndexOf(args, "--quick");
            if (quick >= 0)
            {
                QuickRunner.Run(quick + 1 < args.Length ? args[quick + 1] : null);
                return 0;
            }

            bool checksOnly = args.Contains("--checks-only");
            bool noChecks = args.Contains("--no-checks");
            string[] bdnArgs = args.Where(a => a is not "--checks-only" and not "--no-checks").ToArray();
            HashSet<string>? categories = Categories(bdnArgs);

            if (!checksOnly)
            {
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(bdnArgs);
            }

            if (noChecks)
            {
                return 0;
            }

            var reports = new List<Report>();
            if (categories is null || categories.Contains("Generator"))
            {
                Console.WriteLine("// * Check: generator caching and elapsed time *");
                reports.Add(GeneratorCheck.Run());
            }

            bool rules = categories is null || categories.Contains("Rules");
            if (rules)
            {
                Console.WriteLine("// * Check: rule cost on a 1,000-file project *");
                reports.Add(await RulesCost.RunAsync());
            }

            // Part of Rules; "Build" runs it alone (about 55 compiles with the SDK's compiler: some 30 minutes on 2 cores).
            if (rules || categories!.Contains("Build"))
            {
                Console.WriteLine("// * Check: build cost with the SDK's compiler on a 1,000-file project *");
                reports.Add(await BuildCost.RunAsync());
            }

            if (reports.Count > 0)
            {
                var markdown = new StringBuilder();
                markdown.AppendLine($"## Checks ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, {Environment.ProcessorCount} cores)").AppendLine();
                foreach (Report report in reports)
                {
                    markdown.Append(report.ToMarkdown());
                }

                string folder = Path.Combine(Directory.GetCurrentDirectory(), "BenchmarkDotNet.Artifacts", "results");
                Directory.CreateDirectory(folder);
                string path = Path.Combine(folder, "checks-report.md");
                await File.WriteAllTextAsync(path, markdown.ToString());
                Console.WriteLine("// Checks report: " + path);
            }

            return 0;
        }

        /// <summary>The categories named after --anyCategories / --allCategories, or null when none are (everything runs).</summary>
        private static HashSet<string>? Categories(string[] args)
        {
            HashSet<string>? categories = null;
            for (int i = 0; i < args.Length; i++)
            {
                if (args[i] is "--anyCategories" or "--allCategories")
                {
                    categories ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                    for (int j = i + 1; j < args.Length && !args[j].StartsWith('-'); j++)
                    {
                        categories.Add(args[j]);
                    }
                }
            }

            return categories;
        }
    }
}
