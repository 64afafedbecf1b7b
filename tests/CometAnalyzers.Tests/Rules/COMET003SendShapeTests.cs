using System.Threading.Tasks;
using CometAnalyzers.Rules;
using Xunit;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>COMET003 on sends written in less common shapes: ConfigureAwait and a stream enumerated in place.</summary>
    public class COMET003SendShapeTests
    {
        [Fact]
        public Task A_while_true_loop_whose_send_uses_ConfigureAwait_is_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    async Task<HttpResponseMessage> SendAsync(string url)
                    {
                        [|while|] (true)
                        {
                            var r = await _http.GetAsync(url).ConfigureAwait(false);
                            if ((int)r.StatusCode < 500) return r;
                        }
                    }
                """).RunAsync();

        [Fact]
        public Task A_counted_loop_whose_send_uses_ConfigureAwait_is_not_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    async Task<HttpResponseMessage> SendAsync(string url)
                    {
                        for (int a = 0; ; a++)
                        {
                            var r = await _http.GetAsync(url).ConfigureAwait(false);
                            if ((int)r.StatusCode < 500 || a >= 3) return r;
                            await Task.Delay(1000).ConfigureAwait(false);
                        }
                    }
                """).RunAsync();

        [Fact]
        public Task Sync_over_async_sends_in_an_unbounded_loop_are_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    HttpResponseMessage Send(string url)
                    {
                        [|while|] (true)
                        {
                            var r = _http.GetAsync(url).Result;
                            if (r.IsSuccessStatusCode) return r;
                        }
                    }

                    HttpResponseMessage SendWithAwaiter(HttpRequestMessage request)
                    {
                        [|while|] (true)
                        {
                            var r = _http.SendAsync(request).GetAwaiter().GetResult();
                            if (r.IsSuccessStatusCode) return r;
                            Thread.Sleep(1000);
                        }
                    }

                    HttpResponseMessage SendConfigured(string url)
                    {
                        [|while|] (true)
                        {
                            var r = _http.GetAsync(url).ConfigureAwait(false).GetAwaiter().GetResult();
                            if ((int)r.StatusCode < 500) return r;
                        }
                    }
                """).RunAsync();

        [Fact]
        public Task Sync_over_async_sends_in_a_bounded_loop_are_not_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    HttpResponseMessage Send(string url)
                    {
                        for (int attempt = 0; ; attempt++)
                        {
                            var r = _http.GetAsync(url).Result;
                            if (r.IsSuccessStatusCode || attempt >= 3) return r;
                            Thread.Sleep(1000);
                        }
                    }

                    HttpResponseMessage SendWithAwaiter(HttpRequestMessage request)
                    {
                        var r = _http.SendAsync(request).GetAwaiter().GetResult();
                        for (int attempt = 1; attempt <= CometApiContract.MaxRetries && !r.IsSuccessStatusCode; attempt++)
                        {
                            r = _http.SendAsync(request).GetAwaiter().GetResult();
                        }

                        return r;
                    }

                    HttpResponseMessage SendOnce(string url)
                    {
                        while (true)
                        {
                            var r = _http.GetAsync(url).Result;
                            return r;
                        }
                    }

                    string ResultThrowsAggregateException(string url)
                    {
                        while (true)
                        {
                            try
                            {
                                return _http.GetStringAsync(url).Result;
                            }
                            catch (HttpRequestException)
                            {
                                Thread.Sleep(1000);
                            }
                        }
                    }
                """).RunAsync();

        [Fact]
        public Task A_sync_over_async_failure_caught_by_its_real_type_is_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    string Result(string url)
                    {
                        [|while|] (true)
                        {
                            try
                            {
                                return _http.GetStringAsync(url).Result;
                            }
                            catch (AggregateException)
                            {
                                Thread.Sleep(1000);
                            }
                        }
                    }

                    string Awaiter(string url)
                    {
                        [|while|] (true)
                        {
                            try
                            {
                                return _http.GetStringAsync(url).GetAwaiter().GetResult();
                            }
                            catch (HttpRequestException)
                            {
                                Thread.Sleep(1000);
                            }
                        }
                    }
                """).RunAsync();

        [Fact]
        public Task A_while_true_loop_around_await_foreach_over_a_streaming_call_is_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    async Task StreamAsync()
                    {
                        [|while|] (true)
                        {
                            try
                            {
                                await foreach (var u in _chat.CompleteChatStreamingAsync("hi")) { }
                                return;
                            }
                            catch (ClientResultException ex) when (ex.Status == 429)
                            {
                                await Task.Delay(1000);
                            }
                        }
                    }

                    void Stream()
                    {
                        [|while|] (true)
                        {
                            try
                            {
                                foreach (var u in _chat.CompleteChatStreaming("hi")) { }
                                return;
                            }
                            catch (ClientResultException ex) when (ex.Status == 429)
                            {
                                Thread.Sleep(1000);
                            }
                        }
                    }
                """).RunAsync();

        [Fact]
        public Task A_counted_loop_around_await_foreach_over_a_streaming_call_is_not_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    async Task StreamAsync()
                    {
                        for (int attempt = 0; attempt < 3; attempt++)
                        {
                            try
                            {
                                await foreach (var u in _chat.CompleteChatStreamingAsync("hi")) { }
                                return;
                            }
                            catch (ClientResultException ex) when (ex.Status == 429)
                            {
                                await Task.Delay(1000);
                            }
                        }
                    }
                """).RunAsync();

        [Fact]
        public Task A_loop_that_leaves_early_on_client_errors_but_retries_429_without_a_limit_is_still_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    async Task<HttpResponseMessage> SendAsync(string url)
                    {
                        var resp = await _http.GetAsync(url);
                        [|while|] (!resp.IsSuccessStatusCode)
                        {
                            if (!CometApiContract.IsRetryable(resp.StatusCode)) break;
                            await Task.Delay(1000);
                            resp = await _http.GetAsync(url);
                        }

                        return resp;
                    }
                """).RunAsync();
    }
}
