using System;
using System.Globalization;
using CometApi.Contracts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace CometChat.Configuration
{
    /// <summary>Where the probe points and how patient it is. Read with indexers only: no reflection binding, so trimming is safe.</summary>
    internal sealed class ProbeSettings
    {
        /// <summary>The canary model when none is configured.</summary>
        public const string DefaultModel = "gpt-4o-mini";

        /// <summary>Backoff scale against the embedded server: 1 s becomes 10 ms, so the whole probe runs in about a second.</summary>
        public const double EmbeddedDelayScale = 0.01;

        private ProbeSettings(Uri? baseUrl, ApiCredential? credential, string model, double? delayScale, LogLevel logLevel)
        {
            BaseUrl = baseUrl;
            Credential = credential;
            Model = model;
            DelayScaleOverride = delayScale;
            LogLevel = logLevel;
        }

        /// <summary>The configured base URL; null means "probe the embedded loopback server".</summary>
        public Uri? BaseUrl { get; }

        /// <summary>The configured credential; required when <see cref="BaseUrl"/> is set.</summary>
        public ApiCredential? Credential { get; }

        public string Model { get; }

        /// <summary><c>Probe:DelayScale</c> when set: multiplies every retry delay, Retry-After included.</summary>
        public double? DelayScaleOverride { get; }

        public LogLevel LogLevel { get; }

        public bool UsesEmbeddedServer => BaseUrl is null;

        /// <summary>Reads the settings; returns a problem (naming keys, never values) when they cannot be used.</summary>
        public static ProbeSettings? Read(IConfiguration configuration, out string? problem)
        {
            problem = null;
            string? baseUrlText = configuration[CometApiContract.BaseUrlConfigKey];
            string? secret = configuration[CometApiContract.SecretConfigKey];

            Uri? baseUrl = null;
            if (!string.IsNullOrWhiteSpace(baseUrlText))
            {
                if (!Uri.TryCreate(baseUrlText.Trim(), UriKind.Absolute, out baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp))
                {
                    problem = $"{CometApiContract.BaseUrlConfigKey} ({ContractConfiguration.BaseUrlEnvVar}) is not an absolute http(s) URL.";
                    return null;
                }

                if (string.IsNullOrWhiteSpace(secret))
                {
                    problem = $"{CometApiContract.BaseUrlConfigKey} is set but {CometApiContract.SecretConfigKey} ({CometApiContract.SecretEnvVar}) is not: set both to probe a real endpoint, or neither to probe the embedded server.";
                    return null;
                }
            }

            double? delayScale = null;
            string? scaleText = configuration["Probe:DelayScale"];
            if (!string.IsNullOrWhiteSpace(scaleText))
            {
                if (!double.TryParse(scaleText, NumberStyles.Float, CultureInfo.InvariantCulture, out double scale) || scale < 0 || scale > 10)
                {
                    problem = "Probe:DelayScale must be a number between 0 and 10.";
                    return null;
                }

                delayScale = scale;
            }

            LogLevel logLevel = LogLevel.Information;
            string? levelText = configuration["Probe:LogLevel"];
            if (!string.IsNullOrWhiteSpace(levelText) && !Enum.TryParse(levelText, ignoreCase: true, out logLevel))
            {
                problem = "Probe:LogLevel must be Trace, Debug, Information, Warning, Error, Critical or None.";
                return null;
            }

            string model = configuration[ContractConfiguration.ModelConfigKey] is { Length: > 0 } configured ? configured.Trim() : DefaultModel;

            // Without a base URL the embedded server is probed with its own local key, never with a configured one.
            ApiCredential? credential = baseUrl is null ? null : new ApiCredential(secret!);
            return new ProbeSettings(baseUrl, credential, model, delayScale, logLevel);
        }

        public override string ToString() => $"{(UsesEmbeddedServer ? "embedded" : "live")} model={Model}";
    }
}
