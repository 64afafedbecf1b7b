using System.Threading.Tasks;
using CometAnalyzers.CodeFixes;
using CometAnalyzers.Rules;
using CometAnalyzers.Tests.Infrastructure;
using Xunit;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>COMET003's fix: bounded Polly overloads and the contract's MaxRetries.</summary>
    public class COMET003CodeFixTests
    {
        private static Task VerifyFixAsync(string before, string after)
            => RetrySources.Test<UnboundedRetryAnalyzer>(before)
                .WithCodeFix<UnboundedRetryCodeFixProvider>(RetrySources.InClass(after))
                .RunAsync();

        [Fact]
        public Task RetryForeverAsync_becomes_RetryAsync_with_the_contract_MaxRetries()
            => VerifyFixAsync(
                """
                    IAsyncPolicy Policy1 = Policy.Handle<HttpRequestException>().[|RetryForeverAsync|]();
                """,
                """
                    IAsyncPolicy Policy1 = Policy.Handle<HttpRequestException>().RetryAsync(CometApiContract.MaxRetries);
                """);

        [Fact]
        public Task RetryForever_with_an_onRetry_callback_becomes_Retry_and_keeps_the_callback()
            => VerifyFixAsync(
                """
                    ISyncPolicy Policy1 = Policy.Handle<HttpRequestException>().[|RetryForever|]((Exception exception, int attempt) => Console.WriteLine(attempt));
                """,
                """
                    ISyncPolicy Policy1 = Policy.Handle<HttpRequestException>().Retry(CometApiContract.MaxRetries, (Exception exception, int attempt) => Console.WriteLine(attempt));
                """);

        [Fact]
        public Task WaitAndRetryForeverAsync_becomes_WaitAndRetryAsync_with_the_count_first()
            => VerifyFixAsync(
                """
                    IAsyncPolicy<HttpResponseMessage> Policy1 = Policy
                        .HandleResult<HttpResponseMessage>(r => (int)r.StatusCode >= 500)
                        .[|WaitAndRetryForeverAsync|](attempt => TimeSpan.FromSeconds(Math.Pow(2, attempt)));
                """,
                """
                    IAsyncPolicy<HttpResponseMessage> Policy1 = Policy
                        .HandleResult<HttpResponseMessage>(r => (int)r.StatusCode >= 500)
                        .WaitAndRetryAsync(CometApiContract.MaxRetries, attempt => TimeSpan.FromSeconds(Math.Pow(2, attempt)));
                """);

        [Fact]
        public Task WaitAndRetryForever_with_a_sleep_provider_and_onRetry_becomes_WaitAndRetry()
            => VerifyFixAsync(
                """
                    ISyncPolicy Policy1 = Policy.Handle<HttpRequestException>()
                        .[|WaitAndRetryForever|](
                            attempt => TimeSpan.FromSeconds(attempt),
                            (exception, delay) => Console.WriteLine(delay));
                """,
                """
                    ISyncPolicy Policy1 = Policy.Handle<HttpRequestException>()
                        .WaitAndRetry(
                            CometApiContract.MaxRetries,
                            attempt => TimeSpan.FromSeconds(attempt),
                            (exception, delay) => Console.WriteLine(delay));
                """);

        [Fact]
        public Task RetryForever_called_as_a_static_method_gets_the_count_after_the_builder()
            => VerifyFixAsync(
                """
                    ISyncPolicy Policy1 = RetrySyntax.[|RetryForever|](Policy.Handle<HttpRequestException>());
                """,
                """
                    ISyncPolicy Policy1 = RetrySyntax.Retry(Policy.Handle<HttpRequestException>(), CometApiContract.MaxRetries);
                """);

        [Fact]
        public Task No_fix_is_offered_when_Polly_has_no_bounded_overload_with_the_same_callback()
            => VerifyFixAsync(
                """
                    ISyncPolicy Policy1 = Policy.Handle<HttpRequestException>().[|RetryForever|](exception => Console.WriteLine(exception));
                """,
                """
                    ISyncPolicy Policy1 = Policy.Handle<HttpRequestException>().RetryForever(exception => Console.WriteLine(exception));
                """);

        [Fact]
        public Task MaxRetryAttempts_int_MaxValue_becomes_the_contract_MaxRetries()
            => VerifyFixAsync(
                """
                    RetryStrategyOptions<HttpResponseMessage> Options = new() { MaxRetryAttempts = [|int.MaxValue|], Delay = TimeSpan.FromSeconds(1) };
                """,
                """
                    RetryStrategyOptions<HttpResponseMessage> Options = new() { MaxRetryAttempts = CometApiContract.MaxRetries, Delay = TimeSpan.FromSeconds(1) };
                """);

        [Fact]
        public Task A_retry_count_above_the_budget_becomes_the_contract_MaxRetries()
            => VerifyFixAsync(
                """
                    void Configure(RetryStrategyOptions options)
                    {
                        options.MaxRetryAttempts = [|10|];
                    }

                    ClientRetryPolicy Retry = new ClientRetryPolicy(maxRetries: [|int.MaxValue|]);
                    IAsyncPolicy Policy1 = Policy.Handle<HttpRequestException>().RetryAsync([|7|]);
                """,
                """
                    void Configure(RetryStrategyOptions options)
                    {
                        options.MaxRetryAttempts = CometApiContract.MaxRetries;
                    }

                    ClientRetryPolicy Retry = new ClientRetryPolicy(maxRetries: CometApiContract.MaxRetries);
                    IAsyncPolicy Policy1 = Policy.Handle<HttpRequestException>().RetryAsync(CometApiContract.MaxRetries);
                """);

        [Fact]
        public Task Loops_get_no_automatic_fix()
            => VerifyFixAsync(
                """
                    async Task<string> GetAsync()
                    {
                        [|while|] (true)
                        {
                            try { return await _http.GetStringAsync("https://api.cometapi.com/v1/models"); }
                            catch (HttpRequestException) { }
                        }
                    }
                """,
                """
                    async Task<string> GetAsync()
                    {
                        while (true)
                        {
                            try { return await _http.GetStringAsync("https://api.cometapi.com/v1/models"); }
                            catch (HttpRequestException) { }
                        }
                    }
                """);

        [Fact]
        public Task Without_a_using_for_the_contract_namespace_the_fix_writes_the_qualified_name()
            => AnalyzerTest.For<UnboundedRetryAnalyzer>()
                .WithSource("""
                    using System.Net.Http;
                    using Polly;

                    class Client
                    {
                        IAsyncPolicy Policy1 = Policy.Handle<HttpRequestException>().[|RetryForeverAsync|]();
                    }
                    """)
                .WithSource(RetrySources.ContractClass)
                .WithContract(RetrySources.Contract)
                .WithCodeFix<UnboundedRetryCodeFixProvider>("""
                    using System.Net.Http;
                    using Polly;

                    class Client
                    {
                        IAsyncPolicy Policy1 = Policy.Handle<HttpRequestException>().RetryAsync(CometApi.Contracts.CometApiContract.MaxRetries);
                    }
                    """)
                .RunAsync();

        [Fact]
        public Task No_fix_is_offered_when_the_generated_contract_class_is_missing()
            => AnalyzerTest.For<UnboundedRetryAnalyzer>()
                .WithSource("""
                    using System.Net.Http;
                    using Polly;

                    class Client
                    {
                        IAsyncPolicy Policy1 = Policy.Handle<HttpRequestException>().[|RetryForeverAsync|]();
                    }
                    """)
                .WithContract(RetrySources.Contract)
                .WithCodeFix<UnboundedRetryCodeFixProvider>("""
                    using System.Net.Http;
                    using Polly;

                    class Client
                    {
                        IAsyncPolicy Policy1 = Policy.Handle<HttpRequestException>().RetryForeverAsync();
                    }
                    """)
                .RunAsync();
    

        [Fact]
        public Task Fix_All_bounds_every_retry_in_the_document_the_project_and_the_solution()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    IAsyncPolicy Policy1 = Policy.Handle<HttpRequestException>().[|RetryForeverAsync|]();
                    ISyncPolicy Policy2 = Policy.Handle<HttpRequestException>().[|RetryForever|]();
                """)
                .WithSource("""
                    using System.Net.Http;
                    using Polly;

                    class Other
                    {
                        IAsyncPolicy Policy3 = Policy.Handle<HttpRequestException>().[|RetryForeverAsync|]();
                    }
                    """)
                .WithCodeFix<UnboundedRetryCodeFixProvider>(RetrySources.InClass("""
                    IAsyncPolicy Policy1 = Policy.Handle<HttpRequestException>().RetryAsync(CometApiContract.MaxRetries);
                    ISyncPolicy Policy2 = Policy.Handle<HttpRequestException>().Retry(CometApiContract.MaxRetries);
                """))
                .WithFixedSource(2, """
                    using System.Net.Http;
                    using Polly;

                    class Other
                    {
                        IAsyncPolicy Policy3 = Policy.Handle<HttpRequestException>().RetryAsync(CometApi.Contracts.CometApiContract.MaxRetries);
                    }
                    """)
                .RunAsync();
}
}
