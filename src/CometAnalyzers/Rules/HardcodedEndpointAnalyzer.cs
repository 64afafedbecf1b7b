using System.Collections.Immutable;
using System.Linq;
using CometAnalyzers.Contract;
using CometAnalyzers.Rules.Common;
using CometAnalyzers.Rules.Endpoints;
using CometAnalyzers.Rules.Gating;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CometAnalyzers.Rules
{
    /// <summary>
    /// COMET001: a string constant hardcodes the contract's endpoint, its path or one of its hosts, wherever it is
    /// written. It names the contract, so it is a contract violation and an error. Without a contract file in the
    /// compilation there is no contract to violate and the rule reports nothing; remote URLs where a request is sent are
    /// COMET011's, with or without a contract.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class HardcodedEndpointAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Diagnostic property: the generated contract class, as the code fix writes it.</summary>
        internal const string ContractTypeProperty = "ContractType";

        /// <summary>Diagnostic property: the contract path a path literal can be replaced with.</summary>
        internal const string ContractPathProperty = "ContractPath";

        private const int MaxShownLength = 100;

        private static readonly DiagnosticDescriptor Rule = new(
            RuleIdentifiers.HardcodedEndpoint,
            title: "The contract's endpoint is hardcoded",
            messageFormat: "'{0}' hardcodes {1}; {2}",
            RuleIdentifiers.UsageCategory,
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "The contract names the endpoint's path and hosts. Written into code, they cannot follow the contract or be changed without a redeploy: read the base URL from configuration and take the path from the generated contract class.",
            helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.HardcodedEndpoint));

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                CompilationContracts contracts = CompilationContracts.Read(start.Options, start.CancellationToken);
                if (!contracts.HasContract)
                {
                    return;
                }

                var analyzer = new AnalyzerContext(contracts);
                var gate = new OperationGate(start.Compilation, this);
                var words = new ContractWords(contracts.All);
                gate.Add<ILiteralOperation>(ContractWords.Literals, words.MayNameContract, analyzer.AnalyzeConstant);
                gate.Add<IBinaryOperation>(ContractWords.Concatenations, words.MayNameContract, analyzer.AnalyzeConstant);
                gate.Add<IInterpolatedStringOperation>(ContractWords.Interpolations, words.MayNameContract, analyzer.AnalyzeConstant);
                gate.Register(start);
            });
        }

        private sealed class AnalyzerContext
        {
            private readonly CompilationContracts _contracts;
            private readonly PerTree<EndpointClassifier> _classifiers = new();

            public AnalyzerContext(CompilationContracts contracts) => _contracts = contracts;

            /// <summary>Every outermost string constant: reported when it names a contract's path or host.</summary>
            public void AnalyzeConstant(RuleOperationContext context, IOperation operation)
            {
                if (!ConstantText.TryGet(operation, out string value) || !ConstantStrings.IsOutermost(operation))
                {
                    return;
                }

                EndpointClassifier classifier = _classifiers.Get(
                    context.Scope,
                    (Contracts: _contracts.All, context.Options),
                    static (tree, inputs) => new EndpointClassifier(inputs.Contracts, AllowedHosts.Read(inputs.Options, tree)));
                if (classifier.MatchContract(value) is { } matched && ContractEndpoint(operation, matched, classifier) is { } contract)
                {
                    context.ReportDiagnostic(ForContract(operation, value, contract, classifier));
                }
            }

            /// <summary>
            /// The contract whose endpoint this constant hardcodes. A constant built from named constants that are
            /// endpoints themselves is reported at their declarations instead, unless its own literals add an endpoint.
            /// </summary>
            private static ContractSettings? ContractEndpoint(IOperation operation, ContractSettings contract, EndpointClassifier classifier)
            {
                if (!ConstantStrings.NamedConstantValues(operation).Any(v => classifier.MatchContract(v) is not null))
                {
                    return contract;
                }

                return ConstantStrings.OwnLiterals(operation).Select(classifier.MatchContract).FirstOrDefault(c => c is not null);
            }

            /// <summary>
            /// The message tells what to do with what was found: the path has a generated constant; a host is the base
            /// URL, which belongs in configuration (the contract's key when it names one).
            /// </summary>
            private static Diagnostic ForContract(IOperation operation, string value, ContractSettings contract, EndpointClassifier classifier)
            {
                string configKey = contract.BaseUrlConfigKey is { } key ? $" ('{key}')" : string.Empty;
                string advice = classifier.NamesContractHost(value) && !classifier.NamesContractPath(value)
                    ? $"read the base URL from configuration{configKey}"
                    : $"read the base URL from configuration{configKey} and use {contract.ContractTypeName}.Path";
                ImmutableDictionary<string, string?> properties = ImmutableDictionary<string, string?>.Empty
                    .Add(ContractTypeProperty, contract.ContractTypeFullName)
                    .Add(ContractPathProperty, contract.Path);
                return Diagnostic.Create(Rule, operation.Syntax.GetLocation(), properties, ShownText.Truncate(value, MaxShownLength), $"the {contract.Name} endpoint", advice);
            }        }
    }
}
