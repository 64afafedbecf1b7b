using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using CometAnalyzers.Rules;
using CometAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>COMET004 messages, the contract's retryOn, severity configuration and robustness.</summary>
    public class COMET004ConfigurationTests
    {
        private const string RetriesUnauthorized = """
                IAsyncPolicy<HttpResponseMessage> Retry = Policy
                    .HandleResult<HttpResponseMessage>(r => [|r.StatusCode == HttpStatusCode.Unauthorized|])
                    .RetryAsync(3);
            """;

        [Fact]
        public async Task The_message_names_the_first_retried_status_and_the_contract_list()
        {
            var diagnostics = await RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>(RetriesUnauthorized).GetDiagnosticsAsync();
            Diagnostic diagnostic = Assert.Single(diagnostics);
            Assert.Equal(
                "Status 401 (Unauthorized) is retried; the contract allows retries on 408, 429, 500, 502, 503, 504",
                diagnostic.GetMessage(CultureInfo.InvariantCulture));
            Assert.Equal("https://github.com/CometAnalyzers/CometAnalyzers/blob/main/docs/rules/COMET004.md", diagnostic.Descriptor.HelpLinkUri);
        }

        [Fact]
        public async Task Without_a_contract_the_default_retry_statuses_apply()
        {
            var diagnostics = await RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    IAsyncPolicy<HttpResponseMessage> Retry1 = Policy
                        .HandleResult<HttpResponseMessage>(r => [|!r.IsSuccessStatusCode|])
                        .RetryAsync(3);
                    IAsyncPolicy<HttpResponseMessage> Retry2 = Policy
                        .HandleResult<HttpResponseMessage>(r => r.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout or >= HttpStatusCode.InternalServerError)
                        .RetryAsync(3);
                """, withContract: false).GetDiagnosticsAsync();
            Assert.Equal(
                "Status 400 (Bad Request) is retried; the contract allows retries on 408, 429 and 5xx",
                Assert.Single(diagnostics).GetMessage(CultureInfo.InvariantCulture));
        }

        [Fact]
        public Task Without_a_contract_a_retry_on_401_is_reported()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>(RetriesUnauthorized, withContract: false).RunAsync();

        [Fact]
        public Task A_status_the_contract_lists_in_retryOn_may_be_retried()
            => AnalyzerTest.For<RetryOnNonRetryableStatusAnalyzer>()
                .WithSource(RetrySources.InClass("""
                    IAsyncPolicy<HttpResponseMessage> Retry1 = Policy
                        .HandleResult<HttpResponseMessage>(r => r.StatusCode == HttpStatusCode.Conflict)
                        .RetryAsync(3);
                    IAsyncPolicy<HttpResponseMessage> Retry2 = Policy
                        .HandleResult<HttpResponseMessage>(r => [|r.StatusCode == HttpStatusCode.RequestTimeout|])
                        .RetryAsync(3);
                """))
                .WithSource(RetrySources.ContractClass)
                .WithContract("""{ "name": "CometApi", "retry": { "maxRetries": 2, "retryOn": [409, 429, 503] }, "response": { "type": "object" } }""")
                .RunAsync();

        [Fact]
        public async Task A_contract_without_408_makes_408_a_reported_status()
        {
            var diagnostics = await AnalyzerTest.For<RetryOnNonRetryableStatusAnalyzer>()
                .WithSource(RetrySources.InClass("""
                    IAsyncPolicy<HttpResponseMessage> Retry = Policy
                        .HandleResult<HttpResponseMessage>(r => r.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests)
                        .RetryAsync(3);
                """))
                .WithSource(RetrySources.ContractClass)
                .WithContract("""{ "name": "CometApi", "retry": { "retryOn": [429, 503] }, "response": { "type": "object" } }""")
                .GetDiagnosticsAsync();
            Assert.Equal(
                "Status 408 (Request Timeout) is retried; the contract allows retries on 429, 503",
                Assert.Single(diagnostics).GetMessage(CultureInfo.InvariantCulture));
        }

        [Fact]
        public Task The_rule_is_an_error_by_default()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>(RetriesUnauthorized).ExpectSeverity(DiagnosticSeverity.Error).RunAsync();

        [Fact]
        public Task Editorconfig_can_lower_the_severity_to_a_warning()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>(RetriesUnauthorized)
                .WithEditorConfig("dotnet_diagnostic.COMET004.severity = warning")
                .ExpectSeverity(DiagnosticSeverity.Warning)
                .RunAsync();

        [Fact]
        public async Task Editorconfig_severity_none_silences_the_rule()
        {
            var diagnostics = await RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>(RetriesUnauthorized)
                .WithEditorConfig("dotnet_diagnostic.COMET004.severity = none")
                .GetDiagnosticsAsync();
            Assert.Empty(diagnostics.Where(d => d.Id == "COMET004"));
        }

        [Fact]
        public Task Half_typed_code_does_not_make_the_analyzer_throw()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    IAsyncPolicy<HttpResponseMessage> Retry1 = Policy.HandleResult<HttpResponseMessage>(r => r.StatusCode ==).RetryAsync(3);
                    IAsyncPolicy<HttpResponseMessage> Retry2 = Policy.HandleResult<HttpResponseMessage>(r => r.StatusCode is >=).RetryAsync(;
                    RetryStrategyOptions Options = new() { ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result switch { }) };
                    async Task<HttpResponseMessage> SendAsync(string url)
                    {
                        while (true)
                        {
                            var response = await _http.GetAsync(url);
                            if (response.StatusCode == ) continue;
                            switch (response.Status) { case : break; }
                            try { response.EnsureSuccessStatusCode(); } catch (HttpRequestException e) when (e.StatusCode is) { }
                        }
                    }
                """).AllowCompilerErrors().RunAsync();
    }
}
