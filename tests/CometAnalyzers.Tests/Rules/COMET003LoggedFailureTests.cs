using System.Threading.Tasks;
using CometAnalyzers.Rules;
using Xunit;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>
    /// COMET003 on retry loops that write the failure to a <c>TextWriter</c> (<c>Console.Error</c>, <c>Console.Out</c>, a
    /// log file) before going round, and that grow a backoff: writing does not change where the loop goes, and a delay
    /// that grows without being compared to a limit where the loop leaves bounds nothing.
    /// </summary>
    public class COMET003LoggedFailureTests
    {
        [Fact]
        public Task A_loop_that_writes_the_failure_to_Console_Error_and_doubles_its_pause_is_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    static async Task<HttpResponseMessage> UntilAnsweredAsync(Func<Task<HttpResponseMessage>> attempt)
                    {
                        int pauseMs = 250;
                        HttpResponseMessage? answer = null;
                        [|while|] (true)
                        {
                            try
                            {
                                answer = await attempt();
                            }
                            catch (HttpRequestException failure)
                            {
                                Console.Error.WriteLine(failure);
                            }

                            pauseMs *= 2;
                            if (answer is not null)
                            {
                                return answer;
                            }

                            await Task.Delay(pauseMs);
                        }
                    }
                """).RunAsync();

        [Fact]
        public Task A_backoff_that_is_capped_but_never_ends_the_loop_is_no_bound()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    async Task<HttpResponseMessage> CappedAsync(Func<CancellationToken, Task<HttpResponseMessage>> attempt, CancellationToken token)
                    {
                        var pause = TimeSpan.FromMilliseconds(200);
                        [|while|] (true)
                        {
                            try
                            {
                                var response = await attempt(token);
                                response.EnsureSuccessStatusCode();
                                return response;
                            }
                            catch (Exception failure) when (failure is not OperationCanceledException)
                            {
                                await Console.Out.WriteLineAsync(failure.Message);
                            }

                            await Task.Delay(pause, token);
                            if (pause < TimeSpan.FromSeconds(20))
                            {
                                pause *= 2;
                            }
                        }
                    }

                    async Task<string> ClampedAsync(string url, System.IO.TextWriter log)
                    {
                        int waitMs = 100;
                        [|while|] (true)
                        {
                            try
                            {
                                return await _http.GetStringAsync(url);
                            }
                            catch (HttpRequestException failure)
                            {
                                log.WriteLine("retrying after {0}", failure);
                                waitMs = Math.Min(waitMs * 2, 5_000);
                            }

                            await Task.Delay(waitMs);
                        }
                    }
                """).RunAsync();

        [Fact]
        public Task A_loop_that_writes_the_failure_down_and_counts_or_caps_where_it_leaves_is_not_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    static async Task<HttpResponseMessage> CountedAsync(Func<Task<HttpResponseMessage>> attempt)
                    {
                        int tries = 0;
                        int pauseMs = 250;
                        while (true)
                        {
                            try
                            {
                                return await attempt();
                            }
                            catch (HttpRequestException failure)
                            {
                                Console.Error.WriteLine(failure);
                                if (++tries > CometApiContract.MaxRetries)
                                {
                                    throw;
                                }
                            }

                            pauseMs *= 2;
                            await Task.Delay(pauseMs);
                        }
                    }

                    static async Task<HttpResponseMessage> GiveUpAtLongPauseAsync(Func<Task<HttpResponseMessage>> attempt)
                    {
                        int pauseMs = 250;
                        while (true)
                        {
                            try
                            {
                                return await attempt();
                            }
                            catch (HttpRequestException failure)
                            {
                                Console.Error.WriteLine(failure);
                                pauseMs *= 2;
                                if (pauseMs > 2_000)
                                {
                                    throw;
                                }
                            }

                            await Task.Delay(pauseMs);
                        }
                    }

                    static async Task<HttpResponseMessage> OnceAsync(Func<Task<HttpResponseMessage>> attempt)
                    {
                        while (true)
                        {
                            try
                            {
                                return await attempt();
                            }
                            catch (HttpRequestException failure)
                            {
                                Console.Error.WriteLine(failure);
                                throw;
                            }
                        }
                    }
                """).RunAsync();
    }
}
