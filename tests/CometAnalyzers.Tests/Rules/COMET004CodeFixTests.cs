using System.Threading.Tasks;
using CometAnalyzers.CodeFixes;
using CometAnalyzers.Rules;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>COMET004's fix: the status predicate becomes the generated contract's IsRetryable.</summary>
    public class COMET004CodeFixTests
    {
        private static Task VerifyFixAsync(string before, string after)
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>(before)
                .WithCodeFix<RetryOnNonRetryableStatusCodeFixProvider>(RetrySources.InClass(after))
                .RunAsync();

        [Fact]
        public Task A_Polly_v7_HandleResult_predicate_becomes_IsRetryable()
            => VerifyFixAsync(
                """
                    IAsyncPolicy<HttpResponseMessage> Retry = Policy
                        .HandleResult<HttpResponseMessage>(r => [|!r.IsSuccessStatusCode|])
                        .RetryAsync(3);
                """,
                """
                    IAsyncPolicy<HttpResponseMessage> Retry = Policy
                        .HandleResult<HttpResponseMessage>(r => CometApiContract.IsRetryable(r.StatusCode))
                        .RetryAsync(3);
                """);

        [Fact]
        public Task An_OrResult_predicate_on_a_cast_status_becomes_IsRetryable()
            => VerifyFixAsync(
                """
                    IAsyncPolicy<HttpResponseMessage> Retry = Policy
                        .Handle<HttpRequestException>()
                        .OrResult<HttpResponseMessage>(response => [|(int)response.StatusCode >= 400|])
                        .RetryAsync(3);
                """,
                """
                    IAsyncPolicy<HttpResponseMessage> Retry = Policy
                        .Handle<HttpRequestException>()
                        .OrResult<HttpResponseMessage>(response => CometApiContract.IsRetryable(response.StatusCode))
                        .RetryAsync(3);
                """);

        [Fact]
        public Task An_exception_predicate_keeps_retrying_failures_without_a_status()
            => VerifyFixAsync(
                """
                    IAsyncPolicy Retry = Policy
                        .Handle<HttpRequestException>(e => [|e.StatusCode != HttpStatusCode.NotFound|])
                        .RetryAsync(3);
                """,
                """
                    IAsyncPolicy Retry = Policy
                        .Handle<HttpRequestException>(e => e.StatusCode is not { } status || CometApiContract.IsRetryable(status))
                        .RetryAsync(3);
                """);

        [Fact]
        public Task A_Polly_v8_nullable_result_status_gets_a_null_test()
            => VerifyFixAsync(
                """
                    RetryStrategyOptions<HttpResponseMessage> Options = new()
                    {
                        ShouldHandle = args => ValueTask.FromResult([|args.Outcome.Result?.StatusCode == HttpStatusCode.BadRequest|]),
                    };
                """,
                """
                    RetryStrategyOptions<HttpResponseMessage> Options = new()
                    {
                        ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result?.StatusCode is { } status && CometApiContract.IsRetryable(status)),
                    };
                """);

        [Fact]
        public Task A_Polly_v8_PredicateBuilder_HandleResult_becomes_IsRetryable()
            => VerifyFixAsync(
                """
                    RetryStrategyOptions<HttpResponseMessage> Options = new()
                    {
                        ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                            .Handle<HttpRequestException>()
                            .HandleResult(r => [|r.StatusCode is HttpStatusCode.NotFound or >= HttpStatusCode.InternalServerError|]),
                    };
                """,
                """
                    RetryStrategyOptions<HttpResponseMessage> Options = new()
                    {
                        ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                            .Handle<HttpRequestException>()
                            .HandleResult(r => CometApiContract.IsRetryable(r.StatusCode)),
                    };
                """);

        [Fact]
        public Task A_continue_condition_becomes_IsRetryable_and_keeps_the_attempt_bound()
            => VerifyFixAsync(
                """
                    async Task<HttpResponseMessage> SendAsync(string url)
                    {
                        for (int attempt = 0; ; attempt++)
                        {
                            var response = await _http.GetAsync(url);
                            if ([|!response.IsSuccessStatusCode|] && attempt < 3)
                            {
                                continue;
                            }

                            return response;
                        }
                    }
                """,
                """
                    async Task<HttpResponseMessage> SendAsync(string url)
                    {
                        for (int attempt = 0; ; attempt++)
                        {
                            var response = await _http.GetAsync(url);
                            if (CometApiContract.IsRetryable(response.StatusCode) && attempt < 3)
                            {
                                continue;
                            }

                            return response;
                        }
                    }
                """);

        [Fact]
        public Task A_success_check_that_leaves_the_loop_becomes_a_negated_IsRetryable()
            => VerifyFixAsync(
                """
                    async Task<HttpResponseMessage> SendAsync(string url)
                    {
                        for (int attempt = 0; attempt < 3; attempt++)
                        {
                            var response = await _http.GetAsync(url);
                            if ([|response.IsSuccessStatusCode|])
                            {
                                return response;
                            }

                            await Task.Delay(1000);
                        }

                        throw new TimeoutException();
                    }
                """,
                """
                    async Task<HttpResponseMessage> SendAsync(string url)
                    {
                        for (int attempt = 0; attempt < 3; attempt++)
                        {
                            var response = await _http.GetAsync(url);
                            if (!CometApiContract.IsRetryable(response.StatusCode))
                            {
                                return response;
                            }

                            await Task.Delay(1000);
                        }

                        throw new TimeoutException();
                    }
                """);

        [Fact]
        public Task A_do_while_condition_becomes_IsRetryable()
            => VerifyFixAsync(
                """
                    async Task<HttpResponseMessage> SendAsync(string url)
                    {
                        HttpResponseMessage response;
                        int attempt = 0;
                        do
                        {
                            response = await _http.GetAsync(url);
                        }
                        while ([|response.StatusCode != HttpStatusCode.OK|] && ++attempt < 3);
                        return response;
                    }
                """,
                """
                    async Task<HttpResponseMessage> SendAsync(string url)
                    {
                        HttpResponseMessage response;
                        int attempt = 0;
                        do
                        {
                            response = await _http.GetAsync(url);
                        }
                        while (CometApiContract.IsRetryable(response.StatusCode) && ++attempt < 3);
                        return response;
                    }
                """);

        [Fact]
        public Task A_catch_without_a_variable_gets_one_and_a_status_filter()
            => VerifyFixAsync(
                """
                    async Task<string> PostAsync(string json)
                    {
                        for (int attempt = 0; attempt < 3; attempt++)
                        {
                            try
                            {
                                HttpResponseMessage response = await _http.PostAsync("https://api.cometapi.com/v1/chat/completions", new StringContent(json));
                                response.EnsureSuccessStatusCode();
                                return await response.Content.ReadAsStringAsync();
                            }
                            catch [|(HttpRequestException)|]
                            {
                                await Task.Delay(1000);
                            }
                        }

                        return "";
                    }
                """,
                """
                    async Task<string> PostAsync(string json)
                    {
                        for (int attempt = 0; attempt < 3; attempt++)
                        {
                            try
                            {
                                HttpResponseMessage response = await _http.PostAsync("https://api.cometapi.com/v1/chat/completions", new StringContent(json));
                                response.EnsureSuccessStatusCode();
                                return await response.Content.ReadAsStringAsync();
                            }
                            catch (HttpRequestException exception) when (exception.StatusCode is not { } status || CometApiContract.IsRetryable(status))
                            {
                                await Task.Delay(1000);
                            }
                        }

                        return "";
                    }
                """);

        [Fact]
        public Task A_catch_with_an_attempt_filter_keeps_it_and_adds_the_status_test()
            => VerifyFixAsync(
                """
                    async Task<string> GetAsync()
                    {
                        int attempt = 0;
                        while (true)
                        {
                            try
                            {
                                return await _http.GetStringAsync("https://api.cometapi.com/v1/models");
                            }
                            catch [|(HttpRequestException ex)|] when (attempt++ < 3)
                            {
                            }
                        }
                    }
                """,
                """
                    async Task<string> GetAsync()
                    {
                        int attempt = 0;
                        while (true)
                        {
                            try
                            {
                                return await _http.GetStringAsync("https://api.cometapi.com/v1/models");
                            }
                            catch (HttpRequestException ex) when (attempt++ < 3 && (ex.StatusCode is not { } status || CometApiContract.IsRetryable(status)))
                            {
                            }
                        }
                    }
                """);

        [Fact]
        public Task A_catch_all_gets_an_exception_variable_and_a_pattern_filter()
            => VerifyFixAsync(
                """
                    async Task<string> GetAsync()
                    {
                        for (int attempt = 0; attempt < 3; attempt++)
                        {
                            try
                            {
                                return await _http.GetStringAsync("https://api.cometapi.com/v1/models");
                            }
                            [|catch|]
                            {
                            }
                        }

                        return "";
                    }
                """,
                """
                    async Task<string> GetAsync()
                    {
                        for (int attempt = 0; attempt < 3; attempt++)
                        {
                            try
                            {
                                return await _http.GetStringAsync("https://api.cometapi.com/v1/models");
                            }
                            catch (Exception exception) when (exception is not HttpRequestException { StatusCode: { } status } || CometApiContract.IsRetryable(status))
                            {
                            }
                        }

                        return "";
                    }
                """);

        [Fact]
        public Task A_ClientResultException_catch_gets_a_filter_on_its_Status()
            => VerifyFixAsync(
                """
                    async Task<string> AskAsync(string question)
                    {
                        for (int attempt = 0; attempt < 3; attempt++)
                        {
                            try
                            {
                                ChatCompletion completion = await _chat.CompleteChatAsync(new UserChatMessage(question));
                                return completion.Content[0].Text;
                            }
                            catch [|(ClientResultException exception)|]
                            {
                                Console.WriteLine(exception.Status);
                            }
                        }

                        return "";
                    }
                """,
                """
                    async Task<string> AskAsync(string question)
                    {
                        for (int attempt = 0; attempt < 3; attempt++)
                        {
                            try
                            {
                                ChatCompletion completion = await _chat.CompleteChatAsync(new UserChatMessage(question));
                                return completion.Content[0].Text;
                            }
                            catch (ClientResultException exception) when (CometApiContract.IsRetryable(exception.Status))
                            {
                                Console.WriteLine(exception.Status);
                            }
                        }

                        return "";
                    }
                """);

        [Fact]
        public Task The_pattern_variable_avoids_names_already_in_use()
            => VerifyFixAsync(
                """
                    RetryStrategyOptions<HttpResponseMessage> Create(string status)
                        => new()
                        {
                            ShouldHandle = args => ValueTask.FromResult([|args.Outcome.Result?.StatusCode == HttpStatusCode.Forbidden|]),
                        };
                """,
                """
                    RetryStrategyOptions<HttpResponseMessage> Create(string status)
                        => new()
                        {
                            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result?.StatusCode is { } statusCode && CometApiContract.IsRetryable(statusCode)),
                        };
                """);

        [Fact]
        public Task A_switch_statement_gets_no_automatic_fix()
            => VerifyFixAsync(
                """
                    async Task<HttpResponseMessage> SendAsync(string url)
                    {
                        while (true)
                        {
                            var response = await _http.GetAsync(url);
                            switch ([|response.StatusCode|])
                            {
                                case HttpStatusCode.OK:
                                    return response;
                                default:
                                    break;
                            }
                        }
                    }
                """,
                """
                    async Task<HttpResponseMessage> SendAsync(string url)
                    {
                        while (true)
                        {
                            var response = await _http.GetAsync(url);
                            switch (response.StatusCode)
                            {
                                case HttpStatusCode.OK:
                                    return response;
                                default:
                                    break;
                            }
                        }
                    }
                """);

        [Fact]
        public Task Before_CSharp_9_no_fix_is_offered_where_it_would_need_patterns()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    RetryStrategyOptions<HttpResponseMessage> Options = new RetryStrategyOptions<HttpResponseMessage>
                    {
                        ShouldHandle = args => ValueTask.FromResult([|args.Outcome.Result?.StatusCode == HttpStatusCode.BadRequest|]),
                    };
                    IAsyncPolicy Retry = Policy.Handle<HttpRequestException>(e => [|e.StatusCode != HttpStatusCode.NotFound|]).RetryAsync(3);
                """)
                .WithLanguageVersion(LanguageVersion.CSharp8)
                .WithCodeFix<RetryOnNonRetryableStatusCodeFixProvider>(RetrySources.InClass("""
                    RetryStrategyOptions<HttpResponseMessage> Options = new RetryStrategyOptions<HttpResponseMessage>
                    {
                        ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result?.StatusCode == HttpStatusCode.BadRequest),
                    };
                    IAsyncPolicy Retry = Policy.Handle<HttpRequestException>(e => e.StatusCode != HttpStatusCode.NotFound).RetryAsync(3);
                """))
                .RunAsync();

        [Fact]
        public Task Before_CSharp_9_a_non_nullable_status_is_still_fixed()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    IAsyncPolicy<HttpResponseMessage> Retry = Policy
                        .HandleResult<HttpResponseMessage>(r => [|!r.IsSuccessStatusCode|])
                        .RetryAsync(3);
                """)
                .WithLanguageVersion(LanguageVersion.CSharp8)
                .WithCodeFix<RetryOnNonRetryableStatusCodeFixProvider>(RetrySources.InClass("""
                    IAsyncPolicy<HttpResponseMessage> Retry = Policy
                        .HandleResult<HttpResponseMessage>(r => CometApiContract.IsRetryable(r.StatusCode))
                        .RetryAsync(3);
                """))
                .RunAsync();
    

        [Fact]
        public Task Fix_All_uses_IsRetryable_in_the_document_the_project_and_the_solution()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    IAsyncPolicy<HttpResponseMessage> Retry1 = Policy
                        .HandleResult<HttpResponseMessage>(r => [|!r.IsSuccessStatusCode|])
                        .RetryAsync(3);
                    IAsyncPolicy<HttpResponseMessage> Retry2 = Policy
                        .HandleResult<HttpResponseMessage>(response => [|(int)response.StatusCode >= 400|])
                        .RetryAsync(3);
                """)
                .WithSource("""
                    using System.Net.Http;
                    using Polly;

                    class Other
                    {
                        IAsyncPolicy<HttpResponseMessage> Retry3 = Policy
                            .HandleResult<HttpResponseMessage>(r => [|!r.IsSuccessStatusCode|])
                            .RetryAsync(3);
                    }
                    """)
                .WithCodeFix<RetryOnNonRetryableStatusCodeFixProvider>(RetrySources.InClass("""
                    IAsyncPolicy<HttpResponseMessage> Retry1 = Policy
                        .HandleResult<HttpResponseMessage>(r => CometApiContract.IsRetryable(r.StatusCode))
                        .RetryAsync(3);
                    IAsyncPolicy<HttpResponseMessage> Retry2 = Policy
                        .HandleResult<HttpResponseMessage>(response => CometApiContract.IsRetryable(response.StatusCode))
                        .RetryAsync(3);
                """))
                .WithFixedSource(2, """
                    using System.Net.Http;
                    using Polly;

                    class Other
                    {
                        IAsyncPolicy<HttpResponseMessage> Retry3 = Policy
                            .HandleResult<HttpResponseMessage>(r => CometApi.Contracts.CometApiContract.IsRetryable(r.StatusCode))
                            .RetryAsync(3);
                    }
                    """)
                .RunAsync();
}
}
