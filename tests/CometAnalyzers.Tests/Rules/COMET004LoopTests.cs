using System.Threading.Tasks;
using CometAnalyzers.Rules;
using Xunit;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>COMET004 on hand-written retry loops: the status after which the loop sends again.</summary>
    public class COMET004LoopTests
    {
        [Fact]
        public Task Continuing_on_any_unsuccessful_status_is_reported_at_the_condition()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    async Task<HttpResponseMessage> SendAsync(string url)
                    {
                        for (int attempt = 0; ; attempt++)
                        {
                            var response = await _http.GetAsync(url);
                            if ([|!response.IsSuccessStatusCode|] && attempt < 3)
                            {
                                await Task.Delay(1000);
                                continue;
                            }

                            return response;
                        }
                    }
                """).RunAsync();

        [Fact]
        public Task Sync_over_async_sends_are_judged_like_awaited_ones()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    HttpResponseMessage Send(string url)
                    {
                        for (int attempt = 0; ; attempt++)
                        {
                            var response = _http.GetAsync(url).Result;
                            if ([|!response.IsSuccessStatusCode|] && attempt < 3)
                            {
                                Thread.Sleep(1000);
                                continue;
                            }

                            return response;
                        }
                    }

                    HttpResponseMessage SendRetryable(HttpRequestMessage request)
                    {
                        for (int attempt = 0; ; attempt++)
                        {
                            var response = _http.SendAsync(request).ConfigureAwait(false).GetAwaiter().GetResult();
                            if (CometApiContract.IsRetryable(response.StatusCode) && attempt < 3)
                            {
                                Thread.Sleep(1000);
                                continue;
                            }

                            return response;
                        }
                    }
                """).RunAsync();

        [Fact]
        public Task Loops_that_retry_on_headers_or_failure_details_are_not_judged()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    async Task<HttpResponseMessage> RetryAfterOnly(string url)
                    {
                        for (int attempt = 0; attempt < 3; attempt++)
                        {
                            var response = await _http.GetAsync(url);
                            if (response.IsSuccessStatusCode)
                            {
                                return response;
                            }

                            if (response.Headers.RetryAfter?.Delta is { } wait)
                            {
                                await Task.Delay(wait);
                                continue;
                            }

                            return response;
                        }

                        throw new InvalidOperationException("Out of attempts.");
                    }

                    async Task<string> ConnectionFailuresOnly(string url)
                    {
                        for (int attempt = 0; attempt < 3; attempt++)
                        {
                            try
                            {
                                return await _http.GetStringAsync(url);
                            }
                            catch (HttpRequestException ex) when (ex.HttpRequestError == HttpRequestError.ConnectionError)
                            {
                                await Task.Delay(200);
                            }
                        }

                        throw new InvalidOperationException("Out of attempts.");
                    }

                    async Task<string> SocketFailuresOnly(string url)
                    {
                        for (int attempt = 0; attempt < 3; attempt++)
                        {
                            try
                            {
                                return await _http.GetStringAsync(url);
                            }
                            catch (HttpRequestException ex) when (ex.InnerException is System.Net.Sockets.SocketException or IOException)
                            {
                                await Task.Delay(200);
                            }
                        }

                        throw new InvalidOperationException("Out of attempts.");
                    }
                """).RunAsync();

        [Fact]
        public Task A_DelegatingHandler_that_retries_every_failure_is_reported_and_one_that_retries_5xx_is_not()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    sealed class RetryHandler : DelegatingHandler
                    {
                        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
                        {
                            for (int attempt = 0; ; attempt++)
                            {
                                var response = await base.SendAsync(request, cancellationToken);
                                if ([|response.IsSuccessStatusCode|] || attempt >= 3)
                                {
                                    return response;
                                }

                                await Task.Delay(1000, cancellationToken);
                            }
                        }
                    }

                    sealed class TransientHandler : DelegatingHandler
                    {
                        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
                        {
                            for (int attempt = 0; ; attempt++)
                            {
                                var response = await base.SendAsync(request, cancellationToken);
                                if ((int)response.StatusCode < 500 || attempt >= 3)
                                {
                                    return response;
                                }

                                await Task.Delay(1000, cancellationToken);
                            }
                        }
                    }
                """).RunAsync();

        [Fact]
        public Task Leaving_only_on_success_is_reported_at_the_success_check()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    async Task<HttpResponseMessage> SendAsync(string url)
                    {
                        while (true)
                        {
                            var response = await _http.GetAsync(url);
                            if ([|response.IsSuccessStatusCode|])
                            {
                                return response;
                            }

                            await Task.Delay(1000);
                        }
                    }
                """).RunAsync();

        [Fact]
        public Task Continuing_on_status_400_and_above_is_reported()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    async Task<HttpResponseMessage> SendAsync(string url)
                    {
                        HttpResponseMessage response;
                        int attempt = 0;
                        while (true)
                        {
                            response = await _http.GetAsync(url);
                            if ([|(int)response.StatusCode >= 400|] && ++attempt < 3)
                            {
                                continue;
                            }

                            return response;
                        }
                    }
                """).RunAsync();

        [Fact]
        public Task Retrying_anything_but_OK_is_reported()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    async Task<HttpResponseMessage> SendAsync(string url)
                    {
                        while (true)
                        {
                            var response = await _http.GetAsync(url);
                            if ([|response.StatusCode != HttpStatusCode.OK|])
                            {
                                continue;
                            }

                            return response;
                        }
                    }
                """).RunAsync();

        [Fact]
        public Task A_do_while_on_an_unsuccessful_status_is_reported_at_the_loop_condition()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    async Task<HttpResponseMessage> SendAsync(string url)
                    {
                        HttpResponseMessage response;
                        do
                        {
                            response = await _http.GetAsync(url);
                        }
                        while ([|!response.IsSuccessStatusCode|]);
                        return response;
                    }
                """).RunAsync();

        [Fact]
        public Task An_is_pattern_success_check_is_reported()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    async Task<HttpResponseMessage> SendAsync(string url)
                    {
                        while (true)
                        {
                            var response = await _http.GetAsync(url);
                            if ([|response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created|])
                            {
                                return response;
                            }
                        }
                    }
                """).RunAsync();

        [Fact]
        public Task A_switch_statement_that_retries_by_default_is_reported_at_its_value()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
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
                                    await Task.Delay(1000);
                                    break;
                            }
                        }
                    }
                """).RunAsync();

        [Fact]
        public Task Catching_HttpRequestException_from_EnsureSuccessStatusCode_without_a_filter_is_reported()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    async Task<string> PostAsync(string json)
                    {
                        while (true)
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
                    }
                """).RunAsync();

        [Fact]
        public Task A_catch_all_around_GetStringAsync_is_reported_at_the_catch_keyword()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
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
                """).RunAsync();

        [Fact]
        public Task Catching_every_ClientResultException_from_CompleteChat_is_reported()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
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
                """).RunAsync();

        [Fact]
        public Task A_catch_filter_on_retryable_statuses_is_not_reported()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    async Task<string> GetAsync()
                    {
                        for (int attempt = 0; attempt < 3; attempt++)
                        {
                            try
                            {
                                return await _http.GetStringAsync("https://api.cometapi.com/v1/models");
                            }
                            catch (HttpRequestException exception) when (exception.StatusCode is null or HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError)
                            {
                                await Task.Delay(1000);
                            }
                        }

                        return "";
                    }
                """).RunAsync();

        [Fact]
        public Task Retry_decisions_that_use_the_generated_contract_are_not_reported()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    async Task<HttpResponseMessage> SendAsync(string url)
                    {
                        for (int attempt = 0; attempt < CometApiContract.MaxRetries; attempt++)
                        {
                            var response = await _http.GetAsync(url);
                            if (CometApiContract.IsRetryable(response.StatusCode))
                            {
                                continue;
                            }

                            return response;
                        }

                        return await _http.GetAsync(url);
                    }

                    async Task<string> AskAsync(string question)
                    {
                        for (int attempt = 0; attempt < CometApiContract.MaxRetries; attempt++)
                        {
                            try
                            {
                                ChatCompletion completion = await _chat.CompleteChatAsync(new UserChatMessage(question));
                                return completion.Content[0].Text;
                            }
                            catch (ClientResultException exception) when (CometApiContract.IsRetryable(exception.Status))
                            {
                            }
                        }

                        return "";
                    }
                """).RunAsync();

        [Fact]
        public Task Retrying_only_429_and_408_is_not_reported()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    async Task<HttpResponseMessage> SendAsync(string url)
                    {
                        for (int attempt = 0; attempt < 3; attempt++)
                        {
                            var response = await _http.GetAsync(url);
                            if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout)
                            {
                                await Task.Delay(1000);
                                continue;
                            }

                            return response;
                        }

                        throw new TimeoutException();
                    }
                """).RunAsync();

        [Fact]
        public Task A_loop_that_throws_on_client_errors_before_retrying_is_not_reported()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    async Task<HttpResponseMessage> SendAsync(string url)
                    {
                        for (int attempt = 0; attempt < 3; attempt++)
                        {
                            var response = await _http.GetAsync(url);
                            int status = (int)response.StatusCode;
                            if (status is >= 400 and < 500 and not 408 and not 429)
                            {
                                throw new HttpRequestException("not retryable: " + status);
                            }

                            if (!response.IsSuccessStatusCode)
                            {
                                continue;
                            }

                            return response;
                        }

                        throw new TimeoutException();
                    }
                """).RunAsync();

        [Fact]
        public Task A_polling_loop_is_not_a_retry()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    async Task PollAsync(CancellationToken cancellationToken)
                    {
                        while (!cancellationToken.IsCancellationRequested)
                        {
                            var response = await _http.GetAsync("https://api.cometapi.com/v1/models", cancellationToken);
                            if (!response.IsSuccessStatusCode)
                            {
                                Console.WriteLine("status " + response.StatusCode);
                                continue;
                            }

                            await Task.Delay(TimeSpan.FromMinutes(1), cancellationToken);
                        }
                    }
                """).RunAsync();

        [Fact]
        public Task A_loop_whose_retry_decision_calls_a_method_the_analyzer_cannot_see_is_not_reported()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    static bool ShouldRetry(HttpResponseMessage response)
                    {
                        Console.WriteLine(response.StatusCode);
                        return !response.IsSuccessStatusCode;
                    }

                    async Task<HttpResponseMessage> SendAsync(string url)
                    {
                        while (true)
                        {
                            var response = await _http.GetAsync(url);
                            if (!ShouldRetry(response))
                            {
                                return response;
                            }
                        }
                    }
                """).RunAsync();

        [Fact]
        public Task A_loop_that_hands_the_response_to_an_unseen_method_before_retrying_is_not_reported()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    static void ThrowIfFatal(HttpResponseMessage response)
                    {
                    }

                    async Task<HttpResponseMessage> SendAsync(string url)
                    {
                        while (true)
                        {
                            var response = await _http.GetAsync(url);
                            ThrowIfFatal(response);
                            if (response.IsSuccessStatusCode)
                            {
                                return response;
                            }
                        }
                    }
                """).RunAsync();

        [Fact]
        public Task A_loop_that_reads_a_stream_is_not_a_retry()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    async Task<int> CountLinesAsync(Stream stream)
                    {
                        using var reader = new StreamReader(stream);
                        int count = 0;
                        while (await reader.ReadLineAsync() is { } line)
                        {
                            if (line.Length == 0)
                            {
                                continue;
                            }

                            count++;
                        }

                        return count;
                    }
                """).RunAsync();

        [Fact]
        public Task Waiting_and_retrying_only_on_429_then_EnsureSuccessStatusCode_is_not_reported()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    async Task<string> SendAsync(string url)
                    {
                        for (int attempt = 0; attempt < 3; attempt++)
                        {
                            using var response = await _http.GetAsync(url);
                            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                            {
                                await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
                                continue;
                            }

                            response.EnsureSuccessStatusCode();
                            return await response.Content.ReadAsStringAsync();
                        }

                        throw new TimeoutException();
                    }
                """).RunAsync();

        [Fact]
        public Task A_ClientResultException_filter_on_retryable_statuses_is_not_reported()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    async Task<string> AskAsync(string question)
                    {
                        for (int attempt = 0; attempt < 3; attempt++)
                        {
                            try
                            {
                                ChatCompletion completion = await _chat.CompleteChatAsync(new UserChatMessage(question));
                                return completion.Content[0].Text;
                            }
                            catch (ClientResultException exception) when (exception.Status == 429 || exception.Status >= 500)
                            {
                                await Task.Delay(500);
                            }
                        }

                        return "";
                    }
                """).RunAsync();

        [Fact]
        public Task A_ClientResultException_filter_that_admits_400_is_reported()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    async Task<string> AskAsync(string question)
                    {
                        for (int attempt = 0; attempt < 3; attempt++)
                        {
                            try
                            {
                                ChatCompletion completion = await _chat.CompleteChatAsync(new UserChatMessage(question));
                                return completion.Content[0].Text;
                            }
                            catch (ClientResultException exception) when ([|exception.Status != 401|])
                            {
                            }
                        }

                        return "";
                    }
                """).RunAsync();
    }
}
