using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CometApi.Contracts;
using CometChat.Http;
using Polly.Timeout;

namespace CometChat.Probes
{
    /// <summary>
    /// Turns a call's result into an <see cref="Observation"/>: transport, timeout, HTTP status, API error payload,
    /// parser failure or semantic failure, each kept apart. Bodies are parsed with the generated models only.
    /// </summary>
    internal static class ResponseInspector
    {
        /// <summary>Observes a non-streaming call: the body must parse as a completion with content and usage.</summary>
        public static async Task<Observation> CompletionAsync(HttpCallResult call, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(call);
            if (WithoutAnswer(call) is { } failed)
            {
                return failed;
            }

            HttpResponseMessage response = call.Response!;
            byte[] body;
            try
            {
                body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is HttpRequestException or IOException)
            {
                return Base(call, ObservationKind.Transport, CometApiFailureClass.Transport) with { Notes = "body read failed" };
            }

            if (ErrorStatus(call, body) is { } error)
            {
                return error;
            }

            if (!ChatCompletionResponse.TryParse(body, out ChatCompletionResponse? completion, out CometApiContractError? parseError))
            {
                return ParseFailure(call, parseError!);
            }

            Observation observed = Base(call, ObservationKind.Success, CometApiFailureClass.None) with { Usage = completion.Usage };
            ChatCompletionChoice? first = completion.Choices.Count > 0 ? completion.Choices[0] : null;
            string? problem = first is null ? "no choices"
                : string.IsNullOrWhiteSpace(first.Message.Content) ? "empty content"
                : completion.Usage is null ? "no usage fields"
                : null;
            if (problem is not null)
            {
                return observed with { Kind = ObservationKind.Semantic, Class = CometApiFailureClass.Semantic, Notes = problem };
            }

            return observed with
            {
                Notes = Join(
                    string.Create(CultureInfo.InvariantCulture, $"content {first!.Message.Content!.Length} chars, finish {first.FinishReason}"),
                    RetryNotes(call)),
            };
        }

        /// <summary>Observes a streaming call: chunks that parse, content, usage on the last chunk, and the [DONE] terminator.</summary>
        public static async Task<Observation> StreamAsync(HttpCallResult call, TimeSpan readTimeout, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(call);
            if (WithoutAnswer(call) is { } failed)
            {
                return failed;
            }

            HttpResponseMessage response = call.Response!;
            if (!response.IsSuccessStatusCode)
            {
                byte[] errorBody;
                try
                {
                    errorBody = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is HttpRequestException or IOException)
                {
                    return Base(call, ObservationKind.Transport, CometApiFailureClass.Transport) with { Notes = "error body read failed" };
                }

                return ErrorStatus(call, errorBody)!;
            }

            string mediaType = response.Content.Headers.ContentType?.MediaType ?? "none";
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(readTimeout);

            int chunks = 0;
            int contentChars = 0;
            int chunksWithUsage = 0;
            CompletionUsage? lastUsage = null;
            string? finish = null;
            bool sawDone;
            try
            {
                Stream body = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
                await using var marked = new DoneMarkerStream(body);
                await foreach (ChatCompletionChunk chunk in CometApiEventStream.ReadAsync(marked, timeout.Token).ConfigureAwait(false))
                {
                    chunks++;
                    lastUsage = chunk.Usage;
                    chunksWithUsage += chunk.Usage is null ? 0 : 1;
                    foreach (ChatCompletionChunkChoice choice in chunk.Choices)
                    {
                        contentChars += choice.Delta.Content?.Length ?? 0;
                        finish = choice.FinishReason?.Value ?? finish;
                    }
                }

                sawDone = marked.SawDone;
            }
            catch (CometApiContractException exception)
            {
                return ParseFailure(call, exception.Error) with { Notes = string.Create(CultureInfo.InvariantCulture, $"chunk {chunks + 1}: {exception.Kind} at {exception.JsonPath}") };
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                return Base(call, ObservationKind.Timeout, CometApiFailureClass.Timeout) with { Notes = string.Create(CultureInfo.InvariantCulture, $"stream stalled after {chunks} chunks") };
            }
            catch (Exception exception) when (exception is HttpRequestException or IOException)
            {
                return Base(call, ObservationKind.Transport, CometApiFailureClass.Transport) with { Notes = string.Create(CultureInfo.InvariantCulture, $"stream broke after {chunks} chunks") };
            }

            Observation observed = Base(call, ObservationKind.Success, CometApiFailureClass.None) with { Usage = lastUsage };
            string? problem = !string.Equals(mediaType, "text/event-stream", StringComparison.OrdinalIgnoreCase) ? "content type " + mediaType
                : chunks == 0 ? "no chunks"
                : contentChars == 0 ? "empty content"
                : lastUsage is null ? "no usage on the last chunk"
                : chunksWithUsage > 1 ? "usage on more than the last chunk"
                : !sawDone ? "stream ended without [DONE]"
                : null;
            if (problem is not null)
            {
                return observed with { Kind = ObservationKind.Semantic, Class = CometApiFailureClass.Semantic, Notes = problem };
            }

            return observed with
            {
                Notes = Join(string.Create(CultureInfo.InvariantCulture, $"{chunks} chunks, usage on last, [DONE], finish {finish ?? "-"}"), RetryNotes(call)),
            };
        }

        /// <summary>A call that ended without an answer, or was not sent at all.</summary>
        private static Observation? WithoutAnswer(HttpCallResult call)
        {
            if (call.Violations.Count > 0)
            {
                return Base(call, ObservationKind.RejectedBeforeSending, CometApiFailureClass.ClientRequest) with
                {
                    Notes = string.Join("; ", call.Violations.Select(v => v.ToString())),
                };
            }

            return call.Failure switch
            {
                null => null,
                TimeoutRejectedException timeout => Base(call, ObservationKind.Timeout, CometApiFailureClass.Timeout) with
                {
                    Notes = Join(string.Create(CultureInfo.InvariantCulture, $"timeout of {timeout.Timeout.TotalMilliseconds:0} ms reached"), RetryNotes(call)),
                },
                OperationCanceledException => Base(call, ObservationKind.Timeout, CometApiFailureClass.Timeout) with { Notes = "cancelled" },
                HttpRequestException transport => Base(call, ObservationKind.Transport, CometApiFailureClass.Transport) with
                {
                    Notes = Join(transport.HttpRequestError.ToString(), RetryNotes(call)),
                },
                Exception other => Base(call, ObservationKind.Transport, CometApiFailureClass.Transport) with { Notes = other.GetType().Name },
            };
        }

        /// <summary>A non-2xx answer: an API error when the body parses as the contract's error payload, a bare HTTP status otherwise.</summary>
        private static Observation? ErrorStatus(HttpCallResult call, byte[] body)
        {
            int status = (int)call.Response!.StatusCode;
            CometApiFailureClass failureClass = CometApiContract.Classify(status);
            if (failureClass == CometApiFailureClass.None)
            {
                return null;
            }

            if (ErrorResponse.TryParse(body, out ErrorResponse? error, out CometApiContractError? parseError))
            {
                Observation observed = Base(call, ObservationKind.ApiError, failureClass) with { Error = error.Error };
                string shape = observed.HasCometErrorShape ? "CometAPI error shape" : "error payload";
                string code = error.Error.Code is null ? "none" : "\"" + error.Error.Code + "\"";
                return observed with
                {
                    Notes = Join($"{shape}, type {error.Error.Type ?? "none"}, code {code}", RetryNotes(call)),
                };
            }

            string mediaType = call.Response.Content.Headers.ContentType?.MediaType ?? "none";
            return Base(call, ObservationKind.HttpStatus, failureClass) with
            {
                Notes = Join($"no error payload ({parseError!.Kind}, {mediaType})", RetryNotes(call)),
            };
        }

        private static Observation ParseFailure(HttpCallResult call, CometApiContractError error)
            => Base(call, ObservationKind.Parse, CometApiFailureClass.Parse) with { Notes = $"{error.Kind} at {error.JsonPath}" };

        private static Observation Base(HttpCallResult call, ObservationKind kind, CometApiFailureClass failureClass) => new()
        {
            Kind = kind,
            Class = failureClass,
            Status = call.Response is { } response ? (int)response.StatusCode : null,
            Attempts = call.Attempts.Attempts,
            Retries = call.Attempts.Retries,
        };

        /// <summary>"retried after 429 (Retry-After 1 s, waited 10 ms)": what each retry followed and how long it waited.</summary>
        private static string RetryNotes(HttpCallResult call)
        {
            IEnumerable<string> retries = call.Attempts.Retries.Select(retry =>
            {
                string cause = retry.StatusCode is { } code ? code.ToString(CultureInfo.InvariantCulture) : retry.Failure ?? "failure";
                string wait = retry.RetryAfter is { } after
                    ? string.Create(CultureInfo.InvariantCulture, $"Retry-After {after.TotalSeconds:0.###} s, waited {retry.Delay.TotalMilliseconds:0} ms")
                    : string.Create(CultureInfo.InvariantCulture, $"backoff {retry.Delay.TotalMilliseconds:0} ms");
                return $"{cause} ({wait})";
            });
            string joined = string.Join(", ", retries);
            return joined.Length == 0 ? string.Empty : "retried after " + joined;
        }

        private static string Join(string first, string second) => second.Length == 0 ? first : first + "; " + second;
    }
}
