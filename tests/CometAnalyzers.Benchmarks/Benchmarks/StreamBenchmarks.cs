using System;
using System.ClientModel.Primitives;
using System.Collections.Generic;
using System.IO;
using System.Net.ServerSentEvents;
using System.Text.Json;
using System.Threading.Tasks;
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
    /// A whole SSE body read from a stream into chunk objects: the example (five chunks and a usage chunk) and a
    /// 200-event stream. The generated <c>CometApiEventStream.ReadAsync</c> does its own framing; every other contender
    /// frames with the framework's <see cref="SseParser"/> (what the OpenAI SDK and ASP.NET use) and stops at <c>[DONE]</c>.
    /// </summary>
    [Config(typeof(BenchConfig))]
    [BenchmarkCategory("Deserialize", "Stream")]
    public class DeserializeStreamBenchmarks
    {
        private byte[] _sse = Array.Empty<byte>();

        public static IEnumerable<string> Payloads => PayloadCatalog.Streams;

        [ParamsSource(nameof(Payloads))]
        public string Payload { get; set; } = PayloadCatalog.Stream;

        private static ReadOnlySpan<byte> Done => "[DONE]"u8;

        [GlobalSetup]
        public void Setup()
        {
            _sse = PayloadCatalog.Get(Payload);
            int comet = Comet().GetAwaiter().GetResult();
            Agreement.Same(Payload, "chunk checksum", comet, StjSourceGen().GetAwaiter().GetResult(), StjReflection().GetAwaiter().GetResult());
            Agreement.Same(Payload, "chunk count", CountComet().GetAwaiter().GetResult(), OpenAiSdk().GetAwaiter().GetResult());
            if (Floor().GetAwaiter().GetResult() == 0)
            {
                throw new InvalidOperationException("The floor read nothing.");
            }
        }

        private MemoryStream Body() => new(_sse, writable: false);

        [Benchmark(Description = "Comet ReadAsync")]
        public async Task<int> Comet()
        {
            int checksum = 0;
            await foreach (ChatCompletionChunk chunk in CometApiEventStream.ReadAsync(Body()))
            {
                checksum += chunk.Choices.Count + (chunk.Choices.Count > 0 ? chunk.Choices[0].Delta.Content?.Length ?? 0 : 0);
            }

            return checksum;
        }

        private async Task<int> CountComet()
        {
            int count = 0;
            await foreach (ChatCompletionChunk chunk in CometApiEventStream.ReadAsync(Body()))
            {
                count++;
            }

            return count;
        }

        [Benchmark(Baseline = true, Description = "STJ source gen + SseParser")]
        public async Task<int> StjSourceGen()
        {
            int checksum = 0;
            await foreach (SseItem<StjChatCompletionChunk?> item in SseParser.Create(Body(), static (_, data) => data.SequenceEqual(Done) ? null : JsonSerializer.Deserialize(data, StjMetadataContext.Default.StjChatCompletionChunk)).EnumerateAsync())
            {
                if (item.Data is not { } chunk)
                {
                    break;
                }

                checksum += chunk.Choices.Count + (chunk.Choices.Count > 0 ? chunk.Choices[0].Delta.Content?.Length ?? 0 : 0);
            }

            return checksum;
        }

        [Benchmark(Description = "STJ reflection + SseParser")]
        public async Task<int> StjReflection()
        {
            int checksum = 0;
            await foreach (SseItem<StjChatCompletionChunk?> item in SseParser.Create(Body(), static (_, data) => data.SequenceEqual(Done) ? null : JsonSerializer.Deserialize(data, StjOptions.ReflectionInfo<StjChatCompletionChunk>())).EnumerateAsync())
            {
                if (item.Data is not { } chunk)
                {
                    break;
                }

                checksum += chunk.Choices.Count + (chunk.Choices.Count > 0 ? chunk.Choices[0].Delta.Content?.Length ?? 0 : 0);
            }

            return checksum;
        }

        [Benchmark(Description = "OpenAI SDK 2.15 + SseParser")]
        public async Task<int> OpenAiSdk()
        {
            int count = 0;
            await foreach (SseItem<StreamingChatCompletionUpdate?> item in SseParser.Create(Body(), static (_, data) => data.SequenceEqual(Done) ? null : ModelReaderWriter.Read<StreamingChatCompletionUpdate>(BinaryData.FromBytes(data.ToArray()), ModelReaderWriterOptions.Json, OpenAIContext.Default)).EnumerateAsync())
            {
                if (item.Data is null)
                {
                    break;
                }

                count++;
            }

            return count;
        }

        [Benchmark(Description = "Floor (SseParser + Utf8JsonReader)")]
        public async Task<long> Floor()
        {
            long checksum = 0;
            await foreach (SseItem<long> item in SseParser.Create(Body(), static (_, data) => data.SequenceEqual(Done) ? -1 : FloorReader.Read(data, FloorReader.Chunk)).EnumerateAsync())
            {
                if (item.Data < 0)
                {
                    break;
                }

                checksum += item.Data;
            }

            return checksum;
        }
    }
}
