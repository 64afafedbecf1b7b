using System;
using System.Collections.Generic;
using System.Text;
using CometApi.Contracts;
using Xunit;

namespace CometAnalyzers.Runtime.Tests.Behavior
{
    /// <summary>
    /// What COMET005 relies on: a generated model's text, written whole, never shows an <c>x-sensitive</c> value, so a
    /// model passed to a log is silent. (That every such member carries the generated attribute is checked on the
    /// generator's output, in CometAnalyzers.Tests.)
    /// </summary>
    public class SensitiveTextTests
    {
        private const string Secret = "the-patient-has-diabetes";

        [Fact]
        public void A_union_marked_sensitive_prints_stars_for_each_of_its_shapes()
        {
            Assert.Equal("\"***\"", new UserContent(Secret).ToString());
            Assert.Equal("\"***\"", new TextContent(new List<TextContentPart> { new() { Text = Secret } }).ToString());
            Assert.Equal("\"***\"", new AssistantContent(Secret).ToString());

            // Written for the wire, nothing is hidden.
            Assert.Contains(Secret, Written(new UserContent(Secret).WriteTo), StringComparison.Ordinal);
        }

        [Fact]
        public void Requests_responses_and_stream_chunks_print_no_sensitive_value()
        {
            var request = new ChatCompletionRequest
            {
                Model = "m",
                Messages =
                [
                    new SystemMessage { Content = Secret },
                    new UserMessage { Content = new List<UserContentPart> { new TextContentPart { Text = Secret } }, Name = Secret },
                    new AssistantMessage { Content = Secret, Refusal = Secret },
                    new ToolMessage { Content = Secret, ToolCallId = "call-1" },
                ],
            };
            string response = """{"id":"c1","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"SECRET","refusal":"SECRET","tool_calls":[{"id":"t","type":"function","function":{"name":"f","arguments":"SECRET"}}]},"finish_reason":"stop"}]}""".Replace("SECRET", Secret, StringComparison.Ordinal);
            string chunk = """{"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"SECRET","tool_calls":[{"index":0,"function":{"arguments":"SECRET"}}]},"finish_reason":null}]}""".Replace("SECRET", Secret, StringComparison.Ordinal);

            foreach (object model in new object[] { request, ChatCompletionResponse.Parse(Encoding.UTF8.GetBytes(response)), ChatCompletionChunk.Parse(Encoding.UTF8.GetBytes(chunk)) })
            {
                string text = model.ToString()!;
                Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
                Assert.Contains("\"model\":\"m\"", text, StringComparison.Ordinal);
            }
        }

        private static string Written(Action<System.Text.Json.Utf8JsonWriter> write)
        {
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
            {
                write(writer);
            }

            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
    }
}
