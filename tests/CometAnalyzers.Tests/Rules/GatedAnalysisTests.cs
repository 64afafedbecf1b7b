using System.Globalization;
using System.Threading.Tasks;
using CometAnalyzers.Rules;
using CometAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>
    /// The rules bind a method only when a node in it passes a syntactic gate. These are the true positives a gate
    /// could lose if it trusted the syntax too much: constants from other files, aliases, lambdas and local functions,
    /// delegates in locals, and predicates whose statuses are run one per group.
    /// </summary>
    public class GatedAnalysisTests
    {
        private const string HttpUsings = """
            using System;
            using System.Net.Http;
            using System.Threading.Tasks;

            """;

        [Fact]
        public Task COMET001_a_contract_host_completed_by_a_constant_from_another_file_is_reported()
            => AnalyzerTest.For<HardcodedEndpointAnalyzer>()
                .WithContract(COMET001Sources.DefaultContract)
                .WithSource("""
                    static class Parts
                    {
                        public const string Start = "https://api.comet";
                    }
                    """)
                .WithSource("""
                    class C
                    {
                        const string Url = [|Parts.Start + "api.com"|];
                    }
                    """)
                .RunAsync();

        [Fact]
        public Task COMET011_urls_in_lambdas_and_local_functions_are_reported()
            => AnalyzerTest.For<HardcodedRemoteUrlAnalyzer>()
                .WithSource(HttpUsings + """
                    class C
                    {
                        async Task M(HttpClient client)
                        {
                            Func<Task<string>> get = () => client.GetStringAsync([|"https://api.orbitpay.io/a"|]);
                            await get();
                            await Local();

                            Task<string> Local() => client.GetStringAsync([|"https://api.orbitpay.io/b"|]);
                        }
                    }
                    """)
                .RunAsync();

        [Fact]
        public Task COMET011_a_url_in_a_generated_code_class_is_not_analyzed()
            => AnalyzerTest.For<HardcodedRemoteUrlAnalyzer>()
                .WithSource(HttpUsings + """
                    [System.CodeDom.Compiler.GeneratedCode("tool", "1.0")]
                    class Generated
                    {
                        Task<string> M(HttpClient client) => client.GetStringAsync("https://api.orbitpay.io/a");
                    }
                    """)
                .RunAsync();

        [Fact]
        public Task COMET002_a_LoggerMessage_delegate_in_a_local_and_a_LoggerMessage_method_from_another_file_are_sinks()
            => AnalyzerTest.For<SecretWrittenToLogAnalyzer>()
                .WithSource(COMET002Sources.Usings + """
                    static partial class Log
                    {
                        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Calling with {Key}")]
                        public static partial void Calling(ILogger logger, string key);

                        public static partial void Calling(ILogger logger, string key) { }
                    }
                    """)
                .WithSource(COMET002Sources.Usings + """
                    class C
                    {
                        void M(ILogger logger, string apiKey, int count)
                        {
                            var calling = LoggerMessage.Define<string>(LogLevel.Information, new EventId(1), "Calling with {Key}");
                            calling(logger, {|COMET012:apiKey|}, null);
                            Log.Calling(logger, {|COMET012:apiKey|});
                            Log.Calling(logger, count.ToString());
                        }
                    }
                    """)
                .RunAsync();

        [Fact]
        public Task COMET002_a_secret_field_read_through_Value_is_a_sink()
            => AnalyzerTest.For<SecretWrittenToLogAnalyzer>()
                .WithSource(COMET002Sources.Usings + """
                    class Box
                    {
                        public string Value { get; set; } = "";
                    }

                    class C
                    {
                        private readonly Box _apiKey = new();
                        private readonly Box _name = new();

                        void M(ILogger logger)
                        {
                            logger.LogInformation("{Key}", {|COMET012:_apiKey.Value|});
                            logger.LogInformation("{Name}", _name.Value);
                        }
                    }
                    """)
                .RunAsync();

        [Fact]
        public async Task COMET004_the_first_status_in_a_range_is_reported_when_statuses_are_run_per_group()
        {
            var diagnostics = await RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    IAsyncPolicy<HttpResponseMessage> Retry = Policy
                        .HandleResult<HttpResponseMessage>(r => [|(int)r.StatusCode > 404 && r.StatusCode != HttpStatusCode.MethodNotAllowed|])
                        .RetryAsync(3);
                """).GetDiagnosticsAsync();
            Assert.Equal(
                "Status 406 (Not Acceptable) is retried; the contract allows retries on 408, 429, 500, 502, 503, 504",
                Assert.Single(diagnostics).GetMessage(CultureInfo.InvariantCulture));
        }

        [Fact]
        public async Task COMET004_a_predicate_with_arithmetic_still_runs_every_status()
        {
            var diagnostics = await RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    IAsyncPolicy<HttpResponseMessage> Retry = Policy
                        .HandleResult<HttpResponseMessage>(r => [|(int)r.StatusCode % 10 == 7 && (int)r.StatusCode < 500|])
                        .RetryAsync(3);
                """).GetDiagnosticsAsync();
            Assert.Equal(
                "Status 407 (Proxy Authentication Required) is retried; the contract allows retries on 408, 429, 500, 502, 503, 504",
                Assert.Single(diagnostics).GetMessage(CultureInfo.InvariantCulture));
        }

        [Fact]
        public Task COMET003_a_retry_in_a_generated_code_class_is_not_analyzed()
            => AnalyzerTest.For<UnboundedRetryAnalyzer>()
                .WithSource(RetrySources.InClass("""
                    [System.CodeDom.Compiler.GeneratedCode("tool", "1.0")]
                    class Generated
                    {
                        IAsyncPolicy Policy1 = Policy.Handle<HttpRequestException>().RetryForeverAsync();
                    }
                """))
                .WithSource(RetrySources.ContractClass)
                .WithContract(RetrySources.Contract)
                .RunAsync();
    }
}
