using System.Threading.Tasks;
using CometAnalyzers.CodeFixes;
using Xunit;
using static CometAnalyzers.Tests.Rules.COMET005Sources;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>COMET005's fixes: log the length instead, or leave the text out.</summary>
    public class COMET005CodeFixTests
    {
        private const string Before = """
            class C
            {
                void M(ILogger logger, ChatCompletionResponse response, TextContentPart part)
                {
                    string? answer = response.Choices[0].Message.Content;
                    logger.LogInformation("Model {Model} answered {Answer}", response.Model, [|answer|]);
                    logger.LogInformation([|$"Model {response.Model} answered {answer}."|]);
                    logger.LogInformation([|"Answer: " + answer|]);
                    logger.LogDebug("Part {Text}", [|part.Text|]);
                }
            }
            """;

        [Fact]
        public Task The_length_replaces_the_text_in_arguments_holes_and_operands()
            => Test(Before).WithCodeFix<SensitiveContentWrittenToLogCodeFixProvider>(Usings + """
                class C
                {
                    void M(ILogger logger, ChatCompletionResponse response, TextContentPart part)
                    {
                        string? answer = response.Choices[0].Message.Content;
                        logger.LogInformation("Model {Model} answered {Answer}", response.Model, answer?.Length);
                        logger.LogInformation($"Model {response.Model} answered {answer?.Length}.");
                        logger.LogInformation("Answer: " + answer?.Length);
                        logger.LogDebug("Part {Text}", part.Text.Length);
                    }
                }
                """, SensitiveContentWrittenToLogCodeFixProvider.LengthKey).RunAsync();

        [Fact]
        public Task Leaving_the_text_out_drops_the_argument_with_its_placeholder_the_hole_and_the_operand()
            => Test(Before).WithCodeFix<SensitiveContentWrittenToLogCodeFixProvider>(Usings + """
                class C
                {
                    void M(ILogger logger, ChatCompletionResponse response, TextContentPart part)
                    {
                        string? answer = response.Choices[0].Message.Content;
                        logger.LogInformation("Model {Model} answered", response.Model);
                        logger.LogInformation($"Model {response.Model} answered.");
                        logger.LogInformation("Answer: ");
                        logger.LogDebug("Part");
                    }
                }
                """, SensitiveContentWrittenToLogCodeFixProvider.RemoveKey).RunAsync();

        [Fact]
        public Task No_fix_is_offered_where_neither_a_length_nor_a_removal_fits()
            => Test("""
                class C
                {
                    void M(ChatCompletionMessage message)
                    {
                        throw new InvalidOperationException([|message.Content|]);
                    }
                }
                """).WithCodeFix<SensitiveContentWrittenToLogCodeFixProvider>(Usings + """
                class C
                {
                    void M(ChatCompletionMessage message)
                    {
                        throw new InvalidOperationException(message.Content);
                    }
                }
                """).RunAsync();
    }
}
