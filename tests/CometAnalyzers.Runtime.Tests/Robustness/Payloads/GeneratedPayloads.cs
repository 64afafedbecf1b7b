using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using CometAnalyzers.Runtime.Tests.Infrastructure;
using CometApi.Contracts;

namespace CometAnalyzers.Runtime.Tests.Robustness.Payloads
{
    /// <summary>
    /// Payloads built with the generated API, reaching what the examples do not: every message role and content shape,
    /// free-form schemas, maps, logprobs, annotations, tool-call deltas, unknown properties and non-ASCII text.
    /// </summary>
    internal static class GeneratedPayloads
    {
        private const string Text = "Grüße, 世界 🚀 \"quoted\" \\ back\\slash \t tab </script>";

        public static IEnumerable<PayloadSample> All()
        {
            yield return Sample("generated request", PayloadModels.Request, EveryRequestShape().WriteTo);
            yield return Sample("generated response", PayloadModels.Response, ResponseWithLogprobsAndAnnotations().WriteTo);
            yield return Sample("generated tool-call chunk", PayloadModels.Chunk, ToolCallChunk().WriteTo);
            yield return Sample("generated error", PayloadModels.Error, new ErrorResponse { Error = new ApiError { Message = Text, Type = "server_error", Param = null, Code = "503" } }.WriteTo);
        }

        private static PayloadSample Sample(string name, PayloadModel model, Action<Utf8JsonWriter> write)
            => new(name, model, Encoding.UTF8.GetBytes(JsonEquivalence.Write(write)));

        private static ChatCompletionRequest EveryRequestShape() => new()
        {
            Model = "gpt-4o",
            Messages =
            [
                new DeveloperMessage { Content = new List<TextContentPart> { new() { Text = "Answer in JSON." } }, Name = "dev" },
                new SystemMessage { Content = Text, Name = "system" },
                new UserMessage
                {
                    Content = new List<UserContentPart>
                    {
                        new TextContentPart { Text = "What is in this image?" },
                        new ImageContentPart { ImageUrl = new ImageUrl { Url = "data:image/png;base64,iVBORw0KGgo=", Detail = ImageDetail.High } },
                    },
                    Name = "end-user",
                },
                new AssistantMessage
                {
                    Content = new List<AssistantContentPart> { new TextContentPart { Text = "Looking it up." } },
                    ToolCalls = [new ToolCall { Id = "call_1", Type = "function", Function = new FunctionCall { Name = "lookup", Arguments = "{\"q\":\"cat\"}" } }],
                },
                new AssistantMessage { Content = new List<AssistantContentPart> { new RefusalContentPart { Type = "refusal", Refusal = "No." } } },
                new ToolMessage { Content = "{\"animal\":\"cat\"}", ToolCallId = "call_1" },
            ],
            Temperature = 1.5e-3,
            TopP = 0.95,
            MaxCompletionTokens = 4096,
            N = 2,
            Stop = new List<string> { "\n\n", "END" },
            Stream = true,
            StreamOptions = new StreamOptions { IncludeUsage = true },
            PresencePenalty = -2,
            FrequencyPenalty = 2,
            LogitBias = new Dictionary<string, int> { ["50256"] = -100, ["1234"] = 100 },
            Logprobs = true,
            TopLogprobs = 20,
#pragma warning disable CS0618 // deprecated by the contract, still sent by real clients
            User = "user-1",
            Seed = long.MinValue,
#pragma warning restore CS0618
            Tools = [new FunctionTool { Type = "function", Function = new FunctionDefinition { Name = "lookup", Description = "Looks things up.", Parameters = Json("""{"type":"object","properties":{"q":{"type":"string","enum":["a",1,null,true,[],{}]}},"required":["q"]}"""), Strict = true } }],
            ToolChoice = new NamedToolChoice { Type = "function", Function = new NamedFunction { Name = "lookup" } },
            ParallelToolCalls = false,
            ResponseFormat = new ResponseFormatJsonSchema { JsonSchema = new JsonSchemaFormat { Name = "answer", Schema = Json("""{"type":"object","additionalProperties":false,"x":[1.5e300,-0.0,1E-7]}"""), Strict = true } },
            ReasoningEffort = ReasoningEffort.High,
            Metadata = new Dictionary<string, string> { ["trace"] = "abc", ["ünïcode"] = Text },
            ServiceTier = "priority-plus",
            AdditionalProperties = new Dictionary<string, JsonElement> { ["x_vendor"] = Json("""{"nested":[{"deep":[[]]}],"n":null}""") },
        };

        private static ChatCompletionResponse ResponseWithLogprobsAndAnnotations() => new()
        {
            Id = "chatcmpl-generated",
            Object = "chat.completion",
            Created = DateTimeOffset.FromUnixTimeSeconds(0),
            Model = "gpt-4o",
            Choices =
            [
                new ChatCompletionChoice
                {
                    Index = 0,
                    Message = new ChatCompletionMessage
                    {
                        Role = ChatRole.Assistant,
                        Content = Text,
                        Refusal = "partly",
                        Annotations = [new Annotation { Type = "url_citation", UrlCitation = new UrlCitation { StartIndex = 0, EndIndex = int.MaxValue, Url = "https://example.com/a?b=c&d", Title = "Example" } }],
                    },
                    Logprobs = new ChoiceLogprobs
                    {
                        Content = [new TokenLogprob { Token = "Gr", Logprob = -9999.0, Bytes = [71, 114], TopLogprobs = [new TopLogprob { Token = "G", Logprob = -1e-12, Bytes = null }] }],
                        Refusal = null,
                    },
                    FinishReason = "length",
                },
            ],
            Usage = new CompletionUsage { PromptTokens = 1, CompletionTokens = 2, TotalTokens = 3, PromptTokensDetails = new PromptTokensDetails(), CompletionTokensDetails = new CompletionTokensDetails { ReasoningTokens = 7 } },
            ServiceTier = ServiceTier.Flex,
        };

        private static ChatCompletionChunk ToolCallChunk() => new()
        {
            Id = "chatcmpl-chunk",
            Object = "chat.completion.chunk",
            Created = DateTimeOffset.FromUnixTimeSeconds(253402300799),
            Model = "gpt-4o",
            Choices =
            [
                new ChatCompletionChunkChoice
                {
                    Index = 1,
                    Delta = new ChatCompletionDelta
                    {
                        Role = ChatRole.Assistant,
                        ToolCalls = [new ToolCallChunk { Index = 0, Id = "call_9", Type = "function", Function = new FunctionCallChunk { Name = "lookup", Arguments = "{\"q\":" } }],
                    },
                    FinishReason = FinishReason.ToolCalls,
                },
            ],
            Usage = null,
        };

        private static JsonElement Json(string json)
        {
            using JsonDocument document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
    }
}
