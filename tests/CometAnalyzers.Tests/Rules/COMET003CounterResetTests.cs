using System.Threading.Tasks;
using CometAnalyzers.Rules;
using Xunit;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>
    /// COMET003 on attempt counters that are set back to a constant: a reset on a path that sends again starts the count
    /// over each time round, so that path is unbounded; a reset where the loop leaves, or before it, bounds nothing away.
    /// </summary>
    public class COMET003CounterResetTests
    {
        [Fact]
        public Task A_counter_reset_when_the_api_says_429_is_reported()
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

                            if (++attempt > 3)
                            {
                                throw new HttpRequestException("gave up");
                            }

                            if ((int)response.StatusCode == 429)
                            {
                                attempt = 0;
                            }

                            await Task.Delay(1000);
                        }
                    }
                """).RunAsync();

        [Fact]
        public Task A_for_loop_whose_counter_is_reset_in_the_catch_is_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    async Task<string> GetAsync(string url)
                    {
                        [|for|] (int attempt = 0; attempt < 3; attempt++)
                        {
                            try
                            {
                                return await _http.GetStringAsync(url);
                            }
                            catch (HttpRequestException)
                            {
                                attempt = 0;
                                await Task.Delay(1000);
                            }
                        }

                        throw new InvalidOperationException("unreachable");
                    }
                """).RunAsync();

        [Fact]
        public Task A_counter_reset_before_it_is_stepped_each_time_round_is_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    async Task<HttpResponseMessage> SendAsync(string url)
                    {
                        int attempt = 0;
                        [|while|] (true)
                        {
                            attempt = 0;
                            var response = await _http.GetAsync(url);
                            if (response.IsSuccessStatusCode)
                            {
                                return response;
                            }

                            if (++attempt >= 3)
                            {
                                throw new HttpRequestException("gave up");
                            }
                        }
                    }
                """).RunAsync();

        [Fact]
        public Task A_field_counter_reset_on_the_failure_path_is_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    private int _failures;

                    async Task<HttpResponseMessage> SendAsync(string url)
                    {
                        [|while|] (true)
                        {
                            var response = await _http.GetAsync(url);
                            if (response.IsSuccessStatusCode)
                            {
                                return response;
                            }

                            if (++_failures > 5)
                            {
                                throw new HttpRequestException("gave up");
                            }

                            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                            {
                                _failures = 0;
                            }

                            await Task.Delay(1000);
                        }
                    }
                """).RunAsync();

        [Fact]
        public Task A_counter_reset_only_on_the_way_out_is_not_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    private int _attempt;

                    async Task<HttpResponseMessage> SendAsync(string url)
                    {
                        while (true)
                        {
                            var response = await _http.GetAsync(url);
                            if (response.IsSuccessStatusCode)
                            {
                                _attempt = 0;
                                return response;
                            }

                            if (++_attempt > 3)
                            {
                                _attempt = 0;
                                throw new HttpRequestException("gave up");
                            }

                            await Task.Delay(1000);
                        }
                    }
                """).RunAsync();

        [Fact]
        public Task A_counter_reset_before_the_loop_is_not_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    private int _attempt = 7;

                    async Task<string> GetAsync(string url)
                    {
                        _attempt = 0;
                        while (true)
                        {
                            try
                            {
                                return await _http.GetStringAsync(url);
                            }
                            catch (HttpRequestException) when (++_attempt < 3)
                            {
                                await Task.Delay(1000);
                            }
                        }
                    }
                """).RunAsync();

        [Fact]
        public Task A_counter_reset_after_each_item_of_a_queue_is_not_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    async Task DrainAsync(System.Collections.Generic.Queue<string> queue, string url)
                    {
                        int attempt = 0;
                        while (queue.Count > 0)
                        {
                            var response = await _http.PostAsync(url, new StringContent(queue.Peek()));
                            if (response.IsSuccessStatusCode)
                            {
                                queue.Dequeue();
                                attempt = 0;
                                continue;
                            }

                            if (++attempt > 3)
                            {
                                throw new HttpRequestException("gave up");
                            }

                            await Task.Delay(1000);
                        }
                    }
                """).RunAsync();

        [Fact]
        public Task A_second_counter_that_is_never_reset_still_bounds_the_loop()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    async Task<HttpResponseMessage> SendAsync(string url)
                    {
                        int sinceLastThrottle = 0;
                        int total = 0;
                        while (true)
                        {
                            var response = await _http.GetAsync(url);
                            if (response.IsSuccessStatusCode)
                            {
                                return response;
                            }

                            total++;
                            if (++sinceLastThrottle > 3 || total > 10)
                            {
                                throw new HttpRequestException("gave up");
                            }

                            if ((int)response.StatusCode == 429)
                            {
                                sinceLastThrottle = 0;
                            }

                            await Task.Delay(1000);
                        }
                    }
                """).RunAsync();

        [Fact]
        public Task A_step_written_as_plus_equals_one_is_not_a_reset()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    async Task<HttpResponseMessage> SendAsync(string url)
                    {
                        int attempt = 0;
                        while (true)
                        {
                            var response = await _http.GetAsync(url);
                            if (response.IsSuccessStatusCode)
                            {
                                return response;
                            }

                            attempt += 1;
                            if (attempt > 3)
                            {
                                throw new HttpRequestException("gave up");
                            }

                            await Task.Delay(1000);
                        }
                    }
                """).RunAsync();
    }
}
