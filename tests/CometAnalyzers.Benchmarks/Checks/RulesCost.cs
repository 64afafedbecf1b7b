using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using CometAnalyzers.Benchmarks.Payloads;
using CometAnalyzers.Benchmarks.Roslyn;
using CometAnalyzers.Generation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;

namespace CometAnalyzers.Benchmarks.Checks
{
    /// <summary>
    /// What the COMET analyzers add to a build, measured the way the compiler measures analyzers: on the synthetic
    /// 1,000-file project (<see cref="SyntheticProject"/>), <see cref="CompilationWithAnalyzers"/> with
    /// logAnalyzerExecutionTime and non-concurrent analysis, <see cref="CompilationWithAnalyzers.GetAnalyzerTelemetryInfoAsync"/>
    /// per analyzer, against the compilation's own <c>Compilation.GetDiagnostics()</c> time (fresh semantic state each run).
    /// Every rule of every analyzer is switched on (Warn), so disabled-by-default rules are measured too.
    /// The COMET analyzers are found by reflection over every DiagnosticAnalyzer type in the CometAnalyzers assembly;
    /// Meziantou.Analyzer's from its package folder through an <see cref="AnalyzerFileReference"/>.
    /// </summary>
    public static class RulesCost
    {
        private const int Runs = 3;

        public static async Task<Report> RunAsync()
        {
            var report = new Report("Rules");
            ImmutableArray<DiagnosticAnalyzer> comet = CometAnalyzersByReflection();
            ImmutableArray<DiagnosticAnalyzer> meziantou = MeziantouAnalyzers(out string meziantouPath);
            report.Line($"COMET analyzers found in {typeof(ContractGenerator).Assembly.GetName().Name} {typeof(ContractGenerator).Assembly.GetName().Version}: "
                + string.Join("; ", comet.Select(a => $"{a.GetType().Name} ({string.Join(", ", a.SupportedDiagnostics.Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal))})")));
            // Code rules are COMET0xx; the contract-file diagnostics are COMET1xx.
            string[] present = comet.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Where(id => id.StartsWith("COMET0", StringComparison.Ordinal))
                .Distinct().OrderBy(id => id, StringComparer.Ordinal).ToArray();
            if (present.Length == 0)
            {
                throw new InvalidOperationException("No COMET code rule found by reflection: the check would measure nothing.");
            }

            report.Line($"Code rules present: {string.Join(", ", present)}.");
            report.Line($"Meziantou.Analyzer: {meziantou.Length} analyzers from {meziantouPath}");

            CSharpCompilation project = RoslynInputs.Compilation("Synthetic", SyntheticProject.Files());
            var additional = ImmutableArray.Create<AdditionalText>(RoslynInputs.CometContractFile());
            var analyzerOptions = new AnalyzerOptions(additional);
            ImmutableArray<Diagnostic> errors = project.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
            if (!errors.IsEmpty)
            {
                throw new InvalidOperationException("The synthetic project does not compile:\n" + string.Join("\n", errors.Take(10)));
            }

            int lines = project.SyntaxTrees.Sum(t => t.GetText().Lines.Count);
            report.Line($"Project: {project.SyntaxTrees.Count()} files, {lines:N0} lines, references: framework, Polly, Polly.Core, Microsoft.Extensions.Logging; the CometAPI contract as an additional file.");

            // The compiler's own time: GetDiagnostics on a fresh clone (parse trees shared, semantic state new).
            var compile = new List<double>();
            for (int i = 0; i < Runs + 1; i++)
            {
                CSharpCompilation fresh = project.Clone();
                var watch = Stopwatch.StartNew();
                _ = fresh.GetDiagnostics();
                watch.Stop();
                if (i > 0)
                {
                    compile.Add(watch.Elapsed.TotalMilliseconds);
                }
            }

            double compileMs = GeneratorCheck.Median(compile);
            report.Line($"Compilation.GetDiagnostics(): median {compileMs:F0} ms of {Runs} (after one warm-up): {string.Join(", ", compile.Select(t => t.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)))} ms");

            // COMET alone.
            var cometTotals = new List<double>();
            var cometPer = new Dictionary<string, List<double>>(StringComparer.Ordinal);
            for (int i = 0; i < Runs; i++)
            {
                var (times, diagnostics, _) = await MeasureAsync(project, comet, analyzerOptions);
                cometTotals.Add(times.Values.Sum());
                foreach (var pair in times)
                {
                    (cometPer.TryGetValue(pair.Key, out var list) ? list : cometPer[pair.Key] = new List<double>()).Add(pair.Value);
                }

                if (i == 0)
                {
                    report.Line("COMET diagnostics on the project: " + (diagnostics.IsEmpty ? "none" : string.Join(", ", diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}×{g.Count()}"))));
                }
            }

            double cometMs = GeneratorCheck.Median(cometTotals);
            double share = cometMs / compileMs * 100;
            // Not the target: alone in process, COMET is the first to bind what it asks about. The standing target (under 3%
            // of a default build's compile CPU, SDK analyzers on) is BuildCost's verdict; this share is reported beside it.
            report.Line($"All COMET analyzers alone, in process: {cometMs:F1} ms analyzer time (median of {Runs}) = {share:F2}% of {compileMs:F0} ms");

            WallClock(report, project, comet, analyzerOptions);

            // Meziantou and COMET together, measured the same way; per-analyzer times.
            var (all, _, exceptions) = await MeasureAsync(project, meziantou.AddRange(comet), analyzerOptions);
            var meziantouTimes = meziantou.Select(a => all[Key(a)]).OrderBy(t => t).ToArray();
            double median = GeneratorCheck.Median(meziantouTimes);
            report.Line($"Meziantou.Analyzer: {meziantouTimes.Length} analyzers, total {meziantouTimes.Sum():F0} ms, median {median:F2} ms, max {meziantouTimes.Max():F1} ms"
                + (exceptions.IsEmpty ? string.Empty : $"; analyzer exceptions: {exceptions.Count}"));
            foreach (var top in meziantou.Select(a => (Name: a.GetType().Name, Ms: all[Key(a)])).OrderByDescending(p => p.Ms).Take(3))
            {
                report.Line($"  - slowest Meziantou: {top.Name} {top.Ms:F1} ms");
            }

            foreach (DiagnosticAnalyzer analyzer in comet)
            {
                double alone = GeneratorCheck.Median(cometPer[Key(analyzer)]);
                double together = all[Key(analyzer)];
                // The per-rule target against Meziantou's median was retired; the figure stays for comparison.
                report.Line($"  - {analyzer.GetType().Name}: {together:F2} ms in the shared run ({alone:F2} ms alone, median of {Runs}); Meziantou median {median:F2} ms");
            }

            return report;
        }

        /// <summary>COMET diagnostics per id on the synthetic project, found the way <see cref="RunAsync"/> finds them (every rule Warn).</summary>
        public static async Task<SortedDictionary<string, int>> CometDiagnosticCountsAsync()
        {
            CSharpCompilation project = RoslynInputs.Compilation("Synthetic", SyntheticProject.Files());
            var (_, diagnostics, _) = await MeasureAsync(project, CometAnalyzersByReflection(), new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(RoslynInputs.CometContractFile())));
            return new SortedDictionary<string, int>(diagnostics.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.Count()), StringComparer.Ordinal);
        }

        private static string Key(DiagnosticAnalyzer analyzer) => analyzer.GetType().AssemblyQualifiedName!;

        /// <summary>
        /// What a build sees: a fresh compilation's diagnostics alone, with an operation analyzer that does nothing (the
        /// price of IOperation trees for every method body), and with every COMET analyzer. Rounds alternate the three so
        /// load on a shared machine falls on all of them; allocated bytes do not depend on load at all.
        /// </summary>
        private static void WallClock(Report report, CSharpCompilation project, ImmutableArray<DiagnosticAnalyzer> comet, AnalyzerOptions analyzerOptions)
        {
            var setups = new (string Name, ImmutableArray<DiagnosticAnalyzer> Analyzers)[]
            {
                ("compile only", ImmutableArray<DiagnosticAnalyzer>.Empty),
                ("compile + empty operation analyzer", ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyOperationAnalyzer())),
                ("compile + all COMET analyzers", comet),
            };
            var times = setups.Select(_ => new List<double>()).ToArray();
            var bytes = setups.Select(_ => new List<double>()).ToArray();
            for (int round = 0; round < Runs + 1; round++)
            {
                for (int i = 0; i < setups.Length; i++)
                {
                    CSharpCompilation fresh = project.Clone();
                    GC.Collect();
                    long allocated = GC.GetTotalAllocatedBytes(precise: true);
                    var watch = Stopwatch.StartNew();
                    _ = setups[i].Analyzers.IsEmpty
                        ? fresh.GetDiagnostics()
                        : fresh.WithAnalyzers(setups[i].Analyzers, new CompilationWithAnalyzersOptions(analyzerOptions, null, concurrentAnalysis: false, logAnalyzerExecutionTime: false))
                            .GetAllDiagnosticsAsync().GetAwaiter().GetResult();
                    watch.Stop();
                    if (round > 0)
                    {
                        times[i].Add(watch.Elapsed.TotalMilliseconds);
                        bytes[i].Add((GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6);
                    }
                }
            }

            double baseTime = GeneratorCheck.Median(times[0]);
            double baseBytes = GeneratorCheck.Median(bytes[0]);
            for (int i = 0; i < setups.Length; i++)
            {
                double time = GeneratorCheck.Median(times[i]);
                double allocatedMb = GeneratorCheck.Median(bytes[i]);
                report.Line($"Wall clock, {setups[i].Name}: median {time:F0} ms of {Runs} interleaved rounds ({string.Join(", ", times[i].Select(t => t.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)))} ms)"
                    + (i == 0 ? string.Empty : $", {(time - baseTime) / baseTime * 100:+0.0;-0.0}%")
                    + $"; allocated {allocatedMb:F0} MB" + (i == 0 ? string.Empty : $" ({(allocatedMb - baseBytes) / baseBytes * 100:+0.0;-0.0}%)"));
            }
        }

        /// <summary>Registers an operation action and does nothing: the driver still builds every method's IOperation tree.</summary>
#pragma warning disable RS1041, RS1036, RS2008 // a measuring stand-in run in-process, never shipped or loaded by a compiler
        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        private sealed class EmptyOperationAnalyzer : DiagnosticAnalyzer
        {
            private static readonly DiagnosticDescriptor Rule = new("EMPTY001", "Empty", "Empty", "Empty", DiagnosticSeverity.Warning, isEnabledByDefault: true);

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

            public override void Initialize(AnalysisContext context)
            {
                context.EnableConcurrentExecution();
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.RegisterOperationAction(_ => { }, OperationKind.Invocation);
            }
        }
#pragma warning restore RS1041, RS1036, RS2008

        private static async Task<(Dictionary<string, double> Times, ImmutableArray<Diagnostic> Diagnostics, ConcurrentBag<Exception> Exceptions)> MeasureAsync(
            CSharpCompilation project, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerOptions analyzerOptions)
        {
            var allOn = analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct()
                .ToImmutableDictionary(id => id, _ => ReportDiagnostic.Warn);
            CSharpCompilation compilation = project.WithOptions(project.Options.WithSpecificDiagnosticOptions(allOn));
            var exceptions = new ConcurrentBag<Exception>();
            var options = new CompilationWithAnalyzersOptions(
                analyzerOptions,
                onAnalyzerException: (exception, _, _) => exceptions.Add(exception),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: true,
                reportSuppressedDiagnostics: false);
            CompilationWithAnalyzers withAnalyzers = compilation.WithAnalyzers(analyzers, options);
            ImmutableArray<Diagnostic> diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            var times = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (DiagnosticAnalyzer analyzer in analyzers)
            {
                AnalyzerTelemetryInfo info = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
                times[Key(analyzer)] = info.ExecutionTime.TotalMilliseconds;
            }

            return (times, diagnostics, exceptions);
        }

        /// <summary>Every concrete C# DiagnosticAnalyzer in the CometAnalyzers assembly, whatever exists when this runs.</summary>
        public static ImmutableArray<DiagnosticAnalyzer> CometAnalyzersByReflection()
        {
            Type[] types;
            try
            {
                types = typeof(ContractGenerator).Assembly.GetTypes();
            }
            catch (ReflectionTypeLoadException exception)
            {
                types = exception.Types.Where(t => t is not null).ToArray()!;
            }

            return types
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t)
                    && t.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp)))
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .ToImmutableArray();
        }

        /// <summary>Meziantou's analyzers from the package folder built for the newest Roslyn this host can load.</summary>
        public static ImmutableArray<DiagnosticAnalyzer> MeziantouAnalyzers(out string path)
        {
            path = MeziantouAnalyzerPath(typeof(Compilation).Assembly.GetName().Version!);
            var reference = new AnalyzerFileReference(path, new DefaultLoader());
            return reference.GetAnalyzers(LanguageNames.CSharp);
        }

        /// <summary>Meziantou.Analyzer.dll from the package's analyzers/dotnet/roslynX.Y folder with the newest X.Y a compiler of version <paramref name="roslyn"/> loads.</summary>
        public static string MeziantouAnalyzerPath(Version roslyn)
        {
            string root = Path.Combine(Paths.MeziantouPackageFolder, "analyzers", "dotnet");
            string folder = Directory.GetDirectories(root, "roslyn*")
                .Select(d => (Path: d, Version: Version.TryParse(Path.GetFileName(d)["roslyn".Length..], out Version? v) ? v : null))
                .Where(d => d.Version is not null && d.Version <= new Version(roslyn.Major, roslyn.Minor))
                .OrderByDescending(d => d.Version)
                .Select(d => d.Path)
                .FirstOrDefault() ?? throw new InvalidOperationException($"No Meziantou analyzer folder under {root} loads in Roslyn {roslyn}.");
            return Path.Combine(folder, "cs", "Meziantou.Analyzer.dll");
        }

        private sealed class DefaultLoader : IAnalyzerAssemblyLoader
        {
            public void AddDependencyLocation(string fullPath)
            {
            }

            public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
        }
    }
}
