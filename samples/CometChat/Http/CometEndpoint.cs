using System;
using System.Linq;
using System.Net;
using CometApi.Contracts;

namespace CometChat.Http
{
    /// <summary>The base URL the generated client appends <see cref="CometApiContract.Path"/> to. No host is written in code.</summary>
    internal static class CometEndpoint
    {
        /// <summary>
        /// The configured base URL without query or fragment, and without a last segment the contract's path starts with:
        /// a base URL ending in <c>/v1</c> (the form SDKs are told to use) does not get a second <c>/v1</c>.
        /// </summary>
        public static Uri BaseAddress(Uri baseUrl)
        {
            ArgumentNullException.ThrowIfNull(baseUrl);
            string basePath = baseUrl.AbsolutePath.TrimEnd('/');
            string path = CometApiContract.Path;
            int firstSegmentEnd = path.IndexOf('/', 1);
            if (firstSegmentEnd > 0 && basePath.EndsWith(path[..firstSegmentEnd], StringComparison.OrdinalIgnoreCase))
            {
                basePath = basePath[..^firstSegmentEnd];
            }

            return new UriBuilder(baseUrl) { Path = basePath + "/", Query = string.Empty, Fragment = string.Empty }.Uri;
        }

        /// <summary>True when the host is one the contract lists; a loopback host (the embedded server) counts as expected too.</summary>
        public static bool IsExpectedHost(Uri endpoint)
        {
            ArgumentNullException.ThrowIfNull(endpoint);
            return endpoint.IsLoopback
                || (IPAddress.TryParse(endpoint.Host, out IPAddress? address) && IPAddress.IsLoopback(address))
                || CometApiContract.Hosts.Contains(endpoint.Host, StringComparer.OrdinalIgnoreCase);
        }
    }
}
