using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using CometAnalyzers.Contract;
using CometAnalyzers.Rules.Credentials;
using CometAnalyzers.Rules.Gating;
using CometAnalyzers.Rules.Secrets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CometAnalyzers.Rules
{
    /// <summary>
    /// COMET006: a string constant reaches a credential (<see cref="CredentialSinks"/>): a credential type, the
    /// contract's auth header or a standard one, an OpenAI or Azure client's API key, the fallback of the contract's
    /// secret. A placeholder is not a credential (<see cref="CredentialText"/>), nor is a key sent only to this machine (<see cref="LoopbackEndpoints"/>). Reported in the file of the sink, so the
    /// editor, which analyzes one file at a time, shows what the build shows: at the literal when it is written there
    /// (a const declared in that file included), otherwise at the use of the named constant. Each place once.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class HardcodedCredentialAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>The generated contract class (<c>global::Ns.NameContract</c>), for the code fix to name its constants.</summary>
        public const string ContractTypeProperty = "ContractType";

        /// <summary>The contract's <c>auth.secretEnvVar</c>, where the code fix reads the secret from.</summary>
        public const string SecretEnvVarProperty = "SecretEnvVar";

        /// <summary>The contract's <c>auth.secretConfigKey</c>, where the code fix reads the secret from.</summary>
        public const string SecretConfigKeyProperty = "SecretConfigKey";

        /// <summary>The text before the credential in a header value (<c>"Bearer "</c>), which the code fix keeps.</summary>
        public const string SchemeProperty = "Scheme";

        private static readonly DiagnosticDescriptor Rule = new(
            RuleIdentifiers.HardcodedCredential,
            title: "Credential is hardcoded",
            messageFormat: "{0} is a hardcoded credential that reaches {1}; read it from configuration, an environment variable or a secret store",
            RuleIdentifiers.UsageCategory,
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "A key written into the source is in every clone, every build and every package of it, and cannot be rotated without a release. Read it from configuration, the environment or a secret store.",
            helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.HardcodedCredential));

        private static readonly ImmutableArray<SyntaxKind> Kinds = ImmutableArray.Create(
            SyntaxKind.InvocationExpression,
            SyntaxKind.ObjectCreationExpression,
            SyntaxKind.ImplicitObjectCreationExpression,
            SyntaxKind.SimpleAssignmentExpression,
            SyntaxKind.CoalesceExpression);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                CompilationContracts contracts = CompilationContracts.Read(start.Options, start.CancellationToken);
                var analyzer = new AnalyzerContext(new CredentialSinks(start.Compilation, new SecretReads(start.Compilation, contracts)), FixProperties(contracts));
                var gate = new OperationGate(start.Compilation, this);
                gate.Add<IOperation>(Kinds, new CredentialGate(start.Compilation).MayPassCredential, analyzer.Analyze);
                gate.Register(start);
            });
        }

        /// <summary>
        /// Where the code fix may read the secret from: the primary contract's secret variable and key, with its generated
        /// class. Empty without a contract: the rule has no default key or variable, so the fix has nothing to name.
        /// </summary>
        private static ImmutableDictionary<string, string?> FixProperties(CompilationContracts contracts)
        {
            ImmutableDictionary<string, string?> properties = ImmutableDictionary<string, string?>.Empty;
            if (!contracts.HasContract)
            {
                return properties;
            }

            ContractSettings contract = contracts.Primary;
            properties = properties.SetItem(ContractTypeProperty, contract.ContractTypeFullName);
            if (contract.SecretEnvVar is { } variable)
            {
                properties = properties.SetItem(SecretEnvVarProperty, variable);
            }

            return contract.SecretConfigKey is { } key ? properties.SetItem(SecretConfigKeyProperty, key) : properties;
        }

        /// <summary>The scheme written before the credential (<c>"Bearer "</c> in <c>"Bearer sk-..."</c>); null when the text is the credential alone. Never the credential itself.</summary>
        private static string? SchemeBefore(string text, string credential)
        {
            int start = text.IndexOf(credential, StringComparison.Ordinal);
            return start > 0 && text.Substring(0, start).Trim().Length > 0 ? text.Substring(0, start) : null;
        }

        private sealed class AnalyzerContext
        {
            private readonly CredentialSinks _sinks;
            private readonly ImmutableDictionary<string, string?> _properties;
            private readonly PerTree<HashSet<TextSpan>> _reported = new();

            public AnalyzerContext(CredentialSinks sinks, ImmutableDictionary<string, string?> properties)
            {
                _sinks = sinks;
                _properties = properties;
            }

            public void Analyze(RuleOperationContext context, IOperation operation)
            {
                var sinks = new List<CredentialSink>();
                _sinks.Collect(operation, sinks);
                if (sinks.Count == 0)
                {
                    return;
                }

                // A constant that reaches several sinks in a file (a key and its fallback, two clients) is reported once there.
                HashSet<TextSpan> reported = _reported.Get(context.Scope, 0, static (_, _) => new HashSet<TextSpan>());
                foreach (CredentialSink sink in sinks)
                {
                    if (LoopbackEndpoints.SentOnlyToLoopback(sink.Value))
                    {
                        continue;
                    }

                    foreach (ConstantOrigin origin in ConstantOrigins.Of(sink.Value, sink.Shape))
                    {
                        if (CredentialText.Credential(origin.Text, origin.Shape) is not { } credential || !reported.Add(origin.Location.SourceSpan))
                        {
                            continue;
                        }

                        string shown = origin.Name is { } name ? $"'{name}' ({CredentialText.Masked(credential)})" : CredentialText.Masked(credential);
                        ImmutableDictionary<string, string?> properties = SchemeBefore(origin.Text, credential) is { } scheme ? _properties.SetItem(SchemeProperty, scheme) : _properties;
                        context.ReportDiagnostic(Diagnostic.Create(Rule, origin.Location, properties, shown, sink.Description));
                    }
                }
            }
        }
    }
}
