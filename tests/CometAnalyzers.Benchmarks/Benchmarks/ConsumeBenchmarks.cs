using System;
using System.Collections.Generic;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CometAnalyzers.Benchmarks.Payloads;
using CometAnalyzers.Benchmarks.Stj;
using CometApi.Contracts;

namespace CometAnalyzers.Benchmarks.Benchmarks
{
    /// <summary>
    /// A response read and then used the way calling code uses it: <c>foreach</c> over every list (choices, tool calls,
    /// citations, logprob tokens, their alternatives and bytes). What the model's collection types cost the caller: a
    /// <c>foreach</c> over an interface-typed list boxes its enumerator, over a <c>List&lt;T&gt;</c> it does not.
    /// </summary>
    [Config(typeof(BenchConfig))]
    [BenchmarkCategory("Deserialize", "Consume")]
    public class ConsumeResponseBenchmarks
    {
        private byte[] _json = Array.Empty<byte>();

        public static IEnumerable<string> Payloads => PayloadCatalog.Responses;

        [ParamsSource(nameof(Payloads))]
        public string Payload { get; set; } = PayloadCatalog.LargeResponse;

        [GlobalSetup]
        public void Setup()
        {
            _json = PayloadCatalog.Get(Payload);
            Agreement.Same(Payload, "walk", Comet(), StjSourceGen());
        }

        [Benchmark(Description = "Comet Parse + foreach")]
        public long Comet()
        {
            ChatCompletionResponse response = ChatCompletionResponse.Parse(_json);
            long sum = 0;
            foreach (var choice in response.Choices)
            {
                sum += choice.Index;
                if (choice.Message.ToolCalls is { } calls)
                {
                    foreach (var call in calls)
                    {
                        sum += call.Function.Arguments.Length;
                    }
                }

                if (choice.Message.Annotations is { } annotations)
                {
                    foreach (var annotation in annotations)
                    {
                        sum += annotation.UrlCitation.EndIndex - annotation.UrlCitation.StartIndex;
                    }
                }

                if (choice.Logprobs?.Content is { } tokens)
                {
                    foreach (var token in tokens)
                    {
                        sum += token.Token.Length;
                        foreach (var top in token.TopLogprobs)
                        {
                            sum += top.Token.Length;
                        }

                        if (token.Bytes is { } bytes)
                        {
                            foreach (var b in bytes)
                            {
                                sum += b;
                            }
                        }
                    }
                }
            }

            return sum;
        }

        [Benchmark(Baseline = true, Description = "STJ source gen + foreach")]
        public long StjSourceGen()
        {
            StjChatCompletionResponse response = JsonSerializer.Deserialize(_json, StjMetadataContext.Default.StjChatCompletionResponse)!;
            long sum = 0;
            foreach (var choice in response.Choices)
            {
                sum += choice.Index;
                if (choice.Message.ToolCalls is { } calls)
                {
                    foreach (var call in calls)
                    {
                        sum += call.Function.Arguments.Length;
                    }
                }

                if (choice.Message.Annotations is { } annotations)
                {
                    foreach (var annotation in annotations)
                    {
                        sum += annotation.UrlCitation.EndIndex - annotation.UrlCitation.StartIndex;
                    }
                }

                if (choice.Logprobs?.Content is { } tokens)
                {
                    foreach (var token in tokens)
                    {
                        sum += token.Token.Length;
                        foreach (var top in token.TopLogprobs)
                        {
                            sum += top.Token.Length;
                        }

                        if (token.Bytes is { } bytes)
                        {
                            foreach (var b in bytes)
                            {
                                sum += b;
                            }
                        }
                    }
                }
            }

            return sum;
        }
    }
}
