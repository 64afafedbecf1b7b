using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

// A second set of System.Text.Json POCOs, shaped so that STJ's source-generated serialization fast path engages
// (StjSerializationContext in StjContexts.cs; every serialize setup checks StjOptions.UsesFastPath and throws if not).
// The fast path is generated only for types without [JsonExtensionData], without [JsonPolymorphic] and without
// property-level [JsonConverter]s, so compared with StjModels.cs (and with the generated Comet models) these POCOs
// model less:
//   - no extension data: unknown properties are dropped when read and not written back (Comet keeps and writes them);
//   - open enums (finish_reason, service_tier, role, reasoning_effort, detail) are plain strings, unvalidated;
//   - unix times are plain longs (no DateTimeOffset conversion and range check);
//   - the request's messages are one flat class with every role's fields (role is an ordinary string property, so an
//     unknown or wrong combination of fields is not rejected), and the response format is one flat class likewise;
//   - string-or-array unions (message content, stop, tool_choice) are JsonElement?: the raw JSON is kept and written
//     back as it was read, with no typed content parts. A union class needs a converter (object-typed members turn
//     the fast path off too), so JsonElement is the closest shape whose containing type keeps its fast path. Writing a
//     JsonElement goes through STJ's built-in JsonElement converter (JsonElement.WriteTo), as it does for
//     `parameters`/`schema` in both POCO sets.
// Each difference means less work for STJ when writing, so a comparison against this baseline is conservative: it
// can only flatter STJ, never Comet. The same snake_case naming policy and null handling as the other contexts;
// [JsonRequired] and non-nullable annotations are kept (they only matter when the setup reads the payload in).
namespace CometAnalyzers.Benchmarks.Stj
{
    // ---- Response ----

    public sealed class StjFastChatCompletionResponse
    {
        [JsonRequired]
        public string Id { get; set; } = default!;

        [JsonRequired]
        public string Object { get; set; } = default!;

        /// <summary>Unix time in seconds, as in the payload.</summary>
        [JsonRequired]
        public long Created { get; set; }

        [JsonRequired]
        public string Model { get; set; } = default!;

        [JsonRequired]
        public List<StjFastChatCompletionChoice> Choices { get; set; } = default!;

        public StjFastCompletionUsage? Usage { get; set; }

        public string? ServiceTier { get; set; }

        public string? SystemFingerprint { get; set; }
    }

    public sealed class StjFastChatCompletionChoice
    {
        [JsonRequired]
        public int Index { get; set; }

        [JsonRequired]
        public StjFastChatCompletionMessage Message { get; set; } = default!;

        public StjFastChoiceLogprobs? Logprobs { get; set; }

        [JsonRequired]
        public string FinishReason { get; set; } = default!;
    }

    public sealed class StjFastChatCompletionMessage
    {
        [JsonRequired]
        public string Role { get; set; } = default!;

        [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
        [JsonRequired]
        public string? Content { get; set; }

        public string? Refusal { get; set; }

        public List<StjFastToolCall>? ToolCalls { get; set; }

        public List<StjFastAnnotation>? Annotations { get; set; }
    }

    public sealed class StjFastToolCall
    {
        [JsonRequired]
        public string Id { get; set; } = default!;

        [JsonRequired]
        public string Type { get; set; } = default!;

        [JsonRequired]
        public StjFastFunctionCall Function { get; set; } = default!;
    }

    public sealed class StjFastFunctionCall
    {
        [JsonRequired]
        public string Name { get; set; } = default!;

        [JsonRequired]
        public string Arguments { get; set; } = default!;
    }

    public sealed class StjFastAnnotation
    {
        [JsonRequired]
        public string Type { get; set; } = default!;

        [JsonRequired]
        public StjFastUrlCitation UrlCitation { get; set; } = default!;
    }

    public sealed class StjFastUrlCitation
    {
        [JsonRequired]
        public int EndIndex { get; set; }

        [JsonRequired]
        public int StartIndex { get; set; }

        [JsonRequired]
        public string Url { get; set; } = default!;

        [JsonRequired]
        public string Title { get; set; } = default!;
    }

    public sealed class StjFastChoiceLogprobs
    {
        [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
        [JsonRequired]
        public List<StjFastTokenLogprob>? Content { get; set; }

        public List<StjFastTokenLogprob>? Refusal { get; set; }
    }

    public sealed class StjFastTokenLogprob
    {
        [JsonRequired]
        public string Token { get; set; } = default!;

        [JsonRequired]
        public double Logprob { get; set; }

        [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
        [JsonRequired]
        public List<int>? Bytes { get; set; }

        [JsonRequired]
        public List<StjFastTopLogprob> TopLogprobs { get; set; } = default!;
    }

    public sealed class StjFastTopLogprob
    {
        [JsonRequired]
        public string Token { get; set; } = default!;

        [JsonRequired]
        public double Logprob { get; set; }

        [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
        [JsonRequired]
        public List<int>? Bytes { get; set; }
    }

    public sealed class StjFastCompletionUsage
    {
        [JsonRequired]
        public int PromptTokens { get; set; }

        [JsonRequired]
        public int CompletionTokens { get; set; }

        [JsonRequired]
        public int TotalTokens { get; set; }

        public StjFastPromptTokensDetails? PromptTokensDetails { get; set; }

        public StjFastCompletionTokensDetails? CompletionTokensDetails { get; set; }
    }

    public sealed class StjFastPromptTokensDetails
    {
        public int? CachedTokens { get; set; }

        public int? AudioTokens { get; set; }
    }

    public sealed class StjFastCompletionTokensDetails
    {
        public int? ReasoningTokens { get; set; }

        public int? AudioTokens { get; set; }

        public int? AcceptedPredictionTokens { get; set; }

        public int? RejectedPredictionTokens { get; set; }
    }

    // ---- Request ----

    public sealed class StjFastChatCompletionRequest
    {
        [JsonRequired]
        public string Model { get; set; } = default!;

        [JsonRequired]
        public List<StjFastChatMessage> Messages { get; set; } = default!;

        public double? Temperature { get; set; }

        public double? TopP { get; set; }

        public int? MaxTokens { get; set; }

        public int? MaxCompletionTokens { get; set; }

        public int? N { get; set; }

        /// <summary>A string or an array of strings, kept as read.</summary>
        public JsonElement? Stop { get; set; }

        public bool? Stream { get; set; }

        public StjFastStreamOptions? StreamOptions { get; set; }

        public double? PresencePenalty { get; set; }

        public double? FrequencyPenalty { get; set; }

        public Dictionary<string, int>? LogitBias { get; set; }

        public bool? Logprobs { get; set; }

        public int? TopLogprobs { get; set; }

        public string? User { get; set; }

        public long? Seed { get; set; }

        public List<StjFastFunctionTool>? Tools { get; set; }

        /// <summary>A mode string or a named-function object, kept as read.</summary>
        public JsonElement? ToolChoice { get; set; }

        public bool? ParallelToolCalls { get; set; }

        public StjFastResponseFormat? ResponseFormat { get; set; }

        public string? ReasoningEffort { get; set; }

        public Dictionary<string, string>? Metadata { get; set; }

        public string? ServiceTier { get; set; }
    }

    /// <summary>
    /// Every role's message in one class (the fast path cannot write a polymorphic hierarchy): <c>role</c> is written as
    /// an ordinary first property, and each role's own members are null, so left out, on the others.
    /// </summary>
    public sealed class StjFastChatMessage
    {
        [JsonRequired]
        public string Role { get; set; } = default!;

        /// <summary>
        /// A string or an array of content parts, kept as read. Always written, as the assistant's nullable content is
        /// in StjModels.cs (every other role requires content, so it is never null there).
        /// </summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
        public JsonElement? Content { get; set; }

        public string? Refusal { get; set; }

        public string? Name { get; set; }

        public List<StjFastToolCall>? ToolCalls { get; set; }

        public string? ToolCallId { get; set; }
    }

    public sealed class StjFastStreamOptions
    {
        public bool? IncludeUsage { get; set; }
    }

    public sealed class StjFastFunctionTool
    {
        [JsonRequired]
        public string Type { get; set; } = default!;

        [JsonRequired]
        public StjFastFunctionDefinition Function { get; set; } = default!;
    }

    public sealed class StjFastFunctionDefinition
    {
        [JsonRequired]
        public string Name { get; set; } = default!;

        public string? Description { get; set; }

        public JsonElement? Parameters { get; set; }

        public bool? Strict { get; set; }
    }

    /// <summary>Every response format in one class: <c>type</c> is an ordinary property, <c>json_schema</c> null unless used.</summary>
    public sealed class StjFastResponseFormat
    {
        [JsonRequired]
        public string Type { get; set; } = default!;

        public StjFastJsonSchemaFormat? JsonSchema { get; set; }
    }

    public sealed class StjFastJsonSchemaFormat
    {
        [JsonRequired]
        public string Name { get; set; } = default!;

        public string? Description { get; set; }

        public JsonElement? Schema { get; set; }

        public bool? Strict { get; set; }
    }
}
