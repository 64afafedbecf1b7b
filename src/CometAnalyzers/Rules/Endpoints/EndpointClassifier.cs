using System;
using System.Collections.Immutable;
using CometAnalyzers.Contract;

namespace CometAnalyzers.Rules.Endpoints
{
    /// <summary>
    /// Decides whether one string value is an endpoint, for one syntax tree's options.
    /// Loopback hosts and <c>comet_endpoint_allowed_hosts</c> are never endpoints, whatever the path.
    /// </summary>
    internal sealed class EndpointClassifier
    {
        private readonly ImmutableArray<ContractSettings> _contracts;
        private readonly AllowedHosts _allowedHosts;

        public EndpointClassifier(ImmutableArray<ContractSettings> contracts, AllowedHosts allowedHosts)
        {
            _contracts = contracts;
            _allowedHosts = allowedHosts;
        }

        /// <summary>
        /// The contract whose endpoint the whole value names: an http(s) URL or bare host on one of its hosts,
        /// or a URL or relative path whose path ends with its path. Null otherwise.
        /// </summary>
        public ContractSettings? MatchContract(string value)
        {
            if (value.Length == 0 || EndpointText.HasWhitespace(value))
            {
                return null;
            }

            if (EndpointText.TryParseHttpUrl(value, out Uri uri))
            {
                return IsExempt(uri.Host) ? null : ByHost(uri.Host) ?? ByPath(uri.AbsolutePath);
            }

            if (EndpointText.TryParseBareHost(value, out string host) && !IsExempt(host) && ByHost(host) is { } byHost)
            {
                return byHost;
            }

            // "api.cometapi.com/v1/chat/completions" is a URL without its scheme: judge its host too.
            int slash = value.IndexOf('/');
            if (slash > 0 && EndpointText.TryParseBareHost(value.Substring(0, slash), out string leadingHost) && leadingHost.IndexOf('.') > 0)
            {
                return MatchContract("https://" + value);
            }

            return EndpointText.RelativePath(value) is { } path ? ByPath(path) : null;
        }

        /// <summary>True when the value's path (a URL's, or a relative one's) ends with a contract's path.</summary>
        public bool NamesContractPath(string value)
        {
            if (EndpointText.TryParseHttpUrl(value, out Uri uri))
            {
                return ByPath(uri.AbsolutePath) is not null;
            }

            return EndpointText.RelativePath(value) is { } path && ByPath(path) is not null;
        }

        /// <summary>True when the value names one of a contract's hosts (a URL on it or the bare host), not only its path.</summary>
        public bool NamesContractHost(string value)
        {
            if (EndpointText.TryParseHttpUrl(value, out Uri uri))
            {
                return ByHost(uri.Host) is not null;
            }

            int slash = value.IndexOf('/');
            string host = slash > 0 ? value.Substring(0, slash) : value;
            return EndpointText.TryParseBareHost(host, out string bare) && ByHost(bare) is not null;
        }

        /// <summary>
        /// An absolute http(s) URL that names a production endpoint: its host is complete, remote (not loopback, not allowed by the options), a real name (not a single-label service name, a reserved or a
        /// placeholder name), and it is no content URL (an image, a document, a raw file). <paramref name="isPrefix"/>
        /// when more is appended at run time: the host must then be closed already (<c>"https://www." + host</c> is not).
        /// </summary>
        public bool IsRemoteUrl(string value, bool isPrefix)
            => !EndpointText.HasWhitespace(value)
               && EndpointText.TryParseHttpUrl(value, out Uri uri)
               && (!isPrefix || EndpointText.HostIsClosed(value))
               && IsRemoteName(uri.Host)
               && !ContentUrls.IsContent(uri, pathIsComplete: !isPrefix);

        private bool IsRemoteName(string host)
            => !IsExempt(host) && !HostNames.IsLoopbackAlias(host) && !HostNames.IsSingleLabel(host) && !HostNames.IsReservedOrPlaceholder(host);

        private bool IsExempt(string host) => EndpointText.IsLoopback(host) || _allowedHosts.Contains(EndpointText.Unbracket(host));

        private ContractSettings? ByHost(string host)
        {
            string bare = EndpointText.Unbracket(host);
            foreach (ContractSettings contract in _contracts)
            {
                foreach (string contractHost in contract.Hosts)
                {
                    if (string.Equals(contractHost, bare, StringComparison.OrdinalIgnoreCase))
                    {
                        return contract;
                    }
                }
            }

            return null;
        }

        private ContractSettings? ByPath(string path)
        {
            foreach (ContractSettings contract in _contracts)
            {
                if (EndpointText.PathEndsWith(path, contract.Path))
                {
                    return contract;
                }
            }

            return null;
        }
    }
}
