using System.Threading.Tasks;
using CometAnalyzers.Rules;
using Xunit;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>
    /// COMET004 on Polly v8 predicates by the type of result the strategy handles: a pipeline of
    /// <c>HttpResponseMessage</c> retries the responses its predicate accepts, whatever the predicate looks at; a
    /// non-generic pipeline (results typed <c>object</c>) or one of another type retries a status only where the
    /// predicate reads one.
    /// </summary>
    public class COMET004PollyResultTypeTests
    {
        [Fact]
        public Task A_non_generic_pipeline_that_retries_every_outcome_is_not_a_retry_on_a_status()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    ResiliencePipeline Nightly = new ResiliencePipelineBuilder()
                        .AddRetry(new RetryStrategyOptions
                        {
                            ShouldHandle = static _ => ValueTask.FromResult(true),
                            Delay = TimeSpan.FromMinutes(30),
                            MaxRetryAttempts = 2,
                        })
                        .Build();

                    ResiliencePipeline Inline = new ResiliencePipelineBuilder()
                        .AddRetry(new() { ShouldHandle = _ => PredicateResult.True() })
                        .Build();
                """).RunAsync();

        [Fact]
        public Task A_non_generic_pipeline_that_filters_exceptions_by_type_is_not_a_retry_on_a_status()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    RetryStrategyOptions NotCancelled = new()
                    {
                        ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is not OperationCanceledException),
                    };

                    RetryStrategyOptions AnyFailure = new()
                    {
                        ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception != null || args.Outcome.Result is null),
                    };

                    RetryStrategyOptions Built = new()
                    {
                        ShouldHandle = new PredicateBuilder().Handle<IOException>().HandleResult(result => result is not null),
                    };

                    RetryStrategyOptions<string> Text = new()
                    {
                        ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is not { Length: > 0 }),
                    };
                """).RunAsync();

        [Fact]
        public Task A_response_pipeline_that_retries_every_exception_through_the_missing_result_is_not_judged_alone()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    RetryStrategyOptions<HttpResponseMessage> Options = new()
                    {
                        ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is null),
                    };
                """).RunAsync();

        [Fact]
        public Task A_non_generic_pipeline_whose_predicate_reads_a_response_status_is_reported()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    RetryStrategyOptions Options = new()
                    {
                        ShouldHandle = args => ValueTask.FromResult([|args.Outcome.Result is HttpResponseMessage { StatusCode: HttpStatusCode.Conflict or HttpStatusCode.BadGateway }|]),
                    };

                    RetryStrategyOptions Built = new()
                    {
                        ShouldHandle = new PredicateBuilder().HandleResult(result => result is HttpResponseMessage response && [|!response.IsSuccessStatusCode|]),
                    };
                """).RunAsync();

        [Fact]
        public Task A_response_pipeline_that_retries_every_outcome_is_reported()
            => RetrySources.Test<RetryOnNonRetryableStatusAnalyzer>("""
                    ResiliencePipeline<HttpResponseMessage> Pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
                        .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
                        {
                            ShouldHandle = _ => ValueTask.FromResult([|true|]),
                        })
                        .Build();

                    ResiliencePipeline<HttpResponseMessage> NotCancelled = new ResiliencePipelineBuilder<HttpResponseMessage>()
                        .AddRetry(new()
                        {
                            ShouldHandle = args => ValueTask.FromResult([|args.Outcome.Exception is not OperationCanceledException|]),
                        })
                        .Build();

                    sealed class ResponseRetryOptions : RetryStrategyOptions<HttpResponseMessage>
                    {
                        public ResponseRetryOptions() => ShouldHandle = static _ => ValueTask.FromResult([|true|]);
                    }
                """).RunAsync();
    }
}
