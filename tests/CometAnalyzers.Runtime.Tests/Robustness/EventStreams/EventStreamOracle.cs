using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using CometAnalyzers.Runtime.Tests.Robustness.Payloads;
using CometAnalyzers.Tests.Robustness.Fuzzing;
using CometApi.Contracts;

namespace CometAnalyzers.Runtime.Tests.Robustness.EventStreams
{
    /// <summary>The chunks a body yields (as written back) and the contract error it ends with, if any.</summary>
    internal sealed record StreamOutcome(IReadOnlyList<byte[]> Chunks, CometApiContractError? Error);

    /// <summary>
    /// What must hold for any event-stream body: <see cref="CometApiEventStream.ReadAsync"/> throws only the contract
    /// exception, and yields exactly the chunks <see cref="EventStreamReference"/> finds, ending as it says: after
    /// [DONE] quietly, at a payload that does not parse with that payload's error, at the end of the body without
    /// [DONE] with InvalidEventStream. The same holds whatever sizes the stream's reads come in. Every chunk is written
    /// back equivalent to its event's data, as every payload the payload oracle accepts.
    /// </summary>
    internal static class EventStreamOracle
    {
        /// <summary>Reads <paramref name="body"/> whole and in trickled reads; records every broken invariant; null when one broke.</summary>
        public static async Task<StreamOutcome?> CheckAsync(FuzzRun run, string mutation, byte[] body)
        {
            run.Input();
            (StreamOutcome expected, string? problem) = Expect(body);
            StreamOutcome? outcome = null;
            if (problem is null)
            {
                using var whole = new MemoryStream(body, writable: false);
                (outcome, problem) = await ReadAsync(whole);
            }

            if (problem is null)
            {
                // Small reads split CRLFs, the BOM and UTF-8 sequences across reads; large bodies trickle in bigger pieces.
                int maxRead = body.Length < 100_000 ? 7 : 65_536;
                using var trickle = new TrickleStream(body, run.Random(mutation), maxRead);
                (StreamOutcome? trickled, problem) = await ReadAsync(trickle);
                problem ??= Difference(expected, outcome!, "read whole") ?? Difference(expected, trickled!, $"read at most {maxRead} bytes at a time");
            }

            if (problem is not null)
            {
                run.Fail(mutation, problem, Encoding.UTF8.GetString(body));
                return null;
            }

            run.Count(outcome!.Error is null ? "completed" : "failed:" + outcome.Error.Kind);
            return outcome;
        }

        /// <summary>
        /// What the reference format and the chunk parser say the body comes to; the problem is a chunk written back
        /// differently from its event's data (see <see cref="PayloadEquivalence"/>).
        /// </summary>
        public static (StreamOutcome Outcome, string? Problem) Expect(byte[] body)
        {
            (List<byte[]> payloads, bool done) = EventStreamReference.Read(body);
            var chunks = new List<byte[]>();
            foreach (byte[] payload in payloads)
            {
                if (!ChatCompletionChunk.TryParse(payload, out ChatCompletionChunk? chunk, out CometApiContractError? error))
                {
                    return (new StreamOutcome(chunks, error), null);
                }

                byte[] written = Write(chunk);
                if (PayloadEquivalence.ForContract.Difference(payload, written) is { } difference)
                {
                    return (new StreamOutcome(chunks, null), $"chunk {chunks.Count} written back differently from its data: {difference}\n   written: {Encoding.UTF8.GetString(written)}");
                }

                chunks.Add(written);
            }

            return (new StreamOutcome(chunks, done ? null : new CometApiContractError(CometApiContractErrorKind.InvalidEventStream, "$", "no [DONE]")), null);
        }

        private static async Task<(StreamOutcome? Outcome, string? Problem)> ReadAsync(Stream stream)
        {
            var chunks = new List<byte[]>();
            try
            {
                await foreach (ChatCompletionChunk chunk in CometApiEventStream.ReadAsync(stream))
                {
                    chunks.Add(Write(chunk));
                }

                return (new StreamOutcome(chunks, null), null);
            }
            catch (CometApiContractException exception)
            {
                return (new StreamOutcome(chunks, exception.Error), null);
            }
            catch (Exception exception)
            {
                return (null, $"ReadAsync threw {exception} after {chunks.Count} chunks");
            }
        }

        private static string? Difference(StreamOutcome expected, StreamOutcome actual, string how)
        {
            int same = expected.Chunks.Zip(actual.Chunks).TakeWhile(pair => pair.First.AsSpan().SequenceEqual(pair.Second)).Count();
            if (same != expected.Chunks.Count || same != actual.Chunks.Count)
            {
                return $"{how}: {actual.Chunks.Count} chunks where {expected.Chunks.Count} were expected, the first {same} the same";
            }

            bool sameEnd = expected.Error is null ? actual.Error is null : actual.Error is { } error && error.Kind == expected.Error.Kind && error.JsonPath == expected.Error.JsonPath;
            return sameEnd ? null : $"{how}: ended with {actual.Error?.ToString() ?? "no error"} where {expected.Error?.ToString() ?? "no error"} was expected";
        }

        private static byte[] Write(ChatCompletionChunk chunk)
        {
            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                chunk.WriteTo(writer);
            }

            return buffer.WrittenSpan.ToArray();
        }
    }
}
