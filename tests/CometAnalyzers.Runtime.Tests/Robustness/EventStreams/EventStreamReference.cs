using System;
using System.Collections.Generic;
using System.Linq;

namespace CometAnalyzers.Runtime.Tests.Robustness.EventStreams
{
    /// <summary>
    /// The text/event-stream format as the generated reader documents it, written the plain way over bytes (the reader
    /// under test works on pooled buffers across reads): a leading UTF-8 BOM is dropped; lines end at CRLF, CR or LF; a
    /// line starting with ':' is a comment; a field is the text before the first ':' and its value what follows, less
    /// one leading space; only <c>data</c> counts; a blank line or the end of the body ends an event, whose payload is
    /// its data values joined with LF (an event with no data text is no event); <c>[DONE]</c> ends the stream.
    /// </summary>
    internal static class EventStreamReference
    {
        private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];
        private static readonly byte[] Data = "data"u8.ToArray();
        private static readonly byte[] Done = "[DONE]"u8.ToArray();

        /// <summary>The payloads of the events before <c>[DONE]</c>, and whether <c>[DONE]</c> came.</summary>
        public static (List<byte[]> Payloads, bool Done) Read(byte[] body)
        {
            var payloads = new List<byte[]>();
            var values = new List<byte[]>();
            foreach (byte[] line in Lines(body))
            {
                if (line.Length == 0)
                {
                    if (Dispatch(values, payloads))
                    {
                        return (payloads, true);
                    }

                    continue;
                }

                if (line[0] == (byte)':')
                {
                    continue;
                }

                int colon = Array.IndexOf(line, (byte)':');
                byte[] name = colon < 0 ? line : line[..colon];
                byte[] value = colon < 0 ? [] : line[(colon + 1)..];
                if (value.Length > 0 && value[0] == (byte)' ')
                {
                    value = value[1..];
                }

                if (name.AsSpan().SequenceEqual(Data))
                {
                    values.Add(value);
                }
            }

            return (payloads, Dispatch(values, payloads));
        }

        /// <summary>Ends the event being read: true when it was <c>[DONE]</c>.</summary>
        private static bool Dispatch(List<byte[]> values, List<byte[]> payloads)
        {
            // Joined with LF; leading LFs (from empty data values) are dropped, and nothing left means no event.
            byte[] payload = values.SelectMany((v, i) => i == 0 ? v : [(byte)'\n', .. v]).SkipWhile(b => b == (byte)'\n').ToArray();
            values.Clear();
            if (payload.Length == 0)
            {
                return false;
            }

            if (payload.AsSpan().SequenceEqual(Done))
            {
                return true;
            }

            payloads.Add(payload);
            return false;
        }

        /// <summary>The lines of the body; the text after the last line break is a last line (empty when the body ends with a break).</summary>
        private static IEnumerable<byte[]> Lines(byte[] body)
        {
            int start = body.AsSpan().StartsWith(Bom) ? Bom.Length : 0;
            for (int i = start; i < body.Length; i++)
            {
                if (body[i] is (byte)'\r' or (byte)'\n')
                {
                    yield return body[start..i];
                    if (body[i] == (byte)'\r' && i + 1 < body.Length && body[i + 1] == (byte)'\n')
                    {
                        i++;
                    }

                    start = i + 1;
                }
            }

            yield return body[start..];
        }
    }
}
