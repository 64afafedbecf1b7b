using CometAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>Test sources shared by the COMET003 and COMET004 tests: a contract, its generated class, and a class wrapper.</summary>
    internal static class RetrySources
    {
        /// <summary>maxRetries 3; retryOn lists 408, 429 and the usual 5xx.</summary>
        public const string Contract = """
            {
              "name": "CometApi",
              "endpoint": { "method": "POST", "path": "/v1/chat/completions" },
              "retry": { "maxRetries": 3, "retryOn": [408, 429, 500, 502, 503, 504] },
              "response": { "type": "object" }
            }
            """;

        /// <summary>What the generator emits for <see cref="Contract"/>; declared by hand so fixed code compiles.</summary>
        public const string ContractClass = """
            namespace CometApi.Contracts
            {
                public static partial class CometApiContract
                {
                    public const string Path = "/v1/chat/completions";
                    public const int MaxRetries = 3;
                    public static System.Collections.Generic.IReadOnlyList<int> RetryableStatusCodes { get; } = new[] { 408, 429, 500, 502, 503, 504 };
                    public static bool IsRetryable(int statusCode) => System.Linq.Enumerable.Contains(RetryableStatusCodes, statusCode);
                    public static bool IsRetryable(System.Net.HttpStatusCode statusCode) => IsRetryable((int)statusCode);
                }
            }
            """;

        private const string Usings = """
            using System;
            using System.ClientModel;
            using System.ClientModel.Primitives;
            using System.IO;
            using System.Linq;
            using System.Net;
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;
            using CometApi.Contracts;
            using OpenAI.Chat;
            using Polly;
            using Polly.Retry;

            """;

        /// <summary>Members inside <c>class Client</c>, which has <c>_http</c> (HttpClient) and <c>_chat</c> (ChatClient) fields.</summary>
        public static string InClass(string members)
            => Usings + "class Client\n{\n    private readonly HttpClient _http = new HttpClient();\n    private readonly ChatClient _chat = new ChatClient(\"gpt-4o\", \"key\");\n\n" + members + "\n}\n";

        /// <summary>A test of <typeparamref name="TAnalyzer"/> over <paramref name="members"/>, with the contract and its class unless told otherwise.</summary>
        public static AnalyzerTest Test<TAnalyzer>(string members, bool withContract = true)
            where TAnalyzer : DiagnosticAnalyzer, new()
        {
            AnalyzerTest test = AnalyzerTest.For<TAnalyzer>().WithSource(InClass(members)).WithSource(ContractClass);
            return withContract ? test.WithContract(Contract) : test;
        }
    }
}
