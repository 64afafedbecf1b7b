using System.Collections.Immutable;
using CometAnalyzers.Contract;
using CometAnalyzers.Rules.Common;
using CometAnalyzers.Rules.Endpoints;
using CometAnalyzers.Rules.Gating;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CometAnalyzers.Rules
{
    /// <summary>
    /// COMET011: a remote URL written in the code is where a request is sent (an HttpClient's base address or request
    /// URI, an HttpRequestMessage, an API client's endpoint, the project's own method that sends to its parameter). The
    /// contract does not name it, so this is the heuristic twin of COMET001: a warning by default. Reported once at the
    /// constant, however many sinks it reaches and in whichever file they are (<see cref="RemoteUrlFindings"/>).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class HardcodedRemoteUrlAnalyzer : DiagnosticAnalyzer
    {
        private const int MaxShownLength = 100;

        private static readonly DiagnosticDescriptor Rule = new(
            RuleIdentifiers.HardcodedRemoteUrl,
            title: "Remote URL is hardcoded where a request is sent",
            messageFormat: "'{0}' is hardcoded as {1}; read the URL from configuration so the endpoint can change without a redeploy",
            RuleIdentifiers.UsageCategory,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A base URL or request URL compiled into the binary cannot be moved to another region, proxy or fallback without a rebuild. Read it from configuration.",
            helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.HardcodedRemoteUrl));

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var sinks = new HttpSinks(start.Compilation);
                if (sinks.Uri is null)
                {
                    return;
                }

                var findings = new RemoteUrlFindings(start.Compilation, start.Options, CompilationContracts.Read(start.Options, start.CancellationToken), sinks, UngatedAnalyzers.IsOpen(this));
                start.RegisterSemanticModelAction(context =>
                {
                    foreach (RemoteUrlFinding finding in findings.LocatedIn(context.SemanticModel, context.CancellationToken))
                    {
                        // The editor may ask for part of a file (a line's code fixes): the file is judged whole, the part is reported.
                        if (context.FilterSpan is { } span && !finding.Location.SourceSpan.IntersectsWith(span))
                        {
                            continue;
                        }

                        context.ReportDiagnostic(Diagnostic.Create(Rule, finding.Location, ShownText.Truncate(finding.Url, MaxShownLength), finding.Sink));
                    }
                });
            });
        }
    }
}
