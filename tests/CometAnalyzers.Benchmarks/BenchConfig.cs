using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Order;
using BenchmarkDotNet.Reports;
using Perfolizer.Horology;

namespace CometAnalyzers.Benchmarks
{
    /// <summary>
    /// A short job sized for a 2-core machine: one process per benchmark, 3 warm-up and 8 measured iterations of
    /// about 250 ms each. Allocations from the memory diagnoser; results grouped by category, each group with its
    /// own baseline (System.Text.Json source generation). The whole suite runs in about a quarter of an hour.
    /// </summary>
    public sealed class BenchConfig : ManualConfig
    {
        public BenchConfig()
        {
            AddJob(Job.Default
                .WithLaunchCount(1)
                .WithWarmupCount(3)
                .WithIterationCount(8)
                .WithIterationTime(TimeInterval.FromMilliseconds(250))
                // The repo treats warnings as errors; BenchmarkDotNet's generated launcher project is not ours to lint.
                .WithArguments(new[] { new MsBuildArgument("/p:TreatWarningsAsErrors=false"), new MsBuildArgument("/p:RunAnalyzers=false") })
                .WithId("Short"));
            AddDiagnoser(MemoryDiagnoser.Default);
            AddColumn(CategoriesColumn.Default);
            AddColumn(StatisticColumn.Median);
            AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory);
            WithOrderer(new DefaultOrderer(SummaryOrderPolicy.Declared, MethodOrderPolicy.Declared));
            WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend));
        }
    }
}
