using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text;
using System.Text.Json;
using CometAnalyzers.Runtime.Tests.Infrastructure;
using CometApi.Contracts;
using Xunit;

namespace CometAnalyzers.Runtime.Tests.Behavior
{
    /// <summary>
    /// The shape of the generated API that callers (and the generated client built on it) depend on: one type per concept
    /// (the message role), one collection shape (<c>List&lt;T&gt;</c>, absent and empty kept apart), integers as wide as
    /// the contract says, and one name for the JSON path of every failure.
    /// </summary>
    public class GeneratedApiShapeTests
    {
        // Role: every message type types it as the ChatRole open enum the contract declares.

        [Fact]
        public void The_role_is_a_ChatRole_on_every_message_type()
        {
            Assert.Equal(typeof(ChatRole), PropertyType<ChatMessage>("Role"));
            Assert.Equal(typeof(ChatRole), PropertyType<ChatCompletionMessage>("Role"));
            Assert.Equal(typeof(ChatRole?), PropertyType<ChatCompletionDelta>("Role"));
            Assert.Equal(typeof(ChatRole), PropertyType<DeveloperMessage>("Role"));
            Assert.Equal(typeof(ChatRole), PropertyType<SystemMessage>("Role"));
            Assert.Equal(typeof(ChatRole), PropertyType<UserMessage>("Role"));
            Assert.Equal(typeof(ChatRole), PropertyType<AssistantMessage>("Role"));
            Assert.Equal(typeof(ChatRole), PropertyType<ToolMessage>("Role"));
            Assert.Equal(typeof(ChatRole), PropertyType<UnknownChatMessage>("Role"));
        }

        [Fact]
        public void Each_message_variant_has_its_role_as_the_known_enum_member()
        {
            Assert.Equal(ChatRole.Developer, new DeveloperMessage { Content = "x" }.Role);
            Assert.Equal(ChatRole.System, new SystemMessage { Content = "x" }.Role);
            Assert.Equal(ChatRole.User, new UserMessage { Content = "x" }.Role);
            Assert.Equal(ChatRole.Assistant, new AssistantMessage().Role);
            Assert.Equal(ChatRole.Tool, new ToolMessage { Content = "x", ToolCallId = "c" }.Role);
            Assert.True(new UserMessage { Content = "x" }.Role.IsKnown);
        }

        [Fact]
        public void Messages_are_read_by_role_and_written_back_with_it()
        {
            const string json = """{"model":"m","messages":[{"role":"developer","content":"d"},{"role":"system","content":"s"},{"role":"user","content":"u"},{"role":"assistant","content":"a"},{"role":"tool","content":"t","tool_call_id":"c"}]}""";
            ChatCompletionRequest request = ChatCompletionRequest.Parse(Encoding.UTF8.GetBytes(json));
            Assert.Equal(new[] { ChatRole.Developer, ChatRole.System, ChatRole.User, ChatRole.Assistant, ChatRole.Tool }, request.Messages.ConvertAll(m => m.Role));
            Assert.IsType<ToolMessage>(request.Messages[4]);
            JsonEquivalence.AssertEquivalent(json, JsonEquivalence.Write(request.WriteTo));
        }

        [Fact]
        public void A_role_the_contract_does_not_list_is_an_unknown_ChatRole_on_an_unknown_message()
        {
            ChatCompletionRequest request = ChatCompletionRequest.Parse("""{"model":"m","messages":[{"role":"critic","content":"hmm"}]}"""u8);
            UnknownChatMessage message = Assert.IsType<UnknownChatMessage>(Assert.Single(request.Messages));
            Assert.Equal(new ChatRole("critic"), message.Role);
            Assert.False(message.Role.IsKnown);

            // Without a role there is nothing to name: the enum's default, whose value is empty.
            UnknownChatMessage roleless = Assert.IsType<UnknownChatMessage>(Assert.Single(ChatCompletionRequest.Parse("""{"model":"m","messages":[{"content":"x"}]}"""u8).Messages));
            Assert.Equal(string.Empty, roleless.Role.Value);
        }

        [Fact]
        public void A_variant_still_rejects_a_role_that_is_not_its_own()
        {
            Assert.False(ChatCompletionRequest.TryParse("""{"model":"m","messages":[{"role":"user","content":"x","role":"tool"}]}"""u8, out _, out CometApiContractError? error));
            Assert.Equal(CometApiContractErrorKind.WrongType, error!.Kind);
            Assert.Equal("$.messages[0].role", error.JsonPath);
        }

        [Fact]
        public void The_role_of_a_completion_message_and_of_a_delta_reads_and_writes_as_the_same_enum()
        {
            ChatCompletionResponse response = ChatCompletionResponse.Parse("""{"id":"c","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"x"},"finish_reason":"stop"}]}"""u8);
            ChatCompletionMessage message = response.Choices[0].Message;
            Assert.Equal(ChatRole.Assistant, message.Role);

            ChatCompletionChunk chunk = ChatCompletionChunk.Parse("""{"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"role":"assistant"},"finish_reason":null},{"index":1,"delta":{"content":"x"},"finish_reason":null}]}"""u8);
            Assert.Equal(message.Role, chunk.Choices[0].Delta.Role);
            Assert.Null(chunk.Choices[1].Delta.Role);

            var built = new ChatCompletionMessage { Role = ChatRole.Assistant, Content = "hi" };
            JsonEquivalence.AssertEquivalent("""{"role":"assistant","content":"hi"}""", JsonEquivalence.Write(built.WriteTo));
        }

        // Collections: List<T> (struct enumerator), null when absent, empty when sent empty.

        [Fact]
        public void Lists_are_List_of_T_on_objects_and_union_cases_and_maps_are_Dictionary()
        {
            Assert.Equal(typeof(List<ChatMessage>), PropertyType<ChatCompletionRequest>("Messages"));
            Assert.Equal(typeof(List<FunctionTool>), PropertyType<ChatCompletionRequest>("Tools"));
            Assert.Equal(typeof(List<ChatCompletionChoice>), PropertyType<ChatCompletionResponse>("Choices"));
            Assert.Equal(typeof(List<ToolCall>), PropertyType<ChatCompletionMessage>("ToolCalls"));
            Assert.Equal(typeof(List<TokenLogprob>), PropertyType<ChoiceLogprobs>("Content"));
            Assert.Equal(typeof(List<TopLogprob>), PropertyType<TokenLogprob>("TopLogprobs"));
            Assert.Equal(typeof(List<UserContentPart>), PropertyType<UserContent>("AsList"));
            Assert.Equal(typeof(List<string>), PropertyType<StopConfiguration>("AsList"));
            Assert.Equal(typeof(Dictionary<string, int>), PropertyType<ChatCompletionRequest>("LogitBias"));
            Assert.Equal(typeof(Dictionary<string, string>), PropertyType<ChatCompletionRequest>("Metadata"));
            Assert.Equal(typeof(Dictionary<string, JsonElement>), PropertyType<ChatCompletionResponse>("AdditionalProperties"));
            Assert.Equal(typeof(Dictionary<string, JsonElement>), PropertyType<ChatMessage>("AdditionalProperties"));

            // What makes foreach over them allocation-free: List<T>.GetEnumerator() returns a struct.
            Assert.True(typeof(List<ChatCompletionChoice>).GetMethod("GetEnumerator", Type.EmptyTypes)!.ReturnType.IsValueType);
        }

        [Fact]
        public void Foreach_over_the_lists_of_a_read_response_allocates_nothing()
        {
            ChatCompletionResponse response = ChatCompletionResponse.Parse("""
                {"id":"c","object":"chat.completion","created":1,"model":"m","choices":[
                  {"index":0,"message":{"role":"assistant","content":null,"tool_calls":[{"id":"a","type":"function","function":{"name":"f","arguments":"{}"}},{"id":"b","type":"function","function":{"name":"g","arguments":"[]"}}]},"finish_reason":"tool_calls"},
                  {"index":1,"message":{"role":"assistant","content":"x","annotations":[{"type":"url_citation","url_citation":{"start_index":0,"end_index":1,"url":"u","title":"t"}}]},"finish_reason":"stop"}]}
                """u8);
            Assert.Equal(6, Walk(response)); // warm-up: the first call JIT-compiles
            long before = GC.GetAllocatedBytesForCurrentThread();
            long walked = Walk(response);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(6, walked);
            Assert.Equal(0, allocated);
        }

        private static long Walk(ChatCompletionResponse response)
        {
            long sum = 0;
            foreach (ChatCompletionChoice choice in response.Choices)
            {
                sum += choice.Index;
                if (choice.Message.ToolCalls is { } calls)
                {
                    foreach (ToolCall call in calls)
                    {
                        sum += call.Function.Arguments.Length;
                    }
                }

                if (choice.Message.Annotations is { } annotations)
                {
                    foreach (Annotation annotation in annotations)
                    {
                        sum += annotation.UrlCitation.EndIndex;
                    }
                }
            }

            return sum;
        }

        [Theory]
        [InlineData("""{"model":"m","messages":[{"role":"user","content":"x"}]}""", null)]
        [InlineData("""{"model":"m","messages":[{"role":"user","content":"x"}],"tools":[]}""", 0)]
        [InlineData("""{"model":"m","messages":[{"role":"user","content":"x"}],"tools":null}""", null)]
        [InlineData("""{"model":"m","messages":[{"role":"user","content":"x"}],"tools":[{"type":"function","function":{"name":"f"}}]}""", 1)]
        public void An_optional_list_is_null_when_absent_or_null_and_written_back_exactly_as_read(string json, int? count)
        {
            ChatCompletionRequest request = ChatCompletionRequest.Parse(Encoding.UTF8.GetBytes(json));
            Assert.Equal(count, request.Tools?.Count);
            Assert.Equal(json, JsonEquivalence.Write(request.WriteTo));
        }

        [Fact]
        public void A_required_list_sent_empty_is_an_empty_list_written_back_empty()
        {
            const string json = """{"id":"c","object":"chat.completion","created":1,"model":"m","choices":[]}""";
            ChatCompletionResponse response = ChatCompletionResponse.Parse(Encoding.UTF8.GetBytes(json));
            Assert.NotNull(response.Choices);
            Assert.Empty(response.Choices);
            Assert.Equal(json, JsonEquivalence.Write(response.WriteTo));
        }

        [Fact]
        public void Lists_set_in_code_are_written_as_set_empty_included_and_unset_ones_are_left_out()
        {
            var request = new ChatCompletionRequest
            {
                Model = "m",
                Messages = [new UserMessage { Content = new UserContent([new TextContentPart { Text = "hi" }]) }],
                Tools = [],
            };

            Assert.Equal(
                """{"model":"m","messages":[{"role":"user","content":[{"type":"text","text":"hi"}]}],"tools":[]}""",
                JsonEquivalence.Write(request.WriteTo));

            request.Tools = null;
            request.Stop = new List<string> { "END" };
            Assert.Equal(
                """{"model":"m","messages":[{"role":"user","content":[{"type":"text","text":"hi"}]}],"stop":["END"]}""",
                JsonEquivalence.Write(request.WriteTo));
        }

        // Integers: int where the contract's format or bounds fit 32 bits, long otherwise.

        [Fact]
        public void Indexes_and_token_counts_are_int_and_the_seed_stays_long()
        {
            Assert.Equal(typeof(int), PropertyType<ChatCompletionChoice>("Index"));
            Assert.Equal(typeof(int), PropertyType<ChatCompletionChunkChoice>("Index"));
            Assert.Equal(typeof(int), PropertyType<ToolCallChunk>("Index"));
            Assert.Equal(typeof(int), PropertyType<UrlCitation>("StartIndex"));
            Assert.Equal(typeof(int), PropertyType<UrlCitation>("EndIndex"));
            Assert.Equal(typeof(int), PropertyType<CompletionUsage>("PromptTokens"));
            Assert.Equal(typeof(int), PropertyType<CompletionUsage>("CompletionTokens"));
            Assert.Equal(typeof(int), PropertyType<CompletionUsage>("TotalTokens"));
            Assert.Equal(typeof(int?), PropertyType<PromptTokensDetails>("CachedTokens"));
            Assert.Equal(typeof(int?), PropertyType<CompletionTokensDetails>("ReasoningTokens"));
            Assert.Equal(typeof(int?), PropertyType<ChatCompletionRequest>("MaxCompletionTokens"));
            Assert.Equal(typeof(int?), PropertyType<ChatCompletionRequest>("MaxTokens"));
            Assert.Equal(typeof(int?), PropertyType<ChatCompletionRequest>("N"));
            Assert.Equal(typeof(int?), PropertyType<ChatCompletionRequest>("TopLogprobs"));
            Assert.Equal(typeof(List<int>), PropertyType<TokenLogprob>("Bytes"));
            Assert.Equal(typeof(long?), PropertyType<ChatCompletionRequest>("Seed"));
        }

        [Fact]
        public void An_index_beyond_32_bits_is_OutOfRange_at_its_path()
        {
            Assert.False(ChatCompletionResponse.TryParse("""{"id":"c","object":"chat.completion","created":1,"model":"m","choices":[{"index":2147483648,"message":{"role":"assistant","content":"x"},"finish_reason":"stop"}]}"""u8, out _, out CometApiContractError? error));
            Assert.Equal(CometApiContractErrorKind.OutOfRange, error!.Kind);
            Assert.Equal("$.choices[0].index", error.JsonPath);
        }

        // Naming: the JSON path of a failure is JsonPath on the exception, the error and the violation alike.

        [Fact]
        public void The_json_path_is_JsonPath_on_the_exception_the_error_and_the_violation()
        {
            Assert.Null(typeof(CometApiContractException).GetProperty("Path"));
            Assert.Null(typeof(CometApiContractError).GetProperty("Path"));
            Assert.Null(typeof(CometApiContractViolation).GetProperty("Path"));

            CometApiContractException exception = Assert.Throws<CometApiContractException>(() => ChatCompletionRequest.Parse("""{"model":1,"messages":[]}"""u8));
            Assert.Equal("$.model", exception.JsonPath);
            Assert.Equal(exception.JsonPath, exception.Error.JsonPath);

            CometApiContractViolation violation = Assert.Single(new ChatCompletionRequest { Model = "m", Messages = [] }.Validate());
            Assert.Equal("$.messages", violation.JsonPath);
        }

        private static Type PropertyType<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>(string name)
            => typeof(T).GetProperty(name, BindingFlags.Public | BindingFlags.Instance)!.PropertyType;
    }
}
