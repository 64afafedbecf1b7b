using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace CometAnalyzers.Tests.Infrastructure
{
    /// <summary>
    /// Builds an in-memory project the way an IDE sees it: sources, AdditionalFiles and an .editorconfig. Rule tests run on
    /// the testing library (<see cref="AnalyzerTest"/>); this stays for the tests of the analysis driver itself and the
    /// fuzzers' contract oracle.
    /// </summary>
    internal static class TestProject
    {
        public const string SourceFolder = "/project/";

        public static Project Create(
            IReadOnlyList<string> sources,
            IReadOnlyList<(string Path, string Text)> additionalFiles,
            string? editorConfig)
        {
            var workspace = new AdhocWorkspace();
            ProjectId projectId = ProjectId.CreateNewId("Test");
            var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
            var compilationOptions = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);
            Solution solution = workspace.CurrentSolution
                .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "Test", "Test", LanguageNames.CSharp,
                    filePath: SourceFolder + "Test.csproj",
                    compilationOptions: compilationOptions,
                    parseOptions: parseOptions,
                    metadataReferences: TestReferences.All));

            for (int i = 0; i < sources.Count; i++)
            {
                string name = $"Test{i}.cs";
                solution = solution.AddDocument(DocumentId.CreateNewId(projectId, name), name, SourceText.From(sources[i]), filePath: SourceFolder + name);
            }

            foreach ((string path, string text) in additionalFiles)
            {
                solution = solution.AddAdditionalDocument(DocumentId.CreateNewId(projectId, path), System.IO.Path.GetFileName(path), SourceText.From(text), filePath: path);
            }

            if (editorConfig is not null)
            {
                solution = solution.AddAnalyzerConfigDocument(
                    DocumentId.CreateNewId(projectId, ".editorconfig"),
                    ".editorconfig",
                    SourceText.From("root = true\n\n[*.cs]\n" + editorConfig + "\n"),
                    filePath: SourceFolder + ".editorconfig");
            }

            return solution.GetProject(projectId)!;
        }

        /// <summary>
        /// <paramref name="source"/> compiled into an assembly of its own and referenced as metadata, the way a NuGet
        /// package's types reach the analyzer (no syntax, attributes and synthesized members as the compiler emitted them).
        /// </summary>
        public static MetadataReference CompileReference(string source, string assemblyName)
        {
            var compilation = CSharpCompilation.Create(
                assemblyName,
                new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)) },
                TestReferences.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            using var image = new System.IO.MemoryStream();
            Microsoft.CodeAnalysis.Emit.EmitResult result = compilation.Emit(image);
            if (!result.Success)
            {
                throw new System.InvalidOperationException("The referenced source does not compile:\n" + string.Join("\n", result.Diagnostics));
            }

            return MetadataReference.CreateFromImage(image.ToArray());
        }
    }
}
