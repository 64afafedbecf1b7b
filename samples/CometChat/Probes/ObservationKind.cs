namespace CometChat.Probes
{
    /// <summary>What a probe saw, in the operator's terms: each kind has its own owner and its own fix.</summary>
    internal enum ObservationKind
    {
        /// <summary>A 2xx answer that parsed and is usable.</summary>
        Success,

        /// <summary>No HTTP answer: DNS, connection or TLS failure.</summary>
        Transport,

        /// <summary>The client stopped waiting (attempt or total timeout).</summary>
        Timeout,

        /// <summary>A non-2xx status whose body is not an error payload.</summary>
        HttpStatus,

        /// <summary>A non-2xx status with an error payload the generated <c>ErrorResponse</c> parsed.</summary>
        ApiError,

        /// <summary>A 2xx answer that does not match the contract's shape: drift, never an HTTP failure.</summary>
        Parse,

        /// <summary>A 2xx answer that parsed but is unusable (empty content, no usage, no [DONE]).</summary>
        Semantic,

        /// <summary>The client's own contract validation refused to send the request.</summary>
        RejectedBeforeSending,

        /// <summary>The probe needs the embedded server's fault injection and a real endpoint is configured.</summary>
        Skipped,

        /// <summary>The probe itself failed (a bug in the probe, not an observation of the API).</summary>
        ProbeError,
    }
}
