using System.Collections.Generic;
using CometAnalyzers.Rules.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CometAnalyzers.Rules.Retries
{
    /// <summary>
    /// Polly v7 policies that handle every HttpRequestException, and the code they run: when that code calls
    /// <c>EnsureSuccessStatusCode()</c> (or a send that throws on failure), every 4xx it meets is retried.
    /// </summary>
    internal static class PollyExecutions
    {
        /// <summary>
        /// The Retry* call that built the policy <c>Execute*</c> runs on: the call itself, or the initializer of a local
        /// or of a readonly field declared in the same file. Reassignments are not followed.
        /// </summary>
        public static IInvocationOperation? RetryCallBehind(IInvocationOperation execute, RetrySymbols symbols)
        {
            if (!execute.TargetMethod.Name.StartsWith("Execute", System.StringComparison.Ordinal)
                || !IsPolly(execute.TargetMethod.ContainingNamespace)
                || execute.Instance is null)
            {
                return null;
            }

            IOperation? policy = Conversions.UnwrapBuiltIn(execute.Instance);
            policy = policy switch
            {
                ILocalReferenceOperation local => Initializer(local.Local, execute),
                IFieldReferenceOperation { Field.IsReadOnly: true } field => Initializer(field.Field, execute),
                _ => policy,
            };
            return policy is not null && Conversions.UnwrapBuiltIn(policy) is IInvocationOperation retry && symbols.IsPollyRetrySyntax(retry.TargetMethod)
                ? retry
                : null;
        }

        /// <summary><c>Handle&lt;HttpRequestException&gt;()</c> or <c>Or&lt;Exception&gt;()</c> without a predicate in the builder chain.</summary>
        public static List<IInvocationOperation> UnfilteredHandlers(IInvocationOperation retryCall, RetrySymbols symbols)
        {
            var handlers = new List<IInvocationOperation>();
            IOperation? builder = CallArguments.For(retryCall.Arguments, 0)?.Value;

            while (builder is not null && Conversions.UnwrapBuiltIn(builder) is IInvocationOperation step
                   && IsPolly(step.TargetMethod.ContainingNamespace)
                   && step.TargetMethod.Name is "Handle" or "Or" or "HandleResult" or "OrResult" or "HandleInner" or "OrInner")
            {
                if (step.TargetMethod.Name is "Handle" or "Or" && step.Arguments.IsEmpty && step.TargetMethod.TypeArguments.Length == 1
                    && symbols.HttpRequestException is not null
                    && TypeChecks.InheritsFrom(symbols.HttpRequestException, step.TargetMethod.TypeArguments[0] as INamedTypeSymbol))
                {
                    handlers.Add(step);
                }

                builder = step.Instance;
            }

            return handlers;
        }

        /// <summary>True when, for <paramref name="status"/>, the delegate certainly throws an HttpRequestException carrying it.</summary>
        public static bool Throws(IAnonymousFunctionOperation action, int status, RetrySymbols symbols)
        {
            var simulator = new BodySimulator(symbols, Scenario.WithStatus(status), loop: null);
            bool throws = false;
            foreach (SimulationPath path in simulator.Execute(action.Body, new SimulationPath(new Env())))
            {
                if (path.Completion == Completion.Unknown)
                {
                    return false;
                }

                throws |= path.Completion == Completion.Throw
                    && path.Value is { ExceptionStatusKnown: true } exception
                    && exception.ExceptionStatus == status
                    && TypeChecks.InheritsFrom(exception.ExceptionType, symbols.HttpRequestException);
            }

            return throws;
        }

        private static IOperation? Initializer(ISymbol symbol, IInvocationOperation user)
        {
            if (symbol.DeclaringSyntaxReferences.Length != 1 || user.SemanticModel is not { } model)
            {
                return null;
            }

            SyntaxNode declaration = symbol.DeclaringSyntaxReferences[0].GetSyntax();
            if (declaration.SyntaxTree != model.SyntaxTree || declaration is not VariableDeclaratorSyntax { Initializer: { } initializer })
            {
                return null;
            }

            return model.GetOperation(initializer.Value) is { } value ? value : null;
        }

        /// <summary>The top-level Polly namespace (v7's policies), compared by name rather than by formatting it.</summary>
        private static bool IsPolly(INamespaceSymbol? ns)
            => ns is { Name: "Polly", ContainingNamespace.IsGlobalNamespace: true };
    }
}
