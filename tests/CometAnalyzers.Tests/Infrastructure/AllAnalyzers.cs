using System;
using System.Collections.Immutable;
using System.Linq;
using CometAnalyzers.Rules;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CometAnalyzers.Tests.Infrastructure
{
    /// <summary>Every analyzer the package ships, found by reflection so a new rule is covered without editing tests.</summary>
    internal static class AllAnalyzers
    {
        public static ImmutableArray<DiagnosticAnalyzer> Create()
            => typeof(ContractFileAnalyzer).Assembly.GetTypes()
                .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .ToImmutableArray();
    }
}
