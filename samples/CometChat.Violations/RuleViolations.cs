using System;
using System.Net.Http;
using CometApi.Contracts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace CometChat.Violations
{
    /// <summary>
    /// Exactly one violation of each COMET rule, each on one line marked <c>// expect: COMETnnn</c>.
    /// Nothing else here breaks a rule: a new diagnostic anywhere in this file is a false positive.
    /// </summary>
    public static class RuleViolations
    {
        /// <summary>COMET001: the endpoint is a literal instead of the configured base URL plus <see cref="CometApiContract.Path"/>.</summary>
        public static Uri HardcodedEndpoint()
        {
            return new Uri("https://api.cometapi.com/v1/chat/completions"); // expect: COMET001
        }

        /// <summary>COMET002: the API key, read from the contract's secret key <c>CometApi:ApiKey</c>, is written to a log.</summary>
        public static void LogTheApiKey(IConfiguration configuration, ILogger logger)
        {
            string? apiKey = configuration["CometApi:ApiKey"];
            logger.LogInformation("Key {Key}", apiKey); // expect: COMET002
        }

        /// <summary>COMET003: a Polly v7 retry with no bound at all.</summary>
        public static AsyncRetryPolicy RetryForever()
        {
            return Policy.Handle<HttpRequestException>().RetryForeverAsync(); // expect: COMET003
        }

        /// <summary>COMET004: a bounded Polly v8 retry whose ShouldHandle also retries the non-retryable 4xx (400, 401, 403, 404...).</summary>
        public static ResiliencePipeline<HttpResponseMessage> RetryEveryFailedStatus()
        {
            return new ResiliencePipelineBuilder<HttpResponseMessage>()
                .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
                {
                    MaxRetryAttempts = CometApiContract.MaxRetries,
                    ShouldHandle = new PredicateBuilder<HttpResponseMessage>().HandleResult(response => !response.IsSuccessStatusCode), // expect: COMET004
                })
                .Build();
        }

        /// <summary>COMET005: the completion text, which the contract marks <c>x-sensitive</c>, is written to a log.</summary>
        public static void LogTheAnswer(ChatCompletionResponse response, ILogger logger)
        {
            logger.LogInformation("Answer {Answer}", response.Choices[0].Message.Content); // expect: COMET005
        }

        /// <summary>COMET006: a key written into the source as the fallback of the contract's secret (made up: it opens nothing).</summary>
        public static string HardcodedKey(IConfiguration configuration)
        {
            return configuration["CometApi:ApiKey"] ?? "cmt-7Qx2Lm9Vb4Rt8Zc1Wn5Pk3"; // expect: COMET006
        }
    }
}
