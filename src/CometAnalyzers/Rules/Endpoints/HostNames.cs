using System;
using System.Collections.Generic;

namespace CometAnalyzers.Rules.Endpoints
{
    /// <summary>
    /// Hosts that are not a hardcoded production endpoint even when the code really sends to them: addresses of the local
    /// network, names a resolver only knows inside a cluster, names reserved for documentation and tests, and names made
    /// of a placeholder word. Pure string logic, no Roslyn.
    /// </summary>
    internal static class HostNames
    {
        /// <summary>Domains RFC 2606 reserves for documentation: the names and every subdomain.</summary>
        private static readonly string[] ExampleDomains = { "example.com", "example.net", "example.org" };

        /// <summary>
        /// Top-level names that never resolve on the public internet: RFC 2606 and RFC 6761 (<c>.example</c>,
        /// <c>.test</c>, <c>.invalid</c>, <c>.localhost</c>), mDNS (<c>.local</c>, RFC 6762), home networks
        /// (<c>.home.arpa</c>, RFC 8375) and ICANN's private-use <c>.internal</c>.
        /// </summary>
        private static readonly string[] ReservedSuffixes = { ".example", ".test", ".invalid", ".localhost", ".local", ".home.arpa", ".internal" };

        /// <summary>
        /// Words that only documentation writes where a real name goes (<c>https://dummy</c>, <c>www.dummy.com</c>,
        /// <c>fake-host</c>, <c>contoso-eastus.openai.azure.com</c>): in any label but the top-level one, whole or as one of
        /// its hyphen-separated parts. Microsoft's fictitious companies are among them.
        /// </summary>
        private static readonly HashSet<string> PlaceholderWords = new(StringComparer.OrdinalIgnoreCase)
        {
            "dummy", "example", "sample", "placeholder", "fake",
            "contoso", "fabrikam", "northwind", "adventureworks", "tailspintoys", "wingtiptoys", "woodgrovebank", "litwareinc",
        };

        /// <summary>Metasyntactic names, placeholders only as a whole label (<c>foo.com</c>, <c>api.foo.io</c>).</summary>
        private static readonly HashSet<string> PlaceholderLabels = new(StringComparer.OrdinalIgnoreCase)
        {
            "foo", "bar", "baz", "qux", "adventure-works",
        };

        /// <summary>
        /// Generic nouns that are a placeholder when they are the registered name itself (<c>downstream1.com</c>,
        /// <c>service.com</c>, <c>mydomain.com</c>), trailing digits or the "N" of "downstreamN" dropped. As a subdomain
        /// (<c>backend.realcompany.io</c>) they are ordinary names.
        /// </summary>
        private static readonly HashSet<string> GenericRegisteredNames = new(StringComparer.OrdinalIgnoreCase)
        {
            "downstream", "upstream", "backend", "endpoint", "server", "service", "domain", "website", "host", "hostname", "company",
            "mycompany", "mydomain", "mysite", "myserver", "myservice", "myapi", "myapp", "myendpoint", "myresource", "myinstance",
        };

        /// <summary>
        /// 10.0.2.2, the Android emulator's name for the machine it runs on: loopback seen from the emulator. Other private
        /// addresses are real machines of a network, and a hardcoded one is as hard to move as any other host.
        /// </summary>
        public static bool IsLoopbackAlias(string host) => EndpointText.Unbracket(host) == "10.0.2.2";

        /// <summary>
        /// A name with no dot, such as <c>http://orders-api</c>: the way Docker Compose, Kubernetes and .NET Aspire name a
        /// service, resolved inside the deployment. Not an IP address.
        /// </summary>
        public static bool IsSingleLabel(string host)
        {
            string bare = EndpointText.Unbracket(host).TrimEnd('.');
            return bare.Length > 0 && bare.IndexOf('.') < 0 && bare.IndexOf(':') < 0;
        }

        /// <summary>Names reserved for documentation and tests, and names made of a placeholder word.</summary>
        public static bool IsReservedOrPlaceholder(string host)
        {
            string bare = EndpointText.Unbracket(host).TrimEnd('.');
            foreach (string domain in ExampleDomains)
            {
                if (bare.Equals(domain, StringComparison.OrdinalIgnoreCase) || bare.EndsWith("." + domain, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            foreach (string suffix in ReservedSuffixes)
            {
                if (bare.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            string[] labels = bare.Split('.');

            // The last label is the top-level domain, never judged: "https://api.service.com" is no placeholder for ".com".
            for (int i = 0; i < labels.Length - 1; i++)
            {
                if (HasPlaceholderWord(labels[i]))
                {
                    return true;
                }
            }

            return labels.Length >= 2 && IsGeneric(labels[labels.Length - 2]);
        }

        private static bool HasPlaceholderWord(string label)
        {
            if (label.StartsWith("your", StringComparison.OrdinalIgnoreCase) || PlaceholderLabels.Contains(WithoutCount(label)))
            {
                return true;
            }

            foreach (string part in label.Split('-'))
            {
                if (PlaceholderWords.Contains(WithoutCount(part)))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsGeneric(string registeredName)
            => GenericRegisteredNames.Contains(WithoutCount(registeredName))
               || (registeredName.Length > 1 && registeredName[registeredName.Length - 1] is 'n' or 'N'
                   && GenericRegisteredNames.Contains(registeredName.Substring(0, registeredName.Length - 1)));

        /// <summary>"downstream1" → "downstream": numbered copies of a placeholder are placeholders.</summary>
        private static string WithoutCount(string label) => label.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
    }
}
