using System.Collections.Generic;
using System.Linq;
using System.Text;
using CometAnalyzers.Runtime.Tests.Infrastructure;
using CometAnalyzers.Tests.Infrastructure;

namespace CometAnalyzers.Runtime.Tests.Robustness.Payloads
{
    /// <summary>A payload the fuzzers start from: its name, the model that reads it, and its bytes.</summary>
    internal sealed record PayloadSample(string Name, PayloadModel Model, byte[] Bytes)
    {
        public string Text => Encoding.UTF8.GetString(Bytes);
    }

    /// <summary>The reference examples (every chunk of the example stream too) and the generated payloads.</summary>
    internal static class PayloadSamples
    {
        public const string StreamExample = "stream.sse.txt";

        public static IReadOnlyList<PayloadSample> All() => Examples().Concat(GeneratedPayloads.All()).ToList();

        public static IEnumerable<PayloadSample> Examples()
        {
            yield return Example("request.json", PayloadModels.Request);
            yield return Example("stream-request.json", PayloadModels.Request);
            yield return Example("response.json", PayloadModels.Response);
            yield return Example("response-tool-calls.json", PayloadModels.Response);
            yield return Example("error-401.json", PayloadModels.Error);
            yield return Example("error-cometapi-400.json", PayloadModels.Error); // CometAPI's lenient shape: no param, empty code
            string[] chunks = JsonEquivalence.EventPayloads(ReferenceData.ReadRequired(ReferenceData.Example(StreamExample)));
            for (int i = 0; i < chunks.Length; i++)
            {
                yield return new PayloadSample($"{StreamExample} chunk {i}", PayloadModels.Chunk, Encoding.UTF8.GetBytes(chunks[i]));
            }
        }

        private static PayloadSample Example(string name, PayloadModel model)
            => new(name, model, Encoding.UTF8.GetBytes(ReferenceData.ReadRequired(ReferenceData.Example(name))));
    }
}
