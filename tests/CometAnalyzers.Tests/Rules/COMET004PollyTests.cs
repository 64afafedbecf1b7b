using System.Threading.Tasks;
using CometAnalyzers.Rules;
using Xunit;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>COMET004 on Polly retry predicates: v7 HandleResult/OrResult/Handle and v8 ShouldHandle.</summary>
    public class COMET004PollyTests
    {
        [Fact]
        public Task Polly_v7_HandleResult_on_any_unsuccessful_status_is_reported()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    IAsyncPolicy<HttpResponseMessage> Retry = Policy
                        .HandleResult<HttpResponseMessage>(r => [|!r.IsSuccessStatusCode|])
                        .RetryAsync(3);
                """).RunAsync();

        [Fact]
        public Task Arithmetic_that_overflows_is_not_judged_and_does_not_stop_the_file()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    IAsyncPolicy<HttpResponseMessage> Odd = Policy.HandleResult<HttpResponseMessage>(r =>
                    {
                        long min = long.MinValue;
                        long divisor = -1;
                        return (int)r.StatusCode >= 500 || min / divisor == 0 || min % divisor == 1;
                    }).RetryAsync(3);

                    IAsyncPolicy<HttpResponseMessage> Retry = Policy
                        .HandleResult<HttpResponseMessage>(r => [|!r.IsSuccessStatusCode|])
                        .RetryAsync(3);
                """).RunAsync();

        [Fact]
        public Task Retrying_when_the_server_sends_Retry_After_is_not_judged_however_the_null_test_is_spelled()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    IAsyncPolicy<HttpResponseMessage> PropertyPattern = Policy
                        .HandleResult<HttpResponseMessage>(r => r.Headers.RetryAfter is { } || (int)r.StatusCode >= 500)
                        .RetryAsync(3);

                    IAsyncPolicy<HttpResponseMessage> Alone = Policy
                        .HandleResult<HttpResponseMessage>(r => r.Headers.RetryAfter is { })
                        .RetryAsync(3);

                    IAsyncPolicy<HttpResponseMessage> TypePattern = Policy
                        .HandleResult<HttpResponseMessage>(r => r.Headers.RetryAfter is System.Net.Http.Headers.RetryConditionHeaderValue)
                        .RetryAsync(3);

                    RetryStrategyOptions<HttpResponseMessage> Options = new()
                    {
                        ShouldHandle = args => args.Outcome switch
                        {
                            { Exception: HttpRequestException } => PredicateResult.True(),
                            { Result.Headers.RetryAfter: { } } => PredicateResult.True(),
                            { Result.StatusCode: >= HttpStatusCode.InternalServerError } => PredicateResult.True(),
                            _ => PredicateResult.False(),
                        },
                    };
                """).RunAsync();

        [Fact]
        public Task Polly_v7_HandleResult_on_status_400_and_above_is_reported()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    IAsyncPolicy<HttpResponseMessage> Retry = Policy
                        .HandleResult<HttpResponseMessage>(r => [|(int)r.StatusCode >= 400|])
                        .WaitAndRetryAsync(3, attempt => TimeSpan.FromSeconds(attempt));
                """).RunAsync();

        [Fact]
        public Task Polly_v7_OrResult_on_Unauthorized_is_reported_after_an_exception_handler()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    IAsyncPolicy<HttpResponseMessage> Retry = Policy
                        .Handle<HttpRequestException>()
                        .OrResult<HttpResponseMessage>(r => [|r.StatusCode == HttpStatusCode.Unauthorized|])
                        .RetryAsync(3);
                """).RunAsync();

        [Fact]
        public Task Polly_v7_typed_policy_retrying_anything_but_OK_is_reported()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    ISyncPolicy<HttpResponseMessage> Retry = Policy<HttpResponseMessage>
                        .HandleResult(r => [|r.StatusCode != HttpStatusCode.OK|])
                        .Retry(2);
                """).RunAsync();

        [Fact]
        public Task Polly_v7_switch_expression_that_retries_404_is_reported()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    IAsyncPolicy<HttpResponseMessage> Retry = Policy
                        .HandleResult<HttpResponseMessage>(r => [|r.StatusCode switch
                        {
                            HttpStatusCode.TooManyRequests => true,
                            HttpStatusCode.NotFound => true,
                            _ => (int)r.StatusCode >= 500,
                        }|])
                        .RetryAsync(3);
                """).RunAsync();

        [Fact]
        public Task Polly_v7_is_pattern_that_retries_409_is_reported()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    IAsyncPolicy<HttpResponseMessage> Retry = Policy
                        .HandleResult<HttpResponseMessage>(r => [|r.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.TooManyRequests|])
                        .RetryAsync(3);
                """).RunAsync();

        [Fact]
        public Task Polly_v7_inline_array_of_codes_that_includes_401_is_reported()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    IAsyncPolicy<HttpResponseMessage> Retry = Policy
                        .HandleResult<HttpResponseMessage>(r => [|new[] { 401, 429, 503 }.Contains((int)r.StatusCode)|])
                        .RetryAsync(3);
                """).RunAsync();

        [Fact]
        public Task Polly_v7_exception_predicate_on_the_status_is_reported()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    IAsyncPolicy Retry = Policy
                        .Handle<HttpRequestException>(e => [|e.StatusCode != HttpStatusCode.NotFound|])
                        .RetryAsync(3);
                """).RunAsync();

        [Fact]
        public Task Polly_v7_predicates_on_408_429_and_5xx_are_not_reported()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    IAsyncPolicy<HttpResponseMessage> Retry1 = Policy
                        .HandleResult<HttpResponseMessage>(r => r.StatusCode == HttpStatusCode.TooManyRequests || r.StatusCode == HttpStatusCode.RequestTimeout)
                        .OrResult(r => (int)r.StatusCode >= 500)
                        .RetryAsync(3);
                    IAsyncPolicy<HttpResponseMessage> Retry2 = Policy
                        .HandleResult<HttpResponseMessage>(r => r.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout or >= HttpStatusCode.InternalServerError)
                        .RetryAsync(3);
                    IAsyncPolicy<HttpResponseMessage> Retry3 = Policy
                        .HandleResult<HttpResponseMessage>(r => new[] { 408, 429, 503 }.Contains((int)r.StatusCode))
                        .RetryAsync(3);
                    IAsyncPolicy Retry4 = Policy
                        .Handle<HttpRequestException>(e => e.StatusCode is null or HttpStatusCode.TooManyRequests)
                        .RetryAsync(3);
                """).RunAsync();

        [Fact]
        public Task Polly_v7_predicates_that_use_the_generated_contract_are_not_reported()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    IAsyncPolicy<HttpResponseMessage> Retry1 = Policy
                        .HandleResult<HttpResponseMessage>(r => CometApiContract.IsRetryable(r.StatusCode))
                        .RetryAsync(3);
                    IAsyncPolicy<HttpResponseMessage> Retry2 = Policy
                        .HandleResult<HttpResponseMessage>(r => CometApiContract.RetryableStatusCodes.Contains((int)r.StatusCode))
                        .RetryAsync(3);
                """).RunAsync();

        [Fact]
        public Task Polly_v7_predicates_calling_methods_the_analyzer_cannot_see_into_are_not_reported()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    static bool IsTransient(HttpResponseMessage response)
                    {
                        Console.WriteLine(response.StatusCode);
                        return !response.IsSuccessStatusCode;
                    }

                    IAsyncPolicy<HttpResponseMessage> Retry1 = Policy
                        .HandleResult<HttpResponseMessage>(r => IsTransient(r))
                        .RetryAsync(3);
                    IAsyncPolicy<HttpResponseMessage> Retry2 = Policy
                        .HandleResult<HttpResponseMessage>(r => Unseen.IsTransient(r))
                        .RetryAsync(3);
                """)
                .WithSource("""
                    static class Unseen
                    {
                        public static bool IsTransient(System.Net.Http.HttpResponseMessage response) => !response.IsSuccessStatusCode;
                    }
                    """)
                .RunAsync();

        [Fact]
        public Task Polly_v7_predicate_that_depends_on_a_field_is_not_reported()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    private static bool s_retryAuthFailures;

                    IAsyncPolicy<HttpResponseMessage> Retry = Policy
                        .HandleResult<HttpResponseMessage>(r => s_retryAuthFailures && r.StatusCode == HttpStatusCode.Unauthorized)
                        .RetryAsync(3);
                """).RunAsync();

        [Fact]
        public Task Polly_v7_HandleResult_in_a_circuit_breaker_is_not_a_retry()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    IAsyncPolicy<HttpResponseMessage> Breaker = Policy
                        .HandleResult<HttpResponseMessage>(r => !r.IsSuccessStatusCode)
                        .CircuitBreakerAsync(5, TimeSpan.FromSeconds(30));
                """).RunAsync();

        [Fact]
        public Task Polly_v7_exception_handler_without_a_status_filter_is_not_judged_alone()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    IAsyncPolicy Retry1 = Policy.Handle<HttpRequestException>().RetryAsync(3);
                    IAsyncPolicy Retry2 = Policy.Handle<HttpRequestException>(e => e.InnerException is IOException).RetryAsync(3);
                """).RunAsync();

        [Fact]
        public Task Polly_v8_ShouldHandle_returning_FromResult_on_400_is_reported()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    RetryStrategyOptions<HttpResponseMessage> Options = new()
                    {
                        MaxRetryAttempts = 3,
                        ShouldHandle = args => ValueTask.FromResult([|args.Outcome.Result?.StatusCode == HttpStatusCode.BadRequest|]),
                    };
                """).RunAsync();

        [Fact]
        public Task Polly_v8_ShouldHandle_assigned_later_through_a_PredicateBuilder_is_reported()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    void Configure(RetryStrategyOptions<HttpResponseMessage> options)
                    {
                        options.ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                            .Handle<HttpRequestException>()
                            .HandleResult(r => [|!r.IsSuccessStatusCode|]);
                    }
                """).RunAsync();

        [Fact]
        public Task Polly_v8_ShouldHandle_switch_over_the_outcome_that_retries_401_is_reported()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    RetryStrategyOptions<HttpResponseMessage> Options = new()
                    {
                        ShouldHandle = args => [|args.Outcome switch
                        {
                            { Exception: HttpRequestException } => PredicateResult.True(),
                            { Result.StatusCode: HttpStatusCode.Unauthorized or HttpStatusCode.TooManyRequests } => PredicateResult.True(),
                            _ => PredicateResult.False(),
                        }|],
                    };
                """).RunAsync();

        [Fact]
        public Task Polly_v8_ShouldHandle_with_a_block_body_is_evaluated_path_by_path()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    RetryStrategyOptions<HttpResponseMessage> Options = new()
                    {
                        ShouldHandle = args =>
                        {
                            if (args.Outcome.Exception is not null)
                            {
                                return PredicateResult.True();
                            }

                            return ValueTask.FromResult([|args.Outcome.Result!.StatusCode >= HttpStatusCode.BadRequest|]);
                        },
                    };
                """).RunAsync();

        [Fact]
        public Task Polly_v8_ShouldHandle_on_an_exception_status_is_reported()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    RetryStrategyOptions Options = new()
                    {
                        ShouldHandle = args => ValueTask.FromResult([|args.Outcome.Exception is HttpRequestException { StatusCode: HttpStatusCode.Forbidden or HttpStatusCode.ServiceUnavailable }|]),
                    };
                """).RunAsync();

        [Fact]
        public Task Polly_v8_ShouldHandle_on_an_options_subclass_is_reported()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    sealed class ChatRetryOptions : RetryStrategyOptions<HttpResponseMessage>
                    {
                        public ChatRetryOptions()
                        {
                            ShouldHandle = new PredicateBuilder<HttpResponseMessage>().HandleResult(r => [|(int)r.StatusCode / 100 == 4|]);
                        }
                    }
                """).RunAsync();

        [Fact]
        public Task Polly_v8_ShouldHandle_on_retryable_statuses_is_not_reported()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    RetryStrategyOptions<HttpResponseMessage> Options1 = new()
                    {
                        ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result?.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout),
                    };
                    RetryStrategyOptions<HttpResponseMessage> Options2 = new()
                    {
                        ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                            .Handle<HttpRequestException>()
                            .HandleResult(r => (int)r.StatusCode >= 500 || r.StatusCode == HttpStatusCode.TooManyRequests),
                    };
                    RetryStrategyOptions<HttpResponseMessage> Options3 = new()
                    {
                        ShouldHandle = args => args.Outcome switch
                        {
                            { Exception: HttpRequestException } => PredicateResult.True(),
                            { Result.StatusCode: HttpStatusCode.TooManyRequests } => PredicateResult.True(),
                            _ => PredicateResult.False(),
                        },
                    };
                    RetryStrategyOptions<HttpResponseMessage> Options4 = new()
                    {
                        ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { } r && CometApiContract.IsRetryable(r.StatusCode)),
                    };
                """).RunAsync();

        [Fact]
        public Task Polly_v8_ShouldHandle_on_every_HttpRequestException_is_not_judged_alone()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    RetryStrategyOptions Options = new()
                    {
                        ShouldHandle = new PredicateBuilder().Handle<HttpRequestException>(),
                    };
                """).RunAsync();

        [Fact]
        public Task Polly_v7_Equals_on_the_status_is_understood()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    IAsyncPolicy<HttpResponseMessage> Retry1 = Policy
                        .HandleResult<HttpResponseMessage>(r => [|r.StatusCode.Equals(HttpStatusCode.Unauthorized)|])
                        .RetryAsync(3);
                    IAsyncPolicy<HttpResponseMessage> Retry2 = Policy
                        .HandleResult<HttpResponseMessage>(r => r.StatusCode.Equals(HttpStatusCode.TooManyRequests))
                        .RetryAsync(3);
                """).RunAsync();

        [Fact]
        public Task Polly_v7_Or_exception_predicate_on_the_status_is_reported()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    IAsyncPolicy<HttpResponseMessage> Retry = Policy
                        .HandleResult<HttpResponseMessage>(r => (int)r.StatusCode >= 500)
                        .Or<HttpRequestException>(e => [|e.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests|])
                        .RetryAsync(3);
                """).RunAsync();

        [Fact]
        public Task Polly_v8_null_check_on_the_result_before_the_status_is_understood()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    RetryStrategyOptions<HttpResponseMessage> Options1 = new()
                    {
                        ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is not null && [|args.Outcome.Result.StatusCode == HttpStatusCode.NotFound|]),
                    };
                    RetryStrategyOptions<HttpResponseMessage> Options2 = new()
                    {
                        ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result != null && args.Outcome.Result.StatusCode == HttpStatusCode.ServiceUnavailable),
                    };
                """).RunAsync();
    }
}
