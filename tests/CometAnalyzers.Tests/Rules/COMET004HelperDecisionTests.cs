using System.Threading.Tasks;
using CometAnalyzers.CodeFixes;
using CometAnalyzers.Rules;
using Xunit;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>
    /// COMET003 and COMET004 on retry decisions moved into a method of the project's own: a one-line helper called from a
    /// loop or a lambda, or a method group given to Polly, is read in place. Helpers the analyzer cannot read whole
    /// (called with statements in their body, declared in another file, virtual) stay unknown, so nothing is reported.
    /// </summary>
    public class COMET004HelperDecisionTests
    {
        private const string ShouldRetry = """
                    static bool ShouldRetry(HttpResponseMessage response) => !response.IsSuccessStatusCode;

            """;

        private const string CountedLoop = """
                    async Task<HttpResponseMessage> SendAsync(string url)
                    {
                        for (int attempt = 0; attempt < 3; attempt++)
                        {
                            var response = await _http.GetAsync(url);
                            if (CONDITION)
                            {
                                return response;
                            }
                        }

                        throw new HttpRequestException("gave up");
                    }
            """;

        [Fact]
        public Task A_loop_that_asks_a_one_line_helper_whether_to_retry_is_judged_through_it()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>(ShouldRetry + CountedLoop.Replace("CONDITION", "[|!ShouldRetry(response)|]")).RunAsync();

        [Fact]
        public Task A_lambda_that_calls_a_one_line_helper_is_judged_through_it()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>(ShouldRetry + """
                    IAsyncPolicy<HttpResponseMessage> Retry = Policy
                        .HandleResult<HttpResponseMessage>(r => [|ShouldRetry(r)|])
                        .RetryAsync(3);
                """).RunAsync();

        [Fact]
        public Task A_method_group_predicate_is_read_and_reported_where_the_policy_uses_it()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    static bool IsTransient(HttpResponseMessage r)
                    {
                        if (r.StatusCode == HttpStatusCode.Unauthorized)
                        {
                            return true;
                        }

                        return (int)r.StatusCode >= 500;
                    }

                    IAsyncPolicy<HttpResponseMessage> Retry1 = Policy
                        .HandleResult<HttpResponseMessage>([|IsTransient|])
                        .RetryAsync(3);
                    IAsyncPolicy<HttpResponseMessage> Retry2 = Policy
                        .Handle<HttpRequestException>()
                        .OrResult<HttpResponseMessage>([|IsTransient|])
                        .RetryAsync(3);
                """).RunAsync();

        [Fact]
        public Task A_local_function_and_a_helper_calling_a_helper_are_followed()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    static bool IsFailure(HttpStatusCode status) => (int)status >= 400;

                    static bool ShouldRetry(HttpResponseMessage response) => IsFailure(response.StatusCode);

                    async Task<HttpResponseMessage> SendAsync(string url)
                    {
                        bool Done(HttpResponseMessage r) => !ShouldRetry(r);

                        for (int attempt = 0; attempt < 3; attempt++)
                        {
                            var response = await _http.GetAsync(url);
                            if ([|Done(response)|])
                            {
                                return response;
                            }
                        }

                        throw new HttpRequestException("gave up");
                    }
                """).RunAsync();

        [Fact]
        public Task Helpers_that_ask_the_contract_are_not_reported()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    static bool ShouldRetry(HttpResponseMessage response) => CometApiContract.IsRetryable(response.StatusCode);

                    static bool IsTransient(HttpResponseMessage response)
                    {
                        var status = (int)response.StatusCode;
                        return status == 429 || status >= 500;
                    }

                    IAsyncPolicy<HttpResponseMessage> Retry1 = Policy
                        .HandleResult<HttpResponseMessage>(r => ShouldRetry(r))
                        .RetryAsync(3);
                    IAsyncPolicy<HttpResponseMessage> Retry2 = Policy
                        .HandleResult<HttpResponseMessage>(IsTransient)
                        .RetryAsync(3);
                """ + CountedLoop.Replace("CONDITION", "!ShouldRetry(response)")).RunAsync();

        [Fact]
        public Task Helpers_the_analyzer_cannot_read_whole_are_not_judged()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    static bool WithStatements(HttpResponseMessage response)
                    {
                        Console.WriteLine(response.StatusCode);
                        return !response.IsSuccessStatusCode;
                    }

                    protected virtual bool Overridable(HttpResponseMessage response) => !response.IsSuccessStatusCode;

                    static bool Recursive(HttpResponseMessage response) => Recursive(response);

                    IAsyncPolicy<HttpResponseMessage> Retry1 = Policy
                        .HandleResult<HttpResponseMessage>(r => WithStatements(r))
                        .RetryAsync(3);
                    IAsyncPolicy<HttpResponseMessage> Retry2 = Policy
                        .HandleResult<HttpResponseMessage>(r => Recursive(r))
                        .RetryAsync(3);
                    IAsyncPolicy<HttpResponseMessage> Retry3 = Policy
                        .HandleResult<HttpResponseMessage>(r => OtherFile.ShouldRetry(r))
                        .RetryAsync(3);
                    IAsyncPolicy<HttpResponseMessage> Retry4 = Policy
                        .HandleResult<HttpResponseMessage>(OtherFile.ShouldRetry)
                        .RetryAsync(3);
                """ + CountedLoop.Replace("CONDITION", "!Overridable(response)"))
                .WithSource("""
                    using System.Net.Http;

                    static class OtherFile
                    {
                        public static bool ShouldRetry(HttpResponseMessage response) => !response.IsSuccessStatusCode;
                    }
                    """)
                .RunAsync();

        [Fact]
        public Task No_fix_rewrites_a_decision_the_helper_makes()
        {
            const string Policies = """
                    static bool ShouldRetry(HttpResponseMessage response) => !response.IsSuccessStatusCode;

                    IAsyncPolicy<HttpResponseMessage> Retry1 = Policy
                        .HandleResult<HttpResponseMessage>(r => ShouldRetry(r))
                        .RetryAsync(3);
                    IAsyncPolicy<HttpResponseMessage> Retry2 = Policy
                        .HandleResult<HttpResponseMessage>(ShouldRetry)
                        .RetryAsync(3);
                """;
            return RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>(Policies.Replace("r => ShouldRetry(r)", "r => [|ShouldRetry(r)|]").Replace(">(ShouldRetry)", ">([|ShouldRetry|])"))
                .WithCodeFix<RetryOnNonRetryableStatusCodeFixProvider>(RetrySources.InClass(Policies))
                .RunAsync();
        }

        [Fact]
        public Task COMET003_reports_a_loop_whose_one_line_helper_lets_failures_go_round()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    static bool IsDone(HttpResponseMessage response) => response.IsSuccessStatusCode;

                    async Task<HttpResponseMessage> SendAsync(string url)
                    {
                        [|while|] (true)
                        {
                            var response = await _http.GetAsync(url);
                            if (IsDone(response))
                            {
                                return response;
                            }
                        }
                    }
                """).RunAsync();

        [Fact]
        public Task COMET003_does_not_report_a_loop_whose_helper_gives_up_on_failures()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    static HttpResponseMessage Checked(HttpResponseMessage response) => response.EnsureSuccessStatusCode();

                    static bool IsDone(HttpResponseMessage response) => response.IsSuccessStatusCode || (int)response.StatusCode >= 400 || response.StatusCode == 0;

                    async Task<HttpResponseMessage> SendAsync(string url)
                    {
                        while (true)
                        {
                            try
                            {
                                var response = await _http.GetAsync(url);
                                if (IsDone(response))
                                {
                                    return Checked(response);
                                }
                            }
                            catch (TaskCanceledException)
                            {
                                throw;
                            }
                        }
                    }
                """).RunAsync();
    }
}
