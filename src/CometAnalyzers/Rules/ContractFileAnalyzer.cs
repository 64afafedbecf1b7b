using System.Collections.Generic;
using System.Collections.Immutable;
using CometAnalyzers.Contract;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CometAnalyzers.Rules
{
    /// <summary>
    /// Reports COMET1xx at their line and column in *.contract.json files. An analyzer, not the generator,
    /// reports them so they show live in the IDE; both run the same <see cref="ContractCompiler"/>.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ContractFileAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ContractDescriptors.All.ToImmutableArray();

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                // Referenced OpenAPI documents are read once per compilation, not once per contract.
                ImmutableArray<ContractFile> documents = ReadDocuments(start.Options.AdditionalFiles, start.CancellationToken);
                Dictionary<string, string> firstPathByTypeName = FirstContractPerGeneratedName(start.Options.AdditionalFiles, start.CancellationToken);
                start.RegisterAdditionalFileAction(fileContext =>
                {
                    AdditionalText file = fileContext.AdditionalFile;
                    if (!ContractFile.IsContract(file.Path) || file.GetText(fileContext.CancellationToken) is not { } text)
                    {
                        return;
                    }

                    ContractCompilation result = ContractCompiler.Compile(
                        new ContractFile(file.Path, text.ToString()), documents, fileContext.CancellationToken);
                    foreach (ContractDiagnostic diagnostic in result.Diagnostics)
                    {
                        fileContext.ReportDiagnostic(diagnostic.ToDiagnostic());
                    }

                    // Two contracts that generate the same types: the generator keeps the first by path, this one is reported.
                    if (result.Settings is { } settings
                        && firstPathByTypeName.TryGetValue(settings.Namespace + "." + settings.Name, out string? first)
                        && !string.Equals(first, file.Path, System.StringComparison.Ordinal)
                        && NameLocation(file.Path, text) is { } location)
                    {
                        fileContext.ReportDiagnostic(Diagnostic.Create(
                            ContractDescriptors.DuplicateGeneratedName, location, settings.Name, settings.Namespace + "." + settings.ContractTypeName, "the contract " + first));
                    }
                });
            });
        }

        private static Dictionary<string, string> FirstContractPerGeneratedName(ImmutableArray<AdditionalText> files, System.Threading.CancellationToken cancellationToken)
        {
            var first = new Dictionary<string, string>(System.StringComparer.Ordinal);
            foreach (AdditionalText file in files)
            {
                if (ContractFile.IsContract(file.Path) && file.GetText(cancellationToken) is { } text
                    && ContractReader.ReadSettingsOnly(new ContractFile(file.Path, text.ToString())) is { } settings)
                {
                    string key = settings.Namespace + "." + settings.Name;
                    if (!first.TryGetValue(key, out string? existing) || string.CompareOrdinal(file.Path, existing) < 0)
                    {
                        first[key] = file.Path;
                    }
                }
            }

            return first;
        }

        private static Location? NameLocation(string path, SourceText text)
        {
            if (Contract.Json.JsonTextParser.Parse(text.ToString(), out _, out _) is Contract.Json.JsonObjectNode root && root["name"] is { } name)
            {
                var span = new TextSpan(name.Start, name.Length);
                return Location.Create(path, span, text.Lines.GetLinePositionSpan(span));
            }

            return null;
        }

        private static ImmutableArray<ContractFile> ReadDocuments(ImmutableArray<AdditionalText> files, System.Threading.CancellationToken cancellationToken)
        {
            var documents = new List<ContractFile>();
            foreach (AdditionalText file in files)
            {
                if (ContractFile.IsReferenceableDocument(file.Path) && file.GetText(cancellationToken) is SourceText text)
                {
                    documents.Add(new ContractFile(file.Path, text.ToString()));
                }
            }

            return documents.ToImmutableArray();
        }
    }
}
