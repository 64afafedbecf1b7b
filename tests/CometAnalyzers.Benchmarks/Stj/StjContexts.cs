using System;
using System.Collections.Generic;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace CometAnalyzers.Benchmarks.Stj
{
    // One set of options for every STJ contender: snake_case names, nulls of optional members left out when writing
    // (required nullable members are written: [JsonIgnore(Condition = Never)]), nullable annotations respected when
    // reading, like the generated parser which rejects null for a non-nullable member.

    /// <summary>Source generation, metadata mode only: deserialization always runs here, serialization through metadata.</summary>
    [JsonSourceGenerationOptions(
        GenerationMode = JsonSourceGenerationMode.Metadata,
        PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        RespectNullableAnnotations = true)]
    [JsonSerializable(typeof(StjChatCompletionResponse))]
    [JsonSerializable(typeof(StjChatCompletionRequest))]
    [JsonSerializable(typeof(StjChatCompletionChunk))]
    [JsonSerializable(typeof(StjErrorResponse))]
    [JsonSerializable(typeof(List<StjTextContentPart>))]
    [JsonSerializable(typeof(List<StjUserContentPart>))]
    [JsonSerializable(typeof(List<StjAssistantContentPart>))]
    [JsonSerializable(typeof(List<string>))]
    [JsonSerializable(typeof(StjNamedToolChoice))]
    public sealed partial class StjMetadataContext : JsonSerializerContext
    {
    }

    /// <summary>
    /// Source generation in the default mode: metadata plus the fast-path serialization handlers, which
    /// <see cref="JsonSerializer"/> uses for writing whenever the type allows (not for polymorphic or custom-converter types).
    /// </summary>
    [JsonSourceGenerationOptions(
        GenerationMode = JsonSourceGenerationMode.Default,
        PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        RespectNullableAnnotations = true)]
    [JsonSerializable(typeof(StjChatCompletionResponse))]
    [JsonSerializable(typeof(StjChatCompletionRequest))]
    [JsonSerializable(typeof(StjChatCompletionChunk))]
    [JsonSerializable(typeof(StjErrorResponse))]
    [JsonSerializable(typeof(List<StjTextContentPart>))]
    [JsonSerializable(typeof(List<StjUserContentPart>))]
    [JsonSerializable(typeof(List<StjAssistantContentPart>))]
    [JsonSerializable(typeof(List<string>))]
    [JsonSerializable(typeof(StjNamedToolChoice))]
    public sealed partial class StjFastPathContext : JsonSerializerContext
    {
    }

    public static class StjOptions
    {
        /// <summary>Reflection-based serialization with the same settings as the contexts.</summary>
        public static readonly JsonSerializerOptions Reflection = CreateReflection();

        public static JsonTypeInfo<T> ReflectionInfo<T>() => (JsonTypeInfo<T>)Reflection.GetTypeInfo(typeof(T));

        private static JsonSerializerOptions CreateReflection()
        {
            var options = new JsonSerializerOptions
            {
                PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
                DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
                RespectNullableAnnotations = true,
                TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
            };
            options.MakeReadOnly();
            return options;
        }

        /// <summary>
        /// Whether JsonSerializer will write <paramref name="info"/> through its source-generated fast path
        /// (JsonTypeInfo.CanUseSerializeHandler is internal; read for the record, never to change behaviour).
        /// </summary>
        public static bool UsesFastPath(JsonTypeInfo info)
        {
            PropertyInfo? property = typeof(JsonTypeInfo).GetProperty("CanUseSerializeHandler", BindingFlags.Instance | BindingFlags.NonPublic);
            return property?.GetValue(info) is true;
        }

        public static string DescribeFastPath(JsonTypeInfo info)
            => info.Type.Name + (UsesFastPath(info) ? ": fast path" : ": metadata (no fast path)");
    }
}
