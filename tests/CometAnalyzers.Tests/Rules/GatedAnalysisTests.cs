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
        public Task COMET001_a_field_from_another_file_reaching_an_aliased_client_is_reported_at_the_field()
            => AnalyzerTest.For<HardcodedEndpointAnalyzer>()
                .WithSource("""
                    static class Urls
                    {
                        public static readonly string Remote = [|"https://example.com/api"|];
                    }
                    """)
                .WithSource(HttpUsings + """
                    using H = System.Net.Http.HttpClient;
                    using U = System.Uri;

                    class C
                    {
                        Task<HttpResponseMessage> M(H client) => client.GetAsync(Urls.Remote);

                        U N() => new U([|"https://example.org/x"|]);
                    }
                    """)
                .RunAsync();

        [Fact]
        public Task COMET001_a_qualified_alias_of_a_url_constant_from_another_file_is_reported_at_the_constant()
            => AnalyzerTest.For<HardcodedEndpointAnalyzer>()
                .WithSource("""
                    namespace Acme
                    {
                        public static class Endpoints
                        {
                            public const string Gateway = [|"https://gateway.example.com/"|];
                        }
                    }
                    """)
                .WithSource("""
                    namespace App
                    {
                        static class Aliases
                        {
                            public static readonly string Gateway = Acme.Endpoints.Gateway;
                        }
                    }
                    """)
                .WithSource(HttpUsings + """
                    class C
                    {
                        Uri M() => new Uri(App.Aliases.Gateway);
                    }
                    """)
                .RunAsync();

        [Fact]
        public Task COMET001_readonly_members_from_another_file_are_reported_at_their_initializers()
            => AnalyzerTest.For<HardcodedEndpointAnalyzer>()
                .WithSource("""
                    public class Settings
                    {
                        public readonly string Gateway = [|"https://gateway.example.com/"|];
                        public string Status { get; } = [|"https://status.example.com"|];
                        public string Billing => [|"https://billing.example.com/"|];
                    }
                    """)
                .WithSource(HttpUsings + """
                    class C
                    {
                        Uri A(Settings settings) => new Uri(settings.Gateway);
                        Task<string> B(HttpClient client, Settings settings) => client.GetStringAsync(settings.Status + "/health");
                        Uri D(Settings settings) => new Uri(settings.Billing);
                    }
                    """)
                .RunAsync();

        [Fact]
        public Task COMET001_string_calls_and_switch_arms_naming_a_field_from_another_file_are_followed_to_the_field()
            => AnalyzerTest.For<HardcodedEndpointAnalyzer>()
                .WithSource("""
                    static class Urls
                    {
                        public const string UserFormat = [|"https://users.example.com/{0}"|];
                        public static readonly string Prod = [|"https://prod.example.com/"|];
                        public const string Orders = [|"https://orders.example.com"|];
                    }
                    """)
                .WithSource(HttpUsings + """
                    using System.Globalization;

                    class C
                    {
                        Uri A(int id) => new Uri(string.Format(CultureInfo.InvariantCulture, Urls.UserFormat, id));
                        Uri B(string env) => new Uri(env switch { "prod" => Urls.Prod, _ => "http://localhost:5000/" });
                        Uri D(int id) => new Uri(FormattableString.Invariant($"{Urls.Orders}/orders/{id}"));
                    }
                    """)
                .RunAsync();

        [Fact]
        public Task COMET001_urls_in_lambdas_and_local_functions_are_reported()
            => AnalyzerTest.For<HardcodedEndpointAnalyzer>()
                .WithSource(HttpUsings + """
                    class C
                    {
                        async Task M(HttpClient client)
                        {
                            Func<Task<string>> get = () => client.GetStringAsync([|"https://example.com/a"|]);
                            await get();
                            await Local();

                            Task<string> Local() => client.GetStringAsync([|"https://example.com/b"|]);
                        }
                    }
                    """)
                .RunAsync();

        [Fact]
        public Task COMET001_a_url_in_a_generated_code_class_is_not_analyzed()
            => AnalyzerTest.For<HardcodedEndpointAnalyzer>()
                .WithSource(HttpUsings + """
                    [System.CodeDom.Compiler.GeneratedCode("tool", "1.0")]
                    class Generated
                    {
                        Task<string> M(HttpClient client) => client.GetStringAsync("https://example.com/a");
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
