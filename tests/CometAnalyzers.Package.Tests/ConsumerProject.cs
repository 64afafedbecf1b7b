using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;

namespace CometAnalyzers.Package.Tests
{
    /// <summary>A throwaway project outside the repo (so no Directory.Build.props applies) that references the packed nupkg.</summary>
    internal sealed class ConsumerProject : IDisposable
    {
        private ConsumerProject(string root, string packageVersion)
        {
            Root = root;
            PackageVersion = packageVersion;
        }

        public string Root { get; }

        public string ProjectFolder => Path.Combine(Root, "consumer");

        /// <summary>The version of the packed CometAnalyzers package in this consumer's feed.</summary>
        public string PackageVersion { get; }

        /// <summary>A packages folder of this consumer's own, so no cached copy of an earlier build of the package is used.</summary>
        public string PackagesPath => Path.Combine(Root, "packages");

        public static string Metadata(string key)
            => typeof(ConsumerProject).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

        public static ConsumerProject Create()
        {
            ConsumerProject project = CreateEmpty();
            Directory.CreateDirectory(project.ProjectFolder);
            project.Write("Consumer.csproj", $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <OutputType>Exe</OutputType>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                    <RestorePackagesPath>{project.PackagesPath}</RestorePackagesPath>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="CometAnalyzers" Version="{project.PackageVersion}" />
                  </ItemGroup>
                </Project>
                """);
            project.CopyRepoContract(Path.Combine("consumer", "contracts", "api.contract.json"));
            return project;
        }

        /// <summary>A folder with the packed package in a local feed and a NuGet.config that adds it; no project yet.</summary>
        public static ConsumerProject CreateEmpty()
        {
            string root = Path.Combine(Path.GetTempPath(), "comet-consumer-" + Guid.NewGuid().ToString("N"));
            string feed = Path.Combine(root, "feed");
            Directory.CreateDirectory(feed);
            string package = Directory.GetFiles(Metadata("PackageFolder"), "CometAnalyzers.*.nupkg").Single();
            File.Copy(package, Path.Combine(feed, Path.GetFileName(package)));
            string version = Path.GetFileNameWithoutExtension(package).Substring("CometAnalyzers.".Length);
            File.WriteAllText(Path.Combine(root, "NuGet.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <add key="local" value="{feed}" />
                  </packageSources>
                </configuration>
                """);
            return new ConsumerProject(root, version);
        }

        /// <summary>Copies the repository's contract to a path under <see cref="Root"/>.</summary>
        public void CopyRepoContract(string pathFromRoot)
            => File.Copy(Path.Combine(Metadata("RepoRoot"), "contract", "cometapi.chat-completions.contract.json"), Path.Combine(Root, pathFromRoot).EnsureFolder());

        /// <summary>Writes a file at a path under <see cref="Root"/> (for consumers of more than one project).</summary>
        public void WriteAt(string pathFromRoot, string text) => File.WriteAllText(Path.Combine(Root, pathFromRoot).EnsureFolder(), text);

        public void Write(string relativePath, string text) => File.WriteAllText(Path.Combine(ProjectFolder, relativePath).EnsureFolder(), text);

        public void Delete(string relativePath) => File.Delete(Path.Combine(ProjectFolder, relativePath));

        public string Read(string relativePath) => File.ReadAllText(Path.Combine(ProjectFolder, relativePath));

        /// <summary>Runs <c>dotnet build</c> in <see cref="ProjectFolder"/>; returns the exit code and the combined output.</summary>
        public (int ExitCode, string Output) Build() => Run(ProjectFolder, "build --nologo -v:q -clp:NoSummary");

        /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/> in a folder under <see cref="Root"/>.</summary>
        public (int ExitCode, string Output) RunAt(string folderFromRoot, string arguments) => Run(Path.Combine(Root, folderFromRoot), arguments);

        private static (int ExitCode, string Output) Run(string folder, string arguments)
        {
            var start = new ProcessStartInfo("dotnet", arguments)
            {
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["MSBuildExtensionsPath"] = null;
            using Process process = Process.Start(start)!;
            var output = new StringBuilder();
            process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
            process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"dotnet {arguments} took more than 5 minutes:\n{output}");
            }

            process.WaitForExit();
            return (process.ExitCode, output.ToString());
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // A build server may still hold a file; the temp folder is cleaned by the OS.
            }
        }
    }

    internal static class PathExtensions
    {
        public static string EnsureFolder(this string path)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            return path;
        }
    }
}
