using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using CometAnalyzers.Contract;
using CometAnalyzers.Contract.Overlays;
using CometAnalyzers.Contract.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CometAnalyzers.Rules
{
    /// <summary>
    /// Reports COMET1xx at their line and column in *.contract.json files, and in the overlay files they use. An analyzer,
    /// not the generator, reports them so they show live in the IDE; both run the same <see cref="ContractCompiler"/>.
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

                // A contract is compiled once per compilation, whether its own file or an overlay file it uses is analyzed first.
                var compiled = new ConcurrentDictionary<string, Lazy<ContractCompilation>>(StringComparer.Ordinal);
                ContractCompilation Compile(ContractFile contract, CancellationToken cancellationToken)
                    => compiled.GetOrAdd(
                        contract.Path,
                        _ => new Lazy<ContractCompilation>(() => ContractCompiler.Compile(contract, documents, cancellationToken), LazyThreadSafetyMode.PublicationOnly)).Value;

                var overlayUsers = new Lazy<Dictionary<string, List<ContractFile>>>(
                    () => OverlayUsers(start.Options.AdditionalFiles, documents, start.CancellationToken), LazyThreadSafetyMode.PublicationOnly);

                start.RegisterAdditionalFileAction(fileContext =>
                {
                    AdditionalText file = fileContext.AdditionalFile;
                    if (!ContractFile.IsContract(file.Path))
                    {
                        // An overlay file: the problems the contracts that use it find in it. Each file's analysis reports only
                        // what is located in that file, so the IDE (which analyzes one file at a time) shows what the build does.
                        if (ContractFile.IsReferenceableDocument(file.Path) && overlayUsers.Value.TryGetValue(file.Path, out List<ContractFile>? users))
                        {
                            var reported = new HashSet<ContractDiagnostic>();
                            foreach (ContractFile user in users)
                            {
                                foreach (ContractDiagnostic diagnostic in Compile(user, fileContext.CancellationToken).Diagnostics)
                                {
                                    if (string.Equals(diagnostic.FilePath, file.Path, StringComparison.Ordinal) && reported.Add(diagnostic))
                                    {
                                        fileContext.ReportDiagnostic(diagnostic.ToDiagnostic());
                                    }
                                }
                            }
                        }

                        return;
                    }

                    if (file.GetText(fileContext.CancellationToken) is not { } text)
                    {
                        return;
                    }

                    ContractCompilation result = Compile(new ContractFile(file.Path, text.ToString()), fileContext.CancellationToken);
                    foreach (ContractDiagnostic diagnostic in result.Diagnostics)
                    {
                        if (string.Equals(diagnostic.FilePath, file.Path, StringComparison.Ordinal))
                        {
                            fileContext.ReportDiagnostic(diagnostic.ToDiagnostic());
                        }
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

        /// <summary>The contracts that name each overlay file in their <c>overlays</c>, by the overlay file's path.</summary>
        private static Dictionary<string, List<ContractFile>> OverlayUsers(ImmutableArray<AdditionalText> files, ImmutableArray<ContractFile> documents, CancellationToken cancellationToken)
        {
            var users = new Dictionary<string, List<ContractFile>>(StringComparer.Ordinal);
            foreach (AdditionalText file in files.OrderBy(f => f.Path, StringComparer.Ordinal))
            {
                if (!ContractFile.IsContract(file.Path) || file.GetText(cancellationToken) is not { } text
                    || Contract.Json.JsonTextParser.Parse(text.ToString(), out _, out _) is not Contract.Json.JsonObjectNode root)
                {
                    continue;
                }

                var contract = new ContractFile(file.Path, text.ToString());
                foreach (string name in ContractOverlays.FileNames(root))
                {
                    if (SchemaResolver.FindFile(documents, name, file.Path) is { } overlay)
                    {
                        if (!users.TryGetValue(overlay.Path, out List<ContractFile>? list))
                        {
                            users[overlay.Path] = list = new List<ContractFile>();
                        }

                        if (!list.Contains(contract))
                        {
                            list.Add(contract);
                        }
                    }
                }
            }

            return users;
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
