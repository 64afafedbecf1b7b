using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CometAnalyzers.Rules.Gating
{
    /// <summary>
    /// Test-only: the analyzer instances that run with every gate open, so a differential test can require that a rule
    /// reports the same with and without its gates (a gate may skip work, never a diagnostic). An instance is marked by
    /// a test, never by anything the environment says, so a build cannot run ungated, and tests running in parallel do
    /// not see each other's marks. A rule asks once per compilation; the normal path costs one lookup in an empty table.
    /// </summary>
    internal static class UngatedAnalyzers
    {
        private static readonly ConditionalWeakTable<DiagnosticAnalyzer, object> Marked = new();

        private static readonly object Mark = new();

        /// <summary>Opens every gate of <paramref name="analyzer"/> for as long as the instance lives.</summary>
        public static TAnalyzer Open<TAnalyzer>(TAnalyzer analyzer)
            where TAnalyzer : DiagnosticAnalyzer
        {
            Marked.GetValue(analyzer, static _ => Mark);
            return analyzer;
        }

        public static bool IsOpen(DiagnosticAnalyzer analyzer) => Marked.TryGetValue(analyzer, out _);
    }
}
