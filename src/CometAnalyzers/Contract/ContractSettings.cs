using CometAnalyzers.Common;

namespace CometAnalyzers.Contract
{
    /// <summary>
    /// The non-schema part of a contract: what the rules check code against and what the generated
    /// <c>&lt;Name&gt;Contract</c> class exposes. <see cref="Defaults"/> applies when a compilation has no contract.
    /// </summary>
    internal sealed record ContractSettings(
        string Name,
        string Namespace,
        string Method,
        string Path,
        EquatableArray<string> Hosts,
        string? BaseUrlConfigKey,
        string AuthHeader,
        string AuthScheme,
        string? SecretConfigKey,
        string? SecretEnvVar,
        int? MaxRetries,
        EquatableArray<int> RetryOn,
        double? AttemptTimeoutSeconds,
        double? TotalTimeoutSeconds,
        string? ReferenceUrl,
        string? ReferenceReviewed,
        string? ReferenceOwner)
    {
        public const string DefaultPath = "/v1/chat/completions";
        public const string DefaultHost = "api.cometapi.com";
        public const string DefaultAuthHeader = "Authorization";
        public const string DefaultAuthScheme = "Bearer";

        /// <summary>What the rules assume when the compilation has no contract file.</summary>
        public static readonly ContractSettings Defaults = new(
            Name: "CometApi",
            Namespace: "CometApi.Contracts",
            Method: "POST",
            Path: DefaultPath,
            Hosts: new[] { DefaultHost }.ToEquatableArray(),
            BaseUrlConfigKey: null,
            AuthHeader: DefaultAuthHeader,
            AuthScheme: DefaultAuthScheme,
            SecretConfigKey: null,
            SecretEnvVar: null,
            MaxRetries: null,
            RetryOn: EquatableArray<int>.Empty,
            AttemptTimeoutSeconds: null,
            TotalTimeoutSeconds: null,
            ReferenceUrl: null,
            ReferenceReviewed: null,
            ReferenceOwner: null);

        /// <summary>The generated contract class's simple name.</summary>
        public string ContractTypeName => Name + "Contract";

        /// <summary>The generated contract class's name as code fixes write it.</summary>
        public string ContractTypeFullName => "global::" + Namespace + "." + ContractTypeName;

        /// <summary>True when <c>retry.retryOn</c> is absent: then 408, 429 and every 5xx are retryable.</summary>
        public bool UsesDefaultRetryOn => RetryOn.Count == 0;

        public bool IsRetryable(int statusCode)
        {
            if (UsesDefaultRetryOn)
            {
                return statusCode == 408 || statusCode == 429 || (statusCode >= 500 && statusCode <= 599);
            }

            foreach (int code in RetryOn)
            {
                if (code == statusCode)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>"408, 429, 500, 502, 503, 504", or the default rule, for messages.</summary>
        public string DescribeRetryOn()
            => UsesDefaultRetryOn ? "408, 429 and 5xx" : string.Join(", ", RetryOn.AsImmutableArray());
    }
}
