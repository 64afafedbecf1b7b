using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CometApi.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CometAnalyzers.Resilience.Tests
{
    /// <summary>
    /// <c>services.AddCometApiClient(...)</c> over a stub primary handler, on a <see cref="FakeTimeProvider"/> the pipeline
    /// takes from the container, so no test waits for a real timeout or backoff: <see cref="RunAsync{T}"/> moves the clock in
    /// small steps until the call ends. Each attempt the stub sees is recorded with the fake time it arrived at.
    /// </summary>
    internal sealed class PipelineRig : IDisposable
    {
        public static readonly TimeSpan Step = TimeSpan.FromMilliseconds(50);

        private readonly ServiceProvider _provider;
        private readonly Func<int, CancellationToken, Task<HttpResponseMessage>> _respond;
        private readonly List<TimeSpan> _attempts = new();
        private readonly DateTimeOffset _start;

        public PipelineRig(Func<int, CancellationToken, Task<HttpResponseMessage>> respond, Action<CometApiClientOptions>? configure = null, Action<IServiceCollection>? services = null)
        {
            _respond = respond;
            _start = Time.GetUtcNow();
            var collection = new ServiceCollection();
            collection.AddSingleton<TimeProvider>(Time);
            collection.AddCometApiClient(options =>
            {
                options.BaseAddress = new Uri("https://api.test/");
                options.ApiKey = "sk-resilience-test";
                options.BaseDelay = TimeSpan.FromMilliseconds(100);
                options.MaxDelay = TimeSpan.FromSeconds(1);
                options.TimeProvider = Time;
                configure?.Invoke(options);
            }).ConfigurePrimaryHttpMessageHandler(() => new Stub(this));
            services?.Invoke(collection);
            _provider = collection.BuildServiceProvider(validateScopes: true);
        }

        /// <summary>Answers every attempt with the responder for its number, the last one repeating.</summary>
        public static PipelineRig Answers(Action<CometApiClientOptions>? configure, params Func<HttpResponseMessage>[] responses)
            => new((attempt, _) => Task.FromResult(responses[Math.Min(attempt, responses.Length - 1)]()), configure);

        public FakeTimeProvider Time { get; } = new();

        /// <summary>When each attempt reached the stub, from the rig's start on the fake clock.</summary>
        public IReadOnlyList<TimeSpan> Attempts
        {
            get
            {
                lock (_attempts)
                {
                    return _attempts.ToArray();
                }
            }
        }

        public CometApiClient Client => _provider.GetRequiredService<CometApiClient>();

        public T Service<T>() where T : notnull => _provider.GetRequiredService<T>();

        public static ChatCompletionRequest Chat() => new()
        {
            Model = "gpt-4o-mini",
            Messages = [new UserMessage { Content = "Say hi." }],
        };

        /// <summary>Runs <paramref name="call"/> while the fake clock moves by <see cref="Step"/>, at most a simulated five minutes.</summary>
        public async Task<T> RunAsync<T>(Func<CometApiClient, Task<T>> call)
        {
            Task<T> running = call(Client);
            for (int i = 0; i < 6_000 && !running.IsCompleted; i++)
            {
                await Task.Delay(1);
                if (!running.IsCompleted)
                {
                    Time.Advance(Step);
                }
            }

            Assert.True(running.IsCompleted, "The call did not end within five simulated minutes.");
            return await running;
        }

        public async Task<CometApiClientException> FailsAsync(Func<CometApiClient, Task> call)
            => await Assert.ThrowsAsync<CometApiClientException>(() => RunAsync(async client =>
            {
                await call(client);
                return 0;
            }));

        public void Dispose() => _provider.Dispose();

        private sealed class Stub : HttpMessageHandler
        {
            private readonly PipelineRig _rig;

            public Stub(PipelineRig rig) => _rig = rig;

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                int attempt;
                lock (_rig._attempts)
                {
                    attempt = _rig._attempts.Count;
                    _rig._attempts.Add(_rig.Time.GetUtcNow() - _rig._start);
                }

                return await _rig._respond(attempt, cancellationToken);
            }
        }
    }

    /// <summary>Canned answers.</summary>
    internal static class Answer
    {
        public const string Completion = """
            {"id":"chatcmpl-42","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,"message":{"role":"assistant","content":"Hi."},"finish_reason":"stop"}],"usage":{"prompt_tokens":11,"completion_tokens":7,"total_tokens":18}}
            """;

        /// <summary>A 200 whose body lacks the contract's required <c>choices</c>: a drifted response.</summary>
        public const string Drifted = """
            {"id":"chatcmpl-42","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini-2024-07-18"}
            """;

        public static HttpResponseMessage Json(HttpStatusCode status, string json, params (string Name, string Value)[] headers)
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            foreach ((string name, string value) in headers)
            {
                response.Headers.TryAddWithoutValidation(name, value);
            }

            return response;
        }

        public static HttpResponseMessage Ok() => Json(HttpStatusCode.OK, Completion, ("x-request-id", "req-ok"));

        public static HttpResponseMessage Status(int status, params (string Name, string Value)[] headers)
            => Json((HttpStatusCode)status, """{"error":{"message":"failed","type":"comet_api_error","code":"x"}}""", headers);

        public static HttpResponseMessage Stream(params string[] contents)
            => new(HttpStatusCode.OK)
            {
                Content = new StringContent(
                    string.Concat(contents.Select(c => "data: {\"id\":\"chatcmpl-42\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + c + "\"},\"finish_reason\":null}]}\n\n")) + "data: [DONE]\n\n",
                    Encoding.UTF8,
                    "text/event-stream"),
            };

        /// <summary>Never answers: waits until the attempt is canceled.</summary>
        public static async Task<HttpResponseMessage> HangAsync(CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }

    /// <summary>The client's spans of one test: its <c>retry</c> events say what the pipeline retried.</summary>
    internal sealed class SpanRecorder : IDisposable
    {
        private readonly ActivityListener _listener;
        private readonly List<Activity> _spans = new();

        public SpanRecorder()
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == CometApiClient.TelemetryName,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = activity =>
                {
                    lock (_spans)
                    {
                        _spans.Add(activity);
                    }
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public Activity Single()
        {
            lock (_spans)
            {
                return Assert.Single(_spans);
            }
        }

        public void Dispose() => _listener.Dispose();
    }
}
