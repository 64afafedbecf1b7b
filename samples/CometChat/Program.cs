using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CometApi.Contracts;
using CometChat.Configuration;
using CometChat.Http;
using CometChat.Logging;
using CometChat.Probes;
using CometChat.Server;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace CometChat
{
    /// <summary>
    /// The CometAPI contract probe. Exit code 0 when every probe observed what it expected, 1 when one did not,
    /// 2 when the configuration cannot be used, 130 when cancelled (Ctrl+C). Logs go to standard error, the result table to standard output.
    /// </summary>
    internal static class Program
    {
        public static async Task<int> Main(string[] args)
        {
            IConfiguration configuration = ContractConfiguration.Build(args);
            ProbeSettings? settings = ProbeSettings.Read(configuration, out string? problem);

            using var cancellation = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                cancellation.Cancel();
            };

            IReadOnlyList<ProbeRow> results;
            string target;
            ILoggerFactory loggerFactory = CreateLoggerFactory(settings?.LogLevel ?? LogLevel.Information);
            try
            {
                ILogger logger = loggerFactory.CreateLogger("CometChat");
                if (settings is null)
                {
                    ProbeLog.ConfigurationProblem(logger, problem ?? "unknown");
                    return 2;
                }

                try
                {
                    (results, target) = await RunAsync(settings, loggerFactory, logger, cancellation.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
                {
                    ProbeLog.Cancelled(logger);
                    return 130;
                }
            }
            finally
            {
                // Flushes the console logger, so no log line lands in the middle of the table.
                loggerFactory.Dispose();
            }

            ProbeTable.Write(Console.Out, results, target);
            return results.All(result => result.AsExpected) ? 0 : 1;
        }

        private static async Task<(IReadOnlyList<ProbeRow> Results, string Target)> RunAsync(ProbeSettings settings, ILoggerFactory loggerFactory, ILogger logger, CancellationToken cancellationToken)
        {
            EmbeddedCometServer? server = settings.UsesEmbeddedServer ? EmbeddedCometServer.Start([settings.Model], logger) : null;
            try
            {
                Uri baseAddress = CometEndpoint.BaseAddress(server?.BaseUrl ?? settings.BaseUrl!);
                ApiCredential credential = server?.Credential ?? settings.Credential!;
                double delayScale = settings.DelayScaleOverride ?? (server is null ? 1.0 : ProbeSettings.EmbeddedDelayScale);

                // The contract's retries and timeouts, as the generated client applies them; only the backoff is scaled.
                CometApiClientOptions Options() => new()
                {
                    BaseAddress = baseAddress,
                    ApiKey = credential.Key,
                    BaseDelay = TimeSpan.FromSeconds(1) * delayScale,
                    MaxDelay = TimeSpan.FromSeconds(30) * delayScale,
                    Logger = loggerFactory.CreateLogger(CometApiClient.TelemetryName),
                };

                using var socketsHandler = new SocketsHttpHandler
                {
                    // A moved path must show up as a 3xx (UnexpectedStatus), not be followed silently as a GET.
                    AllowAutoRedirect = false,
                    ConnectTimeout = TimeSpan.FromSeconds(10),
                    PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                };

                // Only the embedded server gets fault keys: its fault probes are skipped against a real endpoint.
                using FaultKeyHandler? faultKeys = server is null ? null : new FaultKeyHandler(socketsHandler);

                // The generated client owns every timeout; HttpClient's own would cut across the retries.
                using var http = new HttpClient((HttpMessageHandler?)faultKeys ?? socketsHandler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
                var probe = new CometApiProbe(http, Options(), ProbeRequests.Canary(settings.Model));

                string mode = server is null ? "live" : "embedded";
                Uri endpoint = probe.Endpoint;
                ProbeLog.Target(logger, mode, endpoint.GetLeftPart(UriPartial.Authority), endpoint.AbsolutePath, settings.Model);
                if (!CometEndpoint.IsExpectedHost(endpoint))
                {
                    ProbeLog.UnexpectedHost(logger, endpoint.Host, string.Join(", ", CometApiContract.Hosts));
                }

                FaultProbes? faults = faultKeys is null ? null : new FaultProbes(http, Options, faultKeys);
                IReadOnlyList<ProbeRow> results = await ContractProbes.RunAsync(probe, faults, logger, cancellationToken).ConfigureAwait(false);

                string target = server is null
                    ? $"{endpoint.Authority}{endpoint.AbsolutePath}, model {settings.Model}"
                    : $"embedded loopback server {endpoint.Authority}, model {settings.Model}";
                return (results, target);
            }
            finally
            {
                if (server is not null)
                {
                    await server.DisposeAsync().ConfigureAwait(false);
                }
            }
        }

        private static ILoggerFactory CreateLoggerFactory(LogLevel level) => LoggerFactory.Create(logging => logging
            .SetMinimumLevel(level)
            .AddFilter("System.Net.Http", LogLevel.Warning)
            // The client logs each call's outcome (metadata only); the probes' expected failures would read as warnings,
            // so its lines show from Debug on, where its retries and failures are worth reading.
            .AddFilter(CometApiClient.TelemetryName, level <= LogLevel.Debug ? level : LogLevel.Error)
            .AddSimpleConsole(options =>
            {
                options.SingleLine = true;
                options.TimestampFormat = "HH:mm:ss.fff ";
                options.ColorBehavior = LoggerColorBehavior.Disabled;
            })
            .AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace));
    }
}
