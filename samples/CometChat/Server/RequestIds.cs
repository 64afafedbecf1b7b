using System;
using System.Globalization;
using System.Threading;

namespace CometChat.Server
{
    /// <summary>Request ids in CometAPI's style: 32 digits, a UTC timestamp followed by a counter.</summary>
    internal static class RequestIds
    {
        private static long s_counter;

        public static string Next()
            => DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture)
             + (Interlocked.Increment(ref s_counter) % 1_000_000_000_000_000L).ToString("D15", CultureInfo.InvariantCulture);
    }
}
