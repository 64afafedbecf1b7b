using System.Collections.Generic;
using System.Linq;
using System.Text;
using CometAnalyzers.Runtime.Tests.Robustness.Payloads;
using CometAnalyzers.Tests.Infrastructure;

namespace CometAnalyzers.Runtime.Tests.Robustness.EventStreams
{
    /// <summary>An event-stream body the fuzzers start from.</summary>
    internal sealed record StreamSample(string Name, byte[] Body);

    internal static class EventStreamSamples
    {
        /// <summary>The reference example (LF, data lines only) and a generated body using the rest of the format.</summary>
        public static IReadOnlyList<StreamSample> All()
        {
            byte[] example = Encoding.UTF8.GetBytes(ReferenceData.ReadRequired(ReferenceData.Example(PayloadSamples.StreamExample)));
            return [new StreamSample(PayloadSamples.StreamExample, example), Generated()];
        }

        /// <summary>
        /// Every chunk of the example plus the generated tool-call chunk, with CRLF line breaks, comments, retry, id and
        /// event fields, and every other payload split over two data lines at a token boundary.
        /// </summary>
        private static StreamSample Generated()
        {
            var payloads = PayloadSamples.All().Where(s => s.Model == PayloadModels.Chunk).Select(s => s.Bytes).ToList();
            var body = new StringBuilder(": connected\r\nretry: 3000\r\n\r\n");
            for (int i = 0; i < payloads.Count; i++)
            {
                string json = Encoding.UTF8.GetString(payloads[i]);
                if (i % 2 == 1)
                {
                    IReadOnlyList<int> boundaries = JsonTokens.Boundaries(payloads[i]);
                    int split = Encoding.UTF8.GetCharCount(payloads[i], 0, boundaries[boundaries.Count / 2]);
                    json = json[..split] + "\r\ndata:" + json[split..];
                }

                body.Append($"id: {i}\r\nevent: chunk\r\ndata: {json}\r\n\r\n");
                if (i == 2)
                {
                    body.Append(": keep-alive\r\n\r\n");
                }
            }

            body.Append("data: [DONE]\r\n\r\n");
            return new StreamSample("generated stream", Encoding.UTF8.GetBytes(body.ToString()));
        }
    }
}
