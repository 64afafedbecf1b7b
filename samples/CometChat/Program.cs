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

            IReadOnlyList<ProbeResult> results;
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
                    (results, target) = await RunAsync(settings, logger, cancellation.Token).ConfigureAwait(false);
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

        private static async Task<(IReadOnlyList<ProbeResult> Results, string Target)> RunAsync(ProbeSettings settings, ILogger logger, CancellationToken cancellationToken)
        {
            EmbeddedCometServer? server = settings.UsesEmbeddedServer ? EmbeddedCometServer.Start([settings.Model], logger) : null;
            try
            {
                Uri baseUrl = server?.BaseUrl ?? settings.BaseUrl!;
                ApiCredential credential = server?.Credential ?? settings.Credential!;
                double delayScale = settings.DelayScaleOverride ?? (server is null ? 1.0 : ProbeSettings.EmbeddedDelayScale);
                Uri endpoint = CometEndpoint.Resolve(baseUrl);

                string mode = server is null ? "live" : "embedded";
                ProbeLog.Target(logger, mode, endpoint.GetLeftPart(UriPartial.Authority), endpoint.AbsolutePath, settings.Model);
                if (!CometEndpoint.IsExpectedHost(endpoint))
                {
                    ProbeLog.UnexpectedHost(logger, endpoint.Host, string.Join(", ", CometApiContract.Hosts));
                }

                using var handler = new SocketsHttpHandler
                {
                    // A moved path must show up as a 3xx (Unexpected), not be followed silently as a GET.
                    AllowAutoRedirect = false,
                    ConnectTimeout = TimeSpan.FromSeconds(10),
                    PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                };

                // The pipeline owns every timeout; HttpClient's own would cut across the retries.
                using var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
                var client = new CometChatClient(http, endpoint, credential, sendFaultKeys: server is not null);
                var context = new ProbeContext(client, settings.Model, ResilienceSettings.FromContract(delayScale), logger);
                IReadOnlyList<ProbeResult> results = await ProbeRunner.RunAsync(ContractProbes.All, context, server is not null, logger, cancellationToken).ConfigureAwait(false);

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
            .AddFilter("Polly", LogLevel.Warning)
            .AddSimpleConsole(options =>
            {
                options.SingleLine = true;
                options.TimestampFormat = "HH:mm:ss.fff ";
                options.ColorBehavior = LoggerColorBehavior.Disabled;
            })
            .AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace));
    }
}
