using System.Threading.Tasks;
using Xunit;
using static CometAnalyzers.Tests.Rules.COMET005Sources;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>The examples in docs/rules/COMET005.md, checked so the page cannot drift from the rule.</summary>
    public class COMET005DocumentationTests
    {
        [Fact]
        public Task Non_compliant_examples_are_reported()
            => Test("""
                class C
                {
                    void M(ILogger logger, Activity activity, Counter<long> tokens, ChatCompletionResponse response, UserMessage prompt, ChatCompletionMessage message)
                    {
                        string? answer = response.Choices[0].Message.Content;
                        logger.LogInformation("Answer {Answer}", [|answer|]);
                        logger.LogDebug([|$"Prompt: {prompt.Content.AsString}"|]);
                        activity.SetTag("gen_ai.completion", [|answer|]);
                        tokens.Add(1, new KeyValuePair<string, object?>("answer", [|answer|]));
                        throw new InvalidOperationException([|$"The model refused: {message.Refusal}"|]);
                    }
                }
                """).RunAsync();

        [Fact]
        public Task Compliant_examples_are_silent()
            => Test("""
                class C
                {
                    void M(ILogger logger, Counter<long> tokens, ChatCompletionRequest request, ChatCompletionResponse response)
                    {
                        ChatCompletionChoice choice = response.Choices[0];
                        string? answer = choice.Message.Content;
                        logger.LogInformation("Answer of {Length} chars", answer?.Length);
                        logger.LogInformation("Completion {Id} from {Model} ended with {Reason}", response.Id, response.Model, choice.FinishReason);
                        logger.LogInformation("Used {Total} tokens", response.Usage?.TotalTokens);
                        logger.LogDebug("Sending {Request}", request);
                        tokens.Add(response.Usage?.TotalTokens ?? 0, new KeyValuePair<string, object?>("model", response.Model));
                    }
                }
                """).RunAsync();

        [Fact]
        public Task Known_limit_a_model_serialized_by_the_code_itself_is_not_followed()
            => Test("""
                class C
                {
                    void M(ILogger logger, ChatCompletionRequest request)
                    {
                        logger.LogDebug("{Json}", System.Text.Json.JsonSerializer.Serialize(request));
                    }
                }
                """).RunAsync();
    }
}
