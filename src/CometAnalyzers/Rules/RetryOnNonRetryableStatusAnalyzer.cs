using System.Collections.Concurrent;
using System.Collections.Immutable;
using CometAnalyzers.Contract;
using CometAnalyzers.Rules.Common;
using CometAnalyzers.Rules.Gating;
using CometAnalyzers.Rules.Retries;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CometAnalyzers.Rules
{
    /// <summary>
    /// COMET004: a retry decision that is true for a 4xx status the contract does not allow retrying. Predicates are
    /// evaluated for every status from 400 to 499 by a small interpreter; a predicate that calls something the analyzer
    /// cannot see into is not judged.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RetryOnNonRetryableStatusAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = new(
            id: RuleIdentifiers.RetryOnNonRetryableStatus,
            title: "Retry on a status the contract does not allow retrying",
            messageFormat: "Status {0} is retried; the contract allows retries on {1}",
            category: RuleIdentifiers.UsageCategory,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "Retrying a request that can never succeed, such as 400 or 401, wastes quota and hides the real error. Retry only the statuses the contract lists, for example with the generated Contract.IsRetryable.",
            helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.RetryOnNonRetryableStatus));

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                CompilationContracts contracts = CompilationContracts.Read(start.Options, start.CancellationToken);
                RetrySymbols symbols = RetrySymbols.Create(start.Compilation, contracts);
                ContractSettings contract = contracts.Primary;
                var gate = new OperationGate(start.Compilation, this);
                if (symbols.PollyRetrySyntaxTypes.Count > 0)
                {
                    // A policy executed from several places is reported once, at its handler.
                    var reportedHandlers = new ConcurrentDictionary<Location, bool>();
                    gate.Add<IInvocationOperation>(RetryGates.Invocations, c => RetryGates.IsRetryCall(c.Node), (c, call) => AnalyzePolicyBuilder(c, call, symbols, contract));
                    var receivers = new PolicyReceivers();
                    gate.Add<IInvocationOperation>(RetryGates.Invocations, receivers.MayRunRetryPolicy, (c, call) => AnalyzePolicyExecution(c, call, symbols, contract, reportedHandlers));
                }

                if (symbols.RetryStrategyOptionsOfT is not null)
                {
                    gate.Add<ISimpleAssignmentOperation>(RetryGates.Assignments, c => RetryGates.AssignsShouldHandle(c.Node), (c, assignment) => AnalyzeShouldHandle(c, assignment, symbols, contract));
                }

                if (symbols.HttpClient is not null || symbols.ChatClient is not null)
                {
                    gate.Add<ILoopOperation>(RetryGates.Loops, c => RetryGates.MaySend(c.Node), (c, loop) => AnalyzeLoop(c, loop, symbols, contract));
                }

                gate.Register(start);
            });
        }

        /// <summary>Polly v7: the HandleResult/OrResult/Handle/Or lambdas of a builder that a Retry* call turns into a retry policy.</summary>
        private static void AnalyzePolicyBuilder(RuleOperationContext context, IInvocationOperation invocation, RetrySymbols symbols, ContractSettings contract)
        {
            if (!symbols.IsPollyRetrySyntax(invocation.TargetMethod))
            {
                return;
            }

            foreach (StatusPredicate predicate in PollyPredicates.FromRetryCall(invocation, symbols))
            {
                ReportPredicate(context, predicate, symbols, contract);
            }
        }

        /// <summary>
        /// Polly v7: <c>Handle&lt;HttpRequestException&gt;()</c> with no filter retries every status the executed code throws
        /// for, as <c>EnsureSuccessStatusCode()</c> does for every 4xx.
        /// </summary>
        private static void AnalyzePolicyExecution(RuleOperationContext context, IInvocationOperation execute, RetrySymbols symbols, ContractSettings contract, ConcurrentDictionary<Location, bool> reported)
        {
            if (PollyExecutions.RetryCallBehind(execute, symbols) is not { } retryCall
                || PollyExecutions.UnfilteredHandlers(retryCall, symbols) is not { Count: > 0 } handlers
                || StatusPredicate.LambdaOf(execute.Arguments.Length > 0 ? execute.Arguments[0].Value : null) is not { } action)
            {
                return;
            }

            for (int status = 400; status <= 499; status++)
            {
                if (contract.IsRetryable(status) || !PollyExecutions.Throws(action, status, symbols))
                {
                    continue;
                }

                foreach (IInvocationOperation handler in handlers)
                {
                    Location location = handler.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } ? access.Name.GetLocation() : handler.Syntax.GetLocation();
                    if (reported.TryAdd(location, true))
                    {
                        ImmutableDictionary<string, string?>.Builder properties = RetryDiagnosticProperties.For(contract);
                        properties[RetryDiagnosticProperties.Decision] = RetryDiagnosticProperties.HandlerDecision;
                        Report(context, location, status, contract, properties);
                    }
                }

                return;
            }
        }

        /// <summary>Polly v8: <c>ShouldHandle = ...</c> on RetryStrategyOptions and its subclasses.</summary>
        private static void AnalyzeShouldHandle(RuleOperationContext context, ISimpleAssignmentOperation assignment, RetrySymbols symbols, ContractSettings contract)
        {
            if (assignment.Target is not IPropertyReferenceOperation { Property.Name: "ShouldHandle" } property
                || !TypeChecks.Is(property.Property.ContainingType, symbols.RetryStrategyOptionsOfT))
            {
                return;
            }

            foreach (StatusPredicate predicate in PollyPredicates.FromShouldHandle(assignment.Value, symbols))
            {
                ReportPredicate(context, predicate, symbols, contract);
            }
        }

        private static void ReportPredicate(RuleOperationContext context, StatusPredicate predicate, RetrySymbols symbols, ContractSettings contract)
        {
            if (PredicateEvaluation.FirstNonRetryable(predicate, contract, symbols) is not { } offense)
            {
                return;
            }

            ImmutableDictionary<string, string?>.Builder properties = RetryDiagnosticProperties.For(contract);
            if (predicate.MethodGroup is { } methodGroup)
            {
                // The fix rewrites a predicate in place; a method others may call is left to its author.
                Report(context, methodGroup.Syntax.GetLocation(), offense.Status, contract, properties);
                return;
            }

            (IOperation node, bool retryWhen) = StatusReads.Narrow(offense.Node, value: true);
            properties[RetryDiagnosticProperties.Decision] = RetryDiagnosticProperties.PredicateDecision;
            properties[RetryDiagnosticProperties.RepeatWhen] = Format(retryWhen);
            Report(context, node.Syntax.GetLocation(), offense.Status, contract, properties);
        }

        /// <summary>Hand-written retry loops: the first 4xx after which the loop certainly sends again.</summary>
        private static void AnalyzeLoop(RuleOperationContext context, ILoopOperation loop, RetrySymbols symbols, ContractSettings contract)
        {
            if (RetryLoop.TryCreate(loop, symbols) is not { } retryLoop)
            {
                return;
            }

            for (int status = 400; status <= 499; status++)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                if (contract.IsRetryable(status) || retryLoop.RepeatAfter(status) is not { } repeat)
                {
                    continue;
                }

                ImmutableDictionary<string, string?>.Builder properties = RetryDiagnosticProperties.For(contract);
                Location location = LoopLocations.Keyword(retryLoop.Loop);
                if (repeat.Decision is { } decision)
                {
                    (IOperation node, bool repeatWhen) = decision.Kind == DecisionKind.Condition ? StatusReads.Narrow(decision.Node, decision.Value) : (decision.Node, decision.Value);
                    properties[RetryDiagnosticProperties.Decision] = decision.Kind.ToString();
                    properties[RetryDiagnosticProperties.RepeatWhen] = Format(repeatWhen);
                    properties[RetryDiagnosticProperties.CaughtException] = decision.ExceptionType?.ToDisplayString();
                    location = DecisionLocation(decision.Kind, node);
                }

                Report(context, location, status, contract, properties);
                return;
            }
        }

        private static Location DecisionLocation(DecisionKind kind, IOperation node)
        {
            if (kind == DecisionKind.Catch && node.Syntax is CatchClauseSyntax clause)
            {
                return clause.Declaration?.GetLocation() ?? clause.CatchKeyword.GetLocation();
            }

            return node.Syntax.GetLocation();
        }

        private static string Format(bool value) => value ? bool.TrueString : bool.FalseString;

        private static void Report(RuleOperationContext context, Location location, int status, ContractSettings contract, ImmutableDictionary<string, string?>.Builder properties)
            => context.ReportDiagnostic(Diagnostic.Create(
                Rule, location, properties.ToImmutable(), StatusCodeNames.Describe(status), contract.DescribeRetryOn()));
    }
}
