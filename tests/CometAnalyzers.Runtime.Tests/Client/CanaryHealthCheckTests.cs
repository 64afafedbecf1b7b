using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using CometApi.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Xunit;

namespace CometAnalyzers.Runtime.Tests.Client
{
    /// <summary>
    /// <c>CometApiCanaryHealthCheck</c>: Healthy for a canary that succeeds, Degraded for a rate limit, the registration's
    /// failure status otherwise, with metadata only; and <c>AddCometApiCanary</c> over the client <c>AddCometApiClient</c> registered.
    /// </summary>
    [Collection(ClientCollection.Name)]
    public class CanaryHealthCheckTests
    {
        [Fact]
        public async Task A_canary_that_succeeds_is_Healthy_with_its_metadata_as_data()
        {
            using var rig = new ClientRig(clock => StubHandler.Answers(clock, () => Answer.Ok()));

            HealthCheckResult result = await CheckAsync(rig);

            Assert.Equal(HealthStatus.Healthy, result.Status);
            Assert.Equal("success", result.Data["failureClass"]);
            Assert.Equal(200, result.Data["statusCode"]);
            Assert.Equal(1, result.Data["attempts"]);
            Assert.Equal("req-ok", result.Data["requestId"]);
            Assert.StartsWith("Canary: as expected", result.Description, StringComparison.Ordinal);
            AssertNoSecrets(rig, result);
        }

        [Fact]
        public async Task A_rate_limited_canary_is_Degraded()
        {
            using var rig = new ClientRig(clock => StubHandler.Answers(clock, () => Answer.Status(429, ("x-request-id", "req-429"))), options => options.MaxRetries = 0);

            HealthCheckResult result = await CheckAsync(rig);

            Assert.Equal(HealthStatus.Degraded, result.Status);
            Assert.Equal("RateLimited", result.Data["failureClass"]);
            Assert.Equal(429, result.Data["statusCode"]);
            Assert.Equal("req-429", result.Data["requestId"]);
            Assert.Null(result.Exception);
            AssertNoSecrets(rig, result);
        }

        [Fact]
        public async Task Any_other_failure_has_the_registration_failure_status()
        {
            using var rig = new ClientRig(clock => StubHandler.Answers(clock, () => Answer.Json(HttpStatusCode.Unauthorized, Payloads.Error)));

            HealthCheckResult unhealthy = await CheckAsync(rig);
            HealthCheckResult degraded = await CheckAsync(rig, HealthStatus.Degraded);

            Assert.Equal(HealthStatus.Unhealthy, unhealthy.Status);
            Assert.Equal("Authentication", unhealthy.Data["failureClass"]);
            Assert.Equal(401, unhealthy.Data["statusCode"]);
            Assert.False(unhealthy.Data.ContainsKey("requestId"));
            Assert.Equal(HealthStatus.Degraded, degraded.Status);
            AssertNoSecrets(rig, unhealthy);
        }

        [Fact]
        public async Task AddCometApiCanary_runs_the_canary_through_the_registered_client()
        {
            using var rig = new ClientRig(clock => StubHandler.Answers(clock, () => Answer.Ok()));
            StubHandler handler = rig.Handler;
            string key = "sk-health-" + Guid.NewGuid().ToString("N");
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddCometApiClient(options =>
            {
                options.BaseAddress = new Uri("http://127.0.0.1:5099/comet/");
                options.ApiKey = key;
            }).ConfigurePrimaryHttpMessageHandler(() => handler);
            services.AddHealthChecks().AddCometApiCanary(_ => ClientRig.Chat(), tags: new[] { "ready" });
            await using ServiceProvider provider = services.BuildServiceProvider();

            HealthReport report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

            KeyValuePair<string, HealthReportEntry> entry = Assert.Single(report.Entries);
            Assert.Equal("cometapi-canary", entry.Key);
            Assert.Equal(HealthStatus.Healthy, entry.Value.Status);
            Assert.Equal(new[] { "ready" }, entry.Value.Tags);
            SeenRequest sent = Assert.Single(handler.Requests);
            Assert.Equal(new Uri("http://127.0.0.1:5099/comet" + CometApiContract.Path), sent.Uri);
            Assert.Equal("Bearer " + key, sent.Headers["Authorization"]);
        }

        private static Task<HealthCheckResult> CheckAsync(ClientRig rig, HealthStatus failureStatus = HealthStatus.Unhealthy)
        {
            var check = new CometApiCanaryHealthCheck(new CometApiProbe(rig.Http, rig.Options, ClientRig.Chat()));
            var context = new HealthCheckContext { Registration = new HealthCheckRegistration("canary", check, failureStatus, null) };
            return check.CheckHealthAsync(context);
        }

        private static void AssertNoSecrets(ClientRig rig, HealthCheckResult result)
        {
            string text = result.Description + string.Join(",", result.Data.Select(d => d.Key + "=" + d.Value));
            foreach (string secret in new[] { rig.Key, Payloads.PromptText, Payloads.CompletionText })
            {
                Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            }
        }
    }
}
