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
    /// For the POCOs of StjModels.cs it never does (every type has [JsonExtensionData]; the setups log it): writing
    /// falls back to metadata. Kept as an informational row beside the real fast path (<see cref="StjSerializationContext"/>).
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
    public sealed partial class StjDefaultModeContext : JsonSerializerContext
    {
    }

    /// <summary>
    /// Reads the payloads into the fast-path POCOs of StjFastPathModels.cs (metadata mode: STJ has no deserialization
    /// fast path), and reads the fast path's output back in the setups' checks.
    /// </summary>
    [JsonSourceGenerationOptions(
        GenerationMode = JsonSourceGenerationMode.Metadata,
        PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        RespectNullableAnnotations = true)]
    [JsonSerializable(typeof(StjFastChatCompletionResponse))]
    [JsonSerializable(typeof(StjFastChatCompletionRequest))]
    public sealed partial class StjFastMetadataContext : JsonSerializerContext
    {
    }

    /// <summary>
    /// Source generation in serialization mode for the POCOs of StjFastPathModels.cs: only the fast-path serialization
    /// handlers are generated, and <see cref="JsonSerializer"/> writes through them (the serialize setups check
    /// <see cref="StjOptions.UsesFastPath"/> on the root type and throw if it is false). This is the serialize baseline.
    /// </summary>
    [JsonSourceGenerationOptions(
        GenerationMode = JsonSourceGenerationMode.Serialization,
        PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        RespectNullableAnnotations = true)]
    [JsonSerializable(typeof(StjFastChatCompletionResponse))]
    [JsonSerializable(typeof(StjFastChatCompletionRequest))]
    public sealed partial class StjSerializationContext : JsonSerializerContext
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

        /// <summary>Throws unless <see cref="JsonSerializer"/> writes <paramref name="info"/> through its fast path.</summary>
        public static void RequireFastPath(JsonTypeInfo info)
        {
            if (!UsesFastPath(info))
            {
                throw new InvalidOperationException(
                    $"The serialize baseline must run STJ's fast path, but {info.Type.Name} does not use it (or this runtime no longer has JsonTypeInfo.CanUseSerializeHandler, which StjOptions.UsesFastPath reads).");
            }
        }
    }
}
