using System;
using System.Buffers;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CometAnalyzers.Tests.Robustness.Fuzzing;
using CometApi.Contracts;

namespace CometAnalyzers.Runtime.Tests.Robustness.Payloads
{
    internal delegate T Utf8Parse<T>(ReadOnlySpan<byte> utf8Json);

    internal delegate bool Utf8TryParse<T>(ReadOnlySpan<byte> utf8Json, [NotNullWhen(true)] out T? value, out CometApiContractError? error)
        where T : class;

    /// <summary>
    /// The invariants for one model type. Parse throws only <see cref="CometApiContractException"/>, MalformedJson exactly
    /// when the bytes are not JSON; TryParse never throws and fails exactly when Parse does, with the same error;
    /// JsonSerializer agrees with Parse over bytes and over a stream (see <see cref="SerializerOracle"/>). Whatever
    /// parses writes back JSON equivalent to the input (see <see cref="PayloadEquivalence"/>) in bytes that parse again
    /// to the same bytes, and can be validated and displayed.
    /// </summary>
    internal sealed class PayloadModel<T> : PayloadModel
        where T : class
    {
        private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

        private readonly Utf8Parse<T> _parse;
        private readonly Utf8TryParse<T> _tryParse;
        private readonly Action<T, Utf8JsonWriter> _write;
        private readonly Func<T, IReadOnlyList<CometApiContractViolation>> _validate;
        private readonly JsonTypeInfo<T> _typeInfo;
        private readonly JsonTypeInfo<T> _streamedTypeInfo;

        /// <summary>The type info comes twice: over default options, and over options whose read buffers are small (for streams).</summary>
        public PayloadModel(string kind, Utf8Parse<T> parse, Utf8TryParse<T> tryParse, Action<T, Utf8JsonWriter> write, Func<T, IReadOnlyList<CometApiContractViolation>> validate, JsonTypeInfo<T> typeInfo, JsonTypeInfo<T> streamedTypeInfo)
            : base(kind)
        {
            _parse = parse;
            _tryParse = tryParse;
            _write = write;
            _validate = validate;
            _typeInfo = typeInfo;
            _streamedTypeInfo = streamedTypeInfo;
        }

        public override PayloadOutcome? Check(FuzzRun run, string mutation, byte[] input)
        {
            run.Input();
            run.Count(Kind);
            string? problem;
            PayloadOutcome outcome;
            try
            {
                problem = Problem(input, out outcome);
            }
            catch (Exception exception)
            {
                // Only the entry points under test are guarded one by one; anything else escaping is a failure too.
                problem = "unexpected " + exception;
                outcome = new PayloadOutcome(null, null);
            }

            if (problem is not null)
            {
                run.Fail(mutation, problem, Encoding.UTF8.GetString(input));
                return null;
            }

            run.Count(outcome.Parsed ? "parsed" : "rejected");
            return outcome;
        }

        private string? Problem(byte[] input, out PayloadOutcome outcome)
        {
            outcome = new PayloadOutcome(null, null);
            T? model = null;
            CometApiContractError? error = null;
            try
            {
                model = _parse(input);
            }
            catch (CometApiContractException exception)
            {
                error = exception.Error;
            }
            catch (Exception exception)
            {
                return "Parse threw " + exception;
            }

            if (TryParseProblem(input, model, error) is { } tryParseProblem)
            {
                return tryParseProblem;
            }

            bool wellFormed = JsonSyntax.IsWellFormed(input);
            if (error is not null)
            {
                outcome = new PayloadOutcome(null, error);
                if ((error.Kind == CometApiContractErrorKind.MalformedJson) == wellFormed)
                {
                    return wellFormed ? "MalformedJson for well-formed JSON: " + error : "not JSON, yet Parse reported " + error;
                }

                return SerializerProblem(input, null, error);
            }

            if (!wellFormed)
            {
                return "Parse accepted bytes that are not well-formed JSON";
            }

            byte[] written;
            try
            {
                written = Write(model!);
            }
            catch (Exception exception)
            {
                return "WriteTo threw for a parsed model: " + exception;
            }

            outcome = new PayloadOutcome(written, null);
            return EquivalenceProblem(input, written) ?? RoundTripProblem(model!, written) ?? SerializerProblem(input, written, null);
        }

        private string? TryParseProblem(byte[] input, T? parsed, CometApiContractError? parseError)
        {
            bool ok;
            T? value;
            CometApiContractError? error;
            try
            {
                ok = _tryParse(input, out value, out error);
            }
            catch (Exception exception)
            {
                return "TryParse threw " + exception;
            }

            if (ok != (parsed is not null))
            {
                return $"TryParse returned {ok} where Parse {(parsed is null ? "threw " + parseError : "succeeded")}";
            }

            if (ok)
            {
                return value is null || error is not null ? $"TryParse returned true with value {value} and error {error}" : null;
            }

            return value is not null || error is null || !SameError(error, parseError!) ? $"TryParse failed with value {value} and error {error}; Parse threw {parseError}" : null;
        }

        /// <summary>What was written back must say what was read, up to the normalizations <see cref="PayloadEquivalence"/> allows.</summary>
        private static string? EquivalenceProblem(byte[] input, byte[] written)
            => PayloadEquivalence.ForContract.Difference(input, written) is { } difference
                ? $"written back differently from what was read: {difference}\n   written: {Encoding.UTF8.GetString(written)}"
                : null;

        private string? RoundTripProblem(T model, byte[] written)
        {
            T again;
            try
            {
                again = _parse(written);
            }
            catch (Exception exception)
            {
                return $"what WriteTo wrote does not parse: {exception.Message}\n   written: {Encoding.UTF8.GetString(written)}";
            }

            byte[] rewritten = Write(again);
            if (!written.AsSpan().SequenceEqual(rewritten))
            {
                return $"WriteTo → Parse → WriteTo is not a fixed point\n   first:  {Encoding.UTF8.GetString(written)}\n   second: {Encoding.UTF8.GetString(rewritten)}";
            }

            try
            {
                _ = model.ToString();
                _ = _validate(model);
            }
            catch (Exception exception)
            {
                return "ToString or Validate threw for a parsed model: " + exception;
            }

            return null;
        }

        /// <summary>Both JsonSerializer entry points: over the bytes, and over a stream read in small buffers as ReadFromJsonAsync does.</summary>
        private string? SerializerProblem(byte[] input, byte[]? written, CometApiContractError? parseError)
        {
            if (SerializerOracle.Problem("JsonSerializer.Deserialize", () => JsonSerializer.Deserialize(input, _typeInfo), _typeInfo, input, written, parseError) is { } problem)
            {
                return problem;
            }

            if (input.AsSpan().StartsWith(Utf8Bom))
            {
                // DeserializeAsync drops a leading byte order mark, which Parse and Deserialize reject: it must read the rest as they do.
                input = input[Utf8Bom.Length..];
                (written, parseError) = ParseAndWrite(input);
            }

            return SerializerOracle.Problem("JsonSerializer.DeserializeAsync", () => DeserializeStreamed(input), _streamedTypeInfo, input, written, parseError);
        }

        private T? DeserializeStreamed(byte[] input)
        {
            using var stream = new MemoryStream(input, writable: false);

            // MemoryStream completes every read synchronously: nothing here waits on another thread.
            return JsonSerializer.DeserializeAsync(stream, _streamedTypeInfo).AsTask().GetAwaiter().GetResult();
        }

        private (byte[]? Written, CometApiContractError? Error) ParseAndWrite(byte[] input)
        {
            try
            {
                return (Write(_parse(input)), null);
            }
            catch (CometApiContractException exception)
            {
                return (null, exception.Error);
            }
        }

        private byte[] Write(T model)
        {
            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                _write(model, writer);
            }

            return buffer.WrittenSpan.ToArray();
        }

        internal static bool SameError(CometApiContractError left, CometApiContractError right)
            => left.Kind == right.Kind && left.JsonPath == right.JsonPath && left.Message == right.Message;
    }
}
