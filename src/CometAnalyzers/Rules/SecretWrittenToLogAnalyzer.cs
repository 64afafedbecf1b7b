using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CometAnalyzers.Contract;
using CometAnalyzers.Rules.Common;
using CometAnalyzers.Rules.Gating;
using CometAnalyzers.Rules.Secrets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CometAnalyzers.Rules
{
    /// <summary>
    /// COMET002: a secret (the contract's API key, the auth header, a request with its headers, a credential) reaches a
    /// log, console, debug or trace output, or an exception's message. COMET012: the same with a value that only its
    /// name (or its configuration key, environment variable or header name) calls a secret. Reported at the leaking
    /// argument, once, under COMET002 when it leaks both ways; the parts to redact ride along as additional locations.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SecretWrittenToLogAnalyzer : DiagnosticAnalyzer
    {
        private const int MaxShownLength = 80;

        private const string MessageFormat = "'{0}' ({1}) is written to a log through {2}; log a redacted value or omit it";

        private static readonly DiagnosticDescriptor Rule = new(
            RuleIdentifiers.SecretWrittenToLog,
            title: "Secret is written to a log",
            messageFormat: MessageFormat,
            RuleIdentifiers.UsageCategory,
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "Logs, consoles and traces are copied, shipped and kept far from the secret store: an API key or Authorization header written there leaks. Log a redacted value, or nothing.",
            helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.SecretWrittenToLog));

        // A name is a guess, not the contract: a warning by default, which a team can raise to an error.
        private static readonly DiagnosticDescriptor NamedRule = new(
            RuleIdentifiers.SecretNamedValueWrittenToLog,
            title: "Value named like a secret is written to a log",
            messageFormat: MessageFormat,
            RuleIdentifiers.UsageCategory,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A value whose name (or configuration key, environment variable or header name) says it is a secret is written to a log, console, trace or exception message. Nothing but the name says so: log a redacted value, or rename what is not a secret.",
            helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.SecretNamedValueWrittenToLog));

        private static readonly ImmutableArray<SyntaxKind> Invocations = ImmutableArray.Create(SyntaxKind.InvocationExpression);

        private static readonly ImmutableArray<SyntaxKind> Creations = ImmutableArray.Create(SyntaxKind.ObjectCreationExpression, SyntaxKind.ImplicitObjectCreationExpression);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule, NamedRule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var sinks = new LogSinks(start.Compilation);
                if (!sinks.IsAvailable)
                {
                    return;
                }

                CompilationContracts contracts = CompilationContracts.Read(start.Options, start.CancellationToken);
                var secretNames = new PerTree<SecretNames>();
                var analyzer = new AnalyzerContext(start.Compilation, contracts, sinks, secretNames);
                var loggedArguments = new LoggedSecrets(new SecretTypes(start.Compilation), secretNames);
                var logCalls = new LogCallGate(start.Compilation, loggedArguments);
                var exceptions = new ExceptionMessageGate(start.Compilation, loggedArguments);
                var gate = new OperationGate(start.Compilation, this);
                gate.Add<IInvocationOperation>(Invocations, logCalls.MayLeak, analyzer.AnalyzeInvocation);
                gate.Add<IObjectCreationOperation>(Creations, exceptions.MayLeak, analyzer.AnalyzeCreation);
                gate.Register(start);
            });
        }

        private sealed class AnalyzerContext
        {
            private readonly LogSinks _sinks;
            private readonly SecretLeakFinder _finder;
            private readonly PerTree<SecretNames> _names;

            public AnalyzerContext(Compilation compilation, CompilationContracts contracts, LogSinks sinks, PerTree<SecretNames> names)
            {
                _sinks = sinks;
                _names = names;
                _finder = new SecretLeakFinder(compilation, new SecretSources(new SecretTypes(compilation), new SecretReads(compilation, contracts)));
            }

            public void AnalyzeInvocation(RuleOperationContext context, IInvocationOperation invocation)
            {
                if (_sinks.Find(invocation) is { } sink)
                {
                    Report(context, sink);
                }
            }

            public void AnalyzeCreation(RuleOperationContext context, IObjectCreationOperation creation)
            {
                if (_sinks.Find(creation) is { } sink)
                {
                    Report(context, sink);
                }
            }

            private void Report(RuleOperationContext context, LogSink sink)
            {
                SecretNames names = _names.Get(context.Scope, context.Options, static (tree, options) => SecretNames.Read(options, tree));
                foreach (IOperation value in sink.Values)
                {
                    if (_finder.Find(value, names) is not { } leak)
                    {
                        continue;
                    }

                    IEnumerable<Location> parts = LeakingParts.Of(value, _finder, names).Select(p => p.Syntax.GetLocation());
                    context.ReportDiagnostic(Diagnostic.Create(
                        leak.IsCertain ? Rule : NamedRule,
                        value.Syntax.GetLocation(),
                        parts,
                        ShownText.OneLine(leak.Source.Syntax.ToString(), MaxShownLength),
                        leak.Reason,
                        sink.Name));
                }
            }
        }
    }
}
