using System.Threading.Tasks;
using CometAnalyzers.Rules;
using Xunit;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>COMET003 on hand-written loops: a retry loop must count its attempts; polling and reading loops are not retries.</summary>
    public class COMET003LoopTests
    {
        [Fact]
        public Task A_while_true_loop_that_retries_after_a_caught_exception_is_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    async Task<string> GetModelsAsync()
                    {
                        [|while|] (true)
                        {
                            try
                            {
                                return await _http.GetStringAsync("https://api.cometapi.com/v1/models");
                            }
                            catch (HttpRequestException)
                            {
                                await Task.Delay(1000);
                            }
                        }
                    }
                """).RunAsync();

        [Fact]
        public Task A_for_ever_loop_that_sends_again_until_the_status_is_successful_is_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> createRequest)
                    {
                        [|for|] (;;)
                        {
                            HttpResponseMessage response = await _http.SendAsync(createRequest());
                            if (response.IsSuccessStatusCode)
                            {
                                return response;
                            }

                            await Task.Delay(500);
                        }
                    }
                """).RunAsync();

        [Fact]
        public Task A_do_while_not_ok_loop_is_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    async Task PostAsync(string json)
                    {
                        bool ok;
                        [|do|]
                        {
                            try
                            {
                                HttpResponseMessage response = await _http.PostAsync("https://api.cometapi.com/v1/chat/completions", new StringContent(json));
                                response.EnsureSuccessStatusCode();
                                ok = true;
                            }
                            catch (HttpRequestException)
                            {
                                ok = false;
                            }
                        }
                        while (!ok);
                    }
                """).RunAsync();

        [Fact]
        public Task A_do_while_loop_on_an_unsuccessful_status_is_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    async Task<HttpResponseMessage> PostAsync(string json)
                    {
                        HttpResponseMessage response;
                        [|do|]
                        {
                            response = await _http.PostAsync("https://api.cometapi.com/v1/chat/completions", new StringContent(json));
                        }
                        while (!response.IsSuccessStatusCode);
                        return response;
                    }
                """).RunAsync();

        [Fact]
        public Task A_loop_whose_condition_has_no_attempt_counter_is_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    async Task<string> GetAsync(CancellationToken cancellationToken)
                    {
                        [|while|] (!cancellationToken.IsCancellationRequested)
                        {
                            try
                            {
                                return await _http.GetStringAsync("https://api.cometapi.com/v1/models", cancellationToken);
                            }
                            catch (HttpRequestException)
                            {
                            }
                        }

                        throw new OperationCanceledException();
                    }
                """).RunAsync();

        [Fact]
        public Task A_loop_that_continues_on_an_unsuccessful_status_is_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    async Task<HttpResponseMessage> SendAsync(string url)
                    {
                        [|while|] (true)
                        {
                            var response = await _http.GetAsync(url);
                            if (!response.IsSuccessStatusCode)
                            {
                                await Task.Delay(TimeSpan.FromSeconds(1));
                                continue;
                            }

                            return response;
                        }
                    }
                """).RunAsync();

        [Fact]
        public Task A_loop_that_retries_OpenAI_CompleteChat_is_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    async Task<string> AskAsync(string question)
                    {
                        [|while|] (true)
                        {
                            try
                            {
                                ChatCompletion completion = await _chat.CompleteChatAsync(new UserChatMessage(question));
                                return completion.Content[0].Text;
                            }
                            catch (ClientResultException)
                            {
                                await Task.Delay(500);
                            }
                        }
                    }
                """).RunAsync();

        [Fact]
        public Task A_loop_whose_condition_sends_the_request_is_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    async Task WaitUntilUpAsync(string url)
                    {
                        [|while|] (!(await _http.GetAsync(url)).IsSuccessStatusCode)
                        {
                            await Task.Delay(1000);
                        }
                    }
                """).RunAsync();

        [Fact]
        public Task A_loop_bounded_only_by_elapsed_time_is_reported_because_it_does_not_count_attempts()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    async Task<string> GetAsync()
                    {
                        var watch = System.Diagnostics.Stopwatch.StartNew();
                        [|while|] (watch.Elapsed < TimeSpan.FromSeconds(30))
                        {
                            try
                            {
                                return await _http.GetStringAsync("https://api.cometapi.com/v1/models");
                            }
                            catch (HttpRequestException)
                            {
                                await Task.Delay(1000);
                            }
                        }

                        throw new TimeoutException();
                    }
                """).RunAsync();

        [Fact]
        public Task A_retry_loop_is_reported_without_a_contract_too()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    async Task<string> GetAsync()
                    {
                        [|while|] (true)
                        {
                            try
                            {
                                return await _http.GetStringAsync("https://api.cometapi.com/v1/models");
                            }
                            catch
                            {
                            }
                        }
                    }
                """, withContract: false).RunAsync();

        [Fact]
        public Task A_for_loop_with_an_attempt_counter_is_not_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    async Task<string> GetAsync()
                    {
                        for (int attempt = 0; attempt < 3; attempt++)
                        {
                            try
                            {
                                return await _http.GetStringAsync("https://api.cometapi.com/v1/models");
                            }
                            catch (HttpRequestException)
                            {
                                await Task.Delay(1000);
                            }
                        }

                        throw new HttpRequestException("gave up");
                    }
                """).RunAsync();

        [Fact]
        public Task A_while_loop_bounded_by_the_contract_MaxRetries_is_not_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    async Task<HttpResponseMessage?> SendAsync(string url)
                    {
                        int attempt = 0;
                        while (attempt <= CometApiContract.MaxRetries)
                        {
                            var response = await _http.GetAsync(url);
                            if (response.IsSuccessStatusCode)
                            {
                                return response;
                            }

                            attempt++;
                        }

                        return null;
                    }
                """).RunAsync();

        [Fact]
        public Task A_while_true_loop_that_throws_after_too_many_attempts_is_not_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    async Task<string> GetAsync()
                    {
                        int attempt = 0;
                        while (true)
                        {
                            try
                            {
                                return await _http.GetStringAsync("https://api.cometapi.com/v1/models");
                            }
                            catch (HttpRequestException)
                            {
                                if (++attempt > 3)
                                {
                                    throw;
                                }
                            }
                        }
                    }
                """).RunAsync();

        [Fact]
        public Task A_catch_filter_that_counts_attempts_is_not_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    async Task<string> GetAsync()
                    {
                        int attempt = 0;
                        while (true)
                        {
                            try
                            {
                                return await _http.GetStringAsync("https://api.cometapi.com/v1/models");
                            }
                            catch (HttpRequestException) when (attempt++ < 3)
                            {
                                await Task.Delay(100);
                            }
                        }
                    }
                """).RunAsync();

        [Fact]
        public Task An_if_that_continues_while_attempts_remain_and_throws_after_is_not_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    async Task<string> PrefixIncrement(string url)
                    {
                        int attempt = 0;
                        while (true)
                        {
                            try
                            {
                                return await _http.GetStringAsync(url);
                            }
                            catch (HttpRequestException ex) when (ex.StatusCode is null)
                            {
                                if (++attempt < 3)
                                {
                                    await Task.Delay(100);
                                    continue;
                                }

                                throw;
                            }
                        }
                    }

                    async Task<string> PostfixIncrement(string url)
                    {
                        int attempt = 0;
                        while (true)
                        {
                            try
                            {
                                return await _http.GetStringAsync(url);
                            }
                            catch (HttpRequestException ex) when (ex.StatusCode is null)
                            {
                                if (attempt++ < 3) continue;
                                throw;
                            }
                        }
                    }
                """).RunAsync();

        [Fact]
        public Task An_if_that_continues_without_leaving_after_it_is_still_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    async Task<string> GetAsync(string url)
                    {
                        int attempt = 0;
                        [|while|] (true)
                        {
                            try
                            {
                                return await _http.GetStringAsync(url);
                            }
                            catch (HttpRequestException)
                            {
                                if (++attempt < 3)
                                {
                                    continue;
                                }

                                await Task.Delay(1000);
                            }
                        }
                    }
                """).RunAsync();

        [Fact]
        public Task A_capped_exponential_backoff_is_not_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    async Task<string> GetAsync(string url)
                    {
                        for (int delayMs = 100; delayMs <= 1600; delayMs *= 2)
                        {
                            try
                            {
                                return await _http.GetStringAsync(url);
                            }
                            catch (HttpRequestException ex) when (ex.StatusCode is null)
                            {
                                await Task.Delay(delayMs);
                            }
                        }

                        throw new InvalidOperationException("Out of attempts.");
                    }
                """).RunAsync();

        [Fact]
        public Task An_Interlocked_counter_is_an_attempt_bound_and_is_not_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    private int _attempts;

                    async Task<string> GetAsync(string url)
                    {
                        int attempt = 0;
                        while (true)
                        {
                            try
                            {
                                return await _http.GetStringAsync(url);
                            }
                            catch (HttpRequestException) when (Interlocked.Increment(ref attempt) <= CometApiContract.MaxRetries)
                            {
                                await Task.Delay(100);
                            }
                        }
                    }

                    async Task<string> SharedCounterAsync(string url)
                    {
                        while (true)
                        {
                            try
                            {
                                return await _http.GetStringAsync(url);
                            }
                            catch (HttpRequestException)
                            {
                                if (Interlocked.Add(ref _attempts, 1) > 3)
                                {
                                    throw;
                                }
                            }
                        }
                    }
                """).RunAsync();

        [Fact]
        public Task A_counter_declared_in_the_body_starts_again_every_time_and_is_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    async Task<string> GetAsync(string url)
                    {
                        [|while|] (true)
                        {
                            int attempt = 0;
                            try
                            {
                                return await _http.GetStringAsync(url);
                            }
                            catch (HttpRequestException ex) when (ex.StatusCode is null && attempt++ < 3)
                            {
                                await Task.Delay(100);
                            }
                        }
                    }
                """).RunAsync();

        [Fact]
        public Task A_429_branch_that_continues_before_the_attempt_check_is_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    async Task<HttpResponseMessage> SendAsync(string url)
                    {
                        int attempt = 0;
                        [|while|] (true)
                        {
                            var response = await _http.GetAsync(url);
                            if (response.IsSuccessStatusCode)
                            {
                                return response;
                            }

                            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                            {
                                await Task.Delay(1000);
                                continue;
                            }

                            if (++attempt >= 3)
                            {
                                return response;
                            }

                            await Task.Delay(500);
                        }
                    }
                """).RunAsync();

        [Fact]
        public Task An_attempt_check_that_429_short_circuits_is_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    async Task<HttpResponseMessage> SendAsync(string url)
                    {
                        int attempt = 0;
                        [|while|] (true)
                        {
                            var response = await _http.GetAsync(url);
                            if (response.IsSuccessStatusCode)
                            {
                                return response;
                            }

                            if (response.StatusCode != HttpStatusCode.TooManyRequests && ++attempt >= 3)
                            {
                                return response;
                            }

                            await Task.Delay(500);
                        }
                    }
                """).RunAsync();

        [Fact]
        public Task A_429_branch_that_skips_the_counter_step_is_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    async Task<HttpResponseMessage> SendAsync(string url)
                    {
                        int attempt = 0;
                        [|while|] (true)
                        {
                            if (attempt >= 3)
                            {
                                throw new InvalidOperationException("Out of attempts.");
                            }

                            var response = await _http.GetAsync(url);
                            if (response.IsSuccessStatusCode)
                            {
                                return response;
                            }

                            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                            {
                                continue;
                            }

                            attempt++;
                        }
                    }
                """).RunAsync();

        [Fact]
        public Task An_attempt_check_that_429_overrides_is_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    async Task<HttpResponseMessage> GiveUpUnless429(string url)
                    {
                        int attempt = 0;
                        [|while|] (true)
                        {
                            var response = await _http.GetAsync(url);
                            if (response.IsSuccessStatusCode || (++attempt > 3 && response.StatusCode != HttpStatusCode.TooManyRequests))
                            {
                                return response;
                            }

                            await Task.Delay(500);
                        }
                    }

                    async Task<string> FilterLets429Through(string url)
                    {
                        int attempt = 0;
                        [|while|] (true)
                        {
                            try
                            {
                                return await _http.GetStringAsync(url);
                            }
                            catch (HttpRequestException ex) when (attempt++ < 3 || ex.StatusCode == HttpStatusCode.TooManyRequests)
                            {
                                await Task.Delay(100);
                            }
                        }
                    }
                """).RunAsync();

        [Fact]
        public Task An_attempt_check_before_the_429_branch_bounds_every_path_and_is_not_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    async Task<HttpResponseMessage> CheckFirst(string url)
                    {
                        int attempt = 0;
                        while (true)
                        {
                            var response = await _http.GetAsync(url);
                            if (response.IsSuccessStatusCode || ++attempt > CometApiContract.MaxRetries)
                            {
                                return response;
                            }

                            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                            {
                                await Task.Delay(1000);
                                continue;
                            }

                            await Task.Delay(500);
                        }
                    }

                    async Task<HttpResponseMessage> CountInFinally(string url)
                    {
                        int attempt = 0;
                        while (true)
                        {
                            if (attempt >= 3)
                            {
                                throw new InvalidOperationException("Out of attempts.");
                            }

                            try
                            {
                                var response = await _http.GetAsync(url);
                                if (response.IsSuccessStatusCode)
                                {
                                    return response;
                                }

                                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                                {
                                    continue;
                                }
                            }
                            finally
                            {
                                attempt++;
                            }
                        }
                    }
                """).RunAsync();

        [Fact]
        public Task A_DelegatingHandler_that_sends_through_base_until_success_is_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    sealed class RetryHandler : DelegatingHandler
                    {
                        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
                        {
                            [|while|] (true)
                            {
                                var response = await base.SendAsync(request, cancellationToken);
                                if (response.IsSuccessStatusCode)
                                {
                                    return response;
                                }

                                await Task.Delay(1000, cancellationToken);
                            }
                        }
                    }

                    sealed class BoundedHandler : DelegatingHandler
                    {
                        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
                        {
                            for (int attempt = 0; ; attempt++)
                            {
                                var response = await base.SendAsync(request, cancellationToken);
                                if ((int)response.StatusCode < 500 || attempt >= CometApiContract.MaxRetries)
                                {
                                    return response;
                                }

                                await Task.Delay(1000, cancellationToken);
                            }
                        }
                    }
                """).RunAsync();

        [Fact]
        public Task A_polling_loop_that_sends_on_a_schedule_whatever_the_outcome_is_not_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    async Task PollAsync(CancellationToken cancellationToken)
                    {
                        while (!cancellationToken.IsCancellationRequested)
                        {
                            var response = await _http.GetAsync("https://api.cometapi.com/v1/models", cancellationToken);
                            if (!response.IsSuccessStatusCode)
                            {
                                Console.WriteLine($"models endpoint returned {(int)response.StatusCode}");
                            }

                            await Task.Delay(TimeSpan.FromMinutes(1), cancellationToken);
                        }
                    }
                """).RunAsync();

        [Fact]
        public Task A_PeriodicTimer_loop_is_not_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    async Task PollAsync(CancellationToken cancellationToken)
                    {
                        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(30));
                        while (await timer.WaitForNextTickAsync(cancellationToken))
                        {
                            try
                            {
                                await _http.GetAsync("https://api.cometapi.com/v1/models", cancellationToken);
                            }
                            catch (HttpRequestException)
                            {
                            }
                        }
                    }
                """).RunAsync();

        [Fact]
        public Task A_canary_loop_that_catches_logs_and_waits_is_not_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    async Task CanaryAsync()
                    {
                        while (true)
                        {
                            try
                            {
                                ChatCompletion completion = await _chat.CompleteChatAsync(new UserChatMessage("ping"));
                                Console.WriteLine("canary ok: " + completion.Content[0].Text);
                            }
                            catch (ClientResultException exception)
                            {
                                Console.WriteLine("canary failed: " + exception.Status);
                            }

                            await Task.Delay(TimeSpan.FromMinutes(5));
                        }
                    }
                """).RunAsync();

        [Fact]
        public Task A_loop_that_reads_a_response_stream_is_not_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    async Task<int> CountEventsAsync(HttpRequestMessage request)
                    {
                        using HttpResponseMessage response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
                        int count = 0;
                        while (true)
                        {
                            string? line;
                            try
                            {
                                line = await reader.ReadLineAsync();
                            }
                            catch (IOException)
                            {
                                continue;
                            }

                            if (line is null)
                            {
                                break;
                            }

                            count++;
                        }

                        return count;
                    }
                """).RunAsync();

        [Fact]
        public Task A_loop_over_streamed_chat_updates_is_not_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    async Task<string> StreamAsync()
                    {
                        var text = new System.Text.StringBuilder();
                        await foreach (StreamingChatCompletionUpdate update in _chat.CompleteChatStreamingAsync(new UserChatMessage("hi")))
                        {
                            foreach (var part in update.ContentUpdate)
                            {
                                text.Append(part.Text);
                            }
                        }

                        return text.ToString();
                    }
                """).RunAsync();

        [Fact]
        public Task A_loop_that_sends_each_queued_item_once_is_not_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    async Task DrainAsync(System.Collections.Concurrent.ConcurrentQueue<string> queue)
                    {
                        while (queue.TryDequeue(out string? json))
                        {
                            try
                            {
                                await _http.PostAsync("https://api.cometapi.com/v1/chat/completions", new StringContent(json));
                            }
                            catch (HttpRequestException)
                            {
                                Console.WriteLine("dropped one");
                            }
                        }
                    }
                """).RunAsync();

        [Fact]
        public Task A_loop_that_gives_up_on_the_first_failure_is_not_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    async Task<HttpResponseMessage> SendAsync(string url)
                    {
                        while (true)
                        {
                            var response = await _http.GetAsync(url);
                            if (!response.IsSuccessStatusCode)
                            {
                                throw new HttpRequestException("failed: " + response.StatusCode);
                            }

                            return response;
                        }
                    }
                """).RunAsync();

        [Fact]
        public Task A_loop_whose_retry_decision_calls_a_method_the_analyzer_cannot_see_is_not_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    static bool IsDone(HttpResponseMessage response)
                    {
                        Console.WriteLine(response.StatusCode);
                        return response.IsSuccessStatusCode;
                    }

                    async Task<HttpResponseMessage> SendAsync(string url)
                    {
                        while (true)
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
        public Task A_retry_loop_that_streams_the_response_on_success_is_still_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    async Task StreamAsync(Func<HttpRequestMessage> createRequest)
                    {
                        [|while|] (true)
                        {
                            try
                            {
                                using HttpResponseMessage response = await _http.SendAsync(createRequest(), HttpCompletionOption.ResponseHeadersRead);
                                response.EnsureSuccessStatusCode();
                                using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
                                while (await reader.ReadLineAsync() is { } line)
                                {
                                    Console.WriteLine(line);
                                }

                                return;
                            }
                            catch (HttpRequestException)
                            {
                                await Task.Delay(1000);
                            }
                        }
                    }
                """).RunAsync();

        [Fact]
        public Task A_retry_loop_with_a_using_block_and_a_switch_is_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    async Task<string> GetAsync(string url)
                    {
                        [|do|]
                        {
                            using (HttpResponseMessage response = await _http.GetAsync(url))
                            {
                                switch (response.StatusCode)
                                {
                                    case HttpStatusCode.OK:
                                        return await response.Content.ReadAsStringAsync();
                                    case HttpStatusCode.TooManyRequests:
                                    case >= HttpStatusCode.InternalServerError:
                                        await Task.Delay(1000);
                                        break;
                                    default:
                                        throw new HttpRequestException("failed: " + response.StatusCode);
                                }
                            }
                        }
                        while (true);
                    }
                """).RunAsync();
    }
}
