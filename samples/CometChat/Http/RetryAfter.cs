using System;
using System.Net.Http;

namespace CometChat.Http
{
    /// <summary>Reads the Retry-After header in either of its forms (seconds or an HTTP date).</summary>
    internal static class RetryAfter
    {
        public static TimeSpan? Of(HttpResponseMessage response)
        {
            ArgumentNullException.ThrowIfNull(response);
            if (response.Headers.RetryAfter is not { } header)
            {
                return null;
            }

            if (header.Delta is { } delta)
            {
                return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
            }

            if (header.Date is { } date)
            {
                TimeSpan wait = date - DateTimeOffset.UtcNow;
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            }

            return null;
        }
    }
}
