using System;
using System.ClientModel.Primitives;
using System.Collections.Generic;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CometAnalyzers.Benchmarks.Floor;
using CometAnalyzers.Benchmarks.Payloads;
using CometAnalyzers.Benchmarks.Stj;
using CometApi.Contracts;
using OpenAI;
using OpenAI.Chat;

namespace CometAnalyzers.Benchmarks.Benchmarks
{
    /// <summary>
    /// Chat completion responses (the examples and a 20-choice response with tool calls and logprobs) read by every
    /// contender from the same UTF-8 bytes. Baseline: System.Text.Json source generation (metadata; STJ has no
    /// deserialization fast path).
    /// </summary>
    [Config(typeof(BenchConfig))]
    [BenchmarkCategory("Deserialize", "Response")]
    public class DeserializeResponseBenchmarks
    {
        private byte[] _json = Array.Empty<byte>();

        public static IEnumerable<string> Payloads => PayloadCatalog.Responses;

        [ParamsSource(nameof(Payloads))]
        public string Payload { get; set; } = PayloadCatalog.Response;

        [GlobalSetup]
        public void Setup()
        {
            _json = PayloadCatalog.Get(Payload);
            int choices = Comet().Choices.Count;
            Agreement.Same(Payload, "choices", choices, CometViaJsonSerializer().Choices.Count, StjSourceGen().Choices.Count, StjReflection().Choices.Count);
            Agreement.Same(Payload, "id", Comet().Id, OpenAiSdk().Id);
            Agreement.Same(Payload, "first tool calls", Comet().Choices[0].Message.ToolCalls?.Count ?? 0, OpenAiSdk().ToolCalls.Count);
            Agreement.Same(Payload, "last content", Comet().Choices[^1].Message.Content, StjSourceGen().Choices[^1].Message.Content, StjReflection().Choices[^1].Message.Content);
            if (Floor() == 0)
            {
                throw new InvalidOperationException("The floor read nothing.");
            }
        }

        [Benchmark(Description = "Comet Parse")]
        public ChatCompletionResponse Comet() => ChatCompletionResponse.Parse(_json);

        [Benchmark(Description = "Comet via JsonSerializer")]
        public ChatCompletionResponse CometViaJsonSerializer() => JsonSerializer.Deserialize(_json, CometApiJsonContext.Default.ChatCompletionResponse)!;

        [Benchmark(Baseline = true, Description = "STJ source gen")]
        public StjChatCompletionResponse StjSourceGen() => JsonSerializer.Deserialize(_json, StjMetadataContext.Default.StjChatCompletionResponse)!;

        [Benchmark(Description = "STJ reflection")]
        public StjChatCompletionResponse StjReflection() => JsonSerializer.Deserialize(_json, StjOptions.ReflectionInfo<StjChatCompletionResponse>())!;

        [Benchmark(Description = "OpenAI SDK 2.15")]
        public ChatCompletion OpenAiSdk() => ModelReaderWriter.Read<ChatCompletion>(BinaryData.FromBytes(_json), ModelReaderWriterOptions.Json, OpenAIContext.Default)!;

        [Benchmark(Description = "Floor (Utf8JsonReader)")]
        public long Floor() => FloorReader.Read(_json, FloorReader.Response);
    }

    /// <summary>Chat completion requests (the two examples and a 50-message conversation). Requests are written by clients,
    /// read by servers and proxies; the OpenAI SDK has no public request model to read one into, so it is not in this group.</summary>
    [Config(typeof(BenchConfig))]
    [BenchmarkCategory("Deserialize", "Request")]
    public class DeserializeRequestBenchmarks
    {
        private byte[] _json = Array.Empty<byte>();

        public static IEnumerable<string> Payloads => PayloadCatalog.Requests;

        [ParamsSource(nameof(Payloads))]
        public string Payload { get; set; } = PayloadCatalog.Request;

        [GlobalSetup]
        public void Setup()
        {
            _json = PayloadCatalog.Get(Payload);
            Agreement.Same(Payload, "messages", Comet().Messages.Count, StjSourceGen().Messages.Count, StjReflection().Messages.Count);
            Agreement.Same(Payload, "tools", Comet().Tools?.Count, StjSourceGen().Tools?.Count, StjReflection().Tools?.Count);
            if (Floor() == 0)
            {
                throw new InvalidOperationException("The floor read nothing.");
            }
        }

        [Benchmark(Description = "Comet Parse")]
        public ChatCompletionRequest Comet() => ChatCompletionRequest.Parse(_json);

        [Benchmark(Baseline = true, Description = "STJ source gen")]
        public StjChatCompletionRequest StjSourceGen() => JsonSerializer.Deserialize(_json, StjMetadataContext.Default.StjChatCompletionRequest)!;

        [Benchmark(Description = "STJ reflection")]
        public StjChatCompletionRequest StjReflection() => JsonSerializer.Deserialize(_json, StjOptions.ReflectionInfo<StjChatCompletionRequest>())!;

        [Benchmark(Description = "Floor (Utf8JsonReader)")]
        public long Floor() => FloorReader.Read(_json, FloorReader.Request);
    }

    /// <summary>Error bodies in the OpenAI shape and CometAPI's own. The OpenAI SDK exposes no error model to read one into.</summary>
    [Config(typeof(BenchConfig))]
    [BenchmarkCategory("Deserialize", "Error")]
    public class DeserializeErrorBenchmarks
    {
        private byte[] _json = Array.Empty<byte>();

        public static IEnumerable<string> Payloads => PayloadCatalog.Errors;

        [ParamsSource(nameof(Payloads))]
        public string Payload { get; set; } = PayloadCatalog.Error401;

        [GlobalSetup]
        public void Setup()
        {
            _json = PayloadCatalog.Get(Payload);
            Agreement.Same(Payload, "message", Comet().Error.Message, StjSourceGen().Error.Message, StjReflection().Error.Message);
            if (Floor() == 0)
            {
                throw new InvalidOperationException("The floor read nothing.");
            }
        }

        [Benchmark(Description = "Comet Parse")]
        public ErrorResponse Comet() => ErrorResponse.Parse(_json);

        [Benchmark(Baseline = true, Description = "STJ source gen")]
        public StjErrorResponse StjSourceGen() => JsonSerializer.Deserialize(_json, StjMetadataContext.Default.StjErrorResponse)!;

        [Benchmark(Description = "STJ reflection")]
        public StjErrorResponse StjReflection() => JsonSerializer.Deserialize(_json, StjOptions.ReflectionInfo<StjErrorResponse>())!;

        [Benchmark(Description = "Floor (Utf8JsonReader)")]
        public long Floor() => FloorReader.Read(_json, FloorReader.Error);
    }

    /// <summary>Checks, before timing, that every contender read the same thing.</summary>
    internal static class Agreement
    {
        public static void Same<T>(string payload, string what, params T[] values)
        {
            for (int i = 1; i < values.Length; i++)
            {
                if (!EqualityComparer<T>.Default.Equals(values[0], values[i]))
                {
                    throw new InvalidOperationException($"{payload}: contenders disagree on {what}: '{values[0]}' vs '{values[i]}' (contender {i}).");
                }
            }
        }
    }
}
