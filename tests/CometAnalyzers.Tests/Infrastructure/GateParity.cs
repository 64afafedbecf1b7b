using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CometAnalyzers.Rules.Gating;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace CometAnalyzers.Tests.Infrastructure
{
    /// <summary>
    /// The rules skip binding what their cheap syntactic gates reject (<see cref="OperationGate"/>, COMET011's file
    /// filters). A gate repeats part of its rule's logic from syntax alone; if the two drift, diagnostics disappear and
    /// no other test notices. This check runs the same analyzers again with every gate open
    /// (<see cref="UngatedAnalyzers"/>) and requires exactly the same diagnostics: id, location, message and the
    /// additional locations a code fix reads.
    /// </summary>
    internal static class GateParity
    {
        /// <summary>New instances of the analyzers' types with every gate open.</summary>
        public static ImmutableArray<DiagnosticAnalyzer> Ungated(IEnumerable<DiagnosticAnalyzer> analyzers)
            => analyzers.Select(a => UngatedAnalyzers.Open((DiagnosticAnalyzer)Activator.CreateInstance(a.GetType())!)).ToImmutableArray();

        /// <summary>Fails unless the ungated analyzers report <paramref name="gated"/> on <paramref name="compilation"/>.</summary>
        public static async Task AssertSameAsync(
            Compilation compilation,
            ImmutableArray<DiagnosticAnalyzer> analyzers,
            CompilationWithAnalyzersOptions options,
            ImmutableArray<Diagnostic> gated,
            string? what = null)
        {
            ImmutableArray<Diagnostic> ungated = await compilation.WithAnalyzers(Ungated(analyzers), options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            AssertSame(gated, ungated, what);
        }

        public static void AssertSame(IEnumerable<Diagnostic> gated, IEnumerable<Diagnostic> ungated, string? what = null)
        {
            List<string> expected = Describe(ungated);
            List<string> actual = Describe(gated);
            if (expected.SequenceEqual(actual))
            {
                return;
            }

            Assert.Fail(
                $"Gate parity{(what is null ? string.Empty : " (" + what + ")")}: the gated rules report other diagnostics than the ungated ones.\n"
                + "Hidden by a gate (reported only ungated):" + Lines(expected.Except(actual))
                + "\nReported only gated:" + Lines(actual.Except(expected)));
        }

        private static string Lines(IEnumerable<string> lines) => lines.Any() ? "\n  " + string.Join("\n  ", lines) : " none";

        /// <summary>One line per diagnostic, sorted: what a user sees and what a code fix reads.</summary>
        public static List<string> Describe(IEnumerable<Diagnostic> diagnostics)
            => diagnostics
                .Select(d => $"{d.Id} {d.Location.GetLineSpan()} {d.GetMessage(CultureInfo.InvariantCulture)}"
                    + string.Concat(d.AdditionalLocations.Select(l => " +" + l.GetLineSpan().Span)))
                .OrderBy(s => s, StringComparer.Ordinal)
                .ToList();
    }
}
