using System.Collections.Generic;
using CometAnalyzers.Contract;
using CometAnalyzers.Rules.Common;
using Microsoft.CodeAnalysis;

namespace CometAnalyzers.Rules.Retries
{
    /// <summary>
    /// The library types the retry rules look for, resolved once per compilation. A null member means the
    /// compilation does not reference that library, and the checks that need it are skipped.
    /// </summary>
    internal sealed class RetrySymbols
    {
        private readonly Dictionary<INamedTypeSymbol, ContractSettings> _contractTypes;

        private RetrySymbols(Compilation compilation, CompilationContracts contracts)
        {
            HttpClient = compilation.GetTypeByMetadataName("System.Net.Http.HttpClient");
            HttpMessageInvoker = compilation.GetTypeByMetadataName("System.Net.Http.HttpMessageInvoker");
            HttpMessageHandler = compilation.GetTypeByMetadataName("System.Net.Http.HttpMessageHandler");
            HttpResponseMessage = compilation.GetTypeByMetadataName("System.Net.Http.HttpResponseMessage");
            HttpRequestException = compilation.GetTypeByMetadataName("System.Net.Http.HttpRequestException");
            HttpContent = compilation.GetTypeByMetadataName("System.Net.Http.HttpContent");
            ChatClient = compilation.GetTypeByMetadataName("OpenAI.Chat.ChatClient");
            ClientResultException = compilation.GetTypeByMetadataName("System.ClientModel.ClientResultException");
            ClientRetryPolicy = compilation.GetTypeByMetadataName("System.ClientModel.Primitives.ClientRetryPolicy");

            PollyPolicy = compilation.GetTypeByMetadataName("Polly.Policy");
            PollyPolicyOfT = compilation.GetTypeByMetadataName("Polly.Policy`1");
            PollyPolicyBuilder = compilation.GetTypeByMetadataName("Polly.PolicyBuilder");
            PollyPolicyBuilderOfT = compilation.GetTypeByMetadataName("Polly.PolicyBuilder`1");
            PollyRetrySyntaxTypes = NonNull(
                compilation.GetTypeByMetadataName("Polly.RetrySyntax"),
                compilation.GetTypeByMetadataName("Polly.RetryTResultSyntax"),
                compilation.GetTypeByMetadataName("Polly.AsyncRetrySyntax"),
                compilation.GetTypeByMetadataName("Polly.AsyncRetryTResultSyntax"));

            RetryStrategyOptionsOfT = compilation.GetTypeByMetadataName("Polly.Retry.RetryStrategyOptions`1");
            RetryPredicateArgumentsOfT = compilation.GetTypeByMetadataName("Polly.Retry.RetryPredicateArguments`1");
            OutcomeOfT = compilation.GetTypeByMetadataName("Polly.Outcome`1");
            PredicateBuilderOfT = compilation.GetTypeByMetadataName("Polly.PredicateBuilder`1");
            PredicateResult = compilation.GetTypeByMetadataName("Polly.PredicateResult");

            ValueTask = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask");
            ValueTaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
            Task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
            TaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
            AggregateException = compilation.GetTypeByMetadataName("System.AggregateException");
            Enumerable = compilation.GetTypeByMetadataName("System.Linq.Enumerable");
            MemoryExtensions = compilation.GetTypeByMetadataName("System.MemoryExtensions");
            TextWriter = compilation.GetTypeByMetadataName("System.IO.TextWriter");

            _contractTypes = new Dictionary<INamedTypeSymbol, ContractSettings>(SymbolEqualityComparer.Default);
            foreach (ContractSettings contract in contracts.All)
            {
                if (compilation.GetTypeByMetadataName(ContractMetadataName(contract)) is { } type && !_contractTypes.ContainsKey(type))
                {
                    _contractTypes.Add(type, contract);
                }
            }
        }

        public INamedTypeSymbol? HttpClient { get; }

        public INamedTypeSymbol? HttpMessageInvoker { get; }

        /// <summary>A DelegatingHandler sends through <c>base.SendAsync</c>: the hand-written retry handler.</summary>
        public INamedTypeSymbol? HttpMessageHandler { get; }

        public INamedTypeSymbol? HttpResponseMessage { get; }

        public INamedTypeSymbol? HttpRequestException { get; }

        public INamedTypeSymbol? HttpContent { get; }

        public INamedTypeSymbol? ChatClient { get; }

        public INamedTypeSymbol? ClientResultException { get; }

        public INamedTypeSymbol? ClientRetryPolicy { get; }

        public INamedTypeSymbol? PollyPolicy { get; }

        public INamedTypeSymbol? PollyPolicyOfT { get; }

        public INamedTypeSymbol? PollyPolicyBuilder { get; }

        public INamedTypeSymbol? PollyPolicyBuilderOfT { get; }

        /// <summary>The Polly v7 extension classes that declare Retry, WaitAndRetry and their Forever forms.</summary>
        public IReadOnlyList<INamedTypeSymbol> PollyRetrySyntaxTypes { get; }

        public INamedTypeSymbol? RetryStrategyOptionsOfT { get; }

        public INamedTypeSymbol? RetryPredicateArgumentsOfT { get; }

        public INamedTypeSymbol? OutcomeOfT { get; }

        public INamedTypeSymbol? PredicateBuilderOfT { get; }

        public INamedTypeSymbol? PredicateResult { get; }

        public INamedTypeSymbol? ValueTask { get; }

        public INamedTypeSymbol? ValueTaskOfT { get; }

        public INamedTypeSymbol? Task { get; }

        public INamedTypeSymbol? TaskOfT { get; }

        /// <summary>What <c>task.Result</c> throws when the task failed.</summary>
        public INamedTypeSymbol? AggregateException { get; }

        /// <summary>Task, Task&lt;T&gt;, ValueTask or ValueTask&lt;T&gt;.</summary>
        public bool IsTaskType(ITypeSymbol? type)
            => TypeChecks.Is(type, Task) || TypeChecks.Is(type, TaskOfT) || TypeChecks.Is(type, ValueTask) || TypeChecks.Is(type, ValueTaskOfT);

        public INamedTypeSymbol? Enumerable { get; }

        /// <summary>C# 14 binds <c>array.Contains(x)</c> to its span overload rather than to Enumerable's.</summary>
        public INamedTypeSymbol? MemoryExtensions { get; }

        /// <summary><c>Console.Error</c>, <c>Console.Out</c> and other writers: writing a failure down does not change where a loop goes.</summary>
        public INamedTypeSymbol? TextWriter { get; }

        public static RetrySymbols Create(Compilation compilation, CompilationContracts contracts) => new(compilation, contracts);

        /// <summary>"CometApi.Contracts.CometApiContract": how the generated class is found in a compilation.</summary>
        public static string ContractMetadataName(ContractSettings contract) => contract.Namespace + "." + contract.ContractTypeName;

        /// <summary>The contract whose generated class is <paramref name="type"/>, if it is one.</summary>
        public ContractSettings? ContractFor(ITypeSymbol? type)
            => type is INamedTypeSymbol named && _contractTypes.TryGetValue(named, out ContractSettings? contract) ? contract : null;

        public bool IsPollyRetrySyntax(IMethodSymbol method)
        {
            foreach (INamedTypeSymbol type in PollyRetrySyntaxTypes)
            {
                if (SymbolEqualityComparer.Default.Equals(method.ContainingType, type))
                {
                    return true;
                }
            }

            return false;
        }

        private static IReadOnlyList<INamedTypeSymbol> NonNull(params INamedTypeSymbol?[] types)
        {
            var list = new List<INamedTypeSymbol>();
            foreach (INamedTypeSymbol? type in types)
            {
                if (type is not null)
                {
                    list.Add(type);
                }
            }

            return list;
        }
    }
}
