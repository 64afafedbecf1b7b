using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace CometAnalyzers.Benchmarks.Payloads
{
    /// <summary>
    /// Where the repo, the shared reference data and the Meziantou package are. Paths are baked in at build time
    /// (AssemblyMetadata), so the benchmark processes BenchmarkDotNet launches from its own folders find them too.
    /// The reference examples are read in place, never copied into the repo.
    /// </summary>
    internal static class Paths
    {
        public static string RepoRoot => Metadata("RepoRoot");

        public static string ReferenceFolder => Metadata("ReferenceDataFolder");

        public static string MeziantouPackageFolder => Metadata("MeziantouAnalyzerFolder");

        public static string Example(string name) => Path.Combine(ReferenceFolder, "examples", name);

        public static string OpenApiDocument => Path.Combine(ReferenceFolder, "openai-chat-completions.openapi.json");

        /// <summary>A whole vendor document (shared/reference/vendors/&lt;vendor&gt;/&lt;vendor&gt;.openapi.json).</summary>
        public static string VendorDocument(string vendor) => Path.Combine(ReferenceFolder, "vendors", vendor, vendor + ".openapi.json");

        public static string RepoFile(string relativePath) => Path.Combine(RepoRoot, relativePath);

        public static byte[] ReadRequired(string path)
        {
            if (!File.Exists(path))
            {
                throw new FileNotFoundException(
                    $"Reference file missing: {path}. The benchmarks read shared/reference beside the clone (../shared/reference).", path);
            }

            return File.ReadAllBytes(path);
        }

        private static string Metadata(string key)
            => typeof(Paths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value
               ?? throw new InvalidOperationException($"AssemblyMetadata '{key}' is missing from the benchmark assembly.");
    }
}
