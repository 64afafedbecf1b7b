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

        /// <summary>Roslyn itself, for tests that need its real types (<c>SyntaxToken</c>); not in <see cref="All"/>.</summary>
        public static ImmutableArray<MetadataReference> Roslyn => Of(typeof(SyntaxToken));

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
                if (name.StartsWith("System.", StringComparison.Ordinal) || name == "System" || name == "mscorlib" || name == "netstandard"
                    || name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) || name.StartsWith("Polly", StringComparison.Ordinal)
                    || name == "OpenAI" || name == "Microsoft.CSharp" || name == "Microsoft.Win32.Primitives")
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
