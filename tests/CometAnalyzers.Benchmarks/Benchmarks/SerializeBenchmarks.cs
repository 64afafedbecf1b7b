using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
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

        /// <summary>Logs the baseline's fast-path status and throws unless it engages: a run never compares against the slow path.</summary>
        protected static void RequireFastPath(JsonTypeInfo info)
        {
            ReportFastPath(info);
            StjOptions.RequireFastPath(info);
        }

        /// <summary>Logs whether the last write produced the same bytes as <paramref name="earlier"/> (the fast-path POCOs against the full ones).</summary>
        protected void ReportSameBytes(byte[] earlier, string payload, string contender, string other)
            => Console.WriteLine($"// {GetType().Name} {payload}: {contender} wrote {(WrittenSpan.SequenceEqual(earlier) ? "the same bytes as" : "different bytes from")} {other}");

        protected static void Check(bool condition, string what)
        {
            if (!condition)
            {
                throw new InvalidOperationException(what);
            }
        }
    }

    [Config(typeof(BenchConfig))]
    [BenchmarkCategory("Serialize", "Response")]
    public class SerializeResponseBenchmarks : SerializeBenchmarksBase
    {
        private ChatCompletionResponse _comet = null!;
        private StjFastChatCompletionResponse _stjFast = null!;
        private StjChatCompletionResponse _stj = null!;

        public static IEnumerable<string> Payloads => PayloadCatalog.Responses;

        [ParamsSource(nameof(Payloads))]
        public string Payload { get; set; } = PayloadCatalog.Response;

        [GlobalSetup]
        public void Setup()
        {
            byte[] json = PayloadCatalog.Get(Payload);
            _comet = ChatCompletionResponse.Parse(json);
            _stjFast = JsonSerializer.Deserialize(json, StjFastMetadataContext.Default.StjFastChatCompletionResponse)!;
            _stj = JsonSerializer.Deserialize(json, StjMetadataContext.Default.StjChatCompletionResponse)!;
            int toolCalls = _comet.Choices.Sum(c => c.Message.ToolCalls?.Count ?? 0);
            Check(_stjFast.Choices.Count == _comet.Choices.Count && ToolCalls(_stjFast) == toolCalls, "The fast-path POCOs read the payload differently.");
            Measure(Comet, Payload, "Comet");
            Check(ChatCompletionResponse.Parse(WrittenSpan).Choices.Count == _comet.Choices.Count, "Comet output does not read back.");

            Measure(CometViaJsonSerializer, Payload, "Comet via JsonSerializer");
            Measure(StjFastPath, Payload, "STJ fast path (flat POCOs)");
            StjFastChatCompletionResponse back = JsonSerializer.Deserialize(WrittenSpan, StjFastMetadataContext.Default.StjFastChatCompletionResponse)!;
            Check(back.Choices.Count == _comet.Choices.Count && ToolCalls(back) == toolCalls, "STJ fast-path output does not read back.");
            RequireFastPath(StjSerializationContext.Default.StjFastChatCompletionResponse);
            byte[] fastPathOutput = WrittenSpan.ToArray();

            Measure(StjDefaultMode, Payload, "STJ Default mode");
            ReportSameBytes(fastPathOutput, Payload, "STJ Default mode (full POCOs)", "the fast path (flat POCOs)");
            Check(JsonSerializer.Deserialize(WrittenSpan, StjMetadataContext.Default.StjChatCompletionResponse)!.Choices.Count == _stj.Choices.Count, "STJ output does not read back.");
            Measure(StjMetadata, Payload, "STJ metadata");
            Measure(StjReflection, Payload, "STJ reflection");
            ReportFastPath(StjDefaultModeContext.Default.StjChatCompletionResponse);
        }

        private static int ToolCalls(StjFastChatCompletionResponse response) => response.Choices.Sum(c => c.Message.ToolCalls?.Count ?? 0);

        [Benchmark(Description = "Comet WriteTo")]
        public void Comet()
        {
            Utf8JsonWriter writer = Writer;
            _comet.WriteTo(writer);
            writer.Flush();
        }

        [Benchmark(Description = "Comet via JsonSerializer")]
        public void CometViaJsonSerializer() => JsonSerializer.Serialize(Writer, _comet, CometApiJsonContext.Default.ChatCompletionResponse);

        /// <summary>The baseline: STJ's source-generated fast path, on POCOs that allow it (and model less; see StjFastPathModels.cs).</summary>
        [Benchmark(Baseline = true, Description = "STJ source gen fast path (flat POCOs)")]
        public void StjFastPath() => JsonSerializer.Serialize(Writer, _stjFast, StjSerializationContext.Default.StjFastChatCompletionResponse);

        [Benchmark(Description = "STJ source gen (Default mode, falls back to metadata)")]
        public void StjDefaultMode() => JsonSerializer.Serialize(Writer, _stj, StjDefaultModeContext.Default.StjChatCompletionResponse);

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
        private StjFastChatCompletionRequest _stjFast = null!;
        private StjChatCompletionRequest _stj = null!;

        public static IEnumerable<string> Payloads => PayloadCatalog.Requests;

        [ParamsSource(nameof(Payloads))]
        public string Payload { get; set; } = PayloadCatalog.Request;

        [GlobalSetup]
        public void Setup()
        {
            byte[] json = PayloadCatalog.Get(Payload);
            _comet = ChatCompletionRequest.Parse(json);
            _stjFast = JsonSerializer.Deserialize(json, StjFastMetadataContext.Default.StjFastChatCompletionRequest)!;
            _stj = JsonSerializer.Deserialize(json, StjMetadataContext.Default.StjChatCompletionRequest)!;
            int tools = _comet.Tools?.Count ?? 0;
            Check(_stjFast.Messages.Count == _comet.Messages.Count && (_stjFast.Tools?.Count ?? 0) == tools, "The fast-path POCOs read the payload differently.");
            Measure(Comet, Payload, "Comet");
            Check(ChatCompletionRequest.Parse(WrittenSpan).Messages.Count == _comet.Messages.Count, "Comet output does not read back.");

            Measure(StjFastPath, Payload, "STJ fast path (flat POCOs)");
            // Read back with the full POCOs, which check role against each role's fields and type the content parts.
            StjChatCompletionRequest back = JsonSerializer.Deserialize(WrittenSpan, StjMetadataContext.Default.StjChatCompletionRequest)!;
            Check(back.Messages.Count == _comet.Messages.Count && (back.Tools?.Count ?? 0) == tools, "STJ fast-path output does not read back.");
            RequireFastPath(StjSerializationContext.Default.StjFastChatCompletionRequest);
            byte[] fastPathOutput = WrittenSpan.ToArray();

            Measure(StjDefaultMode, Payload, "STJ Default mode");
            ReportSameBytes(fastPathOutput, Payload, "STJ Default mode (full POCOs)", "the fast path (flat POCOs)");
            Check(JsonSerializer.Deserialize(WrittenSpan, StjMetadataContext.Default.StjChatCompletionRequest)!.Messages.Count == _stj.Messages.Count, "STJ output does not read back.");
            Measure(StjMetadata, Payload, "STJ metadata");
            Measure(StjReflection, Payload, "STJ reflection");
            ReportFastPath(StjDefaultModeContext.Default.StjChatCompletionRequest);
        }

        [Benchmark(Description = "Comet WriteTo")]
        public void Comet()
        {
            Utf8JsonWriter writer = Writer;
            _comet.WriteTo(writer);
            writer.Flush();
        }

        /// <summary>
        /// The baseline: STJ's source-generated fast path, on POCOs that allow it. Messages are one flat class (no
        /// polymorphism) and string-or-array content is a JsonElement (a union class would need a converter); see
        /// StjFastPathModels.cs for what that leaves out.
        /// </summary>
        [Benchmark(Baseline = true, Description = "STJ source gen fast path (flat POCOs)")]
        public void StjFastPath() => JsonSerializer.Serialize(Writer, _stjFast, StjSerializationContext.Default.StjFastChatCompletionRequest);

        [Benchmark(Description = "STJ source gen (Default mode, falls back to metadata)")]
        public void StjDefaultMode() => JsonSerializer.Serialize(Writer, _stj, StjDefaultModeContext.Default.StjChatCompletionRequest);

        [Benchmark(Description = "STJ source gen (metadata)")]
        public void StjMetadata() => JsonSerializer.Serialize(Writer, _stj, StjMetadataContext.Default.StjChatCompletionRequest);

        [Benchmark(Description = "STJ reflection")]
        public void StjReflection() => JsonSerializer.Serialize(Writer, _stj, StjOptions.ReflectionInfo<StjChatCompletionRequest>());
    }
}
