using System;

namespace CometAnalyzers.Rules.Endpoints
{
    /// <summary>
    /// How an API client's own members say "this is where I send": a parameter or property named for a base address
    /// or an endpoint (<c>endpoint</c>, <c>baseUrl</c>, <c>BaseAddress</c>, <c>serverUrlOverride</c>, <c>ApiEndpoint</c>),
    /// and a client type's name (<c>…Client</c>, <c>…Api</c>). A URL handed to anything else (an image part, a tool
    /// definition, a document link) is content the code passes on, not a place it calls.
    /// </summary>
    internal static class EndpointNames
    {
        /// <summary>Name parts that mean "the address requests go to" wherever they stand in the name.</summary>
        private static readonly string[] EndpointParts = { "endpoint", "baseurl", "baseuri", "baseaddress", "apibase" };

        /// <summary>Whole names (after a prefix such as "chat" or "default") that mean the same.</summary>
        private static readonly string[] EndpointSuffixes = { "serverurl", "serverurloverride", "serviceurl", "serviceuri", "apiurl", "apiuri", "hosturl" };

        /// <summary>Type-name endings of API clients, whose constructors take the address they send to.</summary>
        private static readonly string[] ClientTypeSuffixes = { "Client", "Api", "ApiClient" };

        /// <summary>A parameter or property named for the address requests go to.</summary>
        public static bool IsEndpointName(string name)
        {
            string normalized = Normalize(name);
            foreach (string part in EndpointParts)
            {
                if (normalized.IndexOf(part, StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }

            foreach (string suffix in EndpointSuffixes)
            {
                if (normalized.EndsWith(suffix, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A string parameter of a client's constructor that holds an address: <c>url</c>, <c>uriString</c>, <c>baseAddress</c>, <c>host</c>.</summary>
        public static bool IsAddressName(string name)
        {
            string normalized = Normalize(name);
            return IsEndpointName(name)
                || normalized.IndexOf("url", StringComparison.Ordinal) >= 0
                || normalized.IndexOf("uri", StringComparison.Ordinal) >= 0
                || normalized.IndexOf("address", StringComparison.Ordinal) >= 0
                || normalized.EndsWith("host", StringComparison.Ordinal);
        }

        /// <summary>A type named like an API client: <c>AzureOpenAIClient</c>, <c>OllamaApiClient</c>, <c>WeatherApi</c>.</summary>
        public static bool IsClientTypeName(string name)
        {
            foreach (string suffix in ClientTypeSuffixes)
            {
                if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Lower case without underscores: <c>_base_url</c>, <c>BaseUrl</c> and <c>baseURL</c> read alike.</summary>
        private static string Normalize(string name) => name.Replace("_", string.Empty).ToLowerInvariant();
    }
}
