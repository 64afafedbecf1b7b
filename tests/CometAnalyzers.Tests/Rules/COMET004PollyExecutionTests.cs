using System.Threading.Tasks;
using CometAnalyzers.CodeFixes;
using CometAnalyzers.Rules;
using Xunit;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>
    /// COMET004 on Polly v7 policies that handle every HttpRequestException and run code that throws one for any
    /// unsuccessful status (EnsureSuccessStatusCode, GetStringAsync): every 4xx is then retried.
    /// </summary>
    public class COMET004PollyExecutionTests
    {
        [Fact]
        public Task An_unfiltered_handler_running_EnsureSuccessStatusCode_is_reported_at_the_handler()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    async Task PostAsync(string json)
                    {
                        var policy = Policy.[|Handle<HttpRequestException>|]().WaitAndRetryAsync(3, attempt => TimeSpan.FromSeconds(attempt));
                        await policy.ExecuteAsync(async () =>
                        {
                            HttpResponseMessage response = await _http.PostAsync("https://api.cometapi.com/v1/chat/completions", new StringContent(json));
                            response.EnsureSuccessStatusCode();
                        });
                    }
                """).RunAsync();

        [Fact]
        public Task A_policy_in_a_readonly_field_executed_twice_is_reported_once()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    private static readonly IAsyncPolicy Retry = Policy.[|Handle<HttpRequestException>|]().RetryAsync(3);

                    Task<string> ModelsAsync() => Retry.ExecuteAsync(() => _http.GetStringAsync("https://api.cometapi.com/v1/models"));

                    Task<string> HealthAsync() => Retry.ExecuteAsync(() => _http.GetStringAsync("https://api.cometapi.com/health"));
                """).RunAsync();

        [Fact]
        public Task An_unfiltered_Exception_handler_executed_directly_is_reported()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    Task<string> GetAsync()
                        => Policy.[|Handle<Exception>|]().RetryAsync(2).ExecuteAsync(() => _http.GetStringAsync("https://api.cometapi.com/v1/models"));
                """).RunAsync();

        [Fact]
        public Task An_unfiltered_handler_whose_code_returns_the_response_is_not_reported()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    Task<HttpResponseMessage> SendAsync()
                        => Policy.Handle<HttpRequestException>().RetryAsync(3)
                            .ExecuteAsync(() => _http.GetAsync("https://api.cometapi.com/v1/models"));
                """).RunAsync();

        [Fact]
        public Task A_handler_filtered_on_retryable_statuses_is_not_reported()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    Task<string> GetAsync()
                        => Policy.Handle<HttpRequestException>(e => e.StatusCode is null or HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError)
                            .RetryAsync(3)
                            .ExecuteAsync(() => _http.GetStringAsync("https://api.cometapi.com/v1/models"));
                """).RunAsync();

        [Fact]
        public Task Code_the_analyzer_cannot_see_into_is_not_judged()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    async Task CallAsync() => await _http.GetStringAsync("https://api.cometapi.com/v1/models");

                    Task RunAsync()
                        => Policy.Handle<HttpRequestException>().RetryAsync(3).ExecuteAsync(() => CallAsync());
                """).RunAsync();

        [Fact]
        public Task A_circuit_breaker_is_not_a_retry()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    Task<string> GetAsync()
                        => Policy.Handle<HttpRequestException>().CircuitBreakerAsync(3, TimeSpan.FromSeconds(30))
                            .ExecuteAsync(() => _http.GetStringAsync("https://api.cometapi.com/v1/models"));
                """).RunAsync();

        [Fact]
        public Task The_fix_gives_the_handler_a_status_filter()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    private static readonly IAsyncPolicy Retry = Policy.[|Handle<HttpRequestException>|]().RetryAsync(3);

                    Task<string> ModelsAsync() => Retry.ExecuteAsync(() => _http.GetStringAsync("https://api.cometapi.com/v1/models"));
                """)
                .WithCodeFix<RetryOnNonRetryableStatusCodeFixProvider>(RetrySources.InClass("""
                    private static readonly IAsyncPolicy Retry = Policy.Handle<HttpRequestException>(exception => exception.StatusCode is not { } status || CometApiContract.IsRetryable(status)).RetryAsync(3);

                    Task<string> ModelsAsync() => Retry.ExecuteAsync(() => _http.GetStringAsync("https://api.cometapi.com/v1/models"));
                """))
                .RunAsync();

        [Fact]
        public Task The_fix_for_an_Exception_handler_matches_HttpRequestException_by_pattern()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    Task<string> GetAsync()
                        => Policy.[|Handle<Exception>|]().RetryAsync(2).ExecuteAsync(() => _http.GetStringAsync("https://api.cometapi.com/v1/models"));
                """)
                .WithCodeFix<RetryOnNonRetryableStatusCodeFixProvider>(RetrySources.InClass("""
                    Task<string> GetAsync()
                        => Policy.Handle<Exception>(exception => exception is not HttpRequestException { StatusCode: { } status } || CometApiContract.IsRetryable(status)).RetryAsync(2).ExecuteAsync(() => _http.GetStringAsync("https://api.cometapi.com/v1/models"));
                """))
                .RunAsync();
    }
}
