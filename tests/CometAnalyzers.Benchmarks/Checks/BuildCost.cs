using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using CometAnalyzers.Benchmarks.Payloads;
using CometAnalyzers.Generation;
using Microsoft.CodeAnalysis;

namespace CometAnalyzers.Benchmarks.Checks
{
    /// <summary>
    /// What the COMET package adds to a real build: the synthetic 1,000-file project (<see cref="SyntheticProject"/>) as
    /// an SDK project in a temp folder, built once by <c>dotnet build</c> to capture the exact csc arguments MSBuild uses
    /// (<c>ProvideCommandLineArgs=true</c> makes the Csc task hand them back as <c>@(CscCommandLineArgs)</c>, as design-time
    /// builds do), then the SDK's own csc run on that command line: A bare (every <c>/analyzer:</c> removed), B as MSBuild
    /// gave it (the SDK's default analyzers and generators), B+gen (B plus the code COMET generates, as plain sources),
    /// C = B + the CometAnalyzers assembly (analyzers and generator, as the package adds them). Interleaved rounds twice:
    /// cold (one csc process per compile) and warm (through a compiler server, as <c>dotnet build</c> compiles); wall clock
    /// and user+sys CPU. Then <c>/reportanalyzer</c> runs: C for COMET's share of a default build's compile CPU (the standing
    /// target, under 3%), and E = A + COMET for its share when no other analyzer runs.
    /// </summary>
    public static class BuildCost
    {
        /// <summary>Measured rounds per variant; <c>COMET_BUILD_ROUNDS</c> sets another number for a quicker re-check.</summary>
        private static readonly int Rounds = int.TryParse(Environment.GetEnvironmentVariable("COMET_BUILD_ROUNDS"), NumberStyles.None, CultureInfo.InvariantCulture, out int rounds) && rounds > 0 ? rounds : 5;

        /// <summary><c>COMET_BUILD_WARM_ONLY=1</c> skips the cold rounds, whose rounds disagree too much to carry a verdict.</summary>
        private static readonly bool WarmOnly = Environment.GetEnvironmentVariable("COMET_BUILD_WARM_ONLY") == "1";

        private const int ReportRuns = 2;
        private const string ProjectName = "Synthetic";
        private const string ContractFile = "cometapi.chat-completions.contract.json";

        public static async Task<Report> RunAsync()
        {
            var report = new Report("Build (the SDK's csc on MSBuild's command line)");
            string work = Path.Combine(Path.GetTempPath(), "comet-build-cost-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
            report.Line($"Load average at start: {LoadAverage()}.");

            WriteProject(work);
            try
            {
                return await MeasureProjectAsync(report, work);
            }
            finally
            {
                Directory.Delete(work, recursive: true);
            }
        }

        private static async Task<Report> MeasureProjectAsync(Report report, string work)
        {
            var (args, csc, host) = CaptureCommandLine(work);
            Version roslyn = AssemblyName.GetAssemblyName(Path.Combine(Path.GetDirectoryName(csc)!, "Microsoft.CodeAnalysis.dll")).Version!;
            report.Line($"Project: {SyntheticProject.FileCount} files in {work} (outside the repo, empty Directory.Build.props/targets), net10.0, Nullable enable, "
                + $"Polly and Polly.Core {Metadata("PollyVersion")}, Microsoft.Extensions.Logging {Metadata("ExtensionsVersion")}, the CometAPI contract as AdditionalFiles; "
                + "SDK analyzer settings left at their defaults; Debug (plain `dotnet build`).");
            report.Line($"Compiler: `{host} exec {csc}` (Roslyn {roslyn}); arguments captured from the Csc task ({args.Count} arguments).");
            report.Line("Analyzers and generators the SDK passed: " + string.Join(", ", args.Where(IsAnalyzer).Select(a => Path.GetFileNameWithoutExtension(Value(a)))) + ".");
            report.Line("Analyzer configs the SDK passed: " + string.Join(", ", args.Where(a => HasOption(a, "analyzerconfig")).Select(a => Path.GetFileName(Value(a)))) + ".");

            // The package's analyzer assembly alone in its folder, as analyzers/dotnet/cs holds it (the benchmark's bin
            // folder beside it has a different Roslyn and its dependencies, which a package never ships).
            string cometSource = typeof(ContractGenerator).Assembly.Location;
            string comet = Path.Combine(work, "analyzers", "comet", Path.GetFileName(cometSource));
            Directory.CreateDirectory(Path.GetDirectoryName(comet)!);
            File.Copy(cometSource, comet);
            report.Line($"COMET: {cometSource} ({typeof(ContractGenerator).Assembly.GetName().Version}).");

            // COMET's rules are errors by default, and csc skips emit when there are errors: a global config makes them
            // warnings so C compiles as fully as B.
            var cometIds = RulesCost.CometAnalyzersByReflection().SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal).ToList();
            string cometConfig = WriteGlobalConfig(work, "comet-warnings.globalconfig", cometIds);

            List<string> b = args.ToList();
            List<string> a = b.Where(arg => !IsAnalyzer(arg)).ToList();
            List<string> c = b.Concat(new[] { "/analyzer:" + comet, "/analyzerconfig:" + cometConfig }).ToList();
            if (!b.Any(arg => HasOption(arg, "additionalfile") && arg.EndsWith(ContractFile, StringComparison.Ordinal)))
            {
                c.Add("/additionalfile:" + Path.Combine(work, "contracts", ContractFile));
            }

            // C compiles more than B: the client and models COMET generates from the contract. B+gen compiles that code
            // as ordinary sources, so C over B+gen is what the analyzers (and running the generator) add, and C over B
            // what the package adds. One cold C run writes the generated files (and warms the disk cache).
            string generated = Path.Combine(work, "generated");
            Directory.CreateDirectory(generated); // csc makes the folders under it, not the folder itself
            Cold(work, host, csc, c.Append("/generatedfilesout:" + generated).ToList(), "C-generate");
            string[] generatedFiles = Directory.GetFiles(generated, "*.cs", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).ToArray();
            List<string> bGen = b.Concat(generatedFiles).ToList();
            report.Line($"COMET's generator writes {generatedFiles.Length} files, {generatedFiles.Sum(f => File.ReadAllLines(f).Length):N0} lines, from the contract "
                + $"(the project itself: {SyntheticProject.Files().Sum(f => f.Text.Split('\n').Length):N0} lines).");

            var variants = new (string Name, List<string> Args)[]
            {
                ("A bare (no analyzers, no generators)", a),
                ("B default build (SDK analyzers + generators)", b),
                ("B+gen: B + COMET's generated code as source files", bGen),
                ("C default build + COMET (analyzers + generator)", c),
            };

            var counts = new List<SortedDictionary<string, int>>();
            report.Line(string.Empty);
            if (WarmOnly)
            {
                report.Line("**Cold**: skipped (`COMET_BUILD_WARM_ONLY=1`).");
            }
            else
            {
                report.Line("**Cold**: one `dotnet exec csc.dll` process per compile (as with UseSharedCompilation=false, or the first compile of a build); CPU = the child's user+sys (getrusage).");
                Measure(report, variants, (variant, name) => Cold(work, host, csc, variant, name), counts);
            }

            // What `dotnet build` does by default: compiles go to the compiler server (VBCSCompiler), which stays up
            // between builds with Roslyn and the analyzer assemblies loaded and jitted. Ours, on a pipe of its own.
            using (var server = CompilerServer.Start(host, csc))
            {
                report.Line(string.Empty);
                report.Line($"**Warm**: the same command lines through a compiler server started for this check (`VBCSCompiler -pipename:{server.PipeName}`, client `/shared:{server.PipeName}`), as `dotnet build` compiles by default; CPU = client + server user+sys.");
                double[] warmCpu = Measure(report, variants, (variant, name) => server.Compile(work, variant, name), counts);
                List<string> alone = a.Concat(c.Where(arg => !b.Contains(arg))).ToList();
                PerAnalyzer(report, server, work, c, warmCpu[3], alone);
            }

            // The diagnostics csc reported must be the ones the in-process check reports: the same rules on the same code.
            SortedDictionary<string, int> inProcess = await RulesCost.CometDiagnosticCountsAsync();
            bool same = counts.All(found => found.SequenceEqual(inProcess));
            report.Verdict("csc (every C run, cold and warm) reports the same COMET diagnostics as the in-process check", same,
                $"csc: {string.Join(" / ", counts.Select(Format).Distinct())}; in-process: {Format(inProcess)}");
            report.Line($"Load average at end: {LoadAverage()}.");
            return report;
        }

        /// <summary>
        /// One warm-up round and <see cref="Rounds"/> measured rounds, every variant once per round, the order rotating
        /// each round so a burst of load from other work on the machine falls on all of them. Verdicts on the medians.
        /// </summary>
        private static double[] Measure(Report report, (string Name, List<string> Args)[] variants, Func<List<string>, string, CscRun> compile, List<SortedDictionary<string, int>> counts)
        {
            var wall = variants.Select(_ => new List<double>()).ToArray();
            var cpu = variants.Select(_ => new List<double>()).ToArray();
            for (int round = 0; round <= Rounds; round++)
            {
                for (int k = 0; k < variants.Length; k++)
                {
                    int i = (k + round) % variants.Length;
                    CscRun run = compile(variants[i].Args, Letter(i));
                    if (round > 0)
                    {
                        wall[i].Add(run.WallMs);
                        cpu[i].Add(run.CpuMs);
                    }

                    if (i == variants.Length - 1)
                    {
                        counts.Add(DiagnosticCounts(run.Output, "COMET"));
                    }
                }

                Console.WriteLine($"// round {round}{(round == 0 ? " (warm-up)" : string.Empty)}: "
                    + string.Join("; ", variants.Select((_, i) => $"{Letter(i)} {(round == 0 ? "-" : wall[i][^1].ToString("F0", CultureInfo.InvariantCulture))} ms")));
            }

            report.Line(string.Empty);
            report.Line($"| Variant ({Rounds} interleaved rounds after 1 warm-up) | Wall clock, median | CPU (user+sys), median | Wall clock, each round (ms) |");
            report.Line("| --- | --- | --- | --- |");
            for (int i = 0; i < variants.Length; i++)
            {
                report.Line($"| {variants[i].Name} | {Median(wall[i]):F0} ms | {Median(cpu[i]):F0} ms | {string.Join(", ", wall[i].Select(t => t.ToString("F0", CultureInfo.InvariantCulture)))} |");
            }

            report.Line(string.Empty);
            const int A = 0, B = 1, BGen = 2, C = 3;
            report.Line($"B over A (what the SDK defaults already cost): wall {Increase(wall[B], wall[A])}, CPU {Increase(cpu[B], cpu[A])}. "
                + $"B+gen over B (compiling COMET's generated code): wall {Increase(wall[BGen], wall[B])}, CPU {Increase(cpu[BGen], cpu[B])}. "
                + $"C over A: wall {Increase(wall[C], wall[A])}, CPU {Increase(cpu[C], cpu[A])}. Load average now: {LoadAverage()}.");
            report.Line($"Same round, wall: C over B {PerRound(wall[C], wall[B])}; C over B+gen {PerRound(wall[C], wall[BGen])}.");
            // Whole compiles move by tens of percent between rounds on a shared VM: reported, not judged. The target is
            // judged on the compiler's own per-analyzer time (ReportAnalyzer below).
            report.Line($"The COMET package (analyzers + generator + the code it generates), C over B: wall {Increase(wall[C], wall[B])} ({Median(wall[C]):F0} vs {Median(wall[B]):F0} ms), CPU {Increase(cpu[C], cpu[B])}.");
            report.Line($"The COMET analyzers, C over B+gen: wall {Increase(wall[C], wall[BGen])} ({Median(wall[C]):F0} vs {Median(wall[BGen]):F0} ms), CPU {Increase(cpu[C], cpu[BGen])}.");
            return cpu.Select(Median).ToArray();
        }

        /// <summary>
        /// The compiler's own per-analyzer times (/reportanalyzer), through the warm server so they are steady-state costs,
        /// not first-call jitting. The standing target: every COMET analyzer together takes under 3% of the CPU of a default
        /// build (C, the SDK's analyzers on, which build the operation trees the rules read). Beside it, the share when
        /// COMET's analyzers run alone (E = A + COMET: no other analyzer, so COMET pays for binding what it reads).
        /// </summary>
        private static void PerAnalyzer(Report report, CompilerServer server, string work, List<string> c, double cpuOfC, List<string> alone)
        {
            var cReports = Enumerable.Range(0, ReportRuns).Select(_ => ParseReport(server.Compile(work, c.Append("/reportanalyzer").ToList(), "C-report").Output)).ToList();
            double cometAnalyzers = Median(cReports.Select(r => r.AssemblyMs("CometAnalyzers", generators: false)).ToList());
            double cometGenerator = Median(cReports.Select(r => r.AssemblyMs("CometAnalyzers", generators: true)).ToList());
            double sdkAnalyzers = Median(cReports.Select(r => r.AssemblyMs("Microsoft.CodeAnalysis.CSharp.NetAnalyzers", false) + r.AssemblyMs("Microsoft.CodeAnalysis.NetAnalyzers", false)).ToList());
            report.Line(string.Empty);
            report.Line($"/reportanalyzer on C, warm, median of {ReportRuns}: all analyzers {Median(cReports.Select(r => r.AnalyzerTotalMs).ToList()):F0} ms, of which COMET {cometAnalyzers:F0} ms "
                + $"and the SDK's NetAnalyzers {sdkAnalyzers:F0} ms; all generators {Median(cReports.Select(r => r.GeneratorTotalMs).ToList()):F0} ms, of which COMET's {cometGenerator:F0} ms. "
                + "(Times are summed over the compiler's concurrent analyzer threads, wall time per callback.)");
            report.Line("COMET analyzers in C: " + string.Join("; ", cReports[0].Entries.Where(e => !e.Generator && !e.IsAssembly && e.Assembly.StartsWith("CometAnalyzers,", StringComparison.Ordinal))
                .Select(e => $"{ShortName(e.Name)} {Median(cReports.Select(r => r.Ms(e)).ToList()):F0} ms")) + ".");

            // E: the bare compile plus COMET alone; one unrecorded run first, its command line is new to the server.
            var e = alone.Append("/reportanalyzer").ToList();
            server.Compile(work, e, "E");
            var eRuns = Enumerable.Range(0, ReportRuns).Select(_ => server.Compile(work, e, "E")).ToList();
            double cometAlone = Median(eRuns.Select(run => ParseReport(run.Output).AssemblyMs("CometAnalyzers", generators: false)).ToList());
            double cpuOfE = Median(eRuns.Select(run => run.CpuMs).ToList());
            report.Line($"E = A + COMET (no other analyzer), warm, /reportanalyzer, median of {ReportRuns}: COMET analyzers {cometAlone:F0} ms of {cpuOfE:F0} ms compile CPU "
                + $"({cometAlone / cpuOfE * 100:F1}%). COMET analyzers in E: "
                + string.Join("; ", ParseReport(eRuns[0].Output).Entries.Where(x => !x.Generator && !x.IsAssembly && x.Assembly.StartsWith("CometAnalyzers,", StringComparison.Ordinal))
                    .Select(x => $"{ShortName(x.Name)} {x.Ms:F0} ms")) + ".");
            report.Verdict("All COMET analyzers together take < 3% of a default build's compile CPU (C, SDK analyzers on)", cometAnalyzers / cpuOfC < 0.03,
                $"{cometAnalyzers:F0} ms of {cpuOfC:F0} ms ({cometAnalyzers / cpuOfC * 100:F1}%); with COMET alone (E) {cometAlone / cpuOfE * 100:F1}%");
        }

        /// <summary>The 1,000 files, the contract, a csproj that hands back csc's arguments, and empty Directory.Build files.</summary>
        private static void WriteProject(string work)
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }

            Directory.CreateDirectory(work);
            foreach (var (path, text) in SyntheticProject.Files())
            {
                // "/synthetic/src/Area7/Client7.cs" -> <work>/src/Area7/Client7.cs
                string file = Path.Combine(work, path["/synthetic/".Length..]);
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                File.WriteAllText(file, text);
            }

            Directory.CreateDirectory(Path.Combine(work, "contracts"));
            File.Copy(Paths.RepoFile("contract/" + ContractFile), Path.Combine(work, "contracts", ContractFile));

            // Stops MSBuild's search for Directory.Build.* in the folders above (the repo's would set AnalysisLevel,
            // TreatWarningsAsErrors and more if the temp folder were ever under it).
            File.WriteAllText(Path.Combine(work, "Directory.Build.props"), "<Project />\n");
            File.WriteAllText(Path.Combine(work, "Directory.Build.targets"), "<Project />\n");
            File.WriteAllText(Path.Combine(work, ProjectName + ".csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <!-- The Csc task returns its arguments as items (as in design-time builds); the target below writes them. -->
                    <ProvideCommandLineArgs>true</ProvideCommandLineArgs>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Polly" Version="{Metadata("PollyVersion")}" />
                    <PackageReference Include="Polly.Core" Version="{Metadata("PollyVersion")}" />
                    <PackageReference Include="Microsoft.Extensions.Logging" Version="{Metadata("ExtensionsVersion")}" />
                    <AdditionalFiles Include="contracts/{ContractFile}" />
                  </ItemGroup>
                  <Target Name="WriteCscCommandLine" AfterTargets="CoreCompile">
                    <WriteLinesToFile File="$(MSBuildProjectDirectory)/csc.args" Lines="@(CscCommandLineArgs)" Overwrite="true" />
                    <WriteLinesToFile File="$(MSBuildProjectDirectory)/csc.tool" Lines="$(RoslynTargetsPath);$(DOTNET_HOST_PATH)" Overwrite="true" />
                  </Target>
                </Project>
                """);
        }

        /// <summary>
        /// Restores and builds the temp project once (no build servers, no compiler server, so nothing outlives it) and
        /// returns the Csc task's arguments, the csc.dll beside the SDK's Roslyn targets and the dotnet host MSBuild ran it with.
        /// </summary>
        private static (List<string> Args, string Csc, string Host) CaptureCommandLine(string work)
        {
            var build = RunProcess("dotnet", new[] { "build", ProjectName + ".csproj", "--disable-build-servers", "-p:UseSharedCompilation=false", "-nologo", "-v:m" }, work);
            string argsFile = Path.Combine(work, "csc.args");
            if (build.ExitCode != 0 || !File.Exists(argsFile))
            {
                throw new InvalidOperationException($"dotnet build of the synthetic project failed (exit {build.ExitCode}):\n{Tail(build.Output)}");
            }

            string[] tool = File.ReadAllLines(Path.Combine(work, "csc.tool"));
            string csc = Path.GetFullPath(Path.Combine(tool[0], "bincore", "csc.dll"));
            string host = tool.Length > 1 && File.Exists(tool[1]) ? tool[1] : "dotnet";
            if (!File.Exists(csc))
            {
                throw new FileNotFoundException("csc.dll not found beside the SDK's Roslyn targets.", csc);
            }

            return (File.ReadAllLines(argsFile).Where(line => line.Length > 0).ToList(), csc, host);
        }

        /// <summary>
        /// The variant's response file: MSBuild's arguments without /noconfig (MSBuild passes it on the command line; csc
        /// ignores it in a response file), the output redirected to the variant's own folder.
        /// </summary>
        private static string ResponseFile(string work, List<string> args, string variant)
        {
            string output = Path.Combine(work, "out", variant);
            Directory.CreateDirectory(Path.Combine(output, "ref"));
            var lines = args.Where(a => !HasOption(a, "noconfig")).Select(a =>
                HasOption(a, "out") ? "/out:" + Path.Combine(output, ProjectName + ".dll")
                : HasOption(a, "refout") ? "/refout:" + Path.Combine(output, "ref", ProjectName + ".dll")
                : a.Any(char.IsWhiteSpace) && !a.Contains('"', StringComparison.Ordinal) ? "\"" + a + "\"" : a);
            string rsp = Path.Combine(work, variant + ".rsp");
            File.WriteAllLines(rsp, lines);
            return rsp;
        }

        /// <summary>One compile in a process of its own: <c>dotnet exec csc.dll /noconfig @variant.rsp</c>.</summary>
        private static CscRun Cold(string work, string host, string csc, List<string> args, string variant)
            => Checked(RunProcess(host, new[] { "exec", csc, "/noconfig", "@" + ResponseFile(work, args, variant) }, work), variant);

        private static CscRun Checked(CscRun run, string variant)
            => run.ExitCode == 0 ? run : throw new InvalidOperationException($"csc ({variant}) failed with exit code {run.ExitCode}:\n{Tail(run.Output)}");

        /// <summary>
        /// A VBCSCompiler of our own (the one beside csc.dll, on a pipe name no other build uses), so compiles can go
        /// through a warm server as in `dotnet build`, and its CPU time can be read around each compile. Killed on dispose.
        /// </summary>
        private sealed class CompilerServer : IDisposable
        {
            private readonly Process _process;
            private readonly StringBuilder _output = new();
            private readonly string _host;
            private readonly string _csc;

            private CompilerServer(Process process, string host, string csc, string pipeName)
            {
                _process = process;
                _host = host;
                _csc = csc;
                PipeName = pipeName;
            }

            public string PipeName { get; }

            public static CompilerServer Start(string host, string csc)
            {
                // Not the work folder's name: on Unix the pipe is a socket file under the temp folder named after it.
                string pipeName = "comet-csc-server-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
                var info = new ProcessStartInfo(host) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
                foreach (string argument in new[] { "exec", Path.Combine(Path.GetDirectoryName(csc)!, "VBCSCompiler.dll"), "-pipename:" + pipeName })
                {
                    info.ArgumentList.Add(argument);
                }

                Process process = Process.Start(info) ?? throw new InvalidOperationException("Could not start VBCSCompiler.");
                var server = new CompilerServer(process, host, csc, pipeName);
                process.OutputDataReceived += (_, e) => server.Log(e.Data);
                process.ErrorDataReceived += (_, e) => server.Log(e.Data);
                process.BeginOutputReadLine();
                process.BeginErrorReadLine();
                Thread.Sleep(TimeSpan.FromSeconds(2)); // listening before the first client asks, so no client starts a server of its own
                server.ThrowIfExited();
                return server;
            }

            /// <summary>One compile through the server; CPU is the client's plus what the server used meanwhile.</summary>
            public CscRun Compile(string work, List<string> args, string variant)
            {
                ThrowIfExited();
                _process.Refresh();
                TimeSpan before = _process.TotalProcessorTime;
                CscRun run = Checked(RunProcess(_host, new[] { "exec", _csc, "/noconfig", "/shared:" + PipeName, "@" + ResponseFile(work, args, variant) }, work), variant);
                _process.Refresh();
                double server = (_process.TotalProcessorTime - before).TotalMilliseconds;

                // A client that cannot reach the server compiles by itself, silently; the server's CPU shows whether it did.
                if (server < run.WallMs / 4)
                {
                    throw new InvalidOperationException($"Compile {variant} did not go through the compiler server ({server:F0} ms server CPU in {run.WallMs:F0} ms).");
                }

                return run with { CpuMs = run.CpuMs + server };
            }

            private void Log(string? line)
            {
                lock (_output)
                {
                    _output.AppendLine(line);
                }
            }

            private void ThrowIfExited()
            {
                if (_process.HasExited)
                {
                    lock (_output)
                    {
                        throw new InvalidOperationException($"The compiler server exited (code {_process.ExitCode}):\n{_output}");
                    }
                }
            }

            public void Dispose()
            {
                if (!_process.HasExited)
                {
                    _process.Kill();
                    _process.WaitForExit();
                }

                _process.Dispose();

                // A killed server leaves its Unix socket behind.
                string socket = Path.Combine(Path.GetTempPath(), PipeName);
                if (!OperatingSystem.IsWindows() && File.Exists(socket))
                {
                    File.Delete(socket);
                }
            }
        }

        /// <summary>Runs a process to its end, both streams read as they come; wall clock and the child's CPU time.</summary>
        private static CscRun RunProcess(string file, IEnumerable<string> arguments, string workingDirectory)
        {
            var info = new ProcessStartInfo(file)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string argument in arguments)
            {
                info.ArgumentList.Add(argument);
            }

            var text = new StringBuilder();
            TimeSpan cpuBefore = ChildrenCpu();
            var watch = Stopwatch.StartNew();
            using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start " + file);
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            watch.Stop();
            double cpu = OperatingSystem.IsWindows() ? process.TotalProcessorTime.TotalMilliseconds : (ChildrenCpu() - cpuBefore).TotalMilliseconds;
            text.Append(stdout.GetAwaiter().GetResult()).Append(stderr.GetAwaiter().GetResult());
            return new CscRun(process.ExitCode, text.ToString(), watch.Elapsed.TotalMilliseconds, cpu);
        }

        private sealed record CscRun(int ExitCode, string Output, double WallMs, double CpuMs);

        /// <summary>
        /// User+sys time of every waited-for child so far (getrusage RUSAGE_CHILDREN): .NET reaps the child before
        /// WaitForExit returns, and Process.TotalProcessorTime cannot be read on Linux once the process has exited.
        /// Runs are one at a time, so the difference around a run is that run's. NaN where not Linux (Windows reads the process).
        /// </summary>
        private static TimeSpan ChildrenCpu()
        {
            if (!OperatingSystem.IsLinux())
            {
                return TimeSpan.FromMilliseconds(double.NaN);
            }

            // struct rusage on 64-bit Linux: two timevals (seconds, microseconds) then 14 longs.
            long[] usage = new long[18];
            if (NativeMethods.getrusage(-1 /* RUSAGE_CHILDREN */, usage) != 0)
            {
                return TimeSpan.FromMilliseconds(double.NaN);
            }

            return TimeSpan.FromSeconds(usage[0] + usage[2]) + TimeSpan.FromMicroseconds(usage[1] + usage[3]);
        }

        private static class NativeMethods
        {
            [DllImport("libc", SetLastError = true)]
            internal static extern int getrusage(int who, [Out] long[] usage);
        }

        /// <summary>What /reportanalyzer prints: totals, then a table per section, an assembly line then its analyzers or generators.</summary>
        private sealed record AnalyzerReport(double AnalyzerTotalMs, double GeneratorTotalMs, List<TimeEntry> Entries)
        {
            public double AssemblyMs(string assemblyName, bool generators)
                => Entries.Where(e => e.Generator == generators && e.IsAssembly && e.Assembly.StartsWith(assemblyName + ",", StringComparison.Ordinal)).Sum(e => e.Ms);

            public double Ms(TimeEntry like)
                => Entries.FirstOrDefault(e => e.Generator == like.Generator && e.Assembly == like.Assembly && e.Name == like.Name)?.Ms ?? double.NaN;
        }

        private sealed record TimeEntry(bool Generator, string Assembly, string Name, bool IsAssembly, double Ms);

        private static readonly Regex TimeLine = new(@"^\s*(<0[.,]001|\d+[.,]\d+)\s+(?:<1|\d+)\s+(\S.*?)\s*$", RegexOptions.CultureInvariant);
        private static readonly Regex Total = new(@"^Total (analyzer|generator) execution time: (\d+[.,]\d+) seconds", RegexOptions.CultureInvariant);

        private static AnalyzerReport ParseReport(string output)
        {
            double analyzers = double.NaN, generators = double.NaN;
            bool generator = false;
            string assembly = string.Empty;
            var entries = new List<TimeEntry>();
            foreach (string line in output.Split('\n'))
            {
                Match total = Total.Match(line);
                if (total.Success)
                {
                    generator = total.Groups[1].Value == "generator";
                    double ms = Seconds(total.Groups[2].Value) * 1000;
                    if (generator)
                    {
                        generators = ms;
                    }
                    else
                    {
                        analyzers = ms;
                    }

                    continue;
                }

                Match time = TimeLine.Match(line);
                if (!time.Success)
                {
                    continue;
                }

                // Assembly lines name an assembly identity; the lines under one name an analyzer (with its ids) or a generator.
                string name = time.Groups[2].Value;
                bool isAssembly = name.Contains(", Version=", StringComparison.Ordinal);
                if (isAssembly)
                {
                    assembly = name;
                }

                double value = time.Groups[1].Value.StartsWith('<') ? 0 : Seconds(time.Groups[1].Value) * 1000;
                entries.Add(new TimeEntry(generator, assembly, name, isAssembly, value));
            }

            if (double.IsNaN(analyzers))
            {
                throw new InvalidOperationException("No /reportanalyzer output in:\n" + Tail(output));
            }

            return new AnalyzerReport(analyzers, generators, entries);
        }

        private static double Seconds(string text) => double.Parse(text.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture);

        /// <summary>Diagnostics csc printed ("file(line,col): warning COMET001: ..."), counted per id.</summary>
        private static SortedDictionary<string, int> DiagnosticCounts(string output, string prefix)
            => new(Regex.Matches(output, @": (?:error|warning) (" + prefix + @"\d+):", RegexOptions.CultureInvariant)
                .GroupBy(m => m.Groups[1].Value)
                .ToDictionary(g => g.Key, g => g.Count()), StringComparer.Ordinal);

        private static string WriteGlobalConfig(string work, string name, IEnumerable<string> ids)
        {
            string path = Path.Combine(work, "configs", name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllLines(path, new[] { "is_global = true" }.Concat(ids.Select(id => $"dotnet_diagnostic.{id}.severity = warning")));
            return path;
        }

        /// <summary>"/analyzer:path" and "-analyzer:path", not "/analyzerconfig:".</summary>
        private static bool IsAnalyzer(string arg) => HasOption(arg, "analyzer");

        private static bool HasOption(string arg, string name)
            => arg.Length > name.Length && (arg[0] == '/' || arg[0] == '-')
               && string.Compare(arg, 1, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0
               && (arg.Length == name.Length + 1 || arg[name.Length + 1] is ':' or '+' or '-');

        private static string Value(string arg) => arg[(arg.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim('"');

        private static string Letter(int variant) => variant switch { 0 => "A", 1 => "B", 2 => "Bgen", _ => "C" };

        /// <summary>"CometAnalyzers.Rules.UnboundedRetryAnalyzer (COMET003)" -> "UnboundedRetryAnalyzer (COMET003)".</summary>
        private static string ShortName(string name)
        {
            int ids = name.IndexOf(" (", StringComparison.Ordinal);
            int dot = name.LastIndexOf('.', ids < 0 ? name.Length - 1 : ids);
            return name[(dot + 1)..];
        }

        private static string PerRound(List<double> x, List<double> baseline)
            => string.Join(", ", x.Zip(baseline, (v, b) => ((v - b) / b * 100).ToString("+0.0;-0.0", CultureInfo.InvariantCulture) + "%"));

        private static double Median(IReadOnlyCollection<double> values) => GeneratorCheck.Median(values);

        private static double Ratio(IReadOnlyCollection<double> x, IReadOnlyCollection<double> baseline) => Median(x) / Median(baseline);

        private static string Increase(IReadOnlyCollection<double> x, IReadOnlyCollection<double> baseline)
            => ((Ratio(x, baseline) - 1) * 100).ToString("+0.0;-0.0", CultureInfo.InvariantCulture) + "%";

        private static string Format(IReadOnlyDictionary<string, int> counts)
            => counts.Count == 0 ? "none" : string.Join(", ", counts.Select(p => $"{p.Key}×{p.Value}"));

        private static string Tail(string text) => text.Length <= 4000 ? text : "…" + text[^4000..];

        private static string LoadAverage()
            => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

        private static string Metadata(string key)
            => typeof(BuildCost).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value
               ?? throw new InvalidOperationException($"AssemblyMetadata '{key}' is missing from the benchmark assembly.");
    }
}
