using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Xunit;
using Xunit.Abstractions;

namespace CometAnalyzers.Tests.Robustness.Fuzzing
{
    /// <summary>
    /// One fuzzing test's bookkeeping: the seed (fixed by default, <c>COMET_FUZZ_SEED</c> overrides it), seeded random
    /// streams, counters, and the failures found. <see cref="Complete"/> prints the figure and fails with every
    /// failure's seed, mutation and input. Shared by both test projects (linked into the runtime tests).
    /// </summary>
    internal sealed class FuzzRun
    {
        public const string SeedVariable = "COMET_FUZZ_SEED";
        public const int DefaultSeed = 42;

        /// <summary>When set, every figure line is also appended to this file.</summary>
        public const string ReportVariable = "COMET_FUZZ_REPORT";

        /// <summary>The figures of this run, one line per fuzz test, in the test assembly's folder.</summary>
        public const string FiguresFile = "fuzz-figures.txt";

        private const int ShownFailures = 8;
        private const int InlineInputLimit = 3000;

        private static readonly object ReportLock = new();

        private readonly ITestOutputHelper _output;
        private readonly ConcurrentQueue<string> _failures = new();
        private readonly ConcurrentQueue<string> _allFailures = new();
        private readonly ConcurrentDictionary<string, int> _counters = new(StringComparer.Ordinal);
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private int _inputs;
        private int _failureCount;

        public FuzzRun(string name, ITestOutputHelper output)
        {
            Name = name;
            _output = output;
        }

        /// <summary>The seed every fuzz test of this process derives its random streams from.</summary>
        public static int Seed { get; } = ReadSeed();

        public string Name { get; }

        public int Inputs => Volatile.Read(ref _inputs);

        public int Failures => Volatile.Read(ref _failureCount);

        /// <summary>A named counter (e.g. "invalid", "detected", "compiled").</summary>
        public int this[string counter] => _counters.TryGetValue(counter, out int value) ? value : 0;

        /// <summary>
        /// A random stream for one purpose of this test: the same seed, test and stream always give the same numbers,
        /// and one stream's use never shifts another's.
        /// </summary>
        public Random Random(string stream = "") => new(unchecked(Seed * 397) ^ StableHash(Name + "/" + stream));

        public void Input() => Interlocked.Increment(ref _inputs);

        public void Count(string counter, int amount = 1) => _counters.AddOrUpdate(counter, amount, (_, old) => old + amount);

        /// <summary>Records a failure: what was done to the input (enough to rebuild it with the seed), what went wrong, and the input.</summary>
        public void Fail(string mutation, string problem, string input)
        {
            int number = Interlocked.Increment(ref _failureCount);
            _allFailures.Enqueue(Printable($"{mutation}\n   {problem.Split('\n')[0]}"));
            if (number > ShownFailures)
            {
                return;
            }

            input = Printable(input);
            problem = Printable(problem);
            string shown = input.Length <= InlineInputLimit
                ? input
                : input.Substring(0, InlineInputLimit) + $"\n... ({input.Length} characters; full input in {Dump(number, input)})";
            _failures.Enqueue($"#{number} mutation: {mutation}\n   problem: {problem}\n   input:\n{shown}");
        }

        /// <summary>Prints the figure (test output and console, so CI logs show it) and fails when anything failed.</summary>
        public void Complete()
        {
            string counters = string.Join(" ", _counters.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}"));
            string line = string.Create(
                CultureInfo.InvariantCulture,
                $"robustness: {Name} inputs={Inputs} failures={Failures} seed={Seed} {counters} time={_clock.Elapsed.TotalSeconds:0.0}s");
            _output.WriteLine(line);
            Console.WriteLine(line);
            AppendToReport(line);
            if (Failures == 0)
            {
                return;
            }

            var message = new StringBuilder();
            message.Append(CultureInfo.InvariantCulture, $"{Name}: {Failures} failure(s) in {Inputs} inputs, seed={Seed} (rerun with {SeedVariable}={Seed}).\n");
            foreach (string failure in _failures)
            {
                message.Append(failure).Append("\n\n");
            }

            if (Failures > ShownFailures)
            {
                message.Append(CultureInfo.InvariantCulture, $"Every failure, one line each: {Dump(0, string.Join("\n", _allFailures))}\n");
            }

            Assert.Fail(message.ToString());
        }

        /// <summary>Deterministic across processes (string.GetHashCode is not).</summary>
        public static int StableHash(string text)
        {
            unchecked
            {
                uint hash = 2166136261;
                foreach (char c in text)
                {
                    hash = (hash ^ c) * 16777619;
                }

                return (int)hash;
            }
        }

        /// <summary>
        /// Appends the figure to <see cref="FiguresFile"/> beside the test assembly, which the build prints once the run
        /// ends (tests/Directory.Build.targets: a quiet <c>dotnet test</c> shows no passing test's output), and to the file
        /// <c>COMET_FUZZ_REPORT</c> names, when set.
        /// </summary>
        private static void AppendToReport(string line)
        {
            lock (ReportLock)
            {
                File.AppendAllText(Path.Combine(AppContext.BaseDirectory, FiguresFile), line + "\n");
                if (Environment.GetEnvironmentVariable(ReportVariable) is { Length: > 0 } path)
                {
                    File.AppendAllText(path, line + "\n");
                }
            }
        }

        private string Dump(int number, string input)
        {
            string folder = Path.Combine(AppContext.BaseDirectory, "fuzz-failures");
            Directory.CreateDirectory(folder);
            string path = Path.Combine(folder, number == 0 ? $"{Name}-seed{Seed}-all.txt" : $"{Name}-seed{Seed}-{number}.txt");
            File.WriteAllText(path, input, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            return path;
        }

        /// <summary>Lone surrogates and control characters (but line breaks and tabs) as \u escapes, so any input can be shown.</summary>
        private static string Printable(string text)
        {
            var builder = new StringBuilder(text.Length);
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    builder.Append(c).Append(text[++i]);
                }
                else if (char.IsSurrogate(c) || (c < ' ' && c != '\n' && c != '\r' && c != '\t'))
                {
                    builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
                }
                else
                {
                    builder.Append(c);
                }
            }

            return builder.ToString();
        }

        private static int ReadSeed()
        {
            string? text = Environment.GetEnvironmentVariable(SeedVariable);
            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int seed) ? seed : DefaultSeed;
        }
    }
}
