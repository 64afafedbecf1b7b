using System;
using System.Collections.Generic;
using System.Threading;
using CometAnalyzers.Rules.Common;
using CometAnalyzers.Rules.Gating;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CometAnalyzers.Rules.Secrets
{
    /// <summary>
    /// Which calls may be a log sink (<see cref="LogSinks"/>), judged from syntax before anything is bound. Library sinks
    /// are known by their method names. [LoggerMessage] methods and LoggerMessage.Define delegates can have any name:
    /// those declared in this compilation are collected once from member declarations (never from bodies), and a
    /// delegate held in a local or parameter is let through whenever the call names one. A call that may log is then
    /// bound only when one of its arguments may hold a secret (<see cref="LoggedArguments"/>).
    /// </summary>
    internal sealed class LogCallGate
    {
        private static readonly string[] SinkPrefixes = { "Log", "Write", "Print", "Trace" };

        private static readonly HashSet<string> SinkNames = new(StringComparer.Ordinal) { "BeginScope", "SetTag", "AddTag", "SetBaggage", "AddBaggage", "AddEvent" };

        private readonly Compilation _compilation;
        private HashSet<string>? _declaredSinks;

        private readonly LoggedArguments _arguments;

        public LogCallGate(Compilation compilation, LoggedArguments arguments)
        {
            _compilation = compilation;
            _arguments = arguments;
        }

        public bool MayLeak(CandidateNode context) => MayLog(context) && _arguments.AnyMayLeak(context);

        private bool MayLog(CandidateNode context)
        {
            var invocation = (InvocationExpressionSyntax)context.Node;
            SyntaxNode? callee = invocation.Expression;
            if (SyntaxNames.Invoked(invocation) == "Invoke")
            {
                // Sending.Invoke(logger, apiKey, null) and Sending?.Invoke(...) call the delegate by its own name.
                callee = DelegateOf(invocation) ?? callee;
            }

            if (callee is null || SyntaxNames.Rightmost(callee) is not { } name)
            {
                // A delegate returned by an expression: GetLogger()(logger, apiKey, null).
                return true;
            }

            foreach (string prefix in SinkPrefixes)
            {
                if (name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            // A measurement with tags: the value measured, then at least one tag (list.Add(item) has no second argument).
            return SinkNames.Contains(name)
                || (LogSinks.MeasurementMethods.Contains(name) && invocation.ArgumentList.Arguments.Count > 1)
                || LoggingLibraries.MethodNames.Contains(name)
                || DeclaredSinks(context.CancellationToken).Contains(name)
                || (callee is IdentifierNameSyntax && LocalNames.Declares(invocation, name, context.CancellationToken));
        }

        /// <summary>The delegate whose Invoke is called: <c>Sending</c> in <c>Sending.Invoke(...)</c> and <c>Sending?.Invoke(...)</c>.</summary>
        private static SyntaxNode? DelegateOf(InvocationExpressionSyntax invocation)
            => invocation.Expression switch
            {
                MemberAccessExpressionSyntax access => access.Expression,
                MemberBindingExpressionSyntax when invocation.Parent is ConditionalAccessExpressionSyntax conditional && conditional.WhenNotNull == invocation => conditional.Expression,
                _ => null,
            };

        private HashSet<string> DeclaredSinks(CancellationToken cancellationToken)
        {
            HashSet<string>? names = Volatile.Read(ref _declaredSinks);
            if (names is null)
            {
                names = LoggerDeclarations.Collect(_compilation, cancellationToken);
                Volatile.Write(ref _declaredSinks, names);
            }

            return names;
        }
    }
}
