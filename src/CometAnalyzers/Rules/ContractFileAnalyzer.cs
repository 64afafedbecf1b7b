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
                });
            });
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
