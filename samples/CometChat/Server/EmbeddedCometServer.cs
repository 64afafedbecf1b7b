using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using CometChat.Configuration;
using CometChat.Logging;
using Microsoft.Extensions.Logging;

namespace CometChat.Server
{
    /// <summary>
    /// A CometAPI stand-in on <c>http://127.0.0.1:&lt;free port&gt;/</c> (System.Net.HttpListener, which runs on Linux too).
    /// Loopback only, one run long, with a key made for that run.
    /// </summary>
    internal sealed class EmbeddedCometServer : IAsyncDisposable
    {
        private readonly HttpListener _listener;
        private readonly CompletionEndpoint _endpoint;
        private readonly CancellationTokenSource _stopping = new();
        private readonly ConcurrentDictionary<Task, byte> _inFlight = new();
        private readonly ILogger _logger;
        private readonly Task _acceptLoop;

        private EmbeddedCometServer(HttpListener listener, Uri baseUrl, ApiCredential credential, CompletionEndpoint endpoint, ILogger logger)
        {
            _listener = listener;
            BaseUrl = baseUrl;
            Credential = credential;
            _endpoint = endpoint;
            _logger = logger;
            _acceptLoop = Task.Run(AcceptLoopAsync);
        }

        public Uri BaseUrl { get; }

        /// <summary>The run's local key: the client sends it like a real one.</summary>
        public ApiCredential Credential { get; }

        /// <summary>Starts on a free loopback port, serving <paramref name="servedModels"/> plus the fault models.</summary>
        public static EmbeddedCometServer Start(IEnumerable<string> servedModels, ILogger logger)
        {
            ArgumentNullException.ThrowIfNull(logger);
            ApiCredential credential = LocalCredential.Generate();
            var endpoint = new CompletionEndpoint(credential, servedModels, logger);
            for (int attempt = 1; ; attempt++)
            {
                var baseUrl = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{FreeLoopbackPort()}/"));
                var listener = new HttpListener();
                listener.Prefixes.Add(baseUrl.AbsoluteUri);
                try
                {
                    listener.Start();
                }
                catch (HttpListenerException) when (attempt < 5)
                {
                    // Another process took the port between the probe and the bind: try another one.
                    listener.Close();
                    continue;
                }

                ProbeLog.ServerStarted(logger, baseUrl.AbsoluteUri);
                return new EmbeddedCometServer(listener, baseUrl, credential, endpoint, logger);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
            _listener.Stop();
            await _acceptLoop.ConfigureAwait(false);
            try
            {
                await Task.WhenAll(_inFlight.Keys).WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // A handler stuck on a dead connection does not hold up the exit.
            }

            _listener.Close();
            _stopping.Dispose();
        }

        private async Task AcceptLoopAsync()
        {
            while (!_stopping.IsCancellationRequested)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync().ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    if (_stopping.IsCancellationRequested)
                    {
                        return;
                    }

                    ProbeLog.ServerFailed(_logger, exception);
                    continue;
                }

                Task handler = Task.Run(() => _endpoint.HandleAsync(context, _stopping.Token));
                _inFlight.TryAdd(handler, 0);
                _ = handler.ContinueWith(done => _inFlight.TryRemove(done, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }

        private static int FreeLoopbackPort()
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            int port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return port;
        }
    }
}
