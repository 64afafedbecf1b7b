using System.Linq;
using System.Text;
using System.Text.Json;
using CometApi.Contracts;
using Xunit;

namespace CometAnalyzers.Runtime.Tests.Behavior
{
    /// <summary>
    /// Free-form members (a function's <c>parameters</c>, a response format's <c>schema</c>) are kept as the UTF-8 they
    /// were read as and become a JsonElement only when asked for. What users see must not change: the element, and the
    /// bytes a JsonElement would have written.
    /// </summary>
    public class KeptJsonTests
    {
        [Theory]
        [InlineData("""{"type":"object","properties":{"location":{"type":"string"}},"required":["location"]}""")]
        [InlineData("{ \"a\" : [ 1 , 2.50 , -3e+10 , 1E-7 ] ,\r\n\t\"b\" : { } , \"c\" : [ ] , \"d\" : true , \"e\" : false , \"f\" : null }")]
        [InlineData("""{"escaped":"caf\u00e9 \"q\" \\ \/ \n \t \ud83d\ude80","non-ascii":"Grüße 世界","html":"<b>&'+`</b>"}""")]
        [InlineData("""{"\u0074ype":"object","Grüße":{"x<y":1}}""")]
        [InlineData("""[{"nested":[[[[{"deep":"yes"}]]]]}]""")]
        [InlineData("\"just a string with é\"")]
        [InlineData("12345678901234567890123")]
        [InlineData("true")]
        public void A_kept_member_writes_what_a_JsonElement_of_it_writes(string parameters)
        {
            ChatCompletionRequest request = ChatCompletionRequest.Parse(Request(parameters));

            using JsonDocument written = JsonDocument.Parse(Infrastructure.JsonEquivalence.Write(request.WriteTo));
            string actual = written.RootElement.GetProperty("tools")[0].GetProperty("function").GetProperty("parameters").GetRawText();
            Assert.Equal(ElementWritten(parameters), actual);
        }

        [Fact]
        public void A_kept_member_reads_as_the_element_it_was_read_from()
        {
            ChatCompletionRequest request = ChatCompletionRequest.Parse(Request("""{"type":"object","properties":{"unit":{"enum":["celsius","fahrenheit"]}}}"""));
            JsonElement parameters = request.Tools![0].Function.Parameters!.Value;

            Assert.Equal(JsonValueKind.Object, parameters.ValueKind);
            Assert.Equal("object", parameters.GetProperty("type").GetString());
            Assert.Equal(["celsius", "fahrenheit"], parameters.GetProperty("properties").GetProperty("unit").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal(parameters.GetRawText(), request.Tools[0].Function.Parameters!.Value.GetRawText()); // asked twice: same element
        }

        [Fact]
        public void Setting_a_kept_member_replaces_what_was_read()
        {
            ChatCompletionRequest request = ChatCompletionRequest.Parse(Request("""{"type":"object"}"""));
            FunctionDefinition function = request.Tools![0].Function;

            using JsonDocument replacement = JsonDocument.Parse("""{"type":"array"}""");
            function.Parameters = replacement.RootElement;
            Assert.Equal("array", function.Parameters!.Value.GetProperty("type").GetString());
            Assert.Contains("\"parameters\":{\"type\":\"array\"}", Written(request), System.StringComparison.Ordinal);

            function.Parameters = null;
            Assert.Null(function.Parameters);
            Assert.DoesNotContain("\"parameters\"", Written(request), System.StringComparison.Ordinal);
        }

        [Fact]
        public void A_kept_member_read_through_JsonSerializer_is_the_same_as_through_Parse()
        {
            byte[] payload = Request("""{"type":"object","description":"caf\u00e9 <b>"}""");
            ChatCompletionRequest parsed = ChatCompletionRequest.Parse(payload);
            ChatCompletionRequest deserialized = JsonSerializer.Deserialize(payload, CometApiJsonContext.Default.ChatCompletionRequest)!;

            Assert.Equal(Written(parsed), Written(deserialized));
            Assert.Equal("café <b>", deserialized.Tools![0].Function.Parameters!.Value.GetProperty("description").GetString());
        }

        [Fact]
        public void Kept_JSON_deeper_than_Parse_allows_but_within_the_serializers_limit_still_becomes_an_element()
        {
            const int depth = 100; // Parse stops at 64 levels; these options allow 300
            string nested = string.Concat(Enumerable.Repeat("[", depth)) + "1" + string.Concat(Enumerable.Repeat("]", depth));
            byte[] payload = Request(nested);
            var context = new CometApiJsonContext(new JsonSerializerOptions { MaxDepth = 300 });

            Assert.Equal(CometApiContractErrorKind.MalformedJson, Assert.Throws<CometApiContractException>(() => ChatCompletionRequest.Parse(payload)).Kind);
            ChatCompletionRequest request = JsonSerializer.Deserialize(payload, context.ChatCompletionRequest)!;
            Assert.Equal(nested, request.Tools![0].Function.Parameters!.Value.GetRawText());
        }

        private static byte[] Request(string parameters)
            => Encoding.UTF8.GetBytes("""{"model":"m","messages":[{"role":"user","content":"hi"}],"tools":[{"type":"function","function":{"name":"f","parameters":""" + parameters + "}}]}");

        /// <summary>What the model wrote before it kept bytes: the value parsed into a JsonElement, written with default options.</summary>
        private static string ElementWritten(string json)
        {
            using JsonDocument document = JsonDocument.Parse(json);
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                document.RootElement.WriteTo(writer);
            }

            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }

        private static string Written(ChatCompletionRequest request) => Infrastructure.JsonEquivalence.Write(request.WriteTo);
    }
}
