using System.Threading.Tasks;
using CometAnalyzers.Rules;
using CometAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>COMET003 severity, messages, generated code and half-typed code.</summary>
    public class COMET003ConfigurationTests
    {
        private const string Forever = """
                IAsyncPolicy Policy1 = Policy.Handle<HttpRequestException>().[|RetryForeverAsync|]();
            """;

        [Fact]
        public Task The_rule_is_an_error_by_default()
            => RetrySources.Test<UnboundedRetryAnalyzer>(Forever).ExpectSeverity(DiagnosticSeverity.Error).RunAsync();

        [Fact]
        public Task Editorconfig_can_lower_the_severity_to_a_warning()
            => RetrySources.Test<UnboundedRetryAnalyzer>(Forever)
                .WithEditorConfig("dotnet_diagnostic.COMET003.severity = warning")
                .ExpectSeverity(DiagnosticSeverity.Warning)
                .RunAsync();

        [Fact]
        public Task Editorconfig_severity_none_silences_the_rule()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    IAsyncPolicy Policy1 = Policy.Handle<HttpRequestException>().RetryForeverAsync();
                """)
                .WithEditorConfig("dotnet_diagnostic.COMET003.severity = none")
                .RunAsync();

        [Fact]
        public async Task The_message_names_the_problem_and_the_contract_budget()
        {
            var diagnostics = await RetrySources.Test<UnboundedRetryAnalyzer>("""
                    IAsyncPolicy Policy1 = Policy.Handle<HttpRequestException>().[|RetryForeverAsync|]();
                    RetryStrategyOptions Options = new() { MaxRetryAttempts = [|5|] };
                """).GetDiagnosticsAsync();
            var messages = System.Linq.Enumerable.ToList(System.Linq.Enumerable.Select(diagnostics, d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.Contains("'RetryForeverAsync' retries without a limit; use 'RetryAsync' with CometApiContract.MaxRetries (3)", messages);
            Assert.Contains("MaxRetryAttempts = 5 exceeds the contract's maxRetries of 3; use CometApiContract.MaxRetries", messages);
            Assert.All(diagnostics, d => Assert.Equal("https://github.com/CometAnalyzers/CometAnalyzers/blob/main/docs/rules/COMET003.md", d.Descriptor.HelpLinkUri));
        }

        [Fact]
        public async Task The_loop_message_names_the_contract_budget()
        {
            var diagnostics = await RetrySources.Test<UnboundedRetryAnalyzer>("""
                    async Task<string> GetAsync()
                    {
                        while (true)
                        {
                            try { return await _http.GetStringAsync("https://api.cometapi.com/v1/models"); }
                            catch (HttpRequestException) { }
                        }
                    }
                """).GetDiagnosticsAsync();
            Assert.Equal(
                "This loop sends the request again after a failure with no limit on attempts; count attempts and stop after CometApiContract.MaxRetries (3) retries",
                Assert.Single(diagnostics).GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        }

        [Fact]
        public async Task The_loop_message_names_the_failure_that_bypasses_the_attempt_limit()
        {
            var diagnostics = await RetrySources.Test<UnboundedRetryAnalyzer>("""
                    async Task<HttpResponseMessage> SendAsync(string url)
                    {
                        int attempt = 0;
                        while (true)
                        {
                            var response = await _http.GetAsync(url);
                            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                            {
                                continue;
                            }

                            if (response.IsSuccessStatusCode || ++attempt > 3)
                            {
                                return response;
                            }
                        }
                    }
                """).GetDiagnosticsAsync();
            Assert.Equal(
                "This loop sends the request again after a 429 response without reaching its attempt limit; count attempts on that path too and stop after CometApiContract.MaxRetries (3) retries",
                Assert.Single(diagnostics).GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        }

        [Fact]
        public Task A_contract_with_another_maxRetries_moves_the_budget()
            => AnalyzerTest.For<UnboundedRetryAnalyzer>()
                .WithSource(RetrySources.InClass("""
                    RetryStrategyOptions Options1 = new() { MaxRetryAttempts = 5 };
                    RetryStrategyOptions Options2 = new() { MaxRetryAttempts = [|6|] };
                """))
                .WithSource(RetrySources.ContractClass)
                .WithContract("""{ "name": "CometApi", "retry": { "maxRetries": 5 }, "response": { "type": "object" } }""")
                .RunAsync();

        [Fact]
        public Task Generated_code_is_not_analyzed()
            => AnalyzerTest.For<UnboundedRetryAnalyzer>()
                .WithSource("// <auto-generated/>\n" + RetrySources.InClass("""
                    IAsyncPolicy Policy1 = Policy.Handle<HttpRequestException>().RetryForeverAsync();
                """))
                .WithSource(RetrySources.ContractClass)
                .WithContract(RetrySources.Contract)
                .RunAsync();

        [Fact]
        public Task Half_typed_code_does_not_make_the_analyzer_throw()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    IAsyncPolicy Policy1 = Policy.Handle<HttpRequestException>().[|RetryForeverAsync|](;
                    RetryStrategyOptions Options = new() { MaxRetryAttempts = };
                    async Task<string> GetAsync()
                    {
                        while (true)
                        {
                            try { return await _http.GetStringAsync(; }
                            catch (HttpRequestException) when ( { }
                        }
                    }
                    async Task Other() { do { await _http.SendAsync(null!); } while (!response.IsSuccess
                """).AllowCompilerErrors().RunAsync();
    }
}
