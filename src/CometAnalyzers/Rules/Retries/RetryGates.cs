using System.Collections.Immutable;
using CometAnalyzers.Rules.Common;
using CometAnalyzers.Rules.Gating;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CometAnalyzers.Rules.Retries
{
    /// <summary>The syntax the retry rules look at, and the names a node must carry before its method is bound.</summary>
    internal static class RetryGates
    {
        public static readonly ImmutableArray<SyntaxKind> Invocations = ImmutableArray.Create(SyntaxKind.InvocationExpression);

        /// <summary><c>: base(maxRetries: 9)</c>, <c>: this(...)</c> and a primary constructor's base call.</summary>
        public static readonly ImmutableArray<SyntaxKind> ConstructorCalls = ImmutableArray.Create(
            SyntaxKind.BaseConstructorInitializer, SyntaxKind.ThisConstructorInitializer, SyntaxKind.PrimaryConstructorBaseType);

        public static readonly ImmutableArray<SyntaxKind> Assignments = ImmutableArray.Create(SyntaxKind.SimpleAssignmentExpression);

        public static readonly ImmutableArray<SyntaxKind> Creations = ImmutableArray.Create(SyntaxKind.ObjectCreationExpression, SyntaxKind.ImplicitObjectCreationExpression);

        /// <summary>foreach loops are left out: a retry loop is never one (<see cref="RetryLoop.TryCreate"/>).</summary>
        public static readonly ImmutableArray<SyntaxKind> Loops = ImmutableArray.Create(SyntaxKind.ForStatement, SyntaxKind.WhileStatement, SyntaxKind.DoStatement);

        /// <summary>Polly v7's Retry, RetryAsync, WaitAndRetry*, RetryForever* and WaitAndRetryForever*.</summary>
        public static bool IsRetryCall(SyntaxNode node) => SyntaxNames.Invoked(node) is { } name && name.Contains("Retry");

        /// <summary>Polly v7's Execute, ExecuteAsync, ExecuteAndCapture*.</summary>
        public static bool IsExecuteCall(SyntaxNode node) => SyntaxNames.Invoked(node) is { } name && name.StartsWith("Execute", System.StringComparison.Ordinal);

        public static bool AssignsMaxRetryAttempts(SyntaxNode node) => SyntaxNames.Assigned(node) == "MaxRetryAttempts";

        public static bool AssignsShouldHandle(SyntaxNode node) => SyntaxNames.Assigned(node) == "ShouldHandle";

        /// <summary>A constructor call with arguments: without them no retry count is passed.</summary>
        public static bool HasArguments(SyntaxNode node)
            => node switch
            {
                ConstructorInitializerSyntax initializer => initializer.ArgumentList.Arguments.Count > 0,
                PrimaryConstructorBaseTypeSyntax baseType => baseType.ArgumentList.Arguments.Count > 0,
                _ => true,
            };

        /// <summary>A loop that sends calls something; a loop with no call at all is no retry loop.</summary>
        public static bool MaySend(SyntaxNode loop) => SyntaxNames.ContainsInvocation(loop);

        /// <summary><c>new ClientRetryPolicy(...)</c>, written by name, through an alias, or as <c>new(...)</c>.</summary>
        public static bool MayCreate(CandidateNode context, string typeName, AliasNames aliases)
            => context.Node is ImplicitObjectCreationExpressionSyntax
               || (SyntaxNames.Created(context.Node) is { } name && (name == typeName || aliases.Contains(name, context.CancellationToken)));
    }
}
