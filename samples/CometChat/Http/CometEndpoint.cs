using System;
using System.Linq;
using System.Net;
using CometApi.Contracts;

namespace CometChat.Http
{
    /// <summary>The endpoint URL: the configured base URL plus <see cref="CometApiContract.Path"/>. No host is written in code.</summary>
    internal static class CometEndpoint
    {
        /// <summary>
        /// Joins base URL and contract path. A base URL that already ends in <c>/v1</c> (the form SDKs are told to use)
        /// does not get a second <c>/v1</c>.
        /// </summary>
        public static Uri Resolve(Uri baseUrl)
        {
            ArgumentNullException.ThrowIfNull(baseUrl);
            string basePath = baseUrl.AbsolutePath.TrimEnd('/');
            string path = CometApiContract.Path;
            int firstSegmentEnd = path.IndexOf('/', 1);
            if (firstSegmentEnd > 0 && basePath.EndsWith(path[..firstSegmentEnd], StringComparison.OrdinalIgnoreCase))
            {
                path = path[firstSegmentEnd..];
            }

            var builder = new UriBuilder(baseUrl) { Path = basePath + path, Query = string.Empty, Fragment = string.Empty };
            return builder.Uri;
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
