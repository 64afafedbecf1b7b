using System;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CometApi.Contracts;

namespace CometAnalyzers.Runtime.Tests.Robustness.Payloads
{
    /// <summary>
    /// What JsonSerializer with the generated type info must do with bytes Parse has judged: succeed exactly when Parse
    /// did and write the same bytes; fail with Parse's contract error for a shape error; for malformed JSON throw
    /// JsonException (STJ's reader found it) or a contract exception (the model's reader got to a shape error first);
    /// return null only for a JSON null, which STJ answers without asking the model.
    /// </summary>
    internal static class SerializerOracle
    {
        public static string? Problem<T>(string entryPoint, Func<T?> deserialize, JsonTypeInfo<T> typeInfo, byte[] input, byte[]? written, CometApiContractError? parseError)
            where T : class
        {
            string parse = parseError is null ? "succeeded" : "threw " + parseError;
            T? value;
            try
            {
                value = deserialize();
            }
            catch (CometApiContractException exception)
            {
                bool expected = parseError is not null && (parseError.Kind == CometApiContractErrorKind.MalformedJson || PayloadModel<T>.SameError(parseError, exception.Error));
                return expected ? null : $"{entryPoint} threw {exception.Error} where Parse {parse}";
            }
            catch (JsonException exception)
            {
                return parseError?.Kind == CometApiContractErrorKind.MalformedJson ? null : $"{entryPoint} threw JsonException ({exception.Message}) where Parse {parse}";
            }
            catch (Exception exception)
            {
                return $"{entryPoint} threw {exception}";
            }

            if (parseError is not null)
            {
                return value is null && JsonSyntax.IsNullLiteral(input) ? null : $"{entryPoint} returned {(value is null ? "null" : "a value")} where Parse {parse}";
            }

            if (value is null)
            {
                return $"{entryPoint} returned null where Parse succeeded";
            }

            byte[] serialized = JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);
            return serialized.AsSpan().SequenceEqual(written)
                ? null
                : $"{entryPoint} and WriteTo disagree\n   WriteTo:        {Encoding.UTF8.GetString(written!)}\n   JsonSerializer: {Encoding.UTF8.GetString(serialized)}";
        }
    }
}
