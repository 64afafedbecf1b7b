using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Text;
using CometAnalyzers.Benchmarks.Roslyn;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CometAnalyzers.Benchmarks.Checks
{
    /// <summary>
    /// The generator targets outside BenchmarkDotNet: with step tracking on, an unrelated edit must leave every tracked
    /// step Cached or Unchanged and every output Cached; and the driver's own ElapsedTime (GeneratorDriver.GetTimingInfo)
    /// for a full run and for the edit, median of many runs after warm-up.
    /// </summary>
    public static class GeneratorCheck
    {
        private const int Runs = 30;

        public static Report Run()
        {
            var report = new Report("Generator");
            Measure(report, "OpenAI subset contract (54 schemas)", RoslynInputs.OpenAiContractFiles(), fullTargetMs: 50);
            Measure(report, "whole OpenAI document (3.4 MB, 1,422 schemas)", RoslynInputs.FullOpenAiDocumentFiles(), fullTargetMs: 100);
            return report;
        }

        private static void Measure(Report report, string inputName, ImmutableArray<AdditionalText> files, double fullTargetMs)
        {
            CSharpCompilation compilation = RoslynInputs.ConsumerCompilation();

            // Caching, with step tracking on.
            GeneratorDriver driver = RoslynInputs.Driver(files, trackSteps: true).RunGenerators(compilation);
            GeneratorRunResult first = driver.GetRunResult().Results.Single();
            GeneratorRunResult edited = driver.RunGenerators(RoslynInputs.WithUnrelatedEdit(compilation, 1)).GetRunResult().Results.Single();
            var reasons = new SortedDictionary<string, string>(StringComparer.Ordinal);
            bool allCached = true;
            HashSet<string> ownSteps = GeneratorStepNames();
            foreach (var step in edited.TrackedSteps)
            {
                var stepReasons = step.Value.SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();

                // The driver's own inputs (Compilation, AdditionalTexts, ParseOptions) report the edit itself; only the
                // generator's named steps must stay Cached or Unchanged.
                allCached &= !ownSteps.Contains(step.Key) || stepReasons.All(r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
                reasons[step.Key] = string.Join(", ", stepReasons.GroupBy(r => r).Select(g => $"{g.Key}×{g.Count()}"));
            }

            var outputReasons = edited.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
            bool outputsCached = outputReasons.Count > 0 && outputReasons.All(r => r == IncrementalStepRunReason.Cached);
            report.Line($"{inputName}: {first.GeneratedSources.Length} generated files (full run); tracked steps after an unrelated edit:");
            foreach (var pair in reasons)
            {
                report.Line($"  - {pair.Key}: {pair.Value}");
            }

            report.Line($"  - outputs: {string.Join(", ", outputReasons.GroupBy(r => r).Select(g => $"{g.Key}×{g.Count()}"))}");
            report.Verdict($"{inputName}: unrelated edit, every step cached", allCached && outputsCached,
                allCached && outputsCached ? $"all {ownSteps.Count} named steps Cached/Unchanged, outputs Cached" : "a step re-ran");

            // Elapsed time as the driver reports it, tracking off (as in a build).
            var full = new List<double>();
            var edit = new List<double>();
            GeneratorDriver warm = RoslynInputs.Driver(files, trackSteps: false).RunGenerators(compilation);
            for (int i = 0; i < Runs + 5; i++)
            {
                // The driver's own timing of this generator (GetTimingInfo: per-generator ElapsedTime of the last run).
                TimeSpan fullRun = RoslynInputs.Driver(files, trackSteps: false).RunGenerators(compilation).GetTimingInfo().GeneratorTimes.Single().ElapsedTime;
                TimeSpan editRun = warm.RunGenerators(RoslynInputs.WithUnrelatedEdit(compilation, i + 2)).GetTimingInfo().GeneratorTimes.Single().ElapsedTime;
                if (i >= 5)
                {
                    full.Add(fullRun.TotalMilliseconds);
                    edit.Add(editRun.TotalMilliseconds);
                }
            }

            double fullMedian = Median(full);
            double editMedian = Median(edit);
            report.Verdict($"{inputName}: full run (driver ElapsedTime, median of {Runs})", fullMedian < fullTargetMs, $"{fullMedian:F2} ms (target < {fullTargetMs} ms; min {full.Min():F2}, max {full.Max():F2})");
            report.Verdict($"{inputName}: unrelated edit (driver ElapsedTime, median of {Runs})", editMedian < 1, $"{editMedian:F3} ms (target < 1 ms; min {edit.Min():F3}, max {edit.Max():F3})");
        }

        /// <summary>The generator's step names (its internal TrackingNames constants), read once by reflection.</summary>
        private static HashSet<string> GeneratorStepNames()
        {
            Type names = typeof(CometAnalyzers.Generation.ContractGenerator).Assembly.GetType("CometAnalyzers.Generation.TrackingNames", throwOnError: true)!;
            return names.GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
                .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToHashSet(StringComparer.Ordinal);
        }

        internal static double Median(IReadOnlyCollection<double> values)
        {
            double[] sorted = values.OrderBy(v => v).ToArray();
            return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        }
    }

    /// <summary>Lines and pass/miss verdicts of one check, printed and written as Markdown.</summary>
    public sealed class Report
    {
        private readonly StringBuilder _text = new();

        public Report(string title)
        {
            Title = title;
        }

        public string Title { get; }

        public List<(string Target, bool Pass, string Detail)> Verdicts { get; } = new();

        public void Line(string line)
        {
            _text.AppendLine(line);
            Console.WriteLine(line);
        }

        public void Verdict(string target, bool pass, string detail)
        {
            Verdicts.Add((target, pass, detail));
            Console.WriteLine($"[{(pass ? "PASS" : "MISS")}] {target}: {detail}");
        }

        public string ToMarkdown()
        {
            var builder = new StringBuilder();
            builder.AppendLine("### " + Title).AppendLine();
            builder.Append(_text).AppendLine();
            builder.AppendLine("| Target | Verdict | Measured |").AppendLine("| --- | --- | --- |");
            foreach (var (target, pass, detail) in Verdicts)
            {
                builder.AppendLine($"| {target} | {(pass ? "pass" : "**miss**")} | {detail} |");
            }

            return builder.AppendLine().ToString();
        }
    }
}
