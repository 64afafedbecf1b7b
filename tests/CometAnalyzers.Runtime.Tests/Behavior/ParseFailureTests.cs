using System.Text;
using CometApi.Contracts;
using Xunit;

namespace CometAnalyzers.Runtime.Tests.Behavior
{
    /// <summary>A payload that breaks the contract is a classified contract failure with a JSON path, never an HTTP-looking one.</summary>
    public class ParseFailureTests
    {
        private const string ValidResponse = """
            {"id":"c1","object":"chat.completion","created":1699896916,"model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"hi"},"finish_reason":"stop"}]}
            """;

        private static CometApiContractException Fails(string json)
            => Assert.Throws<CometApiContractException>(() => ChatCompletionResponse.Parse(Encoding.UTF8.GetBytes(json)));

        [Fact]
        public void A_wrong_type_is_reported_with_the_full_json_path()
        {
            CometApiContractException exception = Fails(ValidResponse.Replace("\"content\":\"hi\"", "\"content\":42", System.StringComparison.Ordinal));
            Assert.Equal(CometApiContractErrorKind.WrongType, exception.Kind);
            Assert.Equal("$.choices[0].message.content", exception.JsonPath);
        }

        [Fact]
        public void A_deep_failure_is_not_thrown_by_TryParse_and_its_path_built_on_the_way_out()
        {
            // Each level adds its segment as the failure is returned up (no exception filters any more): TryParse throws
            // nothing at all, and Parse throws once, at the top (TryParseWithoutExceptionsTests covers every kind).
            int thread = System.Environment.CurrentManagedThreadId;
            int thrown = 0;
            void Count(object? sender, System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs e)
            {
                if (System.Environment.CurrentManagedThreadId == thread)
                {
                    thrown++;
                }
            }

            string json = ValidResponse.Replace("\"content\":\"hi\"", "\"content\":42", System.StringComparison.Ordinal);
            System.AppDomain.CurrentDomain.FirstChanceException += Count;
            try
            {
                Assert.False(ChatCompletionResponse.TryParse(Encoding.UTF8.GetBytes(json), out _, out CometApiContractError? error));
                Assert.Equal("$.choices[0].message.content", error!.JsonPath);
                Assert.Equal(CometApiContractErrorKind.WrongType, error.Kind);
            }
            finally
            {
                System.AppDomain.CurrentDomain.FirstChanceException -= Count;
            }

            Assert.Equal(0, thrown);
        }

        [Fact]
        public void The_exception_message_has_the_whole_path()
        {
            CometApiContractException exception = Fails(ValidResponse.Replace("\"content\":\"hi\"", "\"content\":42", System.StringComparison.Ordinal));
            Assert.StartsWith("WrongType at $.choices[0].message.content: ", exception.Message, System.StringComparison.Ordinal);
            Assert.Equal(exception.JsonPath, exception.Error.JsonPath);
        }

        [Fact]
        public void A_missing_required_field_names_it()
        {
            CometApiContractException exception = Fails(ValidResponse.Replace("\"id\":\"c1\",", string.Empty, System.StringComparison.Ordinal));
            Assert.Equal(CometApiContractErrorKind.MissingRequiredField, exception.Kind);
            Assert.Equal("$.id", exception.JsonPath);
        }

        [Fact]
        public void A_missing_field_in_a_nested_array_item_has_the_item_index()
        {
            CometApiContractException exception = Fails(ValidResponse.Replace("\"index\":0,", string.Empty, System.StringComparison.Ordinal));
            Assert.Equal("$.choices[0].index", exception.JsonPath);
        }

        [Theory]
        [InlineData("")]
        [InlineData("{")]
        [InlineData("{\"id\":")]
        [InlineData("<html>Moved Permanently</html>")]
        [InlineData("{} {}")]
        public void Malformed_json_and_html_pages_are_MalformedJson(string payload)
            => Assert.Equal(CometApiContractErrorKind.MalformedJson, Fails(payload).Kind);

        [Fact]
        public void An_integer_beyond_int64_is_OutOfRange()
        {
            CometApiContractException exception = Fails(ValidResponse.Replace("\"index\":0", "\"index\":99999999999999999999", System.StringComparison.Ordinal));
            Assert.Equal(CometApiContractErrorKind.OutOfRange, exception.Kind);
            Assert.Equal("$.choices[0].index", exception.JsonPath);
        }

        [Fact]
        public void TryParse_returns_the_error_instead_of_throwing()
        {
            Assert.False(ChatCompletionResponse.TryParse(Encoding.UTF8.GetBytes("{\"id\":1}"), out ChatCompletionResponse? value, out CometApiContractError? error));
            Assert.Null(value);
            Assert.Equal(CometApiContractErrorKind.WrongType, error!.Kind);
            Assert.Equal("$.id", error.JsonPath);

            Assert.True(ChatCompletionResponse.TryParse(Encoding.UTF8.GetBytes(ValidResponse), out value, out error));
            Assert.Equal("hi", value.Choices[0].Message.Content);
            Assert.Null(error);
        }

        [Fact]
        public void Invalid_utf8_inside_a_string_is_MalformedJson()
        {
            byte[] bytes = Encoding.UTF8.GetBytes(ValidResponse.Replace("\"hi\"", "\"h?\"", System.StringComparison.Ordinal));
            int index = System.Array.IndexOf(bytes, (byte)'?');
            bytes[index] = 0xC3; // a lead byte with no continuation
            Assert.Equal(CometApiContractErrorKind.MalformedJson, Assert.Throws<CometApiContractException>(() => ChatCompletionResponse.Parse(bytes)).Kind);
        }

        [Fact]
        public void JsonSerializer_reports_contract_failures_with_the_same_kind_and_path()
        {
            CometApiContractException exception = Assert.Throws<CometApiContractException>(
                () => System.Text.Json.JsonSerializer.Deserialize("{\"id\":1}", CometApiJsonContext.Default.ChatCompletionResponse));
            Assert.Equal(CometApiContractErrorKind.WrongType, exception.Kind);
            Assert.Equal("$.id", exception.JsonPath);
        }

        [Fact]
        public async System.Threading.Tasks.Task An_event_stream_cut_off_before_DONE_is_an_InvalidEventStream()
        {
            const string chunk = """{"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[]}""";
            using var stream = new System.IO.MemoryStream(Encoding.UTF8.GetBytes("data: " + chunk + "\n\ndata: " + chunk + "\n\n"));
            int read = 0;
            CometApiContractException exception = await Assert.ThrowsAsync<CometApiContractException>(async () =>
            {
                await foreach (ChatCompletionChunk item in CometApiEventStream.ReadAsync(stream))
                {
                    read++;
                }
            });
            Assert.Equal(2, read);
            Assert.Equal(CometApiContractErrorKind.InvalidEventStream, exception.Kind);
        }
    }
}
