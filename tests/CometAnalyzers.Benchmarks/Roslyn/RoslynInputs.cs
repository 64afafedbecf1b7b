using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using CometAnalyzers.Benchmarks.Payloads;
using CometAnalyzers.Generation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace CometAnalyzers.Benchmarks.Roslyn
{
    /// <summary>An AdditionalText held in memory.</summary>
    public sealed class InMemoryAdditionalText : AdditionalText
    {
        private readonly SourceText _text;

        public InMemoryAdditionalText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    /// <summary>Compilations, references and generator drivers shared by the Generator benchmarks and the checks.</summary>
    public static class RoslynInputs
    {
        public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Parse);

        private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(CreateReferences);

        /// <summary>The running framework plus Polly, Polly.Core and Microsoft.Extensions.Logging.</summary>
        public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

        private static ImmutableArray<MetadataReference> CreateReferences()
        {
            Type[] anchors =
            {
                typeof(Polly.Policy),
                typeof(Polly.ResiliencePipeline),
                typeof(Microsoft.Extensions.Logging.ILogger),
                typeof(Microsoft.Extensions.Logging.LoggerExtensions),
                typeof(Microsoft.Extensions.Logging.LoggerFactory),
            };
            var paths = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
            string tpa = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
            foreach (string path in tpa.Split(Path.PathSeparator))
            {
                string name = Path.GetFileNameWithoutExtension(path);
                if (name.StartsWith("System.", StringComparison.Ordinal) || name is "System" or "mscorlib" or "netstandard"
                    || name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) || name.StartsWith("Polly", StringComparison.Ordinal)
                    || name is "Microsoft.Win32.Primitives")
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

        public static CSharpCompilation Compilation(string assemblyName, IEnumerable<(string Path, string Text)> sources)
            => CSharpCompilation.Create(
                assemblyName,
                sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, ParseOptions, s.Path)),
                References,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        /// <summary>
        /// The OpenAI-subset test contract and the vendor OpenAPI document it references (read in place from shared/),
        /// side by side as the generator sees them in a project.
        /// </summary>
        public static ImmutableArray<AdditionalText> OpenAiContractFiles()
            => ImmutableArray.Create<AdditionalText>(
                new InMemoryAdditionalText("/project/contracts/openai.contract.json", File.ReadAllText(Paths.RepoFile("tests/CometAnalyzers.Tests/TestData/openai.contract.json"))),
                new InMemoryAdditionalText("/project/contracts/openai-chat-completions.openapi.json", System.Text.Encoding.UTF8.GetString(Paths.ReadRequired(Paths.OpenApiDocument))));

        /// <summary>
        /// The runtime tests' contract over the whole OpenAI document (3.4 MB, 1,422 schemas; the contract reaches the
        /// chat request, response, stream chunk and error), read in place from shared/, as a project has them.
        /// </summary>
        public static ImmutableArray<AdditionalText> FullOpenAiDocumentFiles()
            => ImmutableArray.Create<AdditionalText>(
                new InMemoryAdditionalText("/project/contracts/openai.vendor.contract.json", File.ReadAllText(Paths.RepoFile("tests/CometAnalyzers.Runtime.Tests/Vendors/openai.vendor.contract.json"))),
                new InMemoryAdditionalText("/project/contracts/openai.openapi.json", System.Text.Encoding.UTF8.GetString(Paths.ReadRequired(Paths.VendorDocument("openai")))));

        public static InMemoryAdditionalText CometContractFile()
            => new("/project/contracts/cometapi.chat-completions.contract.json", File.ReadAllText(Paths.RepoFile("contract/cometapi.chat-completions.contract.json")));

        public static GeneratorDriver Driver(ImmutableArray<AdditionalText> additionalFiles, bool trackSteps)
            => CSharpGeneratorDriver.Create(
                new[] { new ContractGenerator().AsSourceGenerator() },
                additionalFiles,
                ParseOptions,
                driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

        /// <summary>A small consumer project: a few files that use the generated client, as a project with a contract has.</summary>
        public static CSharpCompilation ConsumerCompilation()
            => Compilation("Consumer", Enumerable.Range(0, 10).Select(i => ($"/project/src/File{i}.cs", ConsumerSource(i, 0))));

        public static string ConsumerSource(int index, int edit)
            => $$"""
               namespace Consumer
               {
                   public sealed class Worker{{index}}
                   {
                       private int _count{{edit}};

                       public int Next() => ++_count{{edit}} + {{index}};

                       public override string ToString() => "Worker{{index}} " + _count{{edit}}.ToString(System.Globalization.CultureInfo.InvariantCulture);
                   }
               }
               """;

        /// <summary>The same compilation with one file edited in a way no contract depends on (a field renamed).</summary>
        public static CSharpCompilation WithUnrelatedEdit(CSharpCompilation compilation, int edit)
        {
            SyntaxTree old = compilation.SyntaxTrees.First();
            return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(ConsumerSource(0, edit), ParseOptions, old.FilePath));
        }
    }
}
