using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace CometAnalyzers.Runtime.Tests.Client
{
    /// <summary>
    /// A real HTTP/1.1 server on a loopback socket, scripted per connection: the client's bytes go through the network
    /// stack, and the script can answer, stream, stop mid-stream or hang up. One request per connection (Connection: close).
    /// </summary>
    internal sealed class LoopbackServer : IAsyncDisposable
    {
        private readonly TcpListener _listener;
        private readonly Func<int, string, Stream, Task> _serve;
        private readonly CancellationTokenSource _stopping = new();
        private readonly List<string> _requests = new();
        private readonly Task _acceptLoop;

        private LoopbackServer(Func<int, string, Stream, Task> serve)
        {
            _serve = serve;
            _listener = new TcpListener(IPAddress.Loopback, 0);
            _listener.Start();
            BaseAddress = new Uri("http://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture) + "/");
            _acceptLoop = Task.Run(AcceptLoopAsync);
        }

        public Uri BaseAddress { get; }

        /// <summary>Each request's head and body as received.</summary>
        public IReadOnlyList<string> Requests
        {
            get
            {
                lock (_requests)
                {
                    return _requests.ToArray();
                }
            }
        }

        /// <summary>Serves connection n (from 0) with <paramref name="serve"/>, given the request text and the connection's stream.</summary>
        public static LoopbackServer Start(Func<int, string, Stream, Task> serve) => new(serve);

        public static Task WriteAsync(Stream stream, string text) => stream.WriteAsync(Encoding.UTF8.GetBytes(text)).AsTask();

        public static Task RespondAsync(Stream stream, int status, string contentType, string body, string extraHeaders = "")
            => WriteAsync(stream, "HTTP/1.1 " + status.ToString(CultureInfo.InvariantCulture) + " Status\r\nContent-Type: " + contentType + "\r\nContent-Length: "
                + Encoding.UTF8.GetByteCount(body).ToString(CultureInfo.InvariantCulture) + "\r\nConnection: close\r\n" + extraHeaders + "\r\n" + body);

        public async ValueTask DisposeAsync()
        {
            await _stopping.CancelAsync();
            _listener.Stop();
            try
            {
                await _acceptLoop;
            }
            catch (OperationCanceledException)
            {
            }

            _stopping.Dispose();
        }

        private async Task AcceptLoopAsync()
        {
            for (int connection = 0; !_stopping.IsCancellationRequested; connection++)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync(_stopping.Token);
                }
                catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
                {
                    return;
                }

                int number = connection;
                _ = Task.Run(async () =>
                {
                    using (client)
                    {
                        NetworkStream stream = client.GetStream();
                        string request = await ReadRequestAsync(stream);
                        lock (_requests)
                        {
                            _requests.Add(request);
                        }

                        try
                        {
                            await _serve(number, request, stream);
                        }
                        catch (IOException)
                        {
                            // The client hung up first.
                        }
                    }
                });
            }
        }

        private static async Task<string> ReadRequestAsync(NetworkStream stream)
        {
            var received = new List<byte>();
            var buffer = new byte[4096];
            int headEnd = -1;
            while (headEnd < 0)
            {
                int read = await stream.ReadAsync(buffer);
                if (read == 0)
                {
                    return Encoding.UTF8.GetString(received.ToArray());
                }

                received.AddRange(buffer.AsSpan(0, read).ToArray());
                headEnd = Encoding.ASCII.GetString(received.ToArray()).IndexOf("\r\n\r\n", StringComparison.Ordinal);
            }

            string head = Encoding.ASCII.GetString(received.ToArray(), 0, headEnd);
            int length = 0;
            foreach (string line in head.Split("\r\n"))
            {
                if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                {
                    length = int.Parse(line.AsSpan("Content-Length:".Length).Trim(), CultureInfo.InvariantCulture);
                }
            }

            while (received.Count < headEnd + 4 + length)
            {
                int read = await stream.ReadAsync(buffer);
                if (read == 0)
                {
                    break;
                }

                received.AddRange(buffer.AsSpan(0, read).ToArray());
            }

            return Encoding.UTF8.GetString(received.ToArray());
        }
    }
}
