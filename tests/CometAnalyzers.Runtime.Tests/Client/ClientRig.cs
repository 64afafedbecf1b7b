using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Net.Http;
using CometApi.Contracts;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Testing;
using Xunit;

namespace CometAnalyzers.Runtime.Tests.Client
{
    /// <summary>The generated client's tests share its static ActivitySource: they run one at a time.</summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class ClientCollection
    {
        public const string Name = "Generated client";
    }

    /// <summary>A generated client over a stub server, on a virtual clock, a fixed jitter, a fake logger and its own meters.</summary>
    internal sealed class ClientRig : IDisposable
    {
        public ClientRig(Func<TestClock, StubHandler> server, Action<CometApiClientOptions>? configure = null, double jitter = 0.5)
        {
            Handler = server(Clock);
            Http = new HttpClient(Handler);
            Options = new CometApiClientOptions
            {
                BaseAddress = new Uri("http://127.0.0.1:5099/comet/"),
                ApiKey = Key,
                TimeProvider = Clock,
                Random = new FixedRandom(jitter),
                MeterFactory = Meters,
                Logger = Logger,
            };
            configure?.Invoke(Options);
            Duration = new MetricCollector<double>(Meters, CometApiClient.TelemetryName, "gen_ai.client.operation.duration");
            Tokens = new MetricCollector<long>(Meters, CometApiClient.TelemetryName, "gen_ai.client.token.usage");
            Failures = new MetricCollector<long>(Meters, CometApiClient.TelemetryName, CometApiClient.FailureCounterName);
            Client = new CometApiClient(Http, Options);
        }

        /// <summary>The client's <c>gen_ai.client.operation.duration</c> measurements.</summary>
        public MetricCollector<double> Duration { get; }

        /// <summary>The client's <c>gen_ai.client.token.usage</c> measurements.</summary>
        public MetricCollector<long> Tokens { get; }

        /// <summary>The client's failure counter's measurements.</summary>
        public MetricCollector<long> Failures { get; }

        /// <summary>A key made for this run: it must never show up in a log, a trace or a metric.</summary>
        public string Key { get; } = "sk-run-" + Guid.NewGuid().ToString("N");

        public TestClock Clock { get; } = new();

        public FakeLogger Logger { get; } = new();

        public TestMeterFactory Meters { get; } = new();

        public StubHandler Handler { get; }

        public HttpClient Http { get; }

        public CometApiClientOptions Options { get; }

        public CometApiClient Client { get; }

        public static ChatCompletionRequest Chat(string model = "gpt-4o-mini") => new()
        {
            Model = model,
            Messages = [new SystemMessage { Content = "Be brief." }, new UserMessage { Content = Payloads.PromptText }],
        };

        public void Dispose()
        {
            Http.Dispose();
            Duration.Dispose();
            Tokens.Dispose();
            Failures.Dispose();
            Meters.Dispose();
        }
    }

    /// <summary>An <see cref="IMeterFactory"/> whose meters are scoped to one test, so a MetricCollector sees only its calls.</summary>
    internal sealed class TestMeterFactory : IMeterFactory
    {
        private readonly List<Meter> _meters = new();

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(new MeterOptions(options.Name) { Version = options.Version, Tags = options.Tags, Scope = this });
            lock (_meters)
            {
                _meters.Add(meter);
            }

            return meter;
        }

        public void Dispose()
        {
            lock (_meters)
            {
                foreach (Meter meter in _meters)
                {
                    meter.Dispose();
                }
            }
        }
    }
}
