using System.Threading.Tasks;
using CometAnalyzers.Rules;
using CometAnalyzers.Tests.Infrastructure;
using Xunit;
using static CometAnalyzers.Tests.Rules.COMET005Sources;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>What COMET005 leaves alone: facts about the text, metadata, whole models (their text redacts), and text no contract marks.</summary>
    public class COMET005NotSensitiveTests
    {
        [Fact]
        public Task Lengths_counts_token_usage_ids_model_and_finish_reason_are_silent()
            => Test("""
                class C
                {
                    void M(ILogger logger, ChatCompletionResponse response, ChatCompletionChunk chunk)
                    {
                        ChatCompletionChoice choice = response.Choices[0];
                        logger.LogInformation("Answer of {Length} chars", choice.Message.Content?.Length);
                        logger.LogInformation("Empty: {Empty}", string.IsNullOrEmpty(choice.Message.Content));
                        logger.LogInformation("{Count} tool calls", choice.Message.ToolCalls?.Count ?? 0);
                        logger.LogInformation("Used {Prompt}+{Completion}={Total}", response.Usage?.PromptTokens, response.Usage?.CompletionTokens, response.Usage?.TotalTokens);
                        logger.LogInformation("Completion {Id} from {Model} ended with {Reason}", response.Id, response.Model, choice.FinishReason);
                        logger.LogInformation("Chunk {Id} {Reason} {Fingerprint}", chunk.Id, chunk.Choices[0].FinishReason, chunk.SystemFingerprint);
                        logger.LogInformation($"Call {choice.Message.ToolCalls?[0].Id} to {choice.Message.ToolCalls?[0].Function.Name}");
                    }
                }
                """).RunAsync();

        [Fact]
        public Task The_Trace_log_level_documented_for_sensitive_data_is_silent()
            => Test("""
                partial class C
                {
                    [LoggerMessage(EventId = 2, Level = LogLevel.Trace, Message = "Prompt {Prompt}")]
                    private static partial void PromptSent(ILogger logger, string? prompt);

                    private static partial void PromptSent(ILogger logger, string? prompt) { }

                    [LoggerMessage(3, LogLevel.Trace, "Answer {Answer}")]
                    private static partial void Answered(ILogger logger, string? answer);

                    private static partial void Answered(ILogger logger, string? answer) { }

                    void M(ILogger logger, ChatCompletionMessage message)
                    {
                        logger.LogTrace("Answer {Answer}", message.Content);
                        logger.Log(LogLevel.Trace, "Answer {Answer}", message.Content);
                        PromptSent(logger, message.Content);
                        Answered(logger, message.Content);
                    }
                }
                """).RunAsync();

        [Fact]
        public Task A_whole_model_request_or_union_is_silent_as_its_text_redacts()
            => Test("""
                class C
                {
                    void M(ILogger logger, ChatCompletionRequest request, ChatCompletionResponse response, ChatCompletionChunk chunk, UserMessage prompt)
                    {
                        logger.LogDebug("Sending {Request}", request);
                        logger.LogDebug("Received {Response}", response);
                        logger.LogDebug($"Chunk {chunk}");
                        logger.LogDebug("Message {Message}", response.Choices[0].Message);
                        logger.LogDebug("Messages {Messages}", request.Messages);
                        logger.LogDebug("Prompt {Prompt}", prompt.Content);
                        logger.LogDebug("Prompt parts {Parts}", prompt.Content.AsList);
                        logger.LogDebug("Prompt {Prompt}", prompt.Content.ToString());
                        Console.WriteLine(response.ToString());
                    }
                }
                """).RunAsync();

        [Fact]
        public Task Redacted_or_hashed_text_and_text_passed_in_as_a_parameter_are_silent()
            => Test("""
                class C
                {
                    static string Redact(string? text) => "***";

                    void M(ILogger logger, ChatCompletionMessage message, string answer)
                    {
                        logger.LogInformation("Answer {Answer}", Redact(message.Content));
                        logger.LogInformation("Hash {Hash}", message.Content?.GetHashCode());
                        logger.LogInformation("Answer {Answer}", answer);
                        string? text = message.Content;
                        text = Redact(text);
                        logger.LogInformation("Answer {Answer}", text);
                    }
                }
                """).RunAsync();

        [Fact]
        public Task A_console_program_printing_the_answer_to_standard_output_is_silent()
            => Test("""
                class C
                {
                    void M(ChatCompletionResponse response, ChatCompletionDelta delta)
                    {
                        Console.Write(delta.Content);
                        Console.WriteLine($"Assistant: {response.Choices[0].Message.Content}");
                        Console.Out.WriteLine(response.Choices[0].Message.Content);
                    }
                }
                """).RunAsync();

        [Fact]
        public Task Without_generated_models_the_rule_does_nothing_even_for_the_OpenAI_SDK_types()
            => AnalyzerTest.For<SensitiveContentWrittenToLogAnalyzer>().WithSource("""
                using System;
                using Microsoft.Extensions.Logging;
                using OpenAI.Chat;

                class C
                {
                    void M(ILogger logger, ChatCompletion completion, string prompt)
                    {
                        logger.LogInformation("Prompt {Prompt}", prompt);
                        Console.WriteLine(completion.Content[0].Text);
                    }
                }
                """).RunAsync();

        [Fact]
        public Task Building_a_request_from_text_is_not_logging_it()
            => Test("""
                class C
                {
                    ChatCompletionRequest M(ChatCompletionResponse previous, string question)
                    {
                        string? answer = previous.Choices[0].Message.Content;
                        var sb = new StringBuilder().Append(answer);
                        return new ChatCompletionRequest
                        {
                            Model = previous.Model,
                            Messages = [new AssistantMessage { Content = answer }, new UserMessage { Content = question + sb }],
                        };
                    }
                }
                """).RunAsync();
    }
}
