using System;
using System.Buffers;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using CometAnalyzers.Benchmarks.Benchmarks.Loopback;
using CometAnalyzers.Benchmarks.Payloads;
using CometApi.Contracts;

namespace CometAnalyzers.Benchmarks.Benchmarks
{
    /// <summary>
    /// The generated client's overhead per call: one chat completion (the example request, answered with the example
    /// response) against a keep-alive HTTP/1.1 server on a loopback socket (<see cref="KeepAliveServer"/>), started in
    /// the setup and stopped in the cleanup. Both contenders share one <see cref="HttpClient"/> over one
    /// <see cref="SocketsHttpHandler"/> (no proxy, no cookies, no redirects, no decompression), so the connection, the
    /// socket and the server cost the same for both; the difference is what each does around <c>SendAsync</c>.
    /// <list type="bullet">
    /// <item><b>Raw HttpClient + Parse</b> (baseline): the minimum a hand-written call does. Writes the request with
    /// <c>WriteTo</c> into a reused buffer, builds an <see cref="HttpRequestMessage"/> (POST to the contract's path, an
    /// <c>Authorization: Bearer</c> header, the buffer as <see cref="ReadOnlyMemoryContent"/> with
    /// <c>Content-Type: application/json</c>), sends it with <c>ResponseHeadersRead</c>, reads the body into a byte array
    /// and parses it with <c>ChatCompletionResponse.Parse</c>. No validation, no status handling, no timeouts, no
    /// telemetry.</item>
    /// <item><b>Generated client CompleteAsync</b>: <c>CometApiClient.CompleteAsync</c> with default options and the
    /// same key. On top of the baseline it validates the request (<c>Validate()</c>), serializes it into a fresh byte
    /// array, adds <c>Accept</c>, runs the call inside its retry loop (one attempt: every answer is 200) with a total
    /// and an attempt timeout (two timers and two linked cancellation sources per call), reads the body within the
    /// attempt, checks the choices are not empty, and records telemetry (an activity that nobody listens to, the
    /// duration and token-usage histograms, timestamps).</item>
    /// </list>
    /// The setup checks that both contenders get the same response (id and first choice's content) and prints one line
    /// saying so.
    /// </summary>
    [Config(typeof(BenchConfig))]
    [BenchmarkCategory("Client")]
    public class ClientOverheadBenchmarks
    {
        // A throwaway key made per run (the loopback server does not check it): the same for both contenders.
        private static readonly string Key = "bench-" + Guid.NewGuid().ToString("N");

        private KeepAliveServer? _server;
        private HttpClient? _http;
        private CometApiClient? _client;
        private ChatCompletionRequest? _request;
        private Uri? _endpoint;
        private readonly ArrayBufferWriter<byte> _buffer = new(4096);
        private Utf8JsonWriter? _writer;
        private readonly AuthenticationHeaderValue _authorization = new(CometApiContract.AuthScheme, Key);
        private readonly MediaTypeHeaderValue _json = new("application/json");

        [GlobalSetup]
        public void Setup()
        {
            byte[] answer = PayloadCatalog.Get(PayloadCatalog.Response);
            _request = ChatCompletionRequest.Parse(PayloadCatalog.Get(PayloadCatalog.Request));
            _server = KeepAliveServer.Start(answer);
            _http = new HttpClient(new SocketsHttpHandler
            {
                UseProxy = false,
                UseCookies = false,
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.None,
                PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
                PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
            })
            {
                BaseAddress = _server.BaseAddress,
                Timeout = Timeout.InfiniteTimeSpan,
            };
            _endpoint = new Uri(_server.BaseAddress, CometApiContract.Path);
            _writer = new Utf8JsonWriter(_buffer);
            _client = new CometApiClient(_http, new CometApiClientOptions { BaseAddress = _server.BaseAddress, ApiKey = Key });

            ChatCompletionResponse expected = ChatCompletionResponse.Parse(answer);
            ChatCompletionResponse raw = RawHttpClient().GetAwaiter().GetResult();
            ChatCompletionResponse generated = GeneratedClient().GetAwaiter().GetResult();
            Agreement.Same(PayloadCatalog.Response, "id", expected.Id, raw.Id, generated.Id);
            Agreement.Same(PayloadCatalog.Response, "first choice content", expected.Choices[0].Message.Content, raw.Choices[0].Message.Content, generated.Choices[0].Message.Content);
            if (_server.Served != 2)
            {
                throw new InvalidOperationException($"The loopback server answered {_server.Served} requests for 2 calls.");
            }

            Console.WriteLine($"// ClientOverhead: both contenders got the same response from {_server.BaseAddress} (id '{raw.Id}', first choice content of {raw.Choices[0].Message.Content?.Length ?? 0} chars).");
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            _http?.Dispose();
            _writer?.Dispose();
            _server?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        [Benchmark(Baseline = true, Description = "Raw HttpClient + Parse")]
        public async Task<ChatCompletionResponse> RawHttpClient()
        {
            _buffer.ResetWrittenCount();
            _writer!.Reset();
            _request!.WriteTo(_writer);
            _writer.Flush();

            using var message = new HttpRequestMessage(HttpMethod.Post, _endpoint);
            message.Headers.Authorization = _authorization;
            message.Content = new ReadOnlyMemoryContent(_buffer.WrittenMemory);
            message.Content.Headers.ContentType = _json;
            using HttpResponseMessage response = await _http!.SendAsync(message, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
            byte[] body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            return ChatCompletionResponse.Parse(body);
        }

        [Benchmark(Description = "Generated client CompleteAsync")]
        public Task<ChatCompletionResponse> GeneratedClient() => _client!.CompleteAsync(_request!);
    }
}
