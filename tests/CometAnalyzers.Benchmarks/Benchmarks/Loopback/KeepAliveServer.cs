using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace CometAnalyzers.Benchmarks.Benchmarks.Loopback
{
    /// <summary>
    /// A minimal HTTP/1.1 server on a loopback socket for the client benchmarks: keep-alive connections, each request read
    /// to the end of its body (by Content-Length) and answered with the same prebuilt 200 (Content-Type application/json,
    /// Content-Length, Connection: keep-alive). No chunked requests, no pipelining beyond what arrives in order. Its cost
    /// per request is the same whoever calls it.
    /// </summary>
    internal sealed class KeepAliveServer : IAsyncDisposable
    {
        private static readonly byte[] HeadEnd = "\r\n\r\n"u8.ToArray();
        private static readonly byte[] ContentLength = "content-length:"u8.ToArray();

        private readonly TcpListener _listener;
        private readonly byte[] _answer;
        private readonly CancellationTokenSource _stopping = new();
        private readonly List<Task> _connections = new();
        private readonly Task _acceptLoop;
        private long _served;

        private KeepAliveServer(byte[] body)
        {
            byte[] head = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                + body.Length.ToString(CultureInfo.InvariantCulture) + "\r\nConnection: keep-alive\r\n\r\n");
            _answer = new byte[head.Length + body.Length];
            head.CopyTo(_answer, 0);
            body.CopyTo(_answer, head.Length);
            _listener = new TcpListener(IPAddress.Loopback, 0);
            _listener.Start();
            BaseAddress = new Uri("http://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture) + "/");
            _acceptLoop = Task.Run(AcceptLoopAsync);
        }

        public Uri BaseAddress { get; }

        /// <summary>Requests answered so far.</summary>
        public long Served => Interlocked.Read(ref _served);

        /// <summary>Starts a server that answers every request with <paramref name="body"/>.</summary>
        public static KeepAliveServer Start(byte[] body) => new(body);

        public async ValueTask DisposeAsync()
        {
            await _stopping.CancelAsync();
            _listener.Stop();
            await _acceptLoop;
            Task[] connections;
            lock (_connections)
            {
                connections = _connections.ToArray();
            }

            await Task.WhenAll(connections);
            _stopping.Dispose();
        }

        private async Task AcceptLoopAsync()
        {
            while (!_stopping.IsCancellationRequested)
            {
                Socket socket;
                try
                {
                    socket = await _listener.AcceptSocketAsync(_stopping.Token);
                }
                catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
                {
                    return;
                }

                socket.NoDelay = true;
                Task connection = Task.Run(() => ServeAsync(socket));
                lock (_connections)
                {
                    _connections.Add(connection);
                }
            }
        }

        private async Task ServeAsync(Socket socket)
        {
            using (socket)
            {
                byte[] buffer = new byte[64 * 1024];
                int filled = 0;
                try
                {
                    while (true)
                    {
                        // Read until the head is complete.
                        int headEnd;
                        while ((headEnd = buffer.AsSpan(0, filled).IndexOf(HeadEnd)) < 0)
                        {
                            if (filled == buffer.Length)
                            {
                                return; // A head this large is not ours to serve.
                            }

                            int read = await socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, _stopping.Token);
                            if (read == 0)
                            {
                                return;
                            }

                            filled += read;
                        }

                        int requestEnd = headEnd + HeadEnd.Length + ReadContentLength(buffer.AsSpan(0, headEnd));
                        if (requestEnd > buffer.Length)
                        {
                            return;
                        }

                        while (filled < requestEnd)
                        {
                            int read = await socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, _stopping.Token);
                            if (read == 0)
                            {
                                return;
                            }

                            filled += read;
                        }

                        await socket.SendAsync(_answer, SocketFlags.None, _stopping.Token);
                        Interlocked.Increment(ref _served);

                        // Keep whatever followed this request (a pipelined next one) at the start of the buffer.
                        buffer.AsSpan(requestEnd, filled - requestEnd).CopyTo(buffer);
                        filled -= requestEnd;
                    }
                }
                catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
                {
                    // Stopping, or the client closed its connection.
                }
            }
        }

        private static int ReadContentLength(ReadOnlySpan<byte> head)
        {
            foreach (Range range in head.Split("\r\n"u8))
            {
                ReadOnlySpan<byte> line = head[range];
                if (line.Length > ContentLength.Length && Ascii.EqualsIgnoreCase(line[..ContentLength.Length], ContentLength))
                {
                    return int.Parse(line[ContentLength.Length..].Trim((byte)' '), CultureInfo.InvariantCulture);
                }
            }

            return 0;
        }
    }
}
