using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CometAnalyzers.Benchmarks.Payloads;
using CometAnalyzers.Benchmarks.Stj;
using CometApi.Contracts;

namespace CometAnalyzers.Benchmarks.Benchmarks
{
    /// <summary>
    /// What a rejected payload costs: the example response with a value of the wrong type three levels down
    /// (<c>"index": "0"</c> in the first choice) and the same response cut in half. Comet's <c>TryParse</c> against what an
    /// STJ user writes, <c>Deserialize</c> in a try/catch of <see cref="JsonException"/>. Comet's readers return the
    /// failure instead of throwing it and read a cut payload as a block that is not final, so its TryParse throws nothing
    /// for either case; STJ throws and wraps.
    /// </summary>
    [Config(typeof(BenchConfig))]
    [BenchmarkCategory("Deserialize", "Rejected")]
    public class RejectedPayloadBenchmarks
    {
        private byte[] _json = Array.Empty<byte>();

        public static IEnumerable<string> Cases => new[] { "wrong-type", "truncated" };

        [ParamsSource(nameof(Cases))]
        public string Case { get; set; } = "wrong-type";

        [GlobalSetup]
        public void Setup()
        {
            byte[] valid = PayloadCatalog.Get(PayloadCatalog.Response);
            string text = Encoding.UTF8.GetString(valid);
            _json = Case == "wrong-type"
                ? Encoding.UTF8.GetBytes(text.Replace("\"index\": 0", "\"index\": \"0\"", StringComparison.Ordinal))
                : valid.AsSpan(0, valid.Length / 2).ToArray();
            if (_json.AsSpan().SequenceEqual(valid) || !CometTryParse() || !StjSourceGen())
            {
                throw new InvalidOperationException($"The {Case} payload is not rejected by both contenders.");
            }

            ChatCompletionResponse.TryParse(_json, out _, out CometApiContractError? error);
            Console.WriteLine($"// {Case}: Comet reports {error!.Kind} at {error.JsonPath}");
        }

        [Benchmark(Description = "Comet TryParse")]
        public bool CometTryParse() => !ChatCompletionResponse.TryParse(_json, out _, out _);

        [Benchmark(Baseline = true, Description = "STJ source gen, catch JsonException")]
        public bool StjSourceGen()
        {
            try
            {
                JsonSerializer.Deserialize(_json, StjMetadataContext.Default.StjChatCompletionResponse);
                return false;
            }
            catch (JsonException)
            {
                return true;
            }
        }
    }
}
