namespace CometChat.Server
{
    /// <summary>Model names that make the embedded server inject a fault. A real endpoint does not know them.</summary>
    internal static class FaultModels
    {
        /// <summary>429 with <c>Retry-After: 1</c> on the first attempt of a fault key, then success.</summary>
        public const string RateLimitedOnce = "probe-429";

        /// <summary>503 on the first attempt of a fault key, then success.</summary>
        public const string UnavailableOnce = "probe-503-once";

        /// <summary>Holds the answer far longer than the client's attempt timeout.</summary>
        public const string Slow = "probe-slow";
    }
}
