using System.Threading.Tasks;
using CometAnalyzers.Rules;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>
    /// COMET004 when C# 14 (first-class spans) binds <c>array.Contains(x)</c> to MemoryExtensions.Contains instead of
    /// Enumerable.Contains. Roslyn 4.14, which the tests use, has that binding under LangVersion preview; net10.0 projects get it by default.
    /// </summary>
    public class COMET004SpanContainsTests
    {
        [Fact]
        public Task Inline_array_Contains_bound_to_MemoryExtensions_is_judged_like_Enumerable_Contains()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    IAsyncPolicy<HttpResponseMessage> Retry = Policy
                        .HandleResult<HttpResponseMessage>(r => [|new[] { 429, 404 }.Contains((int)r.StatusCode)|])
                        .RetryAsync(3);

                    IAsyncPolicy<HttpResponseMessage> Fine = Policy
                        .HandleResult<HttpResponseMessage>(r => new[] { 429, 503 }.Contains((int)r.StatusCode))
                        .RetryAsync(3);

                    RetryStrategyOptions<HttpResponseMessage> Options = new()
                    {
                        ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { } r && [|new[] { 429, 404 }.Contains((int)r.StatusCode)|]),
                    };

                    RetryStrategyOptions<HttpResponseMessage> FineOptions = new()
                    {
                        ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { } r && new[] { 429, 503 }.Contains((int)r.StatusCode)),
                    };

                    async Task<HttpResponseMessage> Loop(string url)
                    {
                        for (int attempt = 0; ; attempt++)
                        {
                            var response = await _http.GetAsync(url);
                            if ([|new[] { HttpStatusCode.TooManyRequests, HttpStatusCode.NotFound }.Contains(response.StatusCode)|] && attempt < 3)
                            {
                                await Task.Delay(1000);
                                continue;
                            }

                            return response;
                        }
                    }
                """).WithLanguageVersion(LanguageVersion.Preview).RunAsync();

        [Fact]
        public Task Collection_expression_array_Contains_is_judged()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    IAsyncPolicy<HttpResponseMessage> Retry = Policy
                        .HandleResult<HttpResponseMessage>(r => [|((HttpStatusCode[])[HttpStatusCode.Unauthorized, HttpStatusCode.BadGateway]).Contains(r.StatusCode)|])
                        .RetryAsync(3);

                    IAsyncPolicy<HttpResponseMessage> Fine = Policy
                        .HandleResult<HttpResponseMessage>(r => ((HttpStatusCode[])[HttpStatusCode.TooManyRequests, HttpStatusCode.BadGateway]).Contains(r.StatusCode))
                        .RetryAsync(3);
                """).WithLanguageVersion(LanguageVersion.Preview).RunAsync();

        [Fact]
        public Task Collection_expression_array_Contains_is_judged_in_CSharp_13()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    IAsyncPolicy<HttpResponseMessage> Retry = Policy
                        .HandleResult<HttpResponseMessage>(r => [|((HttpStatusCode[])[HttpStatusCode.Unauthorized, HttpStatusCode.BadGateway]).Contains(r.StatusCode)|])
                        .RetryAsync(3);
                """).RunAsync();
    }
}
