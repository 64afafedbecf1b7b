using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using CometAnalyzers.Benchmarks.Payloads;
using CometAnalyzers.Benchmarks.Stj;
using CometApi.Contracts;

namespace CometAnalyzers.Benchmarks.Benchmarks
{
    /// <summary>
    /// One reusable Utf8JsonWriter over one reusable buffer per contender: each call resets both, writes the object and
    /// flushes, so only serialization is timed. Every contender writes the object its own deserializer read from the payload.
    /// </summary>
    public abstract class SerializeBenchmarksBase
    {
        private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
        private Utf8JsonWriter? _writer;

        protected Utf8JsonWriter Writer
        {
            get
            {
                _buffer.ResetWrittenCount();
                _writer ??= new Utf8JsonWriter(_buffer);
                _writer.Reset(_buffer);
                return _writer;
            }
        }

        protected int Written => _buffer.WrittenCount;

        protected ReadOnlySpan<byte> WrittenSpan => _buffer.WrittenSpan;

        /// <summary>Runs one contender once and reports how many bytes it wrote (the contenders' null handling differs slightly).</summary>
        protected int Measure(Action write, string payload, string contender)
        {
            write();
            Console.WriteLine($"// {GetType().Name} {payload}: {contender} wrote {Written} bytes");
            return Written;
        }

        protected static void ReportFastPath(JsonTypeInfo info)
            => Console.WriteLine("// STJ " + StjOptions.DescribeFastPath(info));
    }

    [Config(typeof(BenchConfig))]
    [BenchmarkCategory("Serialize", "Response")]
    public class SerializeResponseBenchmarks : SerializeBenchmarksBase
    {
        private ChatCompletionResponse _comet = null!;
        private StjChatCompletionResponse _stj = null!;

        public static IEnumerable<string> Payloads => PayloadCatalog.Responses;

        [ParamsSource(nameof(Payloads))]
        public string Payload { get; set; } = PayloadCatalog.Response;

        [GlobalSetup]
        public void Setup()
        {
            byte[] json = PayloadCatalog.Get(Payload);
            _comet = ChatCompletionResponse.Parse(json);
            _stj = JsonSerializer.Deserialize(json, StjMetadataContext.Default.StjChatCompletionResponse)!;
            Measure(Comet, Payload, "Comet");
            if (ChatCompletionResponse.Parse(WrittenSpan).Choices.Count != _comet.Choices.Count)
            {
                throw new InvalidOperationException("Comet output does not read back.");
            }

            Measure(CometViaJsonSerializer, Payload, "Comet via JsonSerializer");
            Measure(StjFastPath, Payload, "STJ fast path");
            if (JsonSerializer.Deserialize(WrittenSpan, StjMetadataContext.Default.StjChatCompletionResponse)!.Choices.Count != _stj.Choices.Count)
            {
                throw new InvalidOperationException("STJ output does not read back.");
            }

            Measure(StjMetadata, Payload, "STJ metadata");
            Measure(StjReflection, Payload, "STJ reflection");
            ReportFastPath(StjFastPathContext.Default.StjChatCompletionResponse);
        }

        [Benchmark(Description = "Comet WriteTo")]
        public void Comet()
        {
            Utf8JsonWriter writer = Writer;
            _comet.WriteTo(writer);
            writer.Flush();
        }

        [Benchmark(Description = "Comet via JsonSerializer")]
        public void CometViaJsonSerializer() => JsonSerializer.Serialize(Writer, _comet, CometApiJsonContext.Default.ChatCompletionResponse);

        [Benchmark(Baseline = true, Description = "STJ source gen (fast path)")]
        public void StjFastPath() => JsonSerializer.Serialize(Writer, _stj, StjFastPathContext.Default.StjChatCompletionResponse);

        [Benchmark(Description = "STJ source gen (metadata)")]
        public void StjMetadata() => JsonSerializer.Serialize(Writer, _stj, StjMetadataContext.Default.StjChatCompletionResponse);

        [Benchmark(Description = "STJ reflection")]
        public void StjReflection() => JsonSerializer.Serialize(Writer, _stj, StjOptions.ReflectionInfo<StjChatCompletionResponse>());
    }

    [Config(typeof(BenchConfig))]
    [BenchmarkCategory("Serialize", "Request")]
    public class SerializeRequestBenchmarks : SerializeBenchmarksBase
    {
        private ChatCompletionRequest _comet = null!;
        private StjChatCompletionRequest _stj = null!;

        public static IEnumerable<string> Payloads => PayloadCatalog.Requests;

        [ParamsSource(nameof(Payloads))]
        public string Payload { get; set; } = PayloadCatalog.Request;

        [GlobalSetup]
        public void Setup()
        {
            byte[] json = PayloadCatalog.Get(Payload);
            _comet = ChatCompletionRequest.Parse(json);
            _stj = JsonSerializer.Deserialize(json, StjMetadataContext.Default.StjChatCompletionRequest)!;
            Measure(Comet, Payload, "Comet");
            if (ChatCompletionRequest.Parse(WrittenSpan).Messages.Count != _comet.Messages.Count)
            {
                throw new InvalidOperationException("Comet output does not read back.");
            }

            Measure(StjFastPath, Payload, "STJ fast path");
            if (JsonSerializer.Deserialize(WrittenSpan, StjMetadataContext.Default.StjChatCompletionRequest)!.Messages.Count != _stj.Messages.Count)
            {
                throw new InvalidOperationException("STJ output does not read back.");
            }

            Measure(StjMetadata, Payload, "STJ metadata");
            Measure(StjReflection, Payload, "STJ reflection");
            ReportFastPath(StjFastPathContext.Default.StjChatCompletionRequest);
        }

        [Benchmark(Description = "Comet WriteTo")]
        public void Comet()
        {
            Utf8JsonWriter writer = Writer;
            _comet.WriteTo(writer);
            writer.Flush();
        }

        [Benchmark(Baseline = true, Description = "STJ source gen (fast path)")]
        public void StjFastPath() => JsonSerializer.Serialize(Writer, _stj, StjFastPathContext.Default.StjChatCompletionRequest);

        [Benchmark(Description = "STJ source gen (metadata)")]
        public void StjMetadata() => JsonSerializer.Serialize(Writer, _stj, StjMetadataContext.Default.StjChatCompletionRequest);

        [Benchmark(Description = "STJ reflection")]
        public void StjReflection() => JsonSerializer.Serialize(Writer, _stj, StjOptions.ReflectionInfo<StjChatCompletionRequest>());
    }
}
