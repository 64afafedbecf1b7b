using System;
using System.IO;
using Xunit;

namespace CometAnalyzers.Tests.Infrastructure
{
    /// <summary>
    /// Paths into the repo and into the shared reference data that sits beside the clone (../shared/reference).
    /// The reference data is read in place, never copied into the repo.
    /// </summary>
    internal static class ReferenceData
    {
        public static readonly string RepoRoot = FindRepoRoot();

        public static readonly string Folder = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "reference"));

        public static string OpenApiPath => Path.Combine(Folder, "openai-chat-completions.openapi.json");

        public static string Example(string name) => Path.Combine(Folder, "examples", name);

        public static string RepoFile(string relativePath) => Path.Combine(RepoRoot, relativePath);

        public static bool IsCI => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

        /// <summary>Why a reference-data test must be skipped, or null when the data is there (or when CI must fail instead).</summary>
        public static string? SkipReason()
            => File.Exists(OpenApiPath) || IsCI ? null : $"Reference data not found at {Folder}; clone the repo beside shared/ to run this test.";

        public static string ReadRequired(string path)
        {
            Assert.True(File.Exists(path), $"Reference file missing: {path}. CI must have shared/reference beside the clone.");
            return File.ReadAllText(path);
        }

        private static string FindRepoRoot()
        {
            string? directory = AppContext.BaseDirectory;
            while (directory is not null)
            {
                if (File.Exists(Path.Combine(directory, "CometAnalyzers.sln")))
                {
                    return directory;
                }

                directory = Path.GetDirectoryName(directory);
            }

            throw new InvalidOperationException("CometAnalyzers.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>A fact that needs ../shared/reference: skipped with the path named when it is absent, failed under CI=true.</summary>
    [AttributeUsage(AttributeTargets.Method)]
    internal sealed class ReferenceFactAttribute : FactAttribute
    {
        public ReferenceFactAttribute()
        {
            if (ReferenceData.SkipReason() is { } reason)
            {
                Skip = reason;
            }
        }
    }

    /// <summary>The theory form of <see cref="ReferenceFactAttribute"/>.</summary>
    [AttributeUsage(AttributeTargets.Method)]
    internal sealed class ReferenceTheoryAttribute : TheoryAttribute
    {
        public ReferenceTheoryAttribute()
        {
            if (ReferenceData.SkipReason() is { } reason)
            {
                Skip = reason;
            }
        }
    }
}
