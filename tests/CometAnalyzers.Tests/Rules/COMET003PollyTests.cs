using System.Threading.Tasks;
using CometAnalyzers.Rules;
using Xunit;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>COMET003 on library retry settings: Polly v7, Polly v8 and System.ClientModel's ClientRetryPolicy.</summary>
    public class COMET003PollyTests
    {
        [Fact]
        public Task Polly_v7_RetryForever_is_reported_at_the_method_name()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    ISyncPolicy Policy1 = Policy.Handle<HttpRequestException>().[|RetryForever|]();
                """).RunAsync();

        [Fact]
        public Task Polly_v7_RetryForeverAsync_on_a_result_policy_is_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    IAsyncPolicy<HttpResponseMessage> Policy1 =
                        Policy.HandleResult<HttpResponseMessage>(r => (int)r.StatusCode >= 500).[|RetryForeverAsync|]();
                """).RunAsync();

        [Fact]
        public Task Polly_v7_WaitAndRetryForever_is_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    ISyncPolicy Policy1 = Policy.Handle<HttpRequestException>().[|WaitAndRetryForever|](attempt => TimeSpan.FromSeconds(attempt));
                """).RunAsync();

        [Fact]
        public Task Polly_v7_WaitAndRetryForeverAsync_on_a_typed_policy_is_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    IAsyncPolicy<HttpResponseMessage> Policy1 = Policy<HttpResponseMessage>
                        .Handle<HttpRequestException>()
                        .[|WaitAndRetryForeverAsync|](attempt => TimeSpan.FromMilliseconds(100 * attempt));
                """).RunAsync();

        [Fact]
        public Task Polly_v7_RetryForever_called_as_a_static_method_is_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    ISyncPolicy Policy1 = RetrySyntax.[|RetryForever|](Policy.Handle<HttpRequestException>());
                """).RunAsync();

        [Fact]
        public Task Polly_v7_bounded_retries_within_the_contract_are_not_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    IAsyncPolicy Policy1 = Policy.Handle<HttpRequestException>().RetryAsync(3);
                    ISyncPolicy Policy2 = Policy.Handle<HttpRequestException>().Retry(CometApiContract.MaxRetries);
                    IAsyncPolicy<HttpResponseMessage> Policy3 = Policy.HandleResult<HttpResponseMessage>(r => (int)r.StatusCode >= 500)
                        .WaitAndRetryAsync(2, attempt => TimeSpan.FromSeconds(attempt));
                    IAsyncPolicy Policy4 = Policy.Handle<HttpRequestException>().RetryAsync();
                """).RunAsync();

        [Fact]
        public Task Polly_v7_retry_count_above_the_contract_maxRetries_is_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    IAsyncPolicy Policy1 = Policy.Handle<HttpRequestException>().WaitAndRetryAsync([|10|], attempt => TimeSpan.FromSeconds(attempt));
                """).RunAsync();

        [Fact]
        public Task Polly_v7_retry_count_of_10_is_not_reported_when_no_contract_sets_maxRetries()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    IAsyncPolicy Policy1 = Policy.Handle<HttpRequestException>().WaitAndRetryAsync(10, attempt => TimeSpan.FromSeconds(attempt));
                """, withContract: false).RunAsync();

        [Fact]
        public Task Polly_v7_int_MaxValue_retries_are_reported_even_without_a_contract()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    IAsyncPolicy Policy1 = Policy.Handle<HttpRequestException>().RetryAsync([|int.MaxValue|]);
                """, withContract: false).RunAsync();

        [Fact]
        public Task Polly_v7_RetryForever_is_reported_without_a_contract()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    IAsyncPolicy Policy1 = Policy.Handle<HttpRequestException>().[|RetryForeverAsync|]();
                """, withContract: false).RunAsync();

        [Fact]
        public Task Polly_v8_MaxRetryAttempts_int_MaxValue_in_an_object_initializer_is_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    RetryStrategyOptions Options = new RetryStrategyOptions { MaxRetryAttempts = [|int.MaxValue|] };
                """).RunAsync();

        [Fact]
        public Task Polly_v8_MaxRetryAttempts_int_MaxValue_assigned_to_a_property_is_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    void Configure(RetryStrategyOptions<HttpResponseMessage> options)
                    {
                        options.MaxRetryAttempts = [|int.MaxValue|];
                    }
                """).RunAsync();

        [Fact]
        public Task Polly_v8_MaxRetryAttempts_on_an_options_subclass_is_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    sealed class ChatRetryOptions : RetryStrategyOptions<HttpResponseMessage>
                    {
                    }

                    ChatRetryOptions Options = new ChatRetryOptions { MaxRetryAttempts = [|5|] };
                """).RunAsync();

        [Fact]
        public Task Polly_v8_MaxRetryAttempts_above_the_contract_maxRetries_is_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    RetryStrategyOptions<HttpResponseMessage> Options = new() { MaxRetryAttempts = [|4|], Delay = TimeSpan.FromSeconds(1) };
                """).RunAsync();

        [Fact]
        public Task Polly_v8_MaxRetryAttempts_within_the_contract_maxRetries_is_not_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    RetryStrategyOptions<HttpResponseMessage> Options1 = new() { MaxRetryAttempts = 3 };
                    RetryStrategyOptions Options2 = new() { MaxRetryAttempts = CometApiContract.MaxRetries };
                """).RunAsync();

        [Fact]
        public Task Polly_v8_MaxRetryAttempts_of_5_is_not_reported_when_no_contract_sets_maxRetries()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    RetryStrategyOptions Options = new() { MaxRetryAttempts = 5 };
                """, withContract: false).RunAsync();

        [Fact]
        public Task Polly_v8_MaxRetryAttempts_int_MaxValue_is_reported_without_a_contract()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    RetryStrategyOptions Options = new() { MaxRetryAttempts = [|int.MaxValue|] };
                """, withContract: false).RunAsync();

        [Fact]
        public Task Polly_v8_MaxRetryAttempts_from_a_parameter_is_not_judged()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    RetryStrategyOptions Create(int attempts) => new() { MaxRetryAttempts = attempts };
                """).RunAsync();

        [Fact]
        public Task A_MaxRetryAttempts_property_of_an_unrelated_class_is_not_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    sealed class MyOptions
                    {
                        public int MaxRetryAttempts { get; set; }
                    }

                    MyOptions Options = new MyOptions { MaxRetryAttempts = int.MaxValue };
                """).RunAsync();

        [Fact]
        public Task ClientRetryPolicy_with_int_MaxValue_is_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    ClientRetryPolicy Retry = new ClientRetryPolicy([|int.MaxValue|]);
                """).RunAsync();

        [Fact]
        public Task ClientRetryPolicy_with_a_named_maxRetries_above_the_contract_is_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    ClientRetryPolicy Retry = new ClientRetryPolicy(maxRetries: [|8|]);
                """).RunAsync();

        [Fact]
        public Task ClientRetryPolicy_with_the_default_or_a_count_within_the_contract_is_not_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    ClientRetryPolicy Retry1 = new ClientRetryPolicy();
                    ClientRetryPolicy Retry2 = new ClientRetryPolicy(2);
                    ClientRetryPolicy Retry3 = ClientRetryPolicy.Default;
                """).RunAsync();

        [Fact]
        public Task A_ClientRetryPolicy_subclass_passing_int_MaxValue_to_its_base_is_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    sealed class StubbornRetryPolicy : ClientRetryPolicy
                    {
                        public StubbornRetryPolicy()
                            : base(maxRetries: [|int.MaxValue|])
                        {
                        }
                    }
                """).RunAsync();
    }
}
