using System.Text;
using System.Text.Json;
using CometApi.Contracts;
using Xunit;

namespace CometAnalyzers.Runtime.Tests.Behavior
{
    /// <summary>
    /// Free-form members, unknown properties and unknown variants keep their JSON as read, but only JSON that is text:
    /// found by the payload fuzzers, invalid UTF-8 there used to parse and then break WriteTo.
    /// </summary>
    public class FreeFormJsonTests
    {
        // Each marker is replaced by the invalid bytes; the others by plain text.
        private const string Template = """{"model":"m","messages":[{"role":"user","content":"hi"}],"tools":[{"type":"function","function":{"name":"f","parameters":{"type":"<value>","<name>":1}}}],"x_extra":{"note":"<unknown>"}}""";

        [Theory]
        [InlineData("<value>", new byte[] { 0xFF })] // never valid in UTF-8
        [InlineData("<value>", new byte[] { 0xED, 0xA0, 0x80 })] // a surrogate encoded as in CESU-8
        [InlineData("<name>", new byte[] { 0x80 })] // a stray continuation byte in a property name of free-form JSON
        [InlineData("<unknown>", new byte[] { 0xC3 })] // a lead byte with no continuation, in an unknown property
        public void Invalid_UTF8_inside_kept_JSON_is_MalformedJson(string marker, byte[] invalid)
        {
            byte[] payload = Inject(marker, invalid);
            Assert.Equal(CometApiContractErrorKind.MalformedJson, Assert.Throws<CometApiContractException>(() => ChatCompletionRequest.Parse(payload)).Kind);
            Assert.False(ChatCompletionRequest.TryParse(payload, out _, out CometApiContractError? error));
            Assert.Equal(CometApiContractErrorKind.MalformedJson, error!.Kind);
            Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(payload, CometApiJsonContext.Default.ChatCompletionRequest));
        }

        [Fact]
        public void A_lone_surrogate_escape_inside_an_unknown_variant_is_MalformedJson()
        {
            byte[] payload = Encoding.UTF8.GetBytes("""{"model":"m","messages":[{"role":"critic","content":"\ud800"}]}""");
            Assert.Equal(CometApiContractErrorKind.MalformedJson, Assert.Throws<CometApiContractException>(() => ChatCompletionRequest.Parse(payload)).Kind);
        }

        [Fact]
        public void Non_ASCII_and_escaped_text_inside_kept_JSON_is_written_back()
        {
            const string json = """{"model":"m","messages":[{"role":"critic","content":"Grüße \u00e9 \ud83d\ude80"}],"tools":[{"type":"function","function":{"name":"f","parameters":{"d":"世界","e":"\n"}}}],"x_extra":"é"}""";
            ChatCompletionRequest request = ChatCompletionRequest.Parse(Encoding.UTF8.GetBytes(json));
            Infrastructure.JsonEquivalence.AssertSameText(json, Infrastructure.JsonEquivalence.Write(request.WriteTo));
        }

        private static byte[] Inject(string marker, byte[] invalid)
        {
            string[] parts = Template.Split(marker);
            byte[] before = Encoding.UTF8.GetBytes(Plain(parts[0]));
            byte[] after = Encoding.UTF8.GetBytes(Plain(parts[1]));
            return [.. before, .. invalid, .. after];
        }

        private static string Plain(string text) => text.Replace("<value>", "v", System.StringComparison.Ordinal).Replace("<name>", "n", System.StringComparison.Ordinal).Replace("<unknown>", "u", System.StringComparison.Ordinal);
    }
}
