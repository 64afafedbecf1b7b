using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace CometAnalyzers.Tests.Infrastructure
{
    /// <summary>
    /// The real-code corpus beside the clone (../shared/realworld): each top-level folder a project, compiled as the
    /// corpus runner compiles it (its preprocessor symbols and the SDK's implicit usings) but against the references
    /// the rule tests use. Compile errors are expected (the corpus is a selection of files); the rules run on what binds.
    /// </summary>
    internal static class RealWorldCorpus
    {
        public static readonly string Folder = Path.GetFullPath(Path.Combine(ReferenceData.RepoRoot, "..", "shared", "realworld"));

        private static readonly CSharpParseOptions ParseOptions = new CSharpParseOptions(LanguageVersion.Latest).WithPreprocessorSymbols(
            "NET", "NETCOREAPP", "NET8_0_OR_GREATER", "NET6_0_OR_GREATER", "NET5_0_OR_GREATER", "NETCOREAPP3_0_OR_GREATER", "NET7_0_OR_GREATER", "NETSTANDARD2_0_OR_GREATER");

        // ImplicitUsings as the SDK writes them (Microsoft.NET.Sdk and .Web), as most of these projects enable it.
        private const string ImplicitUsings = "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; "
            + "global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks; global using System.Net.Http.Json; "
            + "global using Microsoft.Extensions.Logging; global using Microsoft.Extensions.DependencyInjection; global using Microsoft.Extensions.Configuration; "
            + "global using Microsoft.AspNetCore.Builder; global using Microsoft.AspNetCore.Http; global using Microsoft.AspNetCore.Routing; global using Microsoft.Extensions.Hosting;";

        /// <summary>Why a real-code test must be skipped, or null when the corpus is there (or when CI must fail instead).</summary>
        public static string? SkipReason()
            => Directory.Exists(Folder) || ReferenceData.IsCI ? null : $"Real-code corpus not found at {Folder}; clone the repo beside shared/ to run this test.";

        /// <summary>Every .cs file below the project folder <paramref name="project"/>, as one compilation.</summary>
        public static CSharpCompilation Compile(string project)
        {
            string root = Path.Combine(Folder, project);
            Assert.True(Directory.Exists(root), $"Real-code project missing: {root}. CI must have shared/realworld beside the clone.");
            var trees = Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories)
                .OrderBy(path => path, StringComparer.Ordinal)
                .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), ParseOptions, path: path))
                .Append(CSharpSyntaxTree.ParseText(ImplicitUsings, ParseOptions, path: Path.Combine(root, "zz_GlobalUsings.g.cs")));
            return CSharpCompilation.Create(
                project,
                trees,
                TestReferences.All.AddRange(TestReferences.AspNetCore),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));
        }

        /// <summary>The projects of the corpus, by folder name.</summary>
        public static ImmutableArray<string> Projects()
            => Directory.GetDirectories(Folder)
                .Where(d => Directory.EnumerateFiles(d, "*.cs", SearchOption.AllDirectories).Any())
                .Select(Path.GetFileName)
                .OrderBy(name => name, StringComparer.Ordinal)
                .ToImmutableArray()!;
    }

    /// <summary>A fact that needs ../shared/realworld: skipped with the path named when it is absent, failed under CI=true.</summary>
    [AttributeUsage(AttributeTargets.Method)]
    internal sealed class RealWorldFactAttribute : FactAttribute
    {
        public RealWorldFactAttribute()
        {
            if (RealWorldCorpus.SkipReason() is { } reason)
            {
                Skip = reason;
            }
        }
    }
}
