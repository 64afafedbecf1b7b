using System.Collections.Generic;
using System.Globalization;

namespace CometAnalyzers.Benchmarks.Checks
{
    /// <summary>
    /// A generated 1,000-file service project that calls HTTP APIs everywhere: each file has a client class with an
    /// HttpClient, an ILogger, a Polly v8 resilience pipeline and a Polly v7 policy, structured logging, request
    /// building and response handling. About 1 file in 50 does something the COMET rules look for (a hard-coded
    /// CometAPI endpoint, a secret in a log message, unbounded retries, retrying a 400); the rest is clean code the
    /// rules must still look at and pass over. Deterministic: file i is a function of i.
    /// </summary>
    public static class SyntheticProject
    {
        public const int FileCount = 1000;

        public static IEnumerable<(string Path, string Text)> Files()
        {
            for (int i = 0; i < FileCount; i++)
            {
                yield return ($"/synthetic/src/Area{i % 40}/Client{i}.cs", File(i));
            }
        }

        public static string File(int i)
        {
            string n = i.ToString(CultureInfo.InvariantCulture);
            string area = (i % 40).ToString(CultureInfo.InvariantCulture);
#pragma warning disable COMET001 // a violation seeded into the synthetic project's source text; this code calls no endpoint
            string endpoint = i % 100 == 17 ? "https://api.cometapi.com/v1/" : "https://api" + area + ".orbitpay.io/v1/";
#pragma warning restore COMET001
            string retries = i % 100 == 33 ? "int.MaxValue" : (2 + i % 3).ToString(CultureInfo.InvariantCulture);
            string status = i % 50 == 21 ? "BadRequest" : "ServiceUnavailable";
            string secretLog = i % 100 == 45 ? "_logger.LogDebug(\"Authorizing with {ApiKey}\", _apiKey);" : "_logger.LogDebug(\"Authorizing item {ItemId}\", item.Id);";
            return Template
                .Replace("$N$", n, System.StringComparison.Ordinal)
                .Replace("$AREA$", area, System.StringComparison.Ordinal)
                .Replace("$ENDPOINT$", endpoint, System.StringComparison.Ordinal)
                .Replace("$RETRIES$", retries, System.StringComparison.Ordinal)
                .Replace("$STATUS$", status, System.StringComparison.Ordinal)
                .Replace("$DELAY$", (100 + i % 7 * 50).ToString(CultureInfo.InvariantCulture), System.StringComparison.Ordinal)
                .Replace("$SECRETLOG$", secretLog, System.StringComparison.Ordinal);
        }

        private const string Template = """
            using System;
            using System.Collections.Generic;
            using System.Net;
            using System.Net.Http;
            using System.Net.Http.Headers;
            using System.Text;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Logging;
            using Polly;
            using Polly.Retry;

            namespace Synthetic.Area$AREA$
            {
                public sealed record Item$N$(string Id, string Name, int Quantity);

                public sealed class Client$N$
                {
                    private static readonly Uri BaseAddress = new Uri("$ENDPOINT$");
                    private readonly HttpClient _http;
                    private readonly ILogger<Client$N$> _logger;
                    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
                    private readonly IAsyncPolicy<HttpResponseMessage> _legacyPolicy;
                    private readonly string _apiKey;

                    public Client$N$(HttpClient http, ILogger<Client$N$> logger, string apiKey)
                    {
                        _http = http ?? throw new ArgumentNullException(nameof(http));
                        _logger = logger;
                        _apiKey = apiKey;
                        _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
                            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
                            {
                                MaxRetryAttempts = $RETRIES$,
                                Delay = TimeSpan.FromMilliseconds($DELAY$),
                                BackoffType = DelayBackoffType.Exponential,
                                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                                    .Handle<HttpRequestException>()
                                    .HandleResult(r => r.StatusCode == HttpStatusCode.$STATUS$ || (int)r.StatusCode >= 500),
                            })
                            .AddTimeout(TimeSpan.FromSeconds(30))
                            .Build();
                        _legacyPolicy = Policy
                            .HandleResult<HttpResponseMessage>(r => r.StatusCode == HttpStatusCode.TooManyRequests)
                            .Or<HttpRequestException>()
                            .WaitAndRetryAsync($RETRIES$, attempt => TimeSpan.FromSeconds(Math.Pow(2, attempt)));
                    }

                    public async Task<string> SendAsync(Item$N$ item, CancellationToken cancellationToken)
                    {
                        _logger.LogInformation("Sending {ItemId} ({Quantity}) to {Host}", item.Id, item.Quantity, BaseAddress.Host);
                        $SECRETLOG$
                        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseAddress, "items/$N$"));
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _apiKey);
                        request.Content = new StringContent("{\"id\":\"" + item.Id + "\",\"name\":\"" + item.Name + "\"}", Encoding.UTF8, "application/json");
                        HttpResponseMessage response = await _pipeline.ExecuteAsync(
                            async token => await _http.SendAsync(request, token).ConfigureAwait(false),
                            cancellationToken).ConfigureAwait(false);
                        if (!response.IsSuccessStatusCode)
                        {
                            _logger.LogWarning("Item {ItemId} failed with {Status}", item.Id, (int)response.StatusCode);
                            return string.Empty;
                        }

                        string body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                        _logger.LogDebug("Received {Length} characters for {ItemId}", body.Length, item.Id);
                        return body;
                    }

                    public async Task<IReadOnlyList<string>> SendAllAsync(IEnumerable<Item$N$> items, CancellationToken cancellationToken)
                    {
                        var results = new List<string>();
                        foreach (Item$N$ item in items)
                        {
                            HttpResponseMessage response = await _legacyPolicy.ExecuteAsync(
                                ct => _http.GetAsync(new Uri(BaseAddress, "items/" + item.Id), ct),
                                cancellationToken).ConfigureAwait(false);
                            using (_logger.BeginScope("Batch {Index}", results.Count))
                            {
                                _logger.LogTrace("Status {Status} for {ItemId}", response.StatusCode, item.Id);
                            }

                            results.Add(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
                        }

                        return results;
                    }

                    public static int Score(Item$N$ item)
                    {
                        int score = item.Quantity * $N$ % 97;
                        for (int i = 0; i < item.Name.Length; i++)
                        {
                            score = unchecked(score * 31 + item.Name[i]);
                        }

                        return score switch
                        {
                            < 0 => -score,
                            > 1000 => score / 2,
                            _ => score,
                        };
                    }
                }
            }
            """;
    }
}
