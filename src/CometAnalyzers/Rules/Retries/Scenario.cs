namespace CometAnalyzers.Rules.Retries
{
    /// <summary>
    /// What the request returned in one run of the interpreter: a status code, or a transport failure
    /// (the send threw before any response arrived).
    /// </summary>
    internal readonly struct Scenario
    {
        private Scenario(int? status) => Status = status;

        public static Scenario TransportFailure => new(null);

        /// <summary>Null for a transport failure.</summary>
        public int? Status { get; }

        public bool IsTransportFailure => Status is null;

        public bool IsSuccess => Status is >= 200 and <= 299;

        public static Scenario WithStatus(int status) => new(status);

        public static bool IsSuccessStatus(long status) => status is >= 200 and <= 299;

        public override string ToString() => Status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "transport failure";
    }
}
