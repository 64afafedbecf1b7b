using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Threading.Tasks;
using CometApi.Contracts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Strict.Contracts;
using Xunit;

namespace CometAnalyzers.Runtime.Tests.Client
{
    /// <summary>
    /// <c>AddCometApiClient</c> and <c>AddStrictClient</c>: the client from <c>IHttpClientFactory</c>, its base URL and key read
    /// from configuration (or the contract's environment variable, or its first host), <c>configure</c> last, and startup
    /// validation that names the missing setting and never prints a key. In the client collection: one test sets the
    /// contract's environment variable.
    /// </summary>
    [Collection(ClientCollection.Name)]
    public class ClientRegistrationTests
    {
        private const string BaseUrl = "http://127.0.0.1:5099/comet/";

        private readonly string _key = "sk-di-" + Guid.NewGuid().ToString("N");

        [Fact]
        public async Task The_resolved_client_sends_to_the_configured_base_URL_with_the_configured_key()
        {
            var handler = StubHandler.Answers(new TestClock(), () => Answer.Ok());
            using ServiceProvider provider = Build(handler, (CometApiContract.BaseUrlConfigKey!, BaseUrl), (CometApiContract.SecretConfigKey!, _key));

            provider.GetRequiredService<IStartupValidator>().Validate();
            CometApiClient client = provider.GetRequiredService<CometApiClient>();
            ChatCompletionResponse response = await client.CompleteAsync(ClientRig.Chat());

            Assert.Equal("chatcmpl-42", response.Id);
            SeenRequest sent = Assert.Single(handler.Requests);
            Assert.Equal(new Uri(BaseUrl + "v1/chat/completions"), sent.Uri);
            Assert.Equal("Bearer " + _key, sent.Headers[CometApiContract.AuthHeader]);
        }

        [Fact]
        public async Task Without_the_configuration_key_the_key_comes_from_the_contracts_environment_variable()
        {
            string? before = Environment.GetEnvironmentVariable(CometApiContract.SecretEnvVar!);
            Environment.SetEnvironmentVariable(CometApiContract.SecretEnvVar!, _key);
            try
            {
                var handler = StubHandler.Answers(new TestClock(), () => Answer.Ok());
                using ServiceProvider provider = Build(handler, (CometApiContract.BaseUrlConfigKey!, BaseUrl));

                provider.GetRequiredService<IStartupValidator>().Validate();
                await provider.GetRequiredService<CometApiClient>().CompleteAsync(ClientRig.Chat());

                Assert.Equal("Bearer " + _key, Assert.Single(handler.Requests).Headers[CometApiContract.AuthHeader]);
            }
            finally
            {
                Environment.SetEnvironmentVariable(CometApiContract.SecretEnvVar!, before);
            }
        }

        [Fact]
        public async Task The_containers_logger_and_meter_factory_are_used_and_no_log_holds_the_key()
        {
            var handler = StubHandler.Answers(new TestClock(), () => Answer.Status(401), () => Answer.Ok());
            var services = new ServiceCollection();
            services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                [CometApiContract.BaseUrlConfigKey!] = BaseUrl,
                [CometApiContract.SecretConfigKey!] = _key,
            }).Build());
            services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace)).AddFakeLogging();
            services.AddMetrics();
            services.AddCometApiClient().ConfigurePrimaryHttpMessageHandler(() => handler);
            using ServiceProvider provider = services.BuildServiceProvider();

            CometApiClientOptions options = provider.GetRequiredService<IOptions<CometApiClientOptions>>().Value;
            Assert.Same(provider.GetRequiredService<IMeterFactory>(), options.MeterFactory);
            Assert.NotNull(options.Logger);

            CometApiClient client = provider.GetRequiredService<CometApiClient>();
            await Assert.ThrowsAsync<CometApiClientException>(() => client.CompleteAsync(ClientRig.Chat()));

            // At Trace level the factory's default logger would keep the raw Authorization value in its log state; the
            // registration removes it, so neither the messages nor the structured state of any record hold the key.
            IReadOnlyList<FakeLogRecord> records = provider.GetFakeLogCollector().GetSnapshot();
            Assert.Contains(records, r => r.Category == CometApiClient.TelemetryName);
            Assert.All(records, r => Assert.DoesNotContain(_key, r.ToString(), StringComparison.Ordinal));
            Assert.All(records, r => Assert.All(r.StructuredState ?? [], pair => Assert.DoesNotContain(_key, pair.Value ?? string.Empty, StringComparison.Ordinal)));
            Assert.Equal("Bearer " + _key, Assert.Single(handler.Requests).Headers[CometApiContract.AuthHeader]);
        }

        [Fact]
        public void A_missing_key_fails_at_startup_naming_the_configuration_key_and_the_environment_variable()
        {
            Assert.True(string.IsNullOrEmpty(Environment.GetEnvironmentVariable(CometApiContract.SecretEnvVar!)), "The test needs the contract's environment variable unset.");
            using ServiceProvider provider = Build(null, (CometApiContract.BaseUrlConfigKey!, BaseUrl), ("Unrelated:Secret", _key));

            OptionsValidationException failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

            Assert.Contains("configuration key 'CometApi:ApiKey'", failure.Message, StringComparison.Ordinal);
            Assert.Contains("environment variable 'COMETAPI_API_KEY'", failure.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(_key, failure.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("base URL", failure.Message, StringComparison.Ordinal);

            // Resolving the client fails the same way, before anything is sent.
            Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<CometApiClient>());
        }

        [Fact]
        public void A_key_with_a_line_break_fails_at_startup_without_showing_it()
        {
            using ServiceProvider provider = Build(null, (CometApiContract.BaseUrlConfigKey!, BaseUrl), (CometApiContract.SecretConfigKey!, _key + "\n"));

            OptionsValidationException failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

            Assert.Contains("line break", failure.Message, StringComparison.Ordinal);
            Assert.Contains("configuration key 'CometApi:ApiKey'", failure.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(_key, failure.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData(null)]
        [InlineData("not a url")]
        [InlineData("ftp://files.example/")]
        public void A_missing_or_unusable_base_URL_fails_at_startup_naming_its_configuration_key_and_not_the_key(string? baseUrl)
        {
            var settings = new List<(string, string?)> { (CometApiContract.SecretConfigKey!, _key) };
            if (baseUrl is not null)
            {
                settings.Add((CometApiContract.BaseUrlConfigKey!, baseUrl));
            }

            using ServiceProvider provider = Build(null, settings.ToArray());

            OptionsValidationException failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

            Assert.Contains("configuration key 'CometApi:BaseUrl'", failure.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(_key, failure.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("API key", failure.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Configure_runs_last_and_overrides_configuration()
        {
            var handler = StubHandler.Answers(new TestClock(), () => Answer.Ok());
            string overriding = "sk-override-" + Guid.NewGuid().ToString("N");
            using ServiceProvider provider = Build(
                handler,
                options =>
                {
                    Assert.Equal(new Uri(BaseUrl), options.BaseAddress);
                    Assert.Equal(_key, options.ApiKey);
                    options.BaseAddress = new Uri("http://127.0.0.1:5100/other/");
                    options.ApiKey = overriding;
                    options.MaxRetries = 0;
                },
                (CometApiContract.BaseUrlConfigKey!, BaseUrl),
                (CometApiContract.SecretConfigKey!, _key));

            provider.GetRequiredService<IStartupValidator>().Validate();
            CometApiClient client = provider.GetRequiredService<CometApiClient>();
            await client.CompleteAsync(ClientRig.Chat());

            Assert.Equal(new Uri("http://127.0.0.1:5100/other/v1/chat/completions"), client.Endpoint);
            SeenRequest sent = Assert.Single(handler.Requests);
            Assert.Equal("Bearer " + overriding, sent.Headers[CometApiContract.AuthHeader]);
            Assert.Equal(0, provider.GetRequiredService<IOptions<CometApiClientOptions>>().Value.MaxRetries);
        }

        [Fact]
        public void Configure_can_supply_what_configuration_lacks()
        {
            using ServiceProvider provider = Build(null, options =>
            {
                options.BaseAddress = new Uri(BaseUrl);
                options.ApiKey = _key;
            });

            provider.GetRequiredService<IStartupValidator>().Validate();
            Assert.Equal(new Uri(BaseUrl + "v1/chat/completions"), provider.GetRequiredService<CometApiClient>().Endpoint);
        }

        [Fact]
        public async Task A_contract_without_configuration_keys_goes_to_its_first_host_over_https_with_the_configured_key()
        {
            var handler = StubHandler.Answers(new TestClock(), () => Answer.Json(System.Net.HttpStatusCode.OK, """{"id":"gen-1","output":"text"}"""));
            var services = new ServiceCollection();
            services.AddStrictClient(options => options.ApiKey = _key).ConfigurePrimaryHttpMessageHandler(() => handler);
            using ServiceProvider provider = services.BuildServiceProvider();

            provider.GetRequiredService<IStartupValidator>().Validate();
            await provider.GetRequiredService<StrictClient>().CompleteAsync(new StrictRequest { Model = "strict-1", Input = "hello" });

            SeenRequest sent = Assert.Single(handler.Requests);
            Assert.Equal(new Uri("https://" + StrictContract.Hosts[0] + StrictContract.Path), sent.Uri);
            Assert.Equal(_key, sent.Headers[StrictContract.AuthHeader]);
        }

        [Fact]
        public void A_contract_without_a_key_source_fails_at_startup_until_configure_sets_the_key()
        {
            var services = new ServiceCollection();
            services.AddStrictClient();
            using ServiceProvider provider = services.BuildServiceProvider();

            OptionsValidationException failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

            Assert.Contains("StrictClientOptions.ApiKey", failure.Message, StringComparison.Ordinal);
        }

        private static ServiceProvider Build(StubHandler? handler, params (string Key, string? Value)[] settings)
            => Build(handler, null, settings);

        private static ServiceProvider Build(StubHandler? handler, Action<CometApiClientOptions>? configure, params (string Key, string? Value)[] settings)
        {
            var data = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach ((string key, string? value) in settings)
            {
                data[key] = value;
            }

            IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(data).Build();
            var services = new ServiceCollection();
            services.AddSingleton(configuration);
            IHttpClientBuilder builder = services.AddCometApiClient(configure);
            if (handler is not null)
            {
                builder.ConfigurePrimaryHttpMessageHandler(() => handler);
            }

            return services.BuildServiceProvider();
        }
    }
}
