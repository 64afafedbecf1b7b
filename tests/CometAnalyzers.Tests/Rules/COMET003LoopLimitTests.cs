using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using CometAnalyzers.CodeFixes;
using CometAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>
    /// COMET003 on counted <c>for</c> retry loops whose header allows more retries than the contract's maxRetries (3):
    /// a loop sends once more than it retries, so <c>attempt &lt; 4</c> from 0 is within the budget and <c>attempt &lt; 5</c> is not.
    /// </summary>
    public class COMET003LoopLimitTests
    {
        private static string RetryLoop(string header, string guard = "") => $$"""
                    async Task<HttpResponseMessage> SendAsync(string url)
                    {
                        HttpResponseMessage? last = null;
                        for ({{header}})
                        {
                            {{guard}}
                            last = await _http.GetAsync(url);
                            if (last.IsSuccessStatusCode)
                            {
                                return last;
                            }

                            await Task.Delay(1000);
                        }

                        return last!;
                    }
                """;

        [Theory]
        [InlineData("int attempt = 0; attempt < [|10|]; attempt++")]
        [InlineData("int attempt = 1; attempt <= [|5|]; attempt++")]
        [InlineData("int attempt = 0; [|5|] > attempt; ++attempt")]
        [InlineData("int attempt = 0; attempt < [|CometApiContract.MaxRetries + 2|]; attempt += 1")]
        [InlineData("int left = [|6|]; left > 0; left--")]
        [InlineData("int left = [|4|]; left >= 0; left -= 1")]
        public Task A_loop_header_above_the_budget_is_reported(string header)
            => RetrySources.Test<UnboundedRetryAnalyzer>(RetryLoop(header)).RunAsync();

        [Theory]
        [InlineData("int attempt = 0; attempt < 4; attempt++")]
        [InlineData("int attempt = 0; attempt <= CometApiContract.MaxRetries; attempt++")]
        [InlineData("int attempt = 0; attempt < CometApiContract.MaxRetries; attempt++")]
        [InlineData("int attempt = 1; attempt <= 4; attempt++")]
        [InlineData("int left = 3; left >= 0; left--")]
        public Task A_loop_header_within_the_budget_is_not_reported(string header)
            => RetrySources.Test<UnboundedRetryAnalyzer>(RetryLoop(header)).RunAsync();

        [Fact]
        public Task A_check_in_the_body_that_stops_sooner_is_not_second_guessed()
            => RetrySources.Test<UnboundedRetryAnalyzer>(RetryLoop("int attempt = 0; attempt < 10; attempt++", "if (attempt > CometApiContract.MaxRetries) throw new HttpRequestException(\"gave up\");")).RunAsync();

        [Fact]
        public Task A_counter_the_body_writes_is_not_measured()
            => RetrySources.Test<UnboundedRetryAnalyzer>(RetryLoop("int attempt = 0; attempt < 10; attempt++", "attempt++;")).RunAsync();

        [Fact]
        public Task Without_a_contract_budget_the_limit_is_not_judged()
            => RetrySources.Test<UnboundedRetryAnalyzer>(RetryLoop("int attempt = 0; attempt < 10; attempt++"), withContract: false).RunAsync();

        [Fact]
        public Task A_paging_loop_that_sends_each_page_once_is_not_a_retry()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    async Task FetchAllAsync(string url)
                    {
                        for (int page = 0; page < 100; page++)
                        {
                            var response = await _http.GetAsync(url + "?page=" + page);
                            response.EnsureSuccessStatusCode();
                        }
                    }
                """).RunAsync();

        [Fact]
        public Task The_fix_puts_the_contract_MaxRetries_in_the_bound()
            => RetrySources.Test<UnboundedRetryAnalyzer>(RetryLoop("int attempt = 0; attempt <= [|10|]; attempt++"))
                .WithCodeFix<UnboundedRetryCodeFixProvider>(RetrySources.InClass(RetryLoop("int attempt = 0; attempt <= CometApiContract.MaxRetries; attempt++")))
                .RunAsync();

        [Fact]
        public async Task No_fix_is_offered_when_the_contract_MaxRetries_would_leave_no_attempt()
        {
            ImmutableArray<Diagnostic> diagnostics = await RetrySources.Test<UnboundedRetryAnalyzer>(RetryLoop("int attempt = 5; attempt < 10; attempt++")).GetDiagnosticsAsync();

            Diagnostic diagnostic = Assert.Single(diagnostics);
            Assert.Contains("sends up to 5 times, 4 retries, above the contract's maxRetries of 3", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Empty(diagnostic.Properties);
        }
    }
}
