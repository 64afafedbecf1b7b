using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CometAnalyzers.Rules.Endpoints
{
    /// <summary>
    /// <c>comet_endpoint_allowed_hosts = docs.example.com, *.internal.example</c>: hosts whose URLs are not endpoints.
    /// "*.x" allows every subdomain of x (not x itself).
    /// </summary>
    internal sealed class AllowedHosts
    {
        public const string OptionName = "comet_endpoint_allowed_hosts";

        public static readonly AllowedHosts None = new(Array.Empty<string>());

        private readonly HashSet<string> _exact = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<string> _suffixes = new();

        private AllowedHosts(IEnumerable<string> entries)
        {
            foreach (string entry in entries)
            {
                string host = entry.Trim();
                if (host.StartsWith("*.", StringComparison.Ordinal) && host.Length > 2)
                {
                    _suffixes.Add(host.Substring(1));
                }
                else if (host.Length > 0)
                {
                    _exact.Add(EndpointText.Unbracket(host));
                }
            }
        }

        public static AllowedHosts Read(AnalyzerOptions options, SyntaxTree tree)
        {
            AnalyzerConfigOptionsProvider provider = options.AnalyzerConfigOptionsProvider;
            if (provider.GetOptions(tree).TryGetValue(OptionName, out string? value) || provider.GlobalOptions.TryGetValue(OptionName, out value))
            {
                return new AllowedHosts(value.Split(','));
            }

            return None;
        }

        public bool Contains(string host)
        {
            if (_exact.Contains(host))
            {
                return true;
            }

            foreach (string suffix in _suffixes)
            {
                if (host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
