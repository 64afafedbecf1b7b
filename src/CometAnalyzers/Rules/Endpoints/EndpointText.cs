using System;
using System.Collections.Generic;
using System.Net;

namespace CometAnalyzers.Rules.Endpoints
{
    /// <summary>
    /// Parsing helpers for string constants that may be URLs, bare hosts or paths. Pure string logic, no Roslyn.
    /// A value with whitespace is prose (a message, a prompt), never an endpoint.
    /// </summary>
    internal static class EndpointText
    {
        private static readonly char[] QueryOrFragment = { '?', '#' };

        private static readonly char[] AuthorityEnd = { '/', '?', '#', ':' };

        public static bool HasWhitespace(string value)
        {
            foreach (char c in value)
            {
                if (char.IsWhiteSpace(c))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>An absolute http or https URL with a host. The scheme must be spelled out: "/x" is a file URI on Unix.</summary>
        public static bool TryParseHttpUrl(string value, out Uri uri)
        {
            uri = null!;
            if (!value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !value.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            if (!Uri.TryCreate(value, UriKind.Absolute, out Uri? parsed) || parsed is null || parsed.Host.Length == 0)
            {
                return false;
            }

            uri = parsed;
            return true;
        }

        /// <summary>
        /// True when the URL's host cannot grow by what is appended to it: a '/', '?', '#' or port follows it, or the host
        /// already looks whole (a dot, ending in a letter or digit). <c>"https://www."</c> and <c>"https://api"</c> are open.
        /// </summary>
        public static bool HostIsClosed(string url)
        {
            int start = url.IndexOf("://", StringComparison.Ordinal);
            if (start < 0)
            {
                return false;
            }

            start += 3;
            int end = url.IndexOfAny(AuthorityEnd, start);
            if (end >= 0)
            {
                return end > start;
            }

            string host = url.Substring(start);
            char last = host.Length > 0 ? host[host.Length - 1] : '.';
            return host.IndexOf('.') > 0 && char.IsLetterOrDigit(last);
        }

        /// <summary>"api.cometapi.com" or "api.cometapi.com:443": a DNS name or IP address, nothing else.</summary>
        public static bool TryParseBareHost(string value, out string host)
        {
            host = StripPort(value);
            if (host.Length == 0 || host.IndexOf('/') >= 0 || host.IndexOf('@') >= 0)
            {
                return false;
            }

            UriHostNameType type = Uri.CheckHostName(Unbracket(host));
            return type is UriHostNameType.Dns or UriHostNameType.IPv4 or UriHostNameType.IPv6;
        }

        /// <summary>The path of a relative reference ("v1/x", "/v1/x?y=1"), or null when the value has a scheme.</summary>
        public static string? RelativePath(string value)
        {
            int end = value.IndexOfAny(QueryOrFragment);
            string path = end < 0 ? value : value.Substring(0, end);
            return path.IndexOf(':') >= 0 ? null : path;
        }

        /// <summary>
        /// True when the path's segments end with the contract path's segments, compared case-insensitively:
        /// "/v1/chat/completions", "v1/chat/completions/" and "/proxy/v1/chat/completions" end with "/v1/chat/completions";
        /// "/v1/chat/completions/extra" and "/v1/chat/completionsX" do not.
        /// </summary>
        public static bool PathEndsWith(string path, string contractPath)
        {
            List<string> segments = Segments(path);
            List<string> expected = Segments(contractPath);
            if (expected.Count == 0 || segments.Count < expected.Count)
            {
                return false;
            }

            int offset = segments.Count - expected.Count;
            for (int i = 0; i < expected.Count; i++)
            {
                if (!string.Equals(segments[offset + i], expected[i], StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>A composite format string's text before its first format item: "https://x/" in "https://x/{0}".</summary>
        public static string BeforeFormatItem(string format)
        {
            int item = format.IndexOf('{');
            return item < 0 ? format : format.Substring(0, item);
        }

        /// <summary>localhost (and *.localhost), 127.0.0.0/8 and ::1.</summary>
        public static bool IsLoopback(string host)
        {
            string bare = Unbracket(host);
            if (bare.Equals("localhost", StringComparison.OrdinalIgnoreCase) || bare.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            return IPAddress.TryParse(bare, out IPAddress? address) && address is not null && IPAddress.IsLoopback(address);
        }

        public static string Unbracket(string host)
            => host.Length > 2 && host[0] == '[' && host[host.Length - 1] == ']' ? host.Substring(1, host.Length - 2) : host;

        private static string StripPort(string value)
        {
            int colon = value.LastIndexOf(':');
            if (colon < 0 || value.EndsWith("]", StringComparison.Ordinal))
            {
                return value;
            }

            // A second colon means an unbracketed IPv6 address, not a port.
            if (value.IndexOf(':') != colon)
            {
                return value;
            }

            for (int i = colon + 1; i < value.Length; i++)
            {
                if (value[i] < '0' || value[i] > '9')
                {
                    return value;
                }
            }

            return value.Substring(0, colon);
        }

        private static List<string> Segments(string path)
        {
            var segments = new List<string>();
            foreach (string segment in path.Split('/'))
            {
                if (segment.Length > 0)
                {
                    segments.Add(segment);
                }
            }

            return segments;
        }
    }
}
