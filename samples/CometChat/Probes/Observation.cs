using System;
using System.Collections.Generic;
using System.Globalization;
using CometApi.Contracts;
using CometChat.Http;

namespace CometChat.Probes
{
    /// <summary>One probe's observation. Holds statuses, classes, counts and error metadata; never prompt or completion text.</summary>
    internal sealed record Observation
    {
        public required ObservationKind Kind { get; init; }

        /// <summary>The contract's failure class of what was seen (<see cref="CometApiFailureClass.None"/> for success).</summary>
        public required CometApiFailureClass Class { get; init; }

        public int? Status { get; init; }

        public int Attempts { get; init; }

        public TimeSpan Latency { get; init; }

        public CompletionUsage? Usage { get; init; }

        /// <summary>The parsed error payload of a non-2xx answer, when it had one.</summary>
        public ApiError? Error { get; init; }

        public IReadOnlyList<RetryRecord> Retries { get; init; } = [];

        /// <summary>Short, non-sensitive details for the table: shapes, counts, JSON paths.</summary>
        public string Notes { get; init; } = string.Empty;

        /// <summary>True when the error payload has CometAPI's own shape: <c>type: comet_api_error</c> and a request id in the message.</summary>
        public bool HasCometErrorShape
            => Error is { } error
            && string.Equals(error.Type, "comet_api_error", StringComparison.Ordinal)
            && error.Message.Contains("(request id:", StringComparison.Ordinal);

        /// <summary>The observed class as the table prints it.</summary>
        public string Label => Kind switch
        {
            ObservationKind.Success => "success",
            ObservationKind.Transport => "transport",
            ObservationKind.Timeout => "timeout",
            ObservationKind.HttpStatus => "http status: " + Class,
            ObservationKind.ApiError => "api error: " + Class,
            ObservationKind.Parse => "parser failure",
            ObservationKind.Semantic => "semantic failure",
            ObservationKind.RejectedBeforeSending => "client validation: " + Class,
            ObservationKind.Skipped => "skipped (needs embedded server)",
            ObservationKind.ProbeError => "probe error",
            _ => Kind.ToString(),
        };

        public string StatusText => Status is { } status ? status.ToString(CultureInfo.InvariantCulture) : "-";

        public string UsageText => Usage is { } usage
            ? string.Create(CultureInfo.InvariantCulture, $"{usage.PromptTokens}/{usage.CompletionTokens}/{usage.TotalTokens}")
            : "-";

        /// <summary>Class and status only: the generated error payload does not redact its message, and a message can quote a key.</summary>
        public override string ToString() => $"{Label} (HTTP {StatusText}, {Attempts} attempt(s))";

        public static Observation Skipped() => new()
        {
            Kind = ObservationKind.Skipped,
            Class = CometApiFailureClass.None,
            Notes = "fault injection exists only on the embedded server",
        };
    }
}
