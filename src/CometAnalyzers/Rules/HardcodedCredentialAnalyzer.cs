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
    /// secret. A placeholder is not a credential (<see cref="CredentialText"/>). Reported in the file of the sink, so the
    /// editor, which analyzes one file at a time, shows what the build shows: at the literal when it is written there
    /// (a const declared in that file included), otherwise at the use of the named constant. Each place once.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class HardcodedCredentialAnalyzer : DiagnosticAnalyzer
    {
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
                var analyzer = new AnalyzerContext(new CredentialSinks(start.Compilation, new SecretReads(start.Compilation, contracts)));
                var gate = new OperationGate(start.Compilation, this);
                gate.Add<IOperation>(Kinds, new CredentialGate(start.Compilation).MayPassCredential, analyzer.Analyze);
                gate.Register(start);
            });
        }

        private sealed class AnalyzerContext
        {
            private readonly CredentialSinks _sinks;
            private readonly PerTree<HashSet<TextSpan>> _reported = new();

            public AnalyzerContext(CredentialSinks sinks) => _sinks = sinks;

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
                    foreach (ConstantOrigin origin in ConstantOrigins.Of(sink.Value, sink.Shape))
                    {
                        if (CredentialText.Credential(origin.Text, origin.Shape) is not { } credential || !reported.Add(origin.Location.SourceSpan))
                        {
                            continue;
                        }

                        string shown = origin.Name is { } name ? $"'{name}' ({CredentialText.Masked(credential)})" : CredentialText.Masked(credential);
                        context.ReportDiagnostic(Diagnostic.Create(Rule, origin.Location, shown, sink.Description));
                    }
                }
            }
        }
    }
}
