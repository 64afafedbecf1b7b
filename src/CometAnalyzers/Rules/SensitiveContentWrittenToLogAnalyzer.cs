using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CometAnalyzers.Rules.Common;
using CometAnalyzers.Rules.Content;
using CometAnalyzers.Rules.Gating;
using CometAnalyzers.Rules.Secrets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CometAnalyzers.Rules
{
    /// <summary>
    /// COMET005: prompt or completion text, a member of the generated models that the contract marks <c>x-sensitive</c>
    /// (it carries the generated <c>[CometSensitive]</c>), reaches a log, standard error, debug or trace output, an
    /// <c>Activity</c> tag or event, a metric tag or an exception's message, directly or built into another value.
    /// Standard output is not a log here: a console program prints the answer there for its user. The other sinks and what "built from" means are COMET002's (<see cref="LogSinks"/>, <see cref="SecretLeakFinder"/>).
    /// Without generated models in view (no contract here or in a referenced project) nothing is sensitive and the rule
    /// does nothing.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SensitiveContentWrittenToLogAnalyzer : DiagnosticAnalyzer
    {
        private const int MaxShownLength = 80;

        private static readonly DiagnosticDescriptor Rule = new(
            RuleIdentifiers.SensitiveContentWrittenToLog,
            title: "Prompt or completion text is written to a log",
            messageFormat: "'{0}' ({1}) is written to a log through {2}; log its length or leave it out",
            RuleIdentifiers.UsageCategory,
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "The contract marks prompt and completion text x-sensitive: it is user data. Logs, traces and metrics are copied, shipped and kept far from where the data may live. Log its length, a count or an id instead.",
            helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.SensitiveContentWrittenToLog));

        private static readonly ImmutableArray<SyntaxKind> Invocations = ImmutableArray.Create(SyntaxKind.InvocationExpression);

        private static readonly ImmutableArray<SyntaxKind> Creations = ImmutableArray.Create(SyntaxKind.ObjectCreationExpression, SyntaxKind.ImplicitObjectCreationExpression);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var sinks = new LogSinks(start.Compilation);
                var sources = new SensitiveContentSources(start.Compilation, new SecretTypes(start.Compilation));
                if (!sinks.IsAvailable || !sources.IsAvailable)
                {
                    return;
                }

                var analyzer = new AnalyzerContext(start.Compilation, sinks, sources);
                var loggedContent = new LoggedContent(sources);
                var logCalls = new LogCallGate(start.Compilation, loggedContent);
                var exceptions = new ExceptionMessageGate(start.Compilation, loggedContent);
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

            public AnalyzerContext(Compilation compilation, LogSinks sinks, SensitiveContentSources sources)
            {
                _sinks = sinks;
                _finder = new SecretLeakFinder(compilation, sources);
            }

            public void AnalyzeInvocation(RuleOperationContext context, IInvocationOperation invocation)
            {
                // Standard output is where a console chat program shows the answer to the person who asked: the text
                // is meant for them there. Logs go to ILogger, standard error, Debug/Trace, traces and metrics. The Trace
                // log level is the one .NET documents for sensitive data (off by default, never on in production).
                if (_sinks.Find(invocation) is { IsStandardOutput: false, IsTraceLevel: false } sink)
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
                // Names say nothing about content: the default list is passed only because the walk takes one.
                SecretNames names = SecretNames.Default;
                foreach (IOperation value in sink.Values)
                {
                    if (_finder.Find(value, names) is not { } leak)
                    {
                        continue;
                    }

                    IEnumerable<Location> parts = LeakingParts.Of(value, _finder, names).Select(p => p.Syntax.GetLocation());
                    context.ReportDiagnostic(Diagnostic.Create(
                        Rule,
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
