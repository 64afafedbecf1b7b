using System.Collections.Immutable;
using System.Globalization;
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
    /// COMET003: a retry with no bound (Polly RetryForever*, int.MaxValue retries, a hand-written loop that sends again
    /// after a failure without counting attempts) or with more retries than the contract's maxRetries.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UnboundedRetryAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = new(
            id: RuleIdentifiers.UnboundedRetry,
            title: "Retry without a bound or beyond the contract's maxRetries",
            messageFormat: "{0}; {1}",
            category: RuleIdentifiers.UsageCategory,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "A retry without a bound turns an outage into a retry storm. Bound every retry, at most by the contract's maxRetries.",
            helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.UnboundedRetry));

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
                    gate.Add<IInvocationOperation>(RetryGates.Invocations, c => RetryGates.IsRetryCall(c.Node), (c, call) => AnalyzeInvocation(c, call, symbols, contract));
                }

                if (symbols.ClientRetryPolicy is not null)
                {
                    var aliases = new AliasNames(start.Compilation);
                    gate.Add<IInvocationOperation>(RetryGates.ConstructorCalls, c => RetryGates.HasArguments(c.Node), (c, call) => AnalyzeInvocation(c, call, symbols, contract));
                    gate.Add<IObjectCreationOperation>(RetryGates.Creations, c => RetryGates.MayCreate(c, "ClientRetryPolicy", aliases), (c, creation) => AnalyzeClientRetryPolicy(c, creation.Constructor, creation.Arguments, symbols, contract));
                }

                if (symbols.RetryStrategyOptionsOfT is not null)
                {
                    gate.Add<ISimpleAssignmentOperation>(RetryGates.Assignments, c => RetryGates.AssignsMaxRetryAttempts(c.Node), (c, assignment) => AnalyzeMaxRetryAttempts(c, assignment, symbols, contract));
                }

                if (symbols.HttpClient is not null || symbols.ChatClient is not null)
                {
                    gate.Add<ILoopOperation>(RetryGates.Loops, c => RetryGates.MaySend(c.Node), (c, loop) => AnalyzeLoop(c, loop, symbols, contract));
                }

                gate.Register(start);
            });
        }

        private static void AnalyzeInvocation(RuleOperationContext context, IInvocationOperation invocation, RetrySymbols symbols, ContractSettings contract)
        {
            IMethodSymbol method = invocation.TargetMethod;
            if (method.MethodKind == MethodKind.Constructor)
            {
                // base(maxRetries: ...) in a class derived from ClientRetryPolicy.
                AnalyzeClientRetryPolicy(context, method, invocation.Arguments, symbols, contract);
                return;
            }

            if (!symbols.IsPollyRetrySyntax(method))
            {
                return;
            }

            if (method.Name.Contains("Forever"))
            {
                string bounded = method.Name.Replace("Forever", string.Empty);
                ImmutableDictionary<string, string?>.Builder properties = RetryDiagnosticProperties.For(contract);
                properties[RetryDiagnosticProperties.BoundedMethod] = bounded;
                string fix = $"use '{bounded}' with " + (contract.MaxRetries is { } max ? $"{contract.ContractTypeName}.MaxRetries ({Format(max)})" : "a retry count");
                context.ReportDiagnostic(Diagnostic.Create(Rule, MethodNameLocation(invocation), properties.ToImmutable(), $"'{method.Name}' retries without a limit", fix));
                return;
            }

            if (ArgumentFor(invocation.Arguments, "retryCount") is { } retryCount)
            {
                CheckRetryCount(context, retryCount, "retryCount", contract);
            }
        }

        /// <summary>Polly v8: <c>MaxRetryAttempts = ...</c> on RetryStrategyOptions and its subclasses.</summary>
        private static void AnalyzeMaxRetryAttempts(RuleOperationContext context, ISimpleAssignmentOperation assignment, RetrySymbols symbols, ContractSettings contract)
        {
            if (assignment.Target is IPropertyReferenceOperation { Property.Name: "MaxRetryAttempts" } property
                && TypeChecks.Is(property.Property.ContainingType, symbols.RetryStrategyOptionsOfT))
            {
                CheckRetryCount(context, assignment.Value, "MaxRetryAttempts", contract);
            }
        }

        /// <summary>System.ClientModel (OpenAI SDK): <c>new ClientRetryPolicy(maxRetries)</c>.</summary>
        private static void AnalyzeClientRetryPolicy(RuleOperationContext context, IMethodSymbol? constructor, ImmutableArray<IArgumentOperation> arguments, RetrySymbols symbols, ContractSettings contract)
        {
            if (constructor is not null && TypeChecks.Is(constructor.ContainingType, symbols.ClientRetryPolicy)
                && ArgumentFor(arguments, "maxRetries") is { } maxRetries)
            {
                CheckRetryCount(context, maxRetries, "maxRetries", contract);
            }
        }

        private static void AnalyzeLoop(RuleOperationContext context, ILoopOperation loop, RetrySymbols symbols, ContractSettings contract)
        {
            if (RetryLoop.TryCreate(loop, symbols) is not { } retry)
            {
                return;
            }

            if (AttemptBound.IsBounded(retry, out Scenario? bypassedBy))
            {
                CheckLoopLimit(context, loop, contract);
                return;
            }

            string stop = contract.MaxRetries is { } max
                ? $"stop after {contract.ContractTypeName}.MaxRetries ({Format(max)}) retries"
                : "stop after a fixed number of retries";

            if (bypassedBy is not { } failure)
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, LoopLocations.Keyword(loop), "This loop sends the request again after a failure with no limit on attempts", "count attempts and " + stop));
            }
            else
            {
                string after = failure.IsTransportFailure ? "a transport failure" : $"a {Format(failure.Status!.Value)} response";
                context.ReportDiagnostic(Diagnostic.Create(Rule, LoopLocations.Keyword(loop), $"This loop sends the request again after {after} without reaching its attempt limit", "count attempts on that path too and " + stop));
            }
        }

        /// <summary>
        /// A counted loop sends once more than it retries: <c>for (int attempt = 0; attempt &lt; 5; attempt++)</c> is four
        /// retries. The fix puts the contract's MaxRetries in the limit's place when that keeps one attempt at least and
        /// stays within the budget.
        /// </summary>
        private static void CheckLoopLimit(RuleOperationContext context, ILoopOperation loop, ContractSettings contract)
        {
            if (loop is not IForLoopOperation forLoop || contract.MaxRetries is not { } max
                || LoopAttemptLimit.Measure(forLoop, max) is not { } limit || limit.Attempts - 1 <= max)
            {
                return;
            }

            ImmutableDictionary<string, string?> properties = limit.AttemptsWithLimit is >= 1 and var fixedAttempts && fixedAttempts - 1 <= max
                ? RetryDiagnosticProperties.For(contract).ToImmutable()
                : ImmutableDictionary<string, string?>.Empty;
            string problem = $"This loop sends up to {Format(limit.Attempts)} times, {Format(limit.Attempts - 1)} retries, above the contract's maxRetries of {Format(max)}";
            context.ReportDiagnostic(Diagnostic.Create(Rule, limit.Limit.Syntax.GetLocation(), properties, problem, $"stop after {contract.ContractTypeName}.MaxRetries retries"));
        }

        /// <summary>int.MaxValue is a retry without a bound; a constant above the contract's maxRetries breaks its budget.</summary>
        private static void CheckRetryCount(RuleOperationContext context, IOperation value, string name, ContractSettings contract)
        {
            if (value.ConstantValue is not { HasValue: true, Value: int count })
            {
                return;
            }

            string problem;
            string fix;
            if (count == int.MaxValue)
            {
                problem = $"{name} = int.MaxValue retries without a limit";
                fix = contract.MaxRetries is { } max ? $"use {contract.ContractTypeName}.MaxRetries ({Format(max)})" : "use a finite retry count";
            }
            else if (contract.MaxRetries is { } max && count > max)
            {
                problem = $"{name} = {Format(count)} exceeds the contract's maxRetries of {Format(max)}";
                fix = $"use {contract.ContractTypeName}.MaxRetries";
            }
            else
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(Rule, value.Syntax.GetLocation(), RetryDiagnosticProperties.For(contract).ToImmutable(), problem, fix));
        }

        /// <summary>The count the code passes for a parameter; a default the compiler filled in is not written in the code.</summary>
        private static IOperation? ArgumentFor(ImmutableArray<IArgumentOperation> arguments, string parameterName)
            => CallArguments.For(arguments, parameterName) is { ArgumentKind: ArgumentKind.Explicit } argument ? argument.Value : null;

        private static Location MethodNameLocation(IInvocationOperation invocation)
            => invocation.Syntax switch
            {
                InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax memberAccess } => memberAccess.Name.Identifier.GetLocation(),
                InvocationExpressionSyntax { Expression: SimpleNameSyntax name } => name.Identifier.GetLocation(),
                _ => invocation.Syntax.GetLocation(),
            };

        private static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
