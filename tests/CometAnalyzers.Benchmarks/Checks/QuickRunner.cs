using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;

namespace CometAnalyzers.Benchmarks.Checks
{
    /// <summary>
    /// <c>--quick [class-name-part]</c>: an in-process, interleaved run of the same benchmark methods (not BenchmarkDotNet).
    /// Contenders take turns in short slices, so a machine whose load changes over time slows them alike and the ratios
    /// stay meaningful; reports the median time per operation and allocated bytes per operation. For quick iteration
    /// and as a cross-check of the BenchmarkDotNet tables on a shared machine; the recorded results are BenchmarkDotNet's.
    /// </summary>
    public static class QuickRunner
    {
        private const int Rounds = 25;
        private static readonly TimeSpan Slice = TimeSpan.FromMilliseconds(40);

        public static void Run(string? filter)
        {
            var candidates = typeof(QuickRunner).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && t.GetMethods().Any(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null))
                .Where(t => t.Name != "GeneratorBenchmarks")
                .ToList();

            // A class's full name runs that class alone (SerializeResponseBenchmarks is also part of DeserializeResponseBenchmarks).
            var exact = candidates.Where(t => string.Equals(t.Name, filter, StringComparison.OrdinalIgnoreCase)).ToList();
            var classes = (exact.Count > 0 ? exact : candidates.Where(t => filter is null || t.Name.Contains(filter, StringComparison.OrdinalIgnoreCase)))
                .OrderBy(t => t.Name, StringComparer.Ordinal);
            foreach (Type type in classes)
            {
                PropertyInfo? payload = type.GetProperty("Payload");
                IEnumerable<string> payloads = payload is null ? new[] { string.Empty } : (IEnumerable<string>)type.GetProperty("Payloads", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
                foreach (string name in payloads)
                {
                    object instance = Activator.CreateInstance(type)!;
                    payload?.SetValue(instance, name);
                    type.GetMethods().Single(m => m.GetCustomAttribute<GlobalSetupAttribute>() is not null).Invoke(instance, null);
                    RunOne(type, instance, name);
                }
            }
        }

        private static void RunOne(Type type, object instance, string payload)
        {
            var methods = type.GetMethods().Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null).ToArray();
            var actions = methods.Select(m => ToAction(m, instance)).ToArray();
            var ops = new int[actions.Length];
            for (int i = 0; i < actions.Length; i++)
            {
                // Calibrate: operations per slice.
                actions[i]();
                var watch = Stopwatch.StartNew();
                int n = 0;
                while (watch.Elapsed < Slice)
                {
                    actions[i]();
                    n++;
                }

                ops[i] = Math.Max(1, n);
            }

            var times = actions.Select(_ => new List<double>()).ToArray();
            var bytes = new double[actions.Length];
            for (int round = 0; round < Rounds; round++)
            {
                for (int i = 0; i < actions.Length; i++)
                {
                    long before = GC.GetAllocatedBytesForCurrentThread();
                    long start = Stopwatch.GetTimestamp();
                    for (int k = 0; k < ops[i]; k++)
                    {
                        actions[i]();
                    }

                    double ns = Stopwatch.GetElapsedTime(start).TotalMilliseconds * 1e6 / ops[i];
                    bytes[i] = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)ops[i];
                    times[i].Add(ns);
                }
            }

            int baseline = Array.FindIndex(methods, m => m.GetCustomAttribute<BenchmarkAttribute>()!.Baseline);
            double baseMedian = baseline >= 0 ? GeneratorCheck.Median(times[baseline]) : double.NaN;
            Console.WriteLine($"== {type.Name} [{payload}]");
            for (int i = 0; i < actions.Length; i++)
            {
                double median = GeneratorCheck.Median(times[i]);
                string description = methods[i].GetCustomAttribute<BenchmarkAttribute>()!.Description ?? methods[i].Name;
                Console.WriteLine($"  {description,-54} {Format(median),12} {bytes[i],10:F0} B  {(baseline >= 0 ? baseMedian / median : double.NaN),6:F2}x vs baseline");
            }
        }

        private static string Format(double ns) => ns >= 1e6 ? $"{ns / 1e6:F3} ms" : ns >= 1e3 ? $"{ns / 1e3:F2} us" : $"{ns:F0} ns";

        private static Action ToAction(MethodInfo method, object instance)
        {
            if (typeof(Task).IsAssignableFrom(method.ReturnType))
            {
                return () => ((Task)method.Invoke(instance, null)!).GetAwaiter().GetResult();
            }

            return () => method.Invoke(instance, null);
        }
    }
}
