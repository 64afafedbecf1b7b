using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

// Unions, open enums and unix time for the STJ models: what a careful hand-written POCO set needs custom converters for.
// Converters resolve nested types through options.GetTypeInfo, so the same converter serves the source-generated
// contexts and the reflection options alike.
namespace CometAnalyzers.Benchmarks.Stj
{
    /// <summary>Unix seconds as <see cref="DateTimeOffset"/>, with the generated model's range check.</summary>
    public sealed class UnixTimeConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out long seconds) || seconds < -62135596800L || seconds > 253402300799L)
            {
                throw new JsonException("Expected a Unix time in seconds.");
            }

            return DateTimeOffset.FromUnixTimeSeconds(seconds);
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
            => writer.WriteNumberValue(value.ToUnixTimeSeconds());
    }

    /// <summary>An open enum: known values are static instances (no string allocated when read), unknown ones are kept.</summary>
    public interface IStjOpenEnum<TSelf>
        where TSelf : struct, IStjOpenEnum<TSelf>
    {
        string Value { get; }

        static abstract TSelf Create(string value);

        /// <summary>The known value the reader's string equals, or null.</summary>
        static abstract TSelf? MatchKnown(ref Utf8JsonReader reader);
    }

    public sealed class OpenEnumConverter<T> : JsonConverter<T>
        where T : struct, IStjOpenEnum<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException("Expected a string.");
            }

            return T.MatchKnown(ref reader) ?? T.Create(reader.GetString()!);
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
    }

    [JsonConverter(typeof(OpenEnumConverter<StjFinishReason>))]
    public readonly record struct StjFinishReason(string Value) : IStjOpenEnum<StjFinishReason>
    {
        public static readonly StjFinishReason Stop = new("stop");
        public static readonly StjFinishReason Length = new("length");
        public static readonly StjFinishReason ToolCalls = new("tool_calls");
        public static readonly StjFinishReason ContentFilter = new("content_filter");
        public static readonly StjFinishReason FunctionCall = new("function_call");

        public static StjFinishReason Create(string value) => new(value);

        public static StjFinishReason? MatchKnown(ref Utf8JsonReader reader)
        {
            if (reader.ValueTextEquals("stop"u8)) { return Stop; }
            if (reader.ValueTextEquals("length"u8)) { return Length; }
            if (reader.ValueTextEquals("tool_calls"u8)) { return ToolCalls; }
            if (reader.ValueTextEquals("content_filter"u8)) { return ContentFilter; }
            if (reader.ValueTextEquals("function_call"u8)) { return FunctionCall; }
            return null;
        }
    }

    [JsonConverter(typeof(OpenEnumConverter<StjServiceTier>))]
    public readonly record struct StjServiceTier(string Value) : IStjOpenEnum<StjServiceTier>
    {
        public static readonly StjServiceTier Auto = new("auto");
        public static readonly StjServiceTier Default = new("default");
        public static readonly StjServiceTier Flex = new("flex");
        public static readonly StjServiceTier Scale = new("scale");
        public static readonly StjServiceTier Priority = new("priority");
        public static readonly StjServiceTier Fast = new("fast");

        public static StjServiceTier Create(string value) => new(value);

        public static StjServiceTier? MatchKnown(ref Utf8JsonReader reader)
        {
            if (reader.ValueTextEquals("auto"u8)) { return Auto; }
            if (reader.ValueTextEquals("default"u8)) { return Default; }
            if (reader.ValueTextEquals("flex"u8)) { return Flex; }
            if (reader.ValueTextEquals("scale"u8)) { return Scale; }
            if (reader.ValueTextEquals("priority"u8)) { return Priority; }
            if (reader.ValueTextEquals("fast"u8)) { return Fast; }
            return null;
        }
    }

    [JsonConverter(typeof(OpenEnumConverter<StjChatRole>))]
    public readonly record struct StjChatRole(string Value) : IStjOpenEnum<StjChatRole>
    {
        public static readonly StjChatRole Developer = new("developer");
        public static readonly StjChatRole System = new("system");
        public static readonly StjChatRole User = new("user");
        public static readonly StjChatRole Assistant = new("assistant");
        public static readonly StjChatRole Tool = new("tool");

        public static StjChatRole Create(string value) => new(value);

        public static StjChatRole? MatchKnown(ref Utf8JsonReader reader)
        {
            if (reader.ValueTextEquals("developer"u8)) { return Developer; }
            if (reader.ValueTextEquals("system"u8)) { return System; }
            if (reader.ValueTextEquals("user"u8)) { return User; }
            if (reader.ValueTextEquals("assistant"u8)) { return Assistant; }
            if (reader.ValueTextEquals("tool"u8)) { return Tool; }
            return null;
        }
    }

    [JsonConverter(typeof(OpenEnumConverter<StjReasoningEffort>))]
    public readonly record struct StjReasoningEffort(string Value) : IStjOpenEnum<StjReasoningEffort>
    {
        private static readonly StjReasoningEffort None = new("none");
        private static readonly StjReasoningEffort Minimal = new("minimal");
        private static readonly StjReasoningEffort Low = new("low");
        private static readonly StjReasoningEffort Medium = new("medium");
        private static readonly StjReasoningEffort High = new("high");
        private static readonly StjReasoningEffort XHigh = new("xhigh");
        private static readonly StjReasoningEffort Max = new("max");

        public static StjReasoningEffort Create(string value) => new(value);

        public static StjReasoningEffort? MatchKnown(ref Utf8JsonReader reader)
        {
            if (reader.ValueTextEquals("none"u8)) { return None; }
            if (reader.ValueTextEquals("minimal"u8)) { return Minimal; }
            if (reader.ValueTextEquals("low"u8)) { return Low; }
            if (reader.ValueTextEquals("medium"u8)) { return Medium; }
            if (reader.ValueTextEquals("high"u8)) { return High; }
            if (reader.ValueTextEquals("xhigh"u8)) { return XHigh; }
            if (reader.ValueTextEquals("max"u8)) { return Max; }
            return null;
        }
    }

    [JsonConverter(typeof(OpenEnumConverter<StjImageDetail>))]
    public readonly record struct StjImageDetail(string Value) : IStjOpenEnum<StjImageDetail>
    {
        private static readonly StjImageDetail Auto = new("auto");
        private static readonly StjImageDetail Low = new("low");
        private static readonly StjImageDetail High = new("high");

        public static StjImageDetail Create(string value) => new(value);

        public static StjImageDetail? MatchKnown(ref Utf8JsonReader reader)
        {
            if (reader.ValueTextEquals("auto"u8)) { return Auto; }
            if (reader.ValueTextEquals("low"u8)) { return Low; }
            if (reader.ValueTextEquals("high"u8)) { return High; }
            return null;
        }
    }

    [JsonConverter(typeof(OpenEnumConverter<StjToolChoiceMode>))]
    public readonly record struct StjToolChoiceMode(string Value) : IStjOpenEnum<StjToolChoiceMode>
    {
        private static readonly StjToolChoiceMode None = new("none");
        private static readonly StjToolChoiceMode Auto = new("auto");
        private static readonly StjToolChoiceMode Required = new("required");

        public static StjToolChoiceMode Create(string value) => new(value);

        public static StjToolChoiceMode? MatchKnown(ref Utf8JsonReader reader)
        {
            if (reader.ValueTextEquals("none"u8)) { return None; }
            if (reader.ValueTextEquals("auto"u8)) { return Auto; }
            if (reader.ValueTextEquals("required"u8)) { return Required; }
            return null;
        }
    }

    /// <summary>Base of the string-or-array (or string-or-object) unions: the value is one of the cases.</summary>
    public abstract class StjUnion
    {
        protected StjUnion(object value)
        {
            Value = value;
        }

        public object Value { get; }
    }

    [JsonConverter(typeof(StjTextContentConverter))]
    public sealed class StjTextContent : StjUnion
    {
        public StjTextContent(string text) : base(text) { }

        public StjTextContent(List<StjTextContentPart> parts) : base(parts) { }
    }

    [JsonConverter(typeof(StjUserContentConverter))]
    public sealed class StjUserContent : StjUnion
    {
        public StjUserContent(string text) : base(text) { }

        public StjUserContent(List<StjUserContentPart> parts) : base(parts) { }
    }

    [JsonConverter(typeof(StjAssistantContentConverter))]
    public sealed class StjAssistantContent : StjUnion
    {
        public StjAssistantContent(string text) : base(text) { }

        public StjAssistantContent(List<StjAssistantContentPart> parts) : base(parts) { }
    }

    [JsonConverter(typeof(StjStopConfigurationConverter))]
    public sealed class StjStopConfiguration : StjUnion
    {
        public StjStopConfiguration(string text) : base(text) { }

        public StjStopConfiguration(List<string> sequences) : base(sequences) { }
    }

    [JsonConverter(typeof(StjToolChoiceConverter))]
    public sealed class StjToolChoice : StjUnion
    {
        public StjToolChoice(StjToolChoiceMode mode) : base(mode) { }

        public StjToolChoice(StjNamedToolChoice named) : base(named) { }
    }

    /// <summary>A string case or a list case; the list is read and written through the options' metadata for it.</summary>
    public abstract class StringOrListConverter<TUnion, TItem> : JsonConverter<TUnion>
        where TUnion : StjUnion
    {
        protected abstract TUnion FromString(string value);

        protected abstract TUnion FromList(List<TItem> value);

        public override TUnion Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
        {
            JsonTokenType.String => FromString(reader.GetString()!),
            JsonTokenType.StartArray => FromList(JsonSerializer.Deserialize(ref reader, (JsonTypeInfo<List<TItem>>)options.GetTypeInfo(typeof(List<TItem>)))!),
            _ => throw new JsonException("Expected a string or an array."),
        };

        public override void Write(Utf8JsonWriter writer, TUnion value, JsonSerializerOptions options)
        {
            if (value.Value is string text)
            {
                writer.WriteStringValue(text);
            }
            else
            {
                JsonSerializer.Serialize(writer, (List<TItem>)value.Value, (JsonTypeInfo<List<TItem>>)options.GetTypeInfo(typeof(List<TItem>)));
            }
        }
    }

    public sealed class StjTextContentConverter : StringOrListConverter<StjTextContent, StjTextContentPart>
    {
        protected override StjTextContent FromString(string value) => new(value);

        protected override StjTextContent FromList(List<StjTextContentPart> value) => new(value);
    }

    public sealed class StjUserContentConverter : StringOrListConverter<StjUserContent, StjUserContentPart>
    {
        protected override StjUserContent FromString(string value) => new(value);

        protected override StjUserContent FromList(List<StjUserContentPart> value) => new(value);
    }

    public sealed class StjAssistantContentConverter : StringOrListConverter<StjAssistantContent, StjAssistantContentPart>
    {
        protected override StjAssistantContent FromString(string value) => new(value);

        protected override StjAssistantContent FromList(List<StjAssistantContentPart> value) => new(value);
    }

    public sealed class StjStopConfigurationConverter : StringOrListConverter<StjStopConfiguration, string>
    {
        protected override StjStopConfiguration FromString(string value) => new(value);

        protected override StjStopConfiguration FromList(List<string> value) => new(value);
    }

    public sealed class StjToolChoiceConverter : JsonConverter<StjToolChoice>
    {
        public override StjToolChoice Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
        {
            JsonTokenType.String => new StjToolChoice(StjToolChoiceMode.MatchKnown(ref reader) ?? StjToolChoiceMode.Create(reader.GetString()!)),
            JsonTokenType.StartObject => new StjToolChoice(JsonSerializer.Deserialize(ref reader, (JsonTypeInfo<StjNamedToolChoice>)options.GetTypeInfo(typeof(StjNamedToolChoice)))!),
            _ => throw new JsonException("Expected a string or an object."),
        };

        public override void Write(Utf8JsonWriter writer, StjToolChoice value, JsonSerializerOptions options)
        {
            if (value.Value is StjToolChoiceMode mode)
            {
                writer.WriteStringValue(mode.Value);
            }
            else
            {
                JsonSerializer.Serialize(writer, (StjNamedToolChoice)value.Value, (JsonTypeInfo<StjNamedToolChoice>)options.GetTypeInfo(typeof(StjNamedToolChoice)));
            }
        }
    }
}
