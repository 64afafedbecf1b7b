using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

// A hand-written System.Text.Json equivalent of the generated CometApi models: the same fields, the same types
// (lists, maps, JsonElement for free-form schemas, DateTimeOffset for unix times, open enums as structs that reuse
// their known values, unions as classes over object), [JsonRequired] where the contract requires a field, extension data
// for unknown properties. [JsonRequired] rather than C# `required`: with `required` members the STJ source generator
// deserializes through its parameterized-constructor path (arguments boxed into an object[]), which is slower. Names come from the snake_case naming policy of the contexts and options in StjContexts.cs.
// Differences that remain are listed in docs/performance.md ("Asymmetries").
namespace CometAnalyzers.Benchmarks.Stj
{
    public sealed class StjChatCompletionResponse
    {
        [JsonRequired]
        public string Id { get; set; } = default!;

        [JsonRequired]
        public string Object { get; set; } = default!;

        [JsonConverter(typeof(UnixTimeConverter))]
        [JsonRequired]
        public DateTimeOffset Created { get; set; }

        [JsonRequired]
        public string Model { get; set; } = default!;

        [JsonRequired]
        public List<StjChatCompletionChoice> Choices { get; set; } = default!;

        public StjCompletionUsage? Usage { get; set; }

        public StjServiceTier? ServiceTier { get; set; }

        public string? SystemFingerprint { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
    }

    public sealed class StjChatCompletionChoice
    {
        [JsonRequired]
        public int Index { get; set; }

        [JsonRequired]
        public StjChatCompletionMessage Message { get; set; } = default!;

        public StjChoiceLogprobs? Logprobs { get; set; }

        [JsonRequired]
        public StjFinishReason FinishReason { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
    }

    public sealed class StjChatCompletionMessage
    {
        [JsonRequired]
        public string Role { get; set; } = default!;

        [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
        [JsonRequired]
        public string? Content { get; set; }

        public string? Refusal { get; set; }

        public List<StjToolCall>? ToolCalls { get; set; }

        public List<StjAnnotation>? Annotations { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
    }

    public sealed class StjToolCall
    {
        [JsonRequired]
        public string Id { get; set; } = default!;

        [JsonRequired]
        public string Type { get; set; } = default!;

        [JsonRequired]
        public StjFunctionCall Function { get; set; } = default!;

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
    }

    public sealed class StjFunctionCall
    {
        [JsonRequired]
        public string Name { get; set; } = default!;

        [JsonRequired]
        public string Arguments { get; set; } = default!;

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
    }

    public sealed class StjAnnotation
    {
        [JsonRequired]
        public string Type { get; set; } = default!;

        [JsonRequired]
        public StjUrlCitation UrlCitation { get; set; } = default!;

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
    }

    public sealed class StjUrlCitation
    {
        [JsonRequired]
        public int EndIndex { get; set; }

        [JsonRequired]
        public int StartIndex { get; set; }

        [JsonRequired]
        public string Url { get; set; } = default!;

        [JsonRequired]
        public string Title { get; set; } = default!;

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
    }

    public sealed class StjChoiceLogprobs
    {
        [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
        [JsonRequired]
        public List<StjTokenLogprob>? Content { get; set; }

        public List<StjTokenLogprob>? Refusal { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
    }

    public sealed class StjTokenLogprob
    {
        [JsonRequired]
        public string Token { get; set; } = default!;

        [JsonRequired]
        public double Logprob { get; set; }

        [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
        [JsonRequired]
        public List<int>? Bytes { get; set; }

        [JsonRequired]
        public List<StjTopLogprob> TopLogprobs { get; set; } = default!;

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
    }

    public sealed class StjTopLogprob
    {
        [JsonRequired]
        public string Token { get; set; } = default!;

        [JsonRequired]
        public double Logprob { get; set; }

        [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
        [JsonRequired]
        public List<int>? Bytes { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
    }

    public sealed class StjCompletionUsage
    {
        [JsonRequired]
        public int PromptTokens { get; set; }

        [JsonRequired]
        public int CompletionTokens { get; set; }

        [JsonRequired]
        public int TotalTokens { get; set; }

        public StjPromptTokensDetails? PromptTokensDetails { get; set; }

        public StjCompletionTokensDetails? CompletionTokensDetails { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
    }

    public sealed class StjPromptTokensDetails
    {
        public int? CachedTokens { get; set; }

        public int? AudioTokens { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
    }

    public sealed class StjCompletionTokensDetails
    {
        public int? ReasoningTokens { get; set; }

        public int? AudioTokens { get; set; }

        public int? AcceptedPredictionTokens { get; set; }

        public int? RejectedPredictionTokens { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
    }

    // ---- Streaming ----

    public sealed class StjChatCompletionChunk
    {
        [JsonRequired]
        public string Id { get; set; } = default!;

        [JsonRequired]
        public string Object { get; set; } = default!;

        [JsonConverter(typeof(UnixTimeConverter))]
        [JsonRequired]
        public DateTimeOffset Created { get; set; }

        [JsonRequired]
        public string Model { get; set; } = default!;

        public string? SystemFingerprint { get; set; }

        public StjServiceTier? ServiceTier { get; set; }

        [JsonRequired]
        public List<StjChatCompletionChunkChoice> Choices { get; set; } = default!;

        public StjCompletionUsage? Usage { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
    }

    public sealed class StjChatCompletionChunkChoice
    {
        [JsonRequired]
        public int Index { get; set; }

        [JsonRequired]
        public StjChatCompletionDelta Delta { get; set; } = default!;

        public StjChoiceLogprobs? Logprobs { get; set; }

        [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
        [JsonRequired]
        public StjFinishReason? FinishReason { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
    }

    public sealed class StjChatCompletionDelta
    {
        public StjChatRole? Role { get; set; }

        public string? Content { get; set; }

        public string? Refusal { get; set; }

        public List<StjToolCallChunk>? ToolCalls { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
    }

    public sealed class StjToolCallChunk
    {
        [JsonRequired]
        public int Index { get; set; }

        public string? Id { get; set; }

        public string? Type { get; set; }

        public StjFunctionCallChunk? Function { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
    }

    public sealed class StjFunctionCallChunk
    {
        public string? Name { get; set; }

        public string? Arguments { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
    }

    // ---- Errors ----

    public sealed class StjErrorResponse
    {
        [JsonRequired]
        public StjApiError Error { get; set; } = default!;

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
    }

    public sealed class StjApiError
    {
        [JsonRequired]
        public string Message { get; set; } = default!;

        public string? Type { get; set; }

        public string? Param { get; set; }

        public string? Code { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
    }

    // ---- Request ----

    public sealed class StjChatCompletionRequest
    {
        [JsonRequired]
        public string Model { get; set; } = default!;

        [JsonRequired]
        public List<StjChatMessage> Messages { get; set; } = default!;

        public double? Temperature { get; set; }

        public double? TopP { get; set; }

        public int? MaxTokens { get; set; }

        public int? MaxCompletionTokens { get; set; }

        public int? N { get; set; }

        public StjStopConfiguration? Stop { get; set; }

        public bool? Stream { get; set; }

        public StjStreamOptions? StreamOptions { get; set; }

        public double? PresencePenalty { get; set; }

        public double? FrequencyPenalty { get; set; }

        public Dictionary<string, int>? LogitBias { get; set; }

        public bool? Logprobs { get; set; }

        public int? TopLogprobs { get; set; }

        public string? User { get; set; }

        public long? Seed { get; set; }

        public List<StjFunctionTool>? Tools { get; set; }

        public StjToolChoice? ToolChoice { get; set; }

        public bool? ParallelToolCalls { get; set; }

        public StjResponseFormat? ResponseFormat { get; set; }

        public StjReasoningEffort? ReasoningEffort { get; set; }

        public Dictionary<string, string>? Metadata { get; set; }

        public StjServiceTier? ServiceTier { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
    }

    [JsonPolymorphic(TypeDiscriminatorPropertyName = "role")]
    [JsonDerivedType(typeof(StjDeveloperMessage), "developer")]
    [JsonDerivedType(typeof(StjSystemMessage), "system")]
    [JsonDerivedType(typeof(StjUserMessage), "user")]
    [JsonDerivedType(typeof(StjAssistantMessage), "assistant")]
    [JsonDerivedType(typeof(StjToolMessage), "tool")]
    public abstract class StjChatMessage
    {
        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
    }

    public sealed class StjDeveloperMessage : StjChatMessage
    {
        [JsonRequired]
        public StjTextContent Content { get; set; } = default!;

        public string? Name { get; set; }
    }

    public sealed class StjSystemMessage : StjChatMessage
    {
        [JsonRequired]
        public StjTextContent Content { get; set; } = default!;

        public string? Name { get; set; }
    }

    public sealed class StjUserMessage : StjChatMessage
    {
        [JsonRequired]
        public StjUserContent Content { get; set; } = default!;

        public string? Name { get; set; }
    }

    public sealed class StjAssistantMessage : StjChatMessage
    {
        [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
        public StjAssistantContent? Content { get; set; }

        public string? Refusal { get; set; }

        public string? Name { get; set; }

        public List<StjToolCall>? ToolCalls { get; set; }
    }

    public sealed class StjToolMessage : StjChatMessage
    {
        [JsonRequired]
        public StjTextContent Content { get; set; } = default!;

        [JsonRequired]
        public string ToolCallId { get; set; } = default!;
    }

    /// <summary>A text part as it appears in developer, system and tool content (no discriminator dispatch).</summary>
    public sealed class StjTextContentPart
    {
        [JsonRequired]
        public string Type { get; set; } = default!;

        [JsonRequired]
        public string Text { get; set; } = default!;

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
    }

    [JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
    [JsonDerivedType(typeof(StjUserTextPart), "text")]
    [JsonDerivedType(typeof(StjImageContentPart), "image_url")]
    public abstract class StjUserContentPart
    {
        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
    }

    public sealed class StjUserTextPart : StjUserContentPart
    {
        [JsonRequired]
        public string Text { get; set; } = default!;
    }

    public sealed class StjImageContentPart : StjUserContentPart
    {
        [JsonRequired]
        public StjImageUrl ImageUrl { get; set; } = default!;
    }

    public sealed class StjImageUrl
    {
        [JsonRequired]
        public string Url { get; set; } = default!;

        public StjImageDetail? Detail { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
    }

    [JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
    [JsonDerivedType(typeof(StjAssistantTextPart), "text")]
    [JsonDerivedType(typeof(StjRefusalContentPart), "refusal")]
    public abstract class StjAssistantContentPart
    {
        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
    }

    public sealed class StjAssistantTextPart : StjAssistantContentPart
    {
        [JsonRequired]
        public string Text { get; set; } = default!;
    }

    public sealed class StjRefusalContentPart : StjAssistantContentPart
    {
        [JsonRequired]
        public string Refusal { get; set; } = default!;
    }

    public sealed class StjFunctionTool
    {
        [JsonRequired]
        public string Type { get; set; } = default!;

        [JsonRequired]
        public StjFunctionDefinition Function { get; set; } = default!;

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
    }

    public sealed class StjFunctionDefinition
    {
        [JsonRequired]
        public string Name { get; set; } = default!;

        public string? Description { get; set; }

        public JsonElement? Parameters { get; set; }

        public bool? Strict { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
    }

    public sealed class StjNamedToolChoice
    {
        [JsonRequired]
        public string Type { get; set; } = default!;

        [JsonRequired]
        public StjNamedFunction Function { get; set; } = default!;

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
    }

    public sealed class StjNamedFunction
    {
        [JsonRequired]
        public string Name { get; set; } = default!;

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
    }

    public sealed class StjStreamOptions
    {
        public bool? IncludeUsage { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
    }

    [JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
    [JsonDerivedType(typeof(StjResponseFormatText), "text")]
    [JsonDerivedType(typeof(StjResponseFormatJsonSchema), "json_schema")]
    [JsonDerivedType(typeof(StjResponseFormatJsonObject), "json_object")]
    public abstract class StjResponseFormat
    {
        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
    }

    public sealed class StjResponseFormatText : StjResponseFormat
    {
    }

    public sealed class StjResponseFormatJsonObject : StjResponseFormat
    {
    }

    public sealed class StjResponseFormatJsonSchema : StjResponseFormat
    {
        [JsonRequired]
        public StjJsonSchemaFormat JsonSchema { get; set; } = default!;
    }

    public sealed class StjJsonSchemaFormat
    {
        [JsonRequired]
        public string Name { get; set; } = default!;

        public string? Description { get; set; }

        public JsonElement? Schema { get; set; }

        public bool? Strict { get; set; }

        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
    }
}
