using System;
using System.Collections.Generic;
using CometApi.Contracts;
using Microsoft.Extensions.Configuration;

namespace CometChat.Configuration
{
    /// <summary>
    /// Builds the configuration the probe reads. Every value is read through the contract's keys
    /// (<see cref="CometApiContract.BaseUrlConfigKey"/>, <see cref="CometApiContract.SecretConfigKey"/>), whichever source set it.
    /// </summary>
    internal static class ContractConfiguration
    {
        /// <summary>The environment variable operators set for the base URL (the contract names only the key's variable).</summary>
        public const string BaseUrlEnvVar = "COMETAPI_BASE_URL";

        /// <summary>The environment variable that picks the canary model.</summary>
        public const string ModelEnvVar = "COMETAPI_MODEL";

        /// <summary>The configuration key of the canary model.</summary>
        public const string ModelConfigKey = "CometApi:Model";

        /// <summary>
        /// Sources, lowest precedence first: the operator variables mapped onto the contract keys,
        /// then environment variables in configuration form (<c>CometApi__BaseUrl</c>), then the command line (<c>--CometApi:Model=...</c>).
        /// </summary>
        public static IConfiguration Build(string[] args)
        {
            IConfiguration environment = new ConfigurationBuilder().AddEnvironmentVariables().Build();
            var aliases = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
            {
                [CometApiContract.BaseUrlConfigKey] = environment[BaseUrlEnvVar],
                [CometApiContract.SecretConfigKey] = environment[CometApiContract.SecretEnvVar],
                [ModelConfigKey] = environment[ModelEnvVar],
            };

            return new ConfigurationBuilder()
                .AddInMemoryCollection(aliases)
                .AddEnvironmentVariables()
                .AddCommandLine(args)
                .Build();
        }
    }
}
