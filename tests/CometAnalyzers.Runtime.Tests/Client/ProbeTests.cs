using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CometApi.Contracts;
using Xunit;

namespace CometAnalyzers.Runtime.Tests.Client
{
    /// <summary>
    /// <c>CometApiProbe</c> against a stub API that follows the contract (every probe as expected) and against ones that
    /// do not (each such probe observed and reported as not expected), with latencies on the virtual clock and no key,
    /// prompt or completion in any result.
    /// </summary>
    [Collection(ClientCollection.Name)]
    public class ProbeTests
    {
        private const string Usage = "{\"prompt_tokens\":5,\"completion_tokens\":2,\"total_tokens\":7}";

        [Fact]
        public async Task Against_an_API_that_keeps_the_contract_every_probe_is_as_expected()
        {
            using var rig = new ClientRig(clock => Api(clock, WellBehaved));
            var probe = new CometApiProbe(rig.Http, rig.Options, ClientRig.Chat());

            IReadOnlyList<CometApiProbeResult> results = await probe.RunAsync();

            Assert.Equal(new[] { "Canary", "StreamingCanary", "MissingAuth", "MalformedRequest", "UnknownModel" }, results.Select(r => r.Name));
            Assert.All(results, result => Assert.True(result.AsExpected, result.ToString()));
            Assert.All(results, result => Assert.Equal(1, result.Attempts));
            Assert.Equal(new int?[] { 200, 200, 401, 400, 404 }, results.Select(r => r.StatusCode));
            Assert.Equal(new CometApiClientFailureClass?[] { null, null, CometApiClientFailureClass.Authentication, CometApiClientFailureClass.ClientRequest, CometApiClientFailureClass.ClientRequest }, results.Select(r => r.Expected));
            Assert.Equal(results.Select(r => r.Expected), results.Select(r => r.Observed));
            Assert.Equal("req-ok", results[0].RequestId);
            Assert.Equal("req-401", results[2].RequestId);
            Assert.Equal((11L, 7L), (results[0].InputTokens!.Value, results[0].OutputTokens!.Value));
            Assert.Equal((5L, 2L), (results[1].InputTokens!.Value, results[1].OutputTokens!.Value));
            Assert.Null(results[0].Exception);
            Assert.Equal(CometApiClientFailureClass.Authentication, results[2].Exception?.FailureClass);
            AssertNoSecrets(rig, results);

            // What went over the wire: the key on all but the missing-auth probe, no model in the malformed body, the
            // unknown model's name, stream: true only on the streaming canary.
            IReadOnlyList<SeenRequest> sent = rig.Handler.Requests;
            Assert.Equal(5, sent.Count);
            Assert.Equal(new[] { true, true, false, true, true }, sent.Select(s => s.Headers.ContainsKey("Authorization")));
            Assert.DoesNotContain("\"model\"", sent[3].Body, StringComparison.Ordinal);
            Assert.Contains("\"messages\"", sent[3].Body, StringComparison.Ordinal);
            Assert.Contains("\"model\":\"" + CometApiProbe.UnknownModel + "\"", sent[4].Body, StringComparison.Ordinal);
            Assert.Equal(new[] { false, true, false, false, false }, sent.Select(s => s.Body.Contains("\"stream\":true", StringComparison.Ordinal)));
        }

        [Fact]
        public async Task Against_an_API_that_breaks_the_contract_each_probe_says_what_it_observed_instead()
        {
            // A drifted canary answer, a stream cut before [DONE], 200 without a key, a 500 before the 400 for a malformed
            // body (so the client retries it), and a 503 for a model that does not exist.
            int malformed = 0;
            using var rig = new ClientRig(clock => Api(clock, (seen, _) =>
                !seen.Headers.ContainsKey("Authorization") ? Answer.Ok()
                : !seen.Body.Contains("\"model\"", StringComparison.Ordinal) ? (malformed++ == 0 ? Answer.Status(500) : Answer.Status(400))
                : seen.Body.Contains(CometApiProbe.UnknownModel, StringComparison.Ordinal) ? Answer.Status(503)
                : seen.Headers["Accept"] == "text/event-stream" ? Answer.EventStream(Payloads.Events(Payloads.Chunk("pong")))
                : Answer.Ok("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\"}")));
            var probe = new CometApiProbe(rig.Http, rig.Options, ClientRig.Chat());

            IReadOnlyList<CometApiProbeResult> results = await probe.RunAsync();

            Assert.All(results, result => Assert.False(result.AsExpected, result.ToString()));
            Assert.Equal(
                new CometApiClientFailureClass?[] { CometApiClientFailureClass.ParserFailure, CometApiClientFailureClass.StreamCutOff, null, CometApiClientFailureClass.ClientRequest, CometApiClientFailureClass.ServerError },
                results.Select(r => r.Observed));
            Assert.Equal("$.choices", results[0].Exception?.JsonPath);
            Assert.Equal(new[] { 1, 1, 1, 2, 1 + CometApiContract.MaxRetries }, results.Select(r => r.Attempts));
            Assert.Equal(200, results[2].StatusCode);
            Assert.Equal((11L, 7L), (results[2].InputTokens!.Value, results[2].OutputTokens!.Value));
            Assert.StartsWith("MalformedRequest: NOT as expected (expected ClientRequest, observed ClientRequest, HTTP 400, 2 attempt(s), ", results[3].ToString(), StringComparison.Ordinal);
            AssertNoSecrets(rig, results);
        }

        [Fact]
        public async Task A_probe_latency_is_measured_on_the_options_clock_and_covers_the_retries()
        {
            using var rig = new ClientRig(
                clock => new StubHandler(clock, async (_, attempt, cancellationToken) => attempt == 0
                    ? Answer.Status(503, ("Retry-After", "2"))
                    : await Answer.Slow(clock, TimeSpan.FromMilliseconds(300), cancellationToken)));
            var probe = new CometApiProbe(rig.Http, rig.Options, ClientRig.Chat());

            CometApiProbeResult canary = await probe.CanaryAsync();

            Assert.True(canary.AsExpected, canary.ToString());
            Assert.Equal(2, canary.Attempts);
            Assert.Equal(TimeSpan.FromMilliseconds(2300), canary.Latency);
        }

        [Fact]
        public async Task Each_probe_sends_its_own_copy_of_the_canary_taken_when_the_probe_was_made()
        {
            using var rig = new ClientRig(clock => Api(clock, WellBehaved));
            ChatCompletionRequest canary = ClientRig.Chat();
            var probe = new CometApiProbe(rig.Http, rig.Options, canary);
            canary.Model = "changed-after";

            await probe.StreamingCanaryAsync();
            await probe.UnknownModelAsync();
            CometApiProbeResult result = await probe.CanaryAsync();

            Assert.True(result.AsExpected);
            Assert.Null(canary.Stream);
            Assert.Equal("changed-after", canary.Model);
            Assert.All(rig.Handler.Requests, seen => Assert.DoesNotContain("changed-after", seen.Body, StringComparison.Ordinal));
            Assert.DoesNotContain("\"stream\":true", rig.Handler.Requests[2].Body, StringComparison.Ordinal);
        }

        [Fact]
        public void An_invalid_canary_is_refused_with_its_path_and_rule_not_its_text()
        {
            using var rig = new ClientRig(clock => Api(clock, WellBehaved));
            ChatCompletionRequest canary = ClientRig.Chat();
            canary.Model = null!;

            ArgumentException failure = Assert.Throws<ArgumentException>(() => new CometApiProbe(rig.Http, rig.Options, canary));

            Assert.Contains("$.model", failure.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(Payloads.PromptText, failure.Message, StringComparison.Ordinal);
            ChatCompletionRequest streaming = ClientRig.Chat();
            streaming.Stream = true;
            Assert.Throws<ArgumentException>(() => new CometApiProbe(rig.Http, rig.Options, streaming));
        }

        /// <summary>The stub API of the contract: 401 without a key, 400 without a model, 404 for the unknown model, else an answer.</summary>
        internal static HttpResponseMessage WellBehaved(SeenRequest seen, int attempt)
        {
            _ = attempt;
            if (!seen.Headers.ContainsKey("Authorization"))
            {
                return Answer.Json(HttpStatusCode.Unauthorized, Payloads.Error, ("x-request-id", "req-401"));
            }

            if (!seen.Body.Contains("\"model\"", StringComparison.Ordinal))
            {
                return Answer.Status(400);
            }

            if (seen.Body.Contains(CometApiProbe.UnknownModel, StringComparison.Ordinal))
            {
                return Answer.Status(404);
            }

            return seen.Headers["Accept"] == "text/event-stream"
                ? Answer.EventStream(Payloads.Events(Payloads.Chunk(Payloads.CompletionText), Payloads.Chunk(string.Empty, Usage), "[DONE]"))
                : Answer.Ok();
        }

        /// <summary>A stub API whose answer depends on the request and on how many requests came before it.</summary>
        internal static StubHandler Api(TestClock clock, Func<SeenRequest, int, HttpResponseMessage> answer)
            => new(clock, (seen, attempt, _) => Task.FromResult(answer(seen, attempt)));

        private static void AssertNoSecrets(ClientRig rig, IEnumerable<CometApiProbeResult> results)
        {
            foreach (CometApiProbeResult result in results)
            {
                var text = new StringBuilder(result.ToString()).Append(result.Name).Append(result.RequestId).Append(result.Exception?.Message);
                foreach (string secret in new[] { rig.Key, Payloads.PromptText, Payloads.CompletionText, "Be brief." })
                {
                    Assert.DoesNotContain(secret, text.ToString(), StringComparison.Ordinal);
                }
            }
        }
    }
}
