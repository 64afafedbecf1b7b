using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CometAnalyzers.Common;
using CometAnalyzers.Contract;
using CometAnalyzers.Generation.Emitter;
using CometAnalyzers.Generation.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CometAnalyzers.Generation
{
    /// <summary>
    /// The pipeline only: contract files and the documents they reference become <see cref="ContractSpec"/> values
    /// (parsing lives in <see cref="ContractCompiler"/>), and each spec becomes source (<see cref="ContractEmitter"/>).
    /// Diagnostics are reported by <c>ContractFileAnalyzer</c>, which runs the same compiler, so they show live in the IDE.
    /// <para>
    /// The command-line compiler drops every analyzer diagnostic when the compilation has a declaration error, and a
    /// contract with an error generates nothing, so code that uses its types has one (CS0246): the build would print
    /// that and hide the contract's own error. So in a real build (the package's targets set the parse feature
    /// <see cref="BuildFeature"/>, never in the design-time builds an IDE loads) the generator reports the located
    /// diagnostics of each contract it skips too. Generator diagnostics are printed whatever else fails; when the
    /// analyzer's run as well, the compiler prints equal diagnostics once (see <see cref="ContractDiagnostic.ToDiagnostic"/>).
    /// </para>
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class ContractGenerator : IIncrementalGenerator
    {
        /// <summary>The parse option feature (<c>/features:</c>, MSBuild <c>Features</c>) that marks a build that compiles.</summary>
        public const string BuildFeature = "comet-contract-diagnostics";

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            IncrementalValuesProvider<ContractFile> contracts = context.AdditionalTextsProvider
                .Where(static file => ContractFile.IsContract(file.Path))
                .Select(static (file, cancellationToken) => new ContractFile(file.Path, file.GetText(cancellationToken)?.ToString() ?? string.Empty))
                .WithTrackingName(TrackingNames.ContractFiles);

            IncrementalValueProvider<EquatableArray<ContractFile>> documents = context.AdditionalTextsProvider
                .Where(static file => ContractFile.IsReferenceableDocument(file.Path))
                .Select(static (file, cancellationToken) => new ContractFile(file.Path, file.GetText(cancellationToken)?.ToString() ?? string.Empty))
                .Collect()
                .Select(static (files, _) => files.OrderBy(f => f.Path, System.StringComparer.Ordinal).ToEquatableArray())
                .WithTrackingName(TrackingNames.ReferencedDocuments);

            IncrementalValueProvider<bool> useRequiredKeyword = context.ParseOptionsProvider
                .Select(static (options, _) => options is CSharpParseOptions csharp && csharp.LanguageVersion >= LanguageVersion.CSharp11)
                .WithTrackingName(TrackingNames.LanguageFeatures);

            IncrementalValuesProvider<ContractCompilation> compiled = contracts
                .Combine(documents)
                .Select(static (pair, cancellationToken) => ContractCompiler.Compile(pair.Left, pair.Right, cancellationToken))
                .WithTrackingName(TrackingNames.ContractCompilations);

            IncrementalValuesProvider<ContractSpec> specs = compiled
                .Select(static (result, _) => result.Spec)
                .Where(static spec => spec is not null)
                .Select(static (spec, _) => spec!)
                .WithTrackingName(TrackingNames.ContractSpecs);

            // A contract that generates nothing: its diagnostics, for builds that compile (see the class remarks).
            IncrementalValuesProvider<EquatableArray<ContractDiagnostic>> skipped = compiled
                .Where(static result => result.Spec is null && result.HasErrors)
                .Select(static (result, _) => result.Diagnostics)
                .WithTrackingName(TrackingNames.SkippedContracts);

            IncrementalValueProvider<bool> isBuild = context.ParseOptionsProvider
                .Select(static (options, _) => options.Features.ContainsKey(BuildFeature))
                .WithTrackingName(TrackingNames.BuildFeature);

            // Diagnostics only, no source: an implementation output, which a host that does not emit may skip.
            context.RegisterImplementationSourceOutput(skipped.Combine(isBuild), static (output, pair) =>
            {
                if (!pair.Right)
                {
                    return;
                }

                foreach (ContractDiagnostic diagnostic in pair.Left)
                {
                    output.ReportDiagnostic(diagnostic.ToDiagnostic());
                }
            });

            // Two contracts that generate the same types: the first by path wins (the analyzer reports the clash).
            IncrementalValueProvider<EquatableArray<ContractSpec>> unique = specs
                .Collect()
                .Select(static (all, _) => Deduplicate(all))
                .WithTrackingName(TrackingNames.UniqueSpecs);

            // What the compilation offers for the sensitive-member attribute, as a small value equal after an ordinary edit
            // so the sources downstream stay cached. The source side is syntax (a declaration of the attribute, found per
            // edited tree); the compilation is asked only about its references, whose symbols an edit leaves as they were,
            // so an edit never makes the compiler build the source declaration table for this step.
            IncrementalValueProvider<bool> declaredInSource = context.SyntaxProvider
                .CreateSyntaxProvider(
                    static (node, _) => node is ClassDeclarationSyntax { Identifier.ValueText: SensitiveAttributeEmitter.Name } declaration && DeclaresSensitiveAttribute(declaration),
                    static (_, _) => true)
                .Collect()
                .Select(static (found, _) => found.Length > 0)
                .WithTrackingName(TrackingNames.SensitiveAttributeDeclaration);

            // The references' side of both (see ReferencedFeatures): asked of every new compilation, answered from the last
            // reference set while the references stay the same objects.
            IncrementalValueProvider<ReferencedFeatures> referenced = context.CompilationProvider
                .Select(static (compilation, _) => ReferencedFeatures.Of(compilation))
                .WithTrackingName(TrackingNames.ReferencedFeatures);

            IncrementalValueProvider<SensitiveAttributeSource> sensitiveAttribute = referenced
                .Combine(declaredInSource)
                .Select(static (pair, _) => pair.Right ? SensitiveAttributeSource.Available : pair.Left.SensitiveAttribute)
                .WithTrackingName(TrackingNames.SensitiveAttribute);

            // What the compilation offers the generated client (the .NET 8 base library, logging): the same kind of small value.
            IncrementalValueProvider<ClientFeatures> clientFeatures = referenced
                .Select(static (features, _) => features.Client)
                .WithTrackingName(TrackingNames.ClientFeatures);

            context.RegisterSourceOutput(unique.Combine(useRequiredKeyword).Combine(sensitiveAttribute).Combine(clientFeatures), static (output, inputs) =>
            {
                (((EquatableArray<ContractSpec> specs, bool useRequired), SensitiveAttributeSource attribute), ClientFeatures features) = inputs;

                // Hint names must be unique ignoring case (they become file names); C# names need not be ("Foo" and "FOO").
                var hintNames = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
                foreach (ContractSpec spec in specs)
                {
                    foreach (GeneratedFile file in ContractEmitter.Emit(spec, useRequired).Concat(ClientEmitter.Emit(spec, useRequired, features)))
                    {
                        output.AddSource(UniqueHintName(file.HintName, hintNames), SourceText.From(file.Text, System.Text.Encoding.UTF8));
                    }
                }

                // One attribute for every contract of the compilation, which their x-sensitive members share.
                if (specs.Count > 0 && attribute != SensitiveAttributeSource.Available)
                {
                    string text = SensitiveAttributeEmitter.Emit(attribute == SensitiveAttributeSource.EmitWithDataClassification);
                    output.AddSource(UniqueHintName(SensitiveAttributeEmitter.HintName, hintNames), SourceText.From(text, System.Text.Encoding.UTF8));
                }
            });
        }

        /// <summary>A top-level class of that name directly in the attribute's namespace (block or file-scoped, nested or dotted).</summary>
        private static bool DeclaresSensitiveAttribute(ClassDeclarationSyntax declaration)
        {
            if (declaration.Parent is not BaseNamespaceDeclarationSyntax)
            {
                return false;
            }

            var parts = new List<string>();
            for (SyntaxNode? node = declaration.Parent; node is not null; node = node.Parent)
            {
                if (node is BaseNamespaceDeclarationSyntax ns)
                {
                    parts.Insert(0, ns.Name.ToString());
                }
            }

            return string.Join(".", parts) == SensitiveAttributeEmitter.Namespace;
        }

        private static string UniqueHintName(string hintName, HashSet<string> used)
        {
            const string Suffix = ".g.cs";
            string stem = hintName.EndsWith(Suffix, System.StringComparison.Ordinal) ? hintName.Substring(0, hintName.Length - Suffix.Length) : hintName;
            string candidate = hintName;
            for (int i = 2; !used.Add(candidate); i++)
            {
                candidate = stem + "." + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + Suffix;
            }

            return candidate;
        }

        private static EquatableArray<ContractSpec> Deduplicate(ImmutableArray<ContractSpec> specs)
        {
            var seen = new HashSet<string>(System.StringComparer.Ordinal);
            var result = new List<ContractSpec>();
            foreach (ContractSpec spec in specs.OrderBy(s => s.SourcePath, System.StringComparer.Ordinal))
            {
                if (seen.Add(spec.Settings.Namespace + "." + spec.Settings.Name))
                {
                    result.Add(spec);
                }
            }

            return result.ToEquatableArray();
        }
    }

    /// <summary>Names of the generator's steps, for incremental-caching tests.</summary>
    internal static class TrackingNames
    {
        public const string ContractFiles = nameof(ContractFiles);
        public const string ReferencedDocuments = nameof(ReferencedDocuments);
        public const string LanguageFeatures = nameof(LanguageFeatures);
        public const string ContractCompilations = nameof(ContractCompilations);
        public const string ContractSpecs = nameof(ContractSpecs);
        public const string SkippedContracts = nameof(SkippedContracts);
        public const string BuildFeature = nameof(BuildFeature);
        public const string UniqueSpecs = nameof(UniqueSpecs);
        public const string SensitiveAttribute = nameof(SensitiveAttribute);
        public const string ClientFeatures = nameof(ClientFeatures);
        public const string ReferencedFeatures = nameof(ReferencedFeatures);
        public const string SensitiveAttributeDeclaration = nameof(SensitiveAttributeDeclaration);
    }
}
