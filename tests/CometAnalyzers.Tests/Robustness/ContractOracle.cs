using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using CometAnalyzers.Contract;
using CometAnalyzers.Rules;
using CometAnalyzers.Tests.Infrastructure;
using CometAnalyzers.Tests.Robustness.Fuzzing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CometAnalyzers.Tests.Robustness
{
    /// <summary>A contract to check and how it was made.</summary>
    internal sealed record ContractInput(string Mutation, string Text);

    /// <summary>
    /// What must hold for any contract text. Fast checks call <see cref="ContractCompiler"/> directly (no exception,
    /// every diagnostic a COMET1xx inside the file, with a consistent line span and a formattable message, a spec exactly
    /// when there is no error); <see cref="VerifyGenerated"/> runs the real generator, compiler and analyzer on a sample.
    /// </summary>
    internal static class ContractOracle
    {
        public const string ContractPath = "/project/contracts/fuzz.contract.json";

        public static readonly string RepoContractText = File.ReadAllText(ReferenceData.RepoFile("contract/cometapi.chat-completions.contract.json"));

        private static readonly HashSet<string> ContractIds = new(ContractDescriptors.All.Select(d => d.Id), StringComparer.Ordinal);

        /// <summary>Compiles <paramref name="text"/> and records every broken invariant as a failure; null when the compiler threw.</summary>
        public static ContractCompilation? Compile(FuzzRun run, string mutation, string text, IReadOnlyList<ContractFile>? documents = null, string path = ContractPath)
        {
            run.Input();
            ContractCompilation result;
            try
            {
                result = ContractCompiler.Compile(new ContractFile(path, text), documents ?? Array.Empty<ContractFile>(), CancellationToken.None);
            }
            catch (Exception exception)
            {
                run.Fail(mutation, "ContractCompiler threw " + exception, text);
                return null;
            }

            if (Problem(result, text, path, documents) is { } problem)
            {
                run.Fail(mutation, problem, text);
            }

            run.Count(result.HasErrors ? "rejected" : "accepted");
            foreach (string id in result.Diagnostics.Select(d => d.Id).Distinct())
            {
                run.Count(id);
            }

            return result;
        }

        /// <summary>
        /// The first broken invariant of a compilation result, or null. A diagnostic is in the contract, or in one of its
        /// <paramref name="documents"/> that is an overlay file the contract uses (never in a vendor document).
        /// </summary>
        public static string? Problem(ContractCompilation result, string text, string path = ContractPath, IReadOnlyList<ContractFile>? documents = null)
        {
            var sources = new Dictionary<string, SourceText>(StringComparer.Ordinal) { [path] = SourceText.From(text) };
            foreach (ContractFile document in documents ?? Array.Empty<ContractFile>())
            {
                if (document.Path.EndsWith(".overlay.json", StringComparison.Ordinal))
                {
                    sources[document.Path] = SourceText.From(document.Text);
                }
            }

            foreach (ContractDiagnostic diagnostic in result.Diagnostics)
            {
                if (!ContractIds.Contains(diagnostic.Id))
                {
                    return $"{diagnostic.Id} is not a contract diagnostic id";
                }

                if (!sources.TryGetValue(diagnostic.FilePath, out SourceText? source))
                {
                    return $"{diagnostic} is reported in '{diagnostic.FilePath}', not in the contract or an overlay file";
                }

                if (diagnostic.Span.Start < 0 || diagnostic.Span.End > source.Length)
                {
                    return $"{diagnostic} has span {diagnostic.Span} outside the file (length {source.Length})";
                }

                LinePositionSpan expected = source.Lines.GetLinePositionSpan(diagnostic.Span);
                if (diagnostic.LineSpan != expected)
                {
                    return $"{diagnostic} has line span {diagnostic.LineSpan} but its span {diagnostic.Span} is at {expected}";
                }

                try
                {
                    string message = diagnostic.ToDiagnostic().GetMessage(CultureInfo.InvariantCulture);
                    if (message.Contains("{0}", StringComparison.Ordinal) || message.Contains("{1}", StringComparison.Ordinal))
                    {
                        return $"{diagnostic} has an unformatted message: {message}";
                    }
                }
                catch (Exception exception)
                {
                    return $"{diagnostic} cannot be turned into a message: {exception.Message}";
                }
            }

            if (result.HasErrors && result.Spec is not null)
            {
                return "a contract with errors produced a spec: " + string.Join("; ", result.Diagnostics);
            }

            if (!result.HasErrors && result.Spec is null)
            {
                return "a contract without errors produced no spec: " + string.Join("; ", result.Diagnostics);
            }

            return null;
        }

        /// <summary>True when a diagnostic (of <paramref name="ids"/>, or any) touches the character range [start, end) of the contract.</summary>
        public static bool ReportedWithin(ContractCompilation result, int start, int end, params string[] ids)
            => result.Diagnostics.Any(d => (ids.Length == 0 || ids.Contains(d.Id)) && d.FilePath == ContractPath
                && d.Span.Start < Math.Max(end, start + 1) && Math.Max(d.Span.End, d.Span.Start + 1) > start);

        public static bool Reported(ContractCompilation result, string id) => result.Diagnostics.Any(d => d.Id == id);

        /// <summary>An independent verdict on the JSON syntax (System.Text.Json, strict, as deep as the contract reader allows).</summary>
        public static bool IsWellFormedJson(string text)
        {
            if (text.Length > 0 && text[0] == '\uFEFF')
            {
                text = text.Substring(1);
            }

            try
            {
                using JsonDocument document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = CometAnalyzers.Contract.Json.JsonTextParser.MaxDepth });
                return true;
            }
            catch (JsonException)
            {
                return false;
            }
        }

        /// <summary>
        /// Runs the generator, the C# compiler on its output and the contract-file analyzer on each contract (a few per
        /// compilation when their namespaces differ): no generator diagnostic (CS8785 is a generator exception), no analyzer
        /// exception, the analyzer reports what the contract compiler reports, and a contract without errors generates code
        /// that compiles without errors or warnings, while one with errors generates nothing.
        /// </summary>
        /// <param name="run">The fuzz run that records failures.</param>
        /// <param name="contracts">The contracts to check.</param>
        /// <param name="batchSize">Contracts per compilation.</param>
        /// <param name="otherFiles">Other AdditionalFiles of every compilation: the documents and overlay files the contracts use.</param>
        public static void VerifyGenerated(FuzzRun run, IReadOnlyList<ContractInput> contracts, int batchSize = 1, IReadOnlyList<(string Path, string Text)>? otherFiles = null)
        {
            otherFiles ??= Array.Empty<(string, string)>();
            var pending = contracts.ToList();
            var namespaceOf = contracts.Distinct().ToDictionary(c => c, c => CompileQuietly(c.Text, ContractPath).Settings?.Namespace);
            while (pending.Count > 0)
            {
                var batch = new List<ContractInput>();
                var namespaces = new HashSet<string>(StringComparer.Ordinal);
                foreach (ContractInput contract in pending.ToList())
                {
                    string? ns = namespaceOf[contract];
                    if (batch.Count < batchSize && (ns is null || namespaces.Add(ns)))
                    {
                        batch.Add(contract);
                        pending.Remove(contract);
                    }
                }

                if (batch.Count == 0)
                {
                    batch.Add(pending[0]);
                    pending.RemoveAt(0);
                }

                List<string> problems = CheckGenerated(batch, otherFiles);
                if (problems.Count == 0)
                {
                    run.Count("generated-checked", batch.Count);
                    continue;
                }

                // Find the culprit(s) one by one, so the failure names its input.
                foreach (ContractInput contract in batch)
                {
                    List<string> own = batch.Count == 1 ? problems : CheckGenerated(new[] { contract }, otherFiles);
                    run.Count("generated-checked");
                    if (own.Count > 0)
                    {
                        run.Fail(contract.Mutation, string.Join("\n   ", own.Take(8)), contract.Text);
                    }
                }
            }
        }

        private static ContractCompilation CompileQuietly(string text, string path, IReadOnlyList<ContractFile>? documents = null)
            => ContractCompiler.Compile(new ContractFile(path, text), documents ?? Array.Empty<ContractFile>(), CancellationToken.None);

        private static List<string> CheckGenerated(IReadOnlyList<ContractInput> batch, IReadOnlyList<(string Path, string Text)> otherFiles)
        {
            var problems = new List<string>();
            var files = batch.Select((c, i) => (Path: batch.Count == 1 ? ContractPath : $"/project/contracts/fuzz{i}.contract.json", c.Text)).ToList();
            var documents = otherFiles.Select(f => new ContractFile(f.Path, f.Text)).OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
            GeneratorRun generated;
            try
            {
                generated = GeneratorHarness.Run(files.Concat(otherFiles));
            }
            catch (Exception exception)
            {
                problems.Add("the generator driver threw " + exception);
                return problems;
            }

            foreach (Diagnostic diagnostic in generated.GeneratorDiagnostics)
            {
                problems.Add("generator diagnostic: " + diagnostic);
            }

            var generatedTrees = generated.Sources.Select(s => s.HintName).ToList();
            problems.AddRange(EmitAndInitialize(generated.OutputCompilation));

            var compiledFiles = new List<(string Path, string Text, ContractCompilation Compiled)>();
            foreach ((string path, string text) in files)
            {
                ContractCompilation compiled = CompileQuietly(text, path, documents);
                compiledFiles.Add((path, text, compiled));
                if (!compiled.HasErrors && compiled.Spec is { } spec && !generatedTrees.Any(h => h.StartsWith(spec.Settings.Namespace + ".", StringComparison.Ordinal)))
                {
                    problems.Add($"{path}: no error reported, yet nothing was generated");
                }
            }

            problems.AddRange(CheckAnalyzer(compiledFiles, otherFiles));
            if (batch.Count == 1 && CompileQuietly(batch[0].Text, ContractPath, documents).HasErrors && generatedTrees.Count > 0)
            {
                problems.Add("a contract with errors generated " + generatedTrees.Count + " files");
            }

            return problems;
        }

        /// <summary>
        /// The contract-file analyzer, as the IDE runs it: no exception, and the same diagnostics as the contract compiler, in
        /// each contract and in each other file (an overlay file's are the union of what the contracts that use it find).
        /// </summary>
        private static List<string> CheckAnalyzer(IReadOnlyList<(string Path, string Text, ContractCompilation Compiled)> files, IReadOnlyList<(string Path, string Text)> otherFiles)
        {
            var problems = new List<string>();
            var exceptions = new List<string>();
            CSharpCompilation compilation = GeneratorHarness.CreateCompilation(new[] { "class C { }" });
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)).Concat(otherFiles.Select(f => new InMemoryAdditionalText(f.Path, f.Text))).ToImmutableArray()),
                onAnalyzerException: (exception, _, _) => { lock (exceptions) { exceptions.Add(exception.ToString()); } },
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false);
            ImmutableArray<Diagnostic> diagnostics = compilation
                .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ContractFileAnalyzer()), options)
                .GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
            problems.AddRange(exceptions.Select(e => "the contract analyzer threw " + e));
            problems.AddRange(diagnostics.Where(d => d.Id == "AD0001").Select(d => "AD0001: " + d));
            foreach ((string path, _, ContractCompilation compiled) in files)
            {
                var reported = diagnostics.Where(d => d.Id.StartsWith("COMET1", StringComparison.Ordinal) && d.Location.GetLineSpan().Path == path)
                    .Select(d => $"{d.Id} {d.Location.SourceSpan}").OrderBy(s => s, StringComparer.Ordinal).ToList();
                var expected = compiled.Diagnostics.Where(d => d.FilePath == path).Select(d => $"{d.Id} {d.Span}").OrderBy(s => s, StringComparer.Ordinal).ToList();
                if (!reported.SequenceEqual(expected))
                {
                    problems.Add($"{path}: the analyzer reports [{string.Join(", ", reported)}] but the contract compiler [{string.Join(", ", expected)}]");
                }
            }

            foreach ((string path, _) in otherFiles)
            {
                var reported = diagnostics.Where(d => d.Id.StartsWith("COMET1", StringComparison.Ordinal) && d.Location.GetLineSpan().Path == path)
                    .Select(d => $"{d.Id} {d.Location.SourceSpan} {d.GetMessage(CultureInfo.InvariantCulture)}").OrderBy(s => s, StringComparer.Ordinal).ToList();
                var expected = files.SelectMany(f => f.Compiled.Diagnostics).Where(d => d.FilePath == path)
                    .Select(d => $"{d.Id} {d.Span} {d.ToDiagnostic().GetMessage(CultureInfo.InvariantCulture)}").Distinct().OrderBy(s => s, StringComparer.Ordinal).ToList();
                if (!reported.SequenceEqual(expected))
                {
                    problems.Add($"{path}: the analyzer reports [{string.Join(", ", reported)}] but the contract compiler [{string.Join(", ", expected)}]");
                }
            }

            return problems;
        }

        /// <summary>
        /// Compiles the output once (Emit reports the same warnings as GetDiagnostics, so the costly binding is not done
        /// twice), then loads it and runs every type's static initializer: a contract must not generate code that
        /// compiles yet throws the first time it is touched (an unencodable name, a timeout beyond TimeSpan).
        /// </summary>
        private static List<string> EmitAndInitialize(Compilation compilation)
        {
            using var image = new MemoryStream();
            Microsoft.CodeAnalysis.Emit.EmitResult emitted = compilation.Emit(image);
            var problems = emitted.Diagnostics
                .Where(GeneratorRun.IsGeneratedCodeProblem)
                .Take(10)
                .Select(d => "generated code: " + d + " | " + LineOf(d))
                .ToList();
            if (!emitted.Success)
            {
                problems.Add("the generated code does not emit: " + string.Join("; ", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5)));
            }

            if (problems.Count > 0)
            {
                return problems;
            }

            var context = new System.Runtime.Loader.AssemblyLoadContext("fuzz", isCollectible: true);
            try
            {
                image.Position = 0;
                System.Reflection.Assembly assembly = context.LoadFromStream(image);
                foreach (Type type in assembly.GetTypes().Where(t => !t.IsGenericTypeDefinition))
                {
                    try
                    {
                        System.Runtime.CompilerServices.RuntimeHelpers.RunClassConstructor(type.TypeHandle);
                    }
                    catch (TypeInitializationException exception)
                    {
                        problems.Add($"the generated type {type.FullName} throws when first used: {exception.InnerException?.GetType().Name}: {exception.InnerException?.Message}");
                        break;
                    }
                }

                return problems;
            }
            finally
            {
                context.Unload();
            }
        }

        private static string LineOf(Diagnostic diagnostic)
        {
            if (diagnostic.Location.SourceTree is not { } tree)
            {
                return string.Empty;
            }

            SourceText text = tree.GetText();
            return text.Lines[diagnostic.Location.GetLineSpan().StartLinePosition.Line].ToString().Trim();
        }
    }
}
