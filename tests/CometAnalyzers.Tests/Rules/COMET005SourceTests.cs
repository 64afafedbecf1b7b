using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;
using static CometAnalyzers.Tests.Rules.COMET005Sources;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>COMET005 sources: every member the contract marks x-sensitive, read directly or built into the logged value.</summary>
    public class COMET005SourceTests
    {
        [Fact]
        public Task Completion_text_refusal_and_tool_call_arguments_are_sensitive()
            => Test("""
                class C
                {
                    void M(ILogger logger, ChatCompletionResponse response)
                    {
                        ChatCompletionMessage message = response.Choices[0].Message;
                        logger.LogInformation("Answer {Answer}", [|message.Content|]);
                        logger.LogWarning("Refused: {Refusal}", [|response.Choices[0].Message.Refusal|]);
                        foreach (ToolCall call in message.ToolCalls ?? new List<ToolCall>())
                        {
                            logger.LogDebug("Calling {Tool} with {Arguments}", call.Function.Name, [|call.Function.Arguments|]);
                        }
                    }
                }
                """).ExpectSeverity(DiagnosticSeverity.Error).RunAsync();

        [Fact]
        public Task Message_content_and_its_parts_are_sensitive()
            => Test("""
                class C
                {
                    void M(ILogger logger, UserMessage prompt, SystemMessage system, TextContentPart part, ImageUrl image)
                    {
                        logger.LogInformation("Prompt {Prompt}", [|prompt.Content.AsString|]);
                        logger.LogInformation("System {System}", [|system.Content.AsString|]);
                        logger.LogInformation("Part {Part}", [|part.Text|]);
                        logger.LogInformation("Image {Image}", [|image.Url|]);
                        logger.LogInformation("User {User}", [|prompt.Name|]);
                        logger.LogInformation("Raw {Raw}", [|prompt.Content.Value|]);
                    }
                }
                """).RunAsync();

        [Fact]
        public Task Streamed_deltas_are_sensitive()
            => Test("""
                class C
                {
                    async Task M(System.IO.Stream body, ILogger logger)
                    {
                        await foreach (ChatCompletionChunk chunk in CometApiEventStream.ReadAsync(body))
                        {
                            foreach (ChatCompletionChunkChoice choice in chunk.Choices)
                            {
                                logger.LogDebug("Delta {Delta}", [|choice.Delta.Content|]);
                                logger.LogDebug("Tool delta {Arguments}", [|choice.Delta.ToolCalls?[0].Function?.Arguments|]);
                            }
                        }
                    }
                }
                """).RunAsync();

        [Fact]
        public Task Text_followed_through_locals_interpolation_concatenation_and_Join()
            => Test("""
                class C
                {
                    void M(ILogger logger, ChatCompletionResponse response, IList<TextContentPart> parts)
                    {
                        string? answer = response.Choices[0].Message.Content;
                        var copy = answer;
                        logger.LogInformation([|$"Model {response.Model} said {copy}"|]);
                        logger.LogInformation([|"Answer: " + answer|]);
                        logger.LogInformation("Joined {Text}", [|string.Join(" | ", response.Model, answer)|]);
                        var texts = new List<string?> { parts[0].Text, answer };
                        logger.LogInformation("Texts {Texts}", [|string.Join(",", texts)|]);
                        logger.LogInformation("Trimmed {Answer}", [|answer?.Trim().ToUpperInvariant()|]);
                    }
                }
                """).RunAsync();

        [Fact]
        public Task A_streamed_answer_gathered_in_a_StringBuilder_is_sensitive()
            => Test("""
                class C
                {
                    async Task M(System.IO.Stream body, ILogger logger)
                    {
                        var answer = new StringBuilder();
                        await foreach (ChatCompletionChunk chunk in CometApiEventStream.ReadAsync(body))
                        {
                            answer.Append(chunk.Choices[0].Delta.Content);
                        }

                        logger.LogInformation("Streamed {Answer}", [|answer.ToString()|]);
                        logger.LogInformation("Streamed {Length} chars", answer.Length);
                    }
                }
                """).RunAsync();

        [Fact]
        public Task Models_generated_in_the_same_project_are_sensitive_the_same_way()
            => TestInProject("""
                class C
                {
                    void M(ILogger logger, ChatCompletionResponse response)
                    {
                        logger.LogInformation("Answer {Answer}", [|response.Choices[0].Message.Content|]);
                        logger.LogInformation("Usage {Tokens}", response.Usage?.TotalTokens);
                    }
                }
                """).ExpectSeverity(DiagnosticSeverity.Error).RunAsync();

        [Fact]
        public Task A_member_the_project_marks_with_the_generated_attribute_is_sensitive_too()
            => TestInProject("""
                class Ticket
                {
                    public string Id { get; set; } = "";

                    [CometAnalyzers.CometSensitive]
                    public string Transcript { get; set; } = "";
                }

                class C
                {
                    void M(ILogger logger, Ticket ticket)
                    {
                        logger.LogInformation("Ticket {Id}: {Transcript}", ticket.Id, [|ticket.Transcript|]);
                    }
                }
                """).RunAsync();
    }
}
