using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace CometAnalyzers.Tests.Infrastructure
{
    /// <summary>
    /// The editor does not analyze a whole compilation: it asks for one document's diagnostics at a time
    /// (<see cref="CompilationWithAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(SemanticModel, Microsoft.CodeAnalysis.Text.TextSpan?, CancellationToken)"/>),
    /// in whatever order the user opens files. A rule whose report for file A depends on having analyzed file B first
    /// shows a diagnostic in the build and hides it in the IDE (or the other way round). This check analyzes every
    /// document (and every additional file) on its own, forwards and backwards through one analysis, and requires
    /// exactly what the whole-compilation analysis reported.
    /// </summary>
    internal static class IdeParity
    {
        /// <summary>Set <c>COMET_SKIP_IDE_PARITY=1</c> to time a run without the check; CI never sets it.</summary>
        public static bool IsEnabled => Environment.GetEnvironmentVariable("COMET_SKIP_IDE_PARITY") != "1";

        public static async Task AssertSameAsync(
            Compilation compilation,
            ImmutableArray<DiagnosticAnalyzer> analyzers,
            CompilationWithAnalyzersOptions options,
            ImmutableArray<Diagnostic> wholeCompilation)
        {
            List<string> expected = Describe(wholeCompilation);
            var trees = compilation.SyntaxTrees.ToList();

            // Each document alone, each with a fresh analysis: nothing another document's analysis left behind can help.
            var alone = new List<Diagnostic>();
            foreach (SyntaxTree tree in trees)
            {
                alone.AddRange(await DocumentAsync(compilation.WithAnalyzers(analyzers, options), tree));
            }

            alone.AddRange(await AdditionalFilesAsync(compilation.WithAnalyzers(analyzers, options), options));
            Compare("each document analyzed alone", expected, alone);

            // One analysis, documents in order and in reverse order: what one document's analysis remembers must not
            // suppress or move another's diagnostics.
            foreach ((string name, IEnumerable<SyntaxTree> order) in new[] { ("in order", trees.AsEnumerable()), ("in reverse order", Enumerable.Reverse(trees)) })
            {
                CompilationWithAnalyzers shared = compilation.WithAnalyzers(analyzers, options);
                var found = new List<Diagnostic>();
                foreach (SyntaxTree tree in order)
                {
                    found.AddRange(await DocumentAsync(shared, tree));
                }

                found.AddRange(await AdditionalFilesAsync(shared, options));
                Compare("documents analyzed one by one " + name, expected, found);
            }
        }

        private static async Task<IEnumerable<Diagnostic>> DocumentAsync(CompilationWithAnalyzers analysis, SyntaxTree tree)
        {
            SemanticModel model = analysis.Compilation.GetSemanticModel(tree);
            ImmutableArray<Diagnostic> syntax = await analysis.GetAnalyzerSyntaxDiagnosticsAsync(tree, CancellationToken.None);
            ImmutableArray<Diagnostic> semantic = await analysis.GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null, CancellationToken.None);

            // A document's analysis may only show what is located in that document.
            return syntax.Concat(semantic).Where(d => d.Location.SourceTree == tree);
        }

        private static async Task<IEnumerable<Diagnostic>> AdditionalFilesAsync(CompilationWithAnalyzers analysis, CompilationWithAnalyzersOptions options)
        {
            var found = new List<Diagnostic>();
            foreach (AdditionalText file in options.Options?.AdditionalFiles ?? ImmutableArray<AdditionalText>.Empty)
            {
                AnalysisResult result = await analysis.GetAnalysisResultAsync(file, CancellationToken.None);
                found.AddRange(result.GetAllDiagnostics());
            }

            return found;
        }

        private static void Compare(string mode, List<string> expected, IEnumerable<Diagnostic> actual)
        {
            List<string> found = Describe(actual);
            Assert.True(
                expected.SequenceEqual(found),
                $"IDE parity: {mode} differs from the build.\nBuild:\n  " + string.Join("\n  ", expected) + "\nIDE:\n  " + string.Join("\n  ", found));
        }

        private static List<string> Describe(IEnumerable<Diagnostic> diagnostics)
            => diagnostics
                .Where(d => d.Id != "AD0001")
                .Select(d => $"{d.Id} {d.Location.GetLineSpan()} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
                .OrderBy(s => s, StringComparer.Ordinal)
                .ToList();
    }
}
