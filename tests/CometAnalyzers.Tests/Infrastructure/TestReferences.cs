using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace CometAnalyzers.Tests.Infrastructure
{
    /// <summary>
    /// Metadata references for test compilations: the running framework plus the real Polly, logging,
    /// configuration and OpenAI assemblies this test project references.
    /// </summary>
    internal static class TestReferences
    {
        private static readonly Lazy<ImmutableArray<MetadataReference>> LazyAll = new(Create);

        public static ImmutableArray<MetadataReference> All => LazyAll.Value;

        /// <summary>Json.NET, for tests that need its real types (<c>JToken</c>); not in <see cref="All"/>.</summary>
        public static ImmutableArray<MetadataReference> JsonNet => Of(typeof(Newtonsoft.Json.Linq.JToken));

        /// <summary>NLog, for tests of its loggers; not in <see cref="All"/>.</summary>
        public static ImmutableArray<MetadataReference> NLog => Of(typeof(global::NLog.Logger));

        /// <summary>Serilog, for tests of its loggers; not in <see cref="All"/>.</summary>
        public static ImmutableArray<MetadataReference> Serilog => Of(typeof(global::Serilog.Log));

        /// <summary>Azure.Core, for tests of its credentials (<c>AzureKeyCredential</c>); not in <see cref="All"/>.</summary>
        public static ImmutableArray<MetadataReference> AzureCore => Of(typeof(global::Azure.AzureKeyCredential));

        /// <summary>Azure.AI.OpenAI with Azure.Core, for tests of <c>AzureOpenAIClient</c>; not in <see cref="All"/>.</summary>
        public static ImmutableArray<MetadataReference> AzureOpenAI => Of(typeof(global::Azure.AI.OpenAI.AzureOpenAIClient), typeof(global::Azure.AzureKeyCredential));

        /// <summary>
        /// Microsoft.Extensions.Compliance.Abstractions (<c>DataClassificationAttribute</c>), for the generator's
        /// classified attribute; not in <see cref="All"/>, where it would change what every contract generates.
        /// </summary>
        public static ImmutableArray<MetadataReference> Compliance => Of(typeof(global::Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute));

        /// <summary>
        /// Microsoft.Extensions.Http (<c>AddHttpClient</c>), for the generated client's dependency-injection registration; not in
        /// <see cref="All"/>, where it would add that registration to every contract's output.
        /// </summary>
        public static ImmutableArray<MetadataReference> Http => Of(typeof(global::Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions));

        /// <summary>
        /// Microsoft.Extensions.Http.Resilience (<c>AddStandardResilienceHandler</c>) with Polly.RateLimiting, from the package
        /// folder (the test project downloads them without referencing them), plus <see cref="Http"/>: the registration puts
        /// the generated client behind the standard pipeline. Not in <see cref="All"/>.
        /// </summary>
        public static ImmutableArray<MetadataReference> HttpResilience => Http.AddRange(
            new[] { "HttpResilienceAssembly", "PollyRateLimitingAssembly" }.Select(key => (MetadataReference)MetadataReference.CreateFromFile(MetadataPath(key))));

        /// <summary>
        /// Microsoft.Extensions.Diagnostics.HealthChecks and its abstractions (<c>IHealthCheck</c>, <c>IHealthChecksBuilder</c>), for
        /// the generated canary health check; not in <see cref="All"/>, where it would add that check to every contract's output.
        /// </summary>
        public static ImmutableArray<MetadataReference> HealthChecks => Of(
            typeof(global::Microsoft.Extensions.DependencyInjection.IHealthChecksBuilder),
            typeof(global::Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheck));

        /// <summary>Roslyn itself, for tests that need its real types (<c>SyntaxToken</c>); not in <see cref="All"/>.</summary>
        public static ImmutableArray<MetadataReference> Roslyn => Of(typeof(SyntaxToken));

        /// <summary>
        /// ASP.NET Core (<c>HttpRequest</c>, <c>IHeaderDictionary</c>...), from the shared framework installed beside the
        /// running one; not in <see cref="All"/>. Read from disk rather than through a FrameworkReference, which would put
        /// every Microsoft.Extensions assembly of ASP.NET Core into every test compilation. Its Microsoft.Extensions
        /// assemblies are added only where <see cref="All"/> has none of that name.
        /// </summary>
        public static ImmutableArray<MetadataReference> AspNetCore => LazyAspNetCore.Value;

        private static readonly Lazy<ImmutableArray<MetadataReference>> LazyAspNetCore = new(CreateAspNetCore);

        private static ImmutableArray<MetadataReference> CreateAspNetCore()
        {
            string netCore = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
            string shared = Path.GetDirectoryName(Path.GetDirectoryName(netCore)!)!;
            string versions = Path.Combine(shared, "Microsoft.AspNetCore.App");
            string? folder = Directory.Exists(Path.Combine(versions, Path.GetFileName(netCore)))
                ? Path.Combine(versions, Path.GetFileName(netCore))
                : Directory.Exists(versions) ? Directory.GetDirectories(versions).OrderBy(d => d, StringComparer.Ordinal).LastOrDefault() : null;
            if (folder is null)
            {
                throw new InvalidOperationException($"The ASP.NET Core shared framework is not installed beside {netCore}.");
            }

            var present = new HashSet<string>(All.Select(r => Path.GetFileName(((PortableExecutableReference)r).FilePath!)), StringComparer.OrdinalIgnoreCase);
            return Directory.GetFiles(folder, "*.dll")
                .Where(path => Path.GetFileName(path) is var name
                    && (name.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal) || name.StartsWith("Microsoft.Net.Http.", StringComparison.Ordinal)
                        || (name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) && !present.Contains(name))))
                .OrderBy(path => path, StringComparer.Ordinal)
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
                .ToImmutableArray();
        }

        private static string MetadataPath(string key)
        {
            string path = typeof(TestReferences).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
                .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
            return File.Exists(path) ? path : throw new FileNotFoundException($"{key} is not where the package was downloaded.", path);
        }

        private static ImmutableArray<MetadataReference> Of(params Type[] anchors)
            => anchors.Select(a => a.Assembly.Location).Distinct(StringComparer.Ordinal)
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();

        private static ImmutableArray<MetadataReference> Create()
        {
            // Force-load the libraries so their paths are known even before a test touches them.
            Type[] anchors =
            {
                typeof(Polly.Policy),
                typeof(Polly.ResiliencePipeline),
                typeof(Microsoft.Extensions.Logging.ILogger),
                typeof(Microsoft.Extensions.Logging.LoggerExtensions),
                typeof(Microsoft.Extensions.Logging.LoggerFactory),
                typeof(Microsoft.Extensions.Configuration.IConfiguration),
                typeof(Microsoft.Extensions.Configuration.ConfigurationBuilder),
                typeof(OpenAI.OpenAIClient),
                typeof(System.ClientModel.ApiKeyCredential),
            };

            var paths = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
            string tpa = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
            foreach (string path in tpa.Split(Path.PathSeparator))
            {
                string name = Path.GetFileNameWithoutExtension(path);
                if ((name.StartsWith("System.", StringComparison.Ordinal) || name == "System" || name == "mscorlib" || name == "netstandard"
                    || name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) || name.StartsWith("Polly", StringComparison.Ordinal)
                    || name == "OpenAI" || name == "Microsoft.CSharp" || name == "Microsoft.Win32.Primitives")
                    && !name.StartsWith("Microsoft.Extensions.Compliance.", StringComparison.Ordinal) && name != "Microsoft.Extensions.Http"
                    && !name.StartsWith("Microsoft.Extensions.Diagnostics.HealthChecks", StringComparison.Ordinal))
                {
                    paths.Add(path);
                }
            }

            foreach (Type anchor in anchors)
            {
                paths.Add(anchor.Assembly.Location);
            }

            return paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
        }
    }
}
