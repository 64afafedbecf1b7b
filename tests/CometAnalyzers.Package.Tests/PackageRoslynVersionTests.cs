using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Xunit;

namespace CometAnalyzers.Package.Tests
{
    /// <summary>
    /// The package loads in every host from VS 2022 17.8 (Roslyn 4.8) on only if no assembly it ships asks for a newer
    /// Roslyn: an analyzer or code-fix assembly built on Workspaces 4.14 is silently not loaded by an older IDE.
    /// </summary>
    public class PackageRoslynVersionTests
    {
        private static readonly Version Floor = new(4, 8, 0, 0);

        [Fact]
        public void No_assembly_in_the_package_references_a_Roslyn_newer_than_4_8()
        {
            string package = Directory.GetFiles(ConsumerProject.Metadata("PackageFolder"), "CometAnalyzers.*.nupkg").Single();
            using ZipArchive archive = ZipFile.OpenRead(package);
            List<ZipArchiveEntry> assemblies = archive.Entries
                .Where(e => e.FullName.StartsWith("analyzers/dotnet/cs/", StringComparison.Ordinal) && e.FullName.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
                .OrderBy(e => e.FullName, StringComparer.Ordinal)
                .ToList();
            Assert.Equal(new[] { "analyzers/dotnet/cs/CometAnalyzers.CodeFixes.dll", "analyzers/dotnet/cs/CometAnalyzers.dll" }, assemblies.Select(e => e.FullName));

            var roslynReferences = new List<string>();
            var tooNew = new List<string>();
            foreach (ZipArchiveEntry entry in assemblies)
            {
                foreach ((string name, Version version) in References(entry).Where(r => r.Name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)))
                {
                    roslynReferences.Add($"{entry.Name} -> {name} {version}");
                    if (version > Floor)
                    {
                        tooNew.Add($"{entry.Name} -> {name} {version}");
                    }
                }
            }

            Assert.True(tooNew.Count == 0, "References newer than Roslyn " + Floor + ":\n" + string.Join("\n", tooNew) + "\nAll Roslyn references:\n" + string.Join("\n", roslynReferences));

            // Both assemblies are Roslyn components; the code fixes need Workspaces, which must be the 4.8 one too.
            Assert.Contains("CometAnalyzers.dll -> Microsoft.CodeAnalysis.CSharp 4.8.0.0", roslynReferences);
            Assert.Contains("CometAnalyzers.CodeFixes.dll -> Microsoft.CodeAnalysis.Workspaces 4.8.0.0", roslynReferences);
        }

        private static List<(string Name, Version Version)> References(ZipArchiveEntry entry)
        {
            using var image = new MemoryStream();
            using (Stream stream = entry.Open())
            {
                stream.CopyTo(image);
            }

            image.Position = 0;
            using var pe = new PEReader(image);
            MetadataReader metadata = pe.GetMetadataReader();
            return metadata.AssemblyReferences
                .Select(handle => metadata.GetAssemblyReference(handle))
                .Select(reference => (metadata.GetString(reference.Name), reference.Version))
                .ToList();
        }
    }
}
