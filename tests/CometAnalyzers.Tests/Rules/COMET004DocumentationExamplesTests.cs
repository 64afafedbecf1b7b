using System.Threading.Tasks;
using CometAnalyzers.Rules;
using Xunit;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>The examples on docs/rules/COMET003.md and COMET004.md behave as the pages say, under both rules.</summary>
    public class COMET004DocumentationExamplesTests
    {
        private const string CompliantExamples = """
                async Task<string> Comet003CompliantAsync(string url, CancellationToken cancellationToken, string statusUrl)
                {
                    var retry = Policy.Handle<HttpRequestException>().RetryAsync(CometApiContract.MaxRetries);
                    var options = new RetryStrategyOptions<HttpResponseMessage> { MaxRetryAttempts = CometApiContract.MaxRetries };
                    var openAiOptions = new OpenAI.OpenAIClientOptions { RetryPolicy = new ClientRetryPolicy(CometApiContract.MaxRetries) };

                    while (!cancellationToken.IsCancellationRequested)
                    {
                        var response = await _http.GetAsync(statusUrl, cancellationToken);
                        Console.WriteLine("status " + response.StatusCode);
                        await Task.Delay(TimeSpan.FromMinutes(1), cancellationToken);
                    }

                    for (int attempt = 0; ; attempt++)
                    {
                        try
                        {
                            return await _http.GetStringAsync(url);
                        }
                        catch (HttpRequestException exception) when (attempt < CometApiContract.MaxRetries
                                                                     && (exception.StatusCode is not { } status || CometApiContract.IsRetryable(status)))
                        {
                            await Task.Delay(1000);
                        }
                    }
                }

                async Task<string> Comet004CompliantAsync(string url, HttpContent content)
                {
                    var retry = Policy
                        .HandleResult<HttpResponseMessage>(r => CometApiContract.IsRetryable(r.StatusCode))
                        .WaitAndRetryAsync(CometApiContract.MaxRetries, attempt => TimeSpan.FromSeconds(attempt));

                    var options = new RetryStrategyOptions<HttpResponseMessage>
                    {
                        ShouldHandle = args => ValueTask.FromResult(
                            args.Outcome.Result?.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout or >= HttpStatusCode.InternalServerError),
                    };

                    for (int attempt = 0; attempt < 3; attempt++)
                    {
                        try
                        {
                            var response = await _http.PostAsync(url, content);
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
            """;

        [Fact]
        public Task The_compliant_examples_raise_no_COMET003()
            => RetrySources.Test<UnboundedRetryAnalyzer>(CompliantExamples).RunAsync();

        [Fact]
        public Task The_compliant_examples_raise_no_COMET004()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>(CompliantExamples).RunAsync();

        [Fact]
        public Task The_COMET003_non_compliant_examples_are_reported()
            => RetrySources.Test<UnboundedRetryAnalyzer>("""
                    async Task<string> NonCompliantAsync(string url)
                    {
                        var retry = Policy.Handle<HttpRequestException>().[|RetryForeverAsync|]();
                        var options = new RetryStrategyOptions<HttpResponseMessage> { MaxRetryAttempts = [|int.MaxValue|] };
                        var openAiOptions = new OpenAI.OpenAIClientOptions { RetryPolicy = new ClientRetryPolicy(maxRetries: [|10|]) };

                        [|while|] (true)
                        {
                            try
                            {
                                return await _http.GetStringAsync(url);
                            }
                            catch (HttpRequestException)
                            {
                                await Task.Delay(1000);
                            }
                        }
                    }
                """).RunAsync();

        [Fact]
        public Task The_COMET004_non_compliant_examples_are_reported()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    async Task<string> NonCompliantAsync(string url, HttpContent content)
                    {
                        var retry = Policy
                            .HandleResult<HttpResponseMessage>(r => [|(int)r.StatusCode >= 400|])
                            .WaitAndRetryAsync(3, attempt => TimeSpan.FromSeconds(attempt));

                        for (int attempt = 0; attempt < 3; attempt++)
                        {
                            try
                            {
                                var response = await _http.PostAsync(url, content);
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
                """).RunAsync();
    }
}
