using System.Threading.Tasks;
using CometAnalyzers.Rules;
using Xunit;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>COMET004 on loops whose first send is before the loop, and on sends awaited with ConfigureAwait.</summary>
    public class COMET004LoopEntryTests
    {
        [Fact]
        public Task A_send_awaited_with_ConfigureAwait_is_judged_like_a_plain_await()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    async Task<HttpResponseMessage> SendAsync(string url)
                    {
                        for (int a = 0; ; a++)
                        {
                            var r = await _http.GetAsync(url).ConfigureAwait(false);
                            if ([|r.IsSuccessStatusCode|] || a >= 3) return r;
                        }
                    }

                    async Task<HttpResponseMessage> FineAsync(string url)
                    {
                        for (int a = 0; ; a++)
                        {
                            var r = await _http.GetAsync(url).ConfigureAwait(false);
                            if (!CometApiContract.IsRetryable(r.StatusCode) || a >= 3) return r;
                        }
                    }
                """).RunAsync();

        [Fact]
        public Task A_loop_that_leaves_on_a_non_retryable_status_before_sending_again_is_not_reported()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    async Task<HttpResponseMessage> Break(string url)
                    {
                        var resp = await _http.GetAsync(url);
                        int attempt = 0;
                        while (!resp.IsSuccessStatusCode && attempt++ < 3)
                        {
                            if (!CometApiContract.IsRetryable(resp.StatusCode)) break;
                            await Task.Delay(1000);
                            resp = await _http.GetAsync(url);
                        }

                        return resp;
                    }

                    async Task<HttpResponseMessage> Return(string url)
                    {
                        var resp = await _http.GetAsync(url);
                        int attempt = 0;
                        while (!resp.IsSuccessStatusCode && attempt++ < 3)
                        {
                            if (!CometApiContract.IsRetryable(resp.StatusCode)) return resp;
                            await Task.Delay(1000);
                            resp = await _http.GetAsync(url);
                        }

                        return resp;
                    }

                    async Task<HttpResponseMessage> Pattern(string url)
                    {
                        var resp = await _http.GetAsync(url);
                        int attempt = 0;
                        while (!resp.IsSuccessStatusCode && attempt++ < 3)
                        {
                            if ((int)resp.StatusCode is not (429 or 408 or >= 500)) break;
                            await Task.Delay(1000);
                            resp = await _http.GetAsync(url);
                        }

                        return resp;
                    }

                    async Task<HttpResponseMessage> For(string url)
                    {
                        var resp = await _http.GetAsync(url);
                        for (int a = 0; a < 3 && !resp.IsSuccessStatusCode; a++)
                        {
                            if (!CometApiContract.IsRetryable(resp.StatusCode)) break;
                            await Task.Delay(1000);
                            resp = await _http.GetAsync(url);
                        }

                        return resp;
                    }
                """).RunAsync();

        [Fact]
        public Task A_loop_whose_early_exit_lets_a_non_retryable_status_through_is_reported()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    async Task<HttpResponseMessage> SendAsync(string url)
                    {
                        var resp = await _http.GetAsync(url);
                        int attempt = 0;
                        while ([|!resp.IsSuccessStatusCode|] && attempt++ < 3)
                        {
                            if (resp.StatusCode == HttpStatusCode.NotImplemented) break;
                            await Task.Delay(1000);
                            resp = await _http.GetAsync(url);
                        }

                        return resp;
                    }
                """).RunAsync();
    }
}
