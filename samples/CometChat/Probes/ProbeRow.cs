using System;
using System.Globalization;
using CometApi.Contracts;

namespace CometChat.Probes
{
    /// <summary>One row of the table: what a probe expected and observed, as metadata only (never prompt, completion or key).</summary>
    internal sealed record ProbeRow
    {
        public required string Name { get; init; }

        public required string Expected { get; init; }

        /// <summary>The observed class (<c>success</c> for none), or <c>skipped (needs embedded server)</c>.</summary>
        public required string Observed { get; init; }

        public int? Status { get; init; }

        public int Attempts { get; init; }

        public TimeSpan Latency { get; init; }

        public long? InputTokens { get; init; }

        public long? OutputTokens { get; init; }

        public bool Skipped { get; init; }

        /// <summary>Why the observation is not what the probe expected; null when it is (a skipped probe counts as expected).</summary>
        public string? Mismatch { get; init; }

        /// <summary>Short, non-sensitive details: error type and code, contract error kind and JSON path, attempt statuses.</summary>
        public string Notes { get; init; } = string.Empty;

        public bool AsExpected => Mismatch is null;

        public string StatusText => Status is { } status ? status.ToString(CultureInfo.InvariantCulture) : "-";

        public string UsageText => InputTokens is { } input && OutputTokens is { } output
            ? string.Create(CultureInfo.InvariantCulture, $"{input}/{output}")
            : "-";

        /// <summary>A row for a fault probe that needs the embedded server when a real endpoint is configured.</summary>
        public static ProbeRow Skip(string name, string expected) => new()
        {
            Name = name,
            Expected = expected,
            Observed = "skipped (needs embedded server)",
            Skipped = true,
            Notes = "fault injection exists only on the embedded server",
        };

        /// <summary>
        /// The notes of a failed call: its class's details from <see cref="CometApiClientException"/>. The error body's message
        /// is left out: it can quote the request or a key.
        /// </summary>
        public static string Describe(CometApiClientException? failure) => failure switch
        {
            null => string.Empty,
            { ContractErrorKind: { } kind } => $"{kind} at {failure.JsonPath}",
            { Error.Error: { } error } => $"error type {error.Type}" + (string.IsNullOrEmpty(error.Code) ? string.Empty : ", code " + error.Code),
            _ => string.Empty,
        };
    }
}
