using System.Threading.Tasks;
using CometAnalyzers.Rules;
using Xunit;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>
    /// COMET003 and COMET004 on loops that send through a method of the project's own or a delegate returning a response:
    /// calling it again sends again. Methods handed the response, library calls and other return types send nothing.
    /// </summary>
    public class COMET003HelperSendTests
    {
        [Fact]
        public Task A_loop_around_an_own_method_returning_a_response_is_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    async Task<HttpResponseMessage> SendOnceAsync(string json)
                        => await _http.PostAsync("/v1/chat/completions", new StringContent(json));

                    async Task<HttpResponseMessage> SendAsync(string json)
                    {
                        [|while|] (true)
                        {
                            var response = await SendOnceAsync(json);
                            if (response.IsSuccessStatusCode)
                            {
                                return response;
                            }

                            await Task.Delay(1000);
                        }
                    }
                """).RunAsync();

        [Fact]
        public Task A_generic_retry_helper_over_a_send_delegate_is_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    static async Task<HttpResponseMessage> RetryAsync(Func<Task<HttpResponseMessage>> send)
                    {
                        [|while|] (true)
                        {
                            try
                            {
                                var response = await send();
                                if (response.IsSuccessStatusCode)
                                {
                                    return response;
                                }
                            }
                            catch (HttpRequestException)
                            {
                            }

                            await Task.Delay(500);
                        }
                    }
                """).RunAsync();

        [Fact]
        public Task A_loop_around_a_local_function_and_a_synchronous_helper_is_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    HttpResponseMessage Send(HttpRequestMessage request) => _http.Send(request);

                    async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> create)
                    {
                        async ValueTask<HttpResponseMessage> Once() => await _http.SendAsync(create());

                        [|while|] (true)
                        {
                            var first = await Once();
                            if (first.IsSuccessStatusCode)
                            {
                                return first;
                            }
                        }
                    }

                    HttpResponseMessage SendBlocking(Func<HttpRequestMessage> create)
                    {
                        HttpResponseMessage response;
                        [|do|]
                        {
                            response = Send(create());
                        }
                        while (!response.IsSuccessStatusCode);
                        return response;
                    }
                """).RunAsync();

        [Fact]
        public Task A_send_delegate_whose_result_type_is_constrained_to_a_response_is_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    static async Task<TResponse> RetryAsync<TResponse>(Func<Task<TResponse>> send)
                        where TResponse : HttpResponseMessage
                    {
                        [|while|] (true)
                        {
                            var response = await send();
                            if (response.IsSuccessStatusCode)
                            {
                                return response;
                            }

                            await Task.Delay(500);
                        }
                    }
                """).RunAsync();

        [Fact]
        public Task A_loop_around_a_delegate_of_any_result_type_is_not_taken_as_sending()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    static async Task<T> RetryAsync<T>(Func<Task<T>> operation)
                    {
                        while (true)
                        {
                            try
                            {
                                return await operation();
                            }
                            catch (IOException)
                            {
                                await Task.Delay(500);
                            }
                        }
                    }
                """).RunAsync();

        [Fact]
        public Task A_counted_loop_around_an_own_method_is_not_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    async Task<HttpResponseMessage> SendOnceAsync() => await _http.GetAsync("/v1/models");

                    async Task<HttpResponseMessage> SendAsync()
                    {
                        for (int attempt = 0; ; attempt++)
                        {
                            var response = await SendOnceAsync();
                            if (response.IsSuccessStatusCode || attempt >= CometApiContract.MaxRetries)
                            {
                                return response;
                            }

                            await Task.Delay(1000);
                        }
                    }
                """).RunAsync();

        [Fact]
        public Task Methods_that_are_handed_the_response_or_return_something_else_do_not_send()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    static HttpResponseMessage Checked(HttpResponseMessage response) => response;

                    static Task<HttpResponseMessage[]> Batch() => Task.FromResult(Array.Empty<HttpResponseMessage>());

                    static HttpResponseMessage? Latest(System.Collections.Generic.List<HttpResponseMessage> seen) => seen.LastOrDefault();

                    async Task DrainAsync(System.Collections.Generic.List<HttpResponseMessage> seen, HttpResponseMessage last)
                    {
                        while (!Checked(last).IsSuccessStatusCode)
                        {
                            await Task.Delay(1000);
                        }

                        while ((await Batch()).Length == 0)
                        {
                            await Task.Delay(1000);
                        }

                        while (Latest(seen) is { IsSuccessStatusCode: false })
                        {
                            await Task.Delay(1000);
                        }
                    }
                """).RunAsync();

        [Fact]
        public Task A_loop_around_an_executed_polly_policy_is_left_to_the_policy()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    private readonly AsyncPolicy<HttpResponseMessage> _policy = Policy<HttpResponseMessage>
                        .HandleResult(r => (int)r.StatusCode == 503)
                        .RetryAsync(3);

                    async Task<HttpResponseMessage> SendAsync(string url)
                    {
                        while (true)
                        {
                            var response = await _policy.ExecuteAsync(() => _http.GetAsync(url));
                            if (response.IsSuccessStatusCode)
                            {
                                return response;
                            }

                            await Task.Delay(1000);
                        }
                    }
                """).RunAsync();

        [Fact]
        public Task A_loop_that_retries_401_through_an_own_method_is_reported_by_COMET004()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    async Task<HttpResponseMessage> SendOnceAsync() => await _http.GetAsync("/v1/models");

                    async Task<HttpResponseMessage> SendAsync()
                    {
                        for (int attempt = 0; attempt < 3; attempt++)
                        {
                            var response = await SendOnceAsync();
                            if ([|response.IsSuccessStatusCode|])
                            {
                                return response;
                            }
                        }

                        throw new HttpRequestException("gave up");
                    }
                """).RunAsync();
    }
}
