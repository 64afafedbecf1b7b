using System.Threading;
using System.Collections.Generic;
using CometAnalyzers.Rules.Common;
using CometAnalyzers.Rules.Gating;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CometAnalyzers.Rules.Retries
{
    /// <summary>
    /// Which <c>Execute*</c> calls can run a policy COMET004 follows (<see cref="PollyExecutions.RetryCallBehind"/>): one
    /// called on a Retry* call, or on a local or field initialized with one in the same file. Read from syntax; the
    /// initialized names are collected once per file.
    /// </summary>
    internal sealed class PolicyReceivers
    {
        private readonly PerTree<HashSet<string>> _retryVariables = new();

        public bool MayRunRetryPolicy(CandidateNode context)
        {
            if (!RetryGates.IsExecuteCall(context.Node))
            {
                return false;
            }

            // Only an explicit receiver is followed: policy.ExecuteAsync(...).
            if (((InvocationExpressionSyntax)context.Node).Expression is not MemberAccessExpressionSyntax { Expression: { } receiver })
            {
                return false;
            }

            SyntaxNode policy = SyntaxNames.WithoutParenthesesOrCasts(receiver);
            if (policy is InvocationExpressionSyntax)
            {
                return RetryGates.IsRetryCall(policy);
            }

            string? name = policy switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                _ => null,
            };
            return name is null || _retryVariables.Get(context.Scope, context.CancellationToken, static (tree, cancellationToken) => Collect(tree, cancellationToken)).Contains(name);
        }

        private static HashSet<string> Collect(SyntaxTree tree, CancellationToken cancellationToken)
        {
            var names = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (SyntaxNode node in TreeNodeIndex.For(tree, cancellationToken).Nodes)
            {
                if (node is VariableDeclaratorSyntax { Initializer.Value: { } value } declarator && SyntaxNames.WithoutParenthesesOrCasts(value) is InvocationExpressionSyntax call && RetryGates.IsRetryCall(call))
                {
                    names.Add(declarator.Identifier.ValueText);
                }
            }

            return names;
        }
    }
}
