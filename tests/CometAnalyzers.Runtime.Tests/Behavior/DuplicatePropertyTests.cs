using System.Text;
using CometAnalyzers.Runtime.Tests.Infrastructure;
using CometApi.Contracts;
using Xunit;

namespace CometAnalyzers.Runtime.Tests.Behavior
{
    /// <summary>
    /// What a property written twice means (RFC 8259 leaves it open): the last occurrence, as with JsonSerializer's
    /// defaults, except in JSON kept as read, which keeps both, and for discriminators, which must agree.
    /// </summary>
    public class DuplicatePropertyTests
    {
        private static string RoundTrip(string json) => JsonEquivalence.Write(ChatCompletionRequest.Parse(Encoding.UTF8.GetBytes(json)).WriteTo);

        [Fact]
        public void A_declared_property_keeps_its_last_value()
        {
            ChatCompletionRequest request = ChatCompletionRequest.Parse(Encoding.UTF8.GetBytes("""{"model":"a","messages":[],"model":"b"}"""));
            Assert.Equal("b", request.Model);
        }

        [Fact]
        public void A_last_null_wins_over_an_earlier_value_and_is_written_back()
            => Assert.Equal("""{"model":"m","messages":[],"temperature":null}""", RoundTrip("""{"model":"m","messages":[],"temperature":1,"temperature":null}"""));

        [Fact]
        public void Every_occurrence_must_fit_the_contract_even_when_a_later_one_replaces_it()
        {
            Assert.False(ChatCompletionRequest.TryParse(Encoding.UTF8.GetBytes("""{"model":1,"messages":[],"model":"b"}"""), out _, out CometApiContractError? error));
            Assert.Equal("$.model", error!.JsonPath);
        }

        [Fact]
        public void An_unknown_property_and_a_map_key_keep_their_last_value()
            => Assert.Equal(
                """{"model":"m","messages":[],"logit_bias":{"1":2},"x":2}""",
                RoundTrip("""{"model":"m","messages":[],"x":1,"logit_bias":{"1":1,"1":2},"x":2}"""));

        [Fact]
        public void Free_form_JSON_keeps_both_occurrences_as_read()
        {
            const string json = """{"model":"m","messages":[],"tools":[{"type":"function","function":{"name":"f","parameters":{"a":1,"a":2}}}]}""";
            Assert.Equal(json, RoundTrip(json));
        }
    }
}
