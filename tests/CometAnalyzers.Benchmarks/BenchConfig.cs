using System;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Order;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace CometAnalyzers.Benchmarks
{
    /// <summary>
    /// A job sized for a 2-core machine: one process per benchmark, 12 warm-up and 12 measured iterations of about
    /// 250 ms each. Twelve warm-ups because the larger contenders take that long to reach their steady state: the OpenAI
    /// SDK's 20-choice read went from 3.4 ms to 0.78 ms per operation over its first ten warm-up iterations, and STJ's
    /// from 2.7 ms to 0.44 ms over eight; with 3 warm-ups they were still speeding up while being measured. Allocations
    /// from the memory diagnoser; results grouped by category, each group with its own baseline (System.Text.Json
    /// source generation). The whole suite runs in about 12 minutes.
    /// </summary>
    public sealed class BenchConfig : ManualConfig
    {
        public BenchConfig()
        {
            // COMET_BENCH_SMOKE=1: 1 warm-up and 3 iterations of 50 ms, job id "Smoke", to check that a script or a filter
            // works end to end in seconds. Its figures are not measurements (far too short to reach steady state).
            bool smoke = Environment.GetEnvironmentVariable("COMET_BENCH_SMOKE") == "1";
            Job job = Job.Default
                .WithLaunchCount(1)
                .WithWarmupCount(smoke ? 1 : 12)
                .WithIterationCount(smoke ? 3 : 12)
                .WithIterationTime(TimeInterval.FromMilliseconds(smoke ? 50 : 250));

            // COMET_BENCH_IN_PROCESS=1 runs the same job in this process, without building a launcher: for runs of one
            // method at a time, alternated between contenders by a script (see docs/performance.md).
            job = Environment.GetEnvironmentVariable("COMET_BENCH_IN_PROCESS") == "1"
                ? job.WithToolchain(InProcessEmitToolchain.Instance)
                // The repo treats warnings as errors; BenchmarkDotNet's generated launcher project is not ours to lint.
                : job.WithArguments(new[] { new MsBuildArgument("/p:TreatWarningsAsErrors=false"), new MsBuildArgument("/p:RunAnalyzers=false") });
            AddJob(job.WithId(smoke ? "Smoke" : "Short"));
            AddDiagnoser(MemoryDiagnoser.Default);
            AddColumn(CategoriesColumn.Default);
            AddColumn(StatisticColumn.Median);
            AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory);
            WithOrderer(new DefaultOrderer(SummaryOrderPolicy.Declared, MethodOrderPolicy.Declared));
            WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend));
        }
    }
}
