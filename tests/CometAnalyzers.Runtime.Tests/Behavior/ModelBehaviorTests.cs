using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using CometAnalyzers.Runtime.Tests.Infrastructure;
using CometApi.Contracts;
using Xunit;

namespace CometAnalyzers.Runtime.Tests.Behavior
{
    public class ModelBehaviorTests
    {
        [Fact]
        public void An_unknown_finish_reason_parses_and_round_trips()
        {
            const string json = """{"id":"c1","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"x"},"finish_reason":"brand_new_reason"}]}""";
            ChatCompletionResponse response = ChatCompletionResponse.Parse(Encoding.UTF8.GetBytes(json));
            FinishReason reason = response.Choices[0].FinishReason;
            Assert.False(reason.IsKnown);
            Assert.Equal("brand_new_reason", reason.Value);
            Assert.True(FinishReason.Stop.IsKnown);
            Assert.True(reason != FinishReason.Stop);
            JsonEquivalence.AssertSameText(json, JsonEquivalence.Write(response.WriteTo));
        }

        [Fact]
        public void A_known_enum_value_compares_equal_to_its_static_member()
        {
            const string json = """{"id":"c1","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"x"},"finish_reason":"tool_calls"}]}""";
            Assert.Equal(FinishReason.ToolCalls, ChatCompletionResponse.Parse(Encoding.UTF8.GetBytes(json)).Choices[0].FinishReason);
        }

        [Fact]
        public void An_unknown_message_role_is_kept_as_raw_json_and_written_back()
        {
            const string json = """{"model":"m","messages":[{"role":"critic","content":"hmm","score":3}]}""";
            ChatCompletionRequest request = ChatCompletionRequest.Parse(Encoding.UTF8.GetBytes(json));
            ChatMessage message = Assert.Single(request.Messages);
            Assert.Equal("critic", message.Role);
            JsonEquivalence.AssertSameText(json, JsonEquivalence.Write(request.WriteTo));
        }

        [Fact]
        public void Unknown_properties_survive_a_round_trip()
        {
            const string json = """{"id":"c1","object":"chat.completion","created":1,"model":"m","choices":[],"x_new_field":{"nested":[1,2]},"another":null}""";
            ChatCompletionResponse response = ChatCompletionResponse.Parse(Encoding.UTF8.GetBytes(json));
            Assert.Equal(2, response.AdditionalProperties!.Count);
            JsonEquivalence.AssertSameText(json, JsonEquivalence.Write(response.WriteTo));
        }

        [Fact]
        public void Explicit_nulls_and_absent_fields_are_written_back_as_they_were_read()
        {
            const string withNull = """{"id":"c1","object":"chat.completion","created":1,"model":"m","choices":[],"usage":null}""";
            const string without = """{"id":"c1","object":"chat.completion","created":1,"model":"m","choices":[]}""";
            JsonEquivalence.AssertSameText(withNull, JsonEquivalence.Write(ChatCompletionResponse.Parse(Encoding.UTF8.GetBytes(withNull)).WriteTo));
            JsonEquivalence.AssertSameText(without, JsonEquivalence.Write(ChatCompletionResponse.Parse(Encoding.UTF8.GetBytes(without)).WriteTo));
        }

        [Fact]
        public void Requests_build_with_object_initializers_collection_expressions_and_implicit_unions()
        {
            var request = new ChatCompletionRequest
            {
                Model = "gpt-4o-mini",
                Messages =
                [
                    new SystemMessage { Content = "Be brief." },
                    new UserMessage { Content = "Hello" },
                ],
                Stop = "\n",
                Temperature = 0.2,
            };

            string json = JsonEquivalence.Write(request.WriteTo);
            JsonEquivalence.AssertSameText(
                """{"model":"gpt-4o-mini","messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Hello"}],"stop":"\n","temperature":0.2}""",
                json);
            Assert.Empty(request.Validate());
        }

        [Fact]
        public void Validate_reports_range_and_required_violations_with_paths()
        {
            var request = new ChatCompletionRequest { Model = "m", Messages = [new UserMessage { Content = "x" }], Temperature = 3.5, N = 0 };
            Assert.Equal(new[] { "$.temperature: must be at most 2", "$.n: must be at least 1" }, Described(request.Validate()));

            var missing = new ChatCompletionRequest { Model = null!, Messages = [] };
            Assert.Equal(new[] { "$.model: is required", "$.messages: must have at least 1 items" }, Described(missing.Validate()));
        }

        [Fact]
        public void ToString_never_prints_sensitive_content()
        {
            var request = new ChatCompletionRequest { Model = "m", Messages = [new UserMessage { Content = "my card number is 4111" }] };
            string text = request.ToString();
            Assert.DoesNotContain("4111", text, System.StringComparison.Ordinal);
            Assert.Contains("\"model\":\"m\"", text, System.StringComparison.Ordinal);
            Assert.Contains("4111", JsonEquivalence.Write(request.WriteTo), System.StringComparison.Ordinal);
        }

        [Fact]
        public void The_contract_class_exposes_the_contract()
        {
            // Compared with the contract file itself, so the test follows the contract rather than restating it.
            using JsonDocument contract = JsonDocument.Parse(System.IO.File.ReadAllText(CometAnalyzers.Tests.Infrastructure.ReferenceData.RepoFile("contract/cometapi.chat-completions.contract.json")));
            JsonElement endpoint = contract.RootElement.GetProperty("endpoint");
            Assert.Equal(CometApiContract.Path, endpoint.GetProperty("path").GetString());
            Assert.Equal(CometApiContract.Method, endpoint.GetProperty("method").GetString());
            Assert.Equal(endpoint.GetProperty("hosts").EnumerateArray().Select(h => h.GetString()), CometApiContract.Hosts);
            Assert.Equal(CometApiContract.AuthHeader, contract.RootElement.GetProperty("auth").GetProperty("header").GetString());
            Assert.Equal(CometApiContract.MaxRetries, contract.RootElement.GetProperty("retry").GetProperty("maxRetries").GetInt32());
            Assert.Equal(contract.RootElement.GetProperty("retry").GetProperty("retryOn").EnumerateArray().Select(c => c.GetInt32()), CometApiContract.RetryableStatusCodes);
            Assert.True(CometApiContract.IsRetryable(429));
            Assert.True(CometApiContract.IsRetryable(HttpStatusCode.RequestTimeout));
            Assert.True(CometApiContract.IsRetryable(HttpStatusCode.ServiceUnavailable));
            Assert.False(CometApiContract.IsRetryable(HttpStatusCode.Unauthorized));
            Assert.False(CometApiContract.IsRetryable(400));
            Assert.Equal(CometApiFailureClass.Auth, CometApiContract.Classify(HttpStatusCode.Forbidden));
            Assert.Equal(CometApiFailureClass.RateLimit, CometApiContract.Classify(429));
            Assert.Equal(CometApiFailureClass.ClientRequest, CometApiContract.Classify(404));
            Assert.Equal(CometApiFailureClass.Transient, CometApiContract.Classify(503));
            Assert.Equal(CometApiFailureClass.Server, CometApiContract.Classify(501));
            Assert.Equal(CometApiFailureClass.Unexpected, CometApiContract.Classify(301));
            Assert.Equal(CometApiFailureClass.None, CometApiContract.Classify(200));
        }

        [Fact]
        public async Task HttpClient_json_extensions_use_the_generated_type_info()
        {
            var request = new ChatCompletionRequest { Model = "m", Messages = [new UserMessage { Content = "hi" }] };
            using JsonContent content = JsonContent.Create(request, CometApiJsonContext.Default.ChatCompletionRequest);
            string body = await content.ReadAsStringAsync();
            JsonEquivalence.AssertSameText("""{"model":"m","messages":[{"role":"user","content":"hi"}]}""", body);

            using var response = new StringContent("""{"error":{"code":"","message":"bad","type":"comet_api_error"}}""", Encoding.UTF8, "application/json");
            ErrorResponse? error = await response.ReadFromJsonAsync(CometApiJsonContext.Default.ErrorResponse);
            Assert.Equal("bad", error!.Error.Message);
            Assert.Same(CometApiJsonContext.Default.ErrorResponse, CometApiJsonContext.Default.GetTypeInfo(typeof(ErrorResponse)));
        }

        private static IEnumerable<string> Described(IReadOnlyList<CometApiContractViolation> violations) => violations.Select(v => v.JsonPath + ": " + v.Message);
    }
}
