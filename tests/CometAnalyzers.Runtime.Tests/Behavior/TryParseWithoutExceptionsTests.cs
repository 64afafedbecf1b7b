using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using CometAnalyzers.Runtime.Tests.Robustness.Payloads;
using CometAnalyzers.Tests.Infrastructure;
using CometApi.Contracts;
using Xunit;

namespace CometAnalyzers.Runtime.Tests.Behavior
{
    /// <summary>
    /// TryParse of a payload that breaks the contract throws nothing, not even inside: the readers return their failure
    /// instead of throwing it, and a payload cut short is read as a block that is not final, where the JSON reader returns
    /// false instead of throwing. Its error is the one Parse throws (kind, path and message).
    /// </summary>
    public class TryParseWithoutExceptionsTests
    {
        private const string Response = """
            {"id":"c1","object":"chat.completion","created":1699896916,"model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"hi"},"finish_reason":"stop"}],"usage":{"prompt_tokens":1,"completion_tokens":2,"total_tokens":3}}
            """;

        private const string Request = """
            {"model":"m","messages":[{"role":"system","content":[{"type":"text","text":"be brief"}]},{"role":"user","content":[{"type":"text","text":"hi"}]}],"metadata":{"k":"v"},"logit_bias":{"42":1},"stop":["x"]}
            """;

        public static IEnumerable<object[]> RejectedResponses => new[]
        {
            new object[] { "wrong type at depth", Response.Replace("\"content\":\"hi\"", "\"content\":42", StringComparison.Ordinal), "WrongType", "$.choices[0].message.content" },
            new object[] { "missing required at depth", Response.Replace("\"index\":0,", string.Empty, StringComparison.Ordinal), "MissingRequiredField", "$.choices[0].index" },
            new object[] { "integer beyond Int64", Response.Replace("\"index\":0", "\"index\":99999999999999999999", StringComparison.Ordinal), "OutOfRange", "$.choices[0].index" },
            new object[] { "Unix time out of range", Response.Replace("1699896916", "999999999999", StringComparison.Ordinal), "OutOfRange", "$.created" },
            new object[] { "list instead of object", Response.Replace("\"usage\":{", "\"usage\":[{", StringComparison.Ordinal).Replace("}}", "}]}", StringComparison.Ordinal), "WrongType", "$.usage" },
            new object[] { "object instead of list", Response.Replace("\"choices\":[", "\"choices\":{\"a\":", StringComparison.Ordinal).Replace("],\"usage\"", "},\"usage\"", StringComparison.Ordinal), "WrongType", "$.choices" },
            new object[] { "wrong type in the last item", Response.Replace("}],\"usage\"", "},7],\"usage\"", StringComparison.Ordinal), "WrongType", "$.choices[1]" },
            new object[] { "not an object at the top", "[1,2]", "WrongType", "$" },
            new object[] { "a number at the top", "12", "WrongType", "$" },
            new object[] { "cut in a string", Response.Substring(0, 12), "MalformedJson", "$" },
            new object[] { "cut in a number", Response.Substring(0, Response.IndexOf("1699", StringComparison.Ordinal) + 2), "MalformedJson", "$" },
            new object[] { "cut after a name", Response.Substring(0, Response.IndexOf("\"usage\":", StringComparison.Ordinal) + 8), "MalformedJson", "$" },
            new object[] { "cut before the last brace", Response.Substring(0, Response.Length - 1), "MalformedJson", "$" },
            new object[] { "cut in an unknown object", "{\"id\":\"c1\",\"extra\":{\"a\":[1,{\"b\":", "MalformedJson", "$" },
            new object[] { "a shape error before the cut", "{\"id\":1,\"object\":\"chat.comp", "MalformedJson", "$" },
            new object[] { "empty", string.Empty, "MalformedJson", "$" },
            new object[] { "whitespace", " \r\n\t ", "MalformedJson", "$" },
        };

        public static IEnumerable<object[]> RejectedRequests => new[]
        {
            new object[] { "part labelled as another type", """{"model":"m","messages":[{"role":"system","content":[{"type":"refusal","text":"x"}]}]}""", "WrongType", "$.messages[0].content[0].type" },
            new object[] { "kept discriminator that disagrees", """{"model":"m","messages":[{"role":"user","content":"hi","role":"system"}]}""", "WrongType", "$.messages[0].role" },
            new object[] { "union case that disagrees with its discriminator", """{"model":"m","messages":[{"role":"assistant","content":[{"type":"refusal","refusal":"no","type":"text"}]}]}""", "WrongType", "$.messages[0].content[0].type" },
            new object[] { "variant without its discriminator", """{"model":"m","messages":[{"role":"system","content":[{"text":"x"}]}]}""", "MissingRequiredField", "$.messages[0].content[0].type" },
            new object[] { "union of a shape it does not list", """{"model":"m","messages":[{"role":"user","content":true}]}""", "WrongType", "$.messages[0].content" },
            new object[] { "wrong type in a map of strings", Request.Replace("{\"k\":\"v\"}", "{\"k\":1}", StringComparison.Ordinal), "WrongType", "$.metadata['k']" },
            new object[] { "wrong type in a map of numbers", Request.Replace("{\"42\":1}", "{\"42\":\"1\"}", StringComparison.Ordinal), "WrongType", "$.logit_bias['42']" },
            new object[] { "wrong type in a union's list", Request.Replace("[\"x\"]", "[\"x\",2]", StringComparison.Ordinal), "WrongType", "$.stop[1]" },
            new object[] { "cut inside the discriminator search", """{"model":"m","messages":[{"content":[1,2,{"a":""", "MalformedJson", "$" },
        };

        [Theory]
        [MemberData(nameof(RejectedResponses))]
        public void A_rejected_response_throws_nothing_and_fails_as_Parse_does(string name, string json, string kind, string path)
            => AssertRejectedWithoutExceptions(name, Encoding.UTF8.GetBytes(json), kind, path, ChatCompletionResponse.Parse, ChatCompletionResponse.TryParse);

        [Theory]
        [MemberData(nameof(RejectedRequests))]
        public void A_rejected_request_throws_nothing_and_fails_as_Parse_does(string name, string json, string kind, string path)
            => AssertRejectedWithoutExceptions(name, Encoding.UTF8.GetBytes(json), kind, path, ChatCompletionRequest.Parse, ChatCompletionRequest.TryParse);

        [Fact]
        public void The_payloads_the_rejected_cases_start_from_are_valid()
        {
            // Every case above is one edit away from these: the edit, not the rest, is what fails.
            Assert.True(ChatCompletionResponse.TryParse(Encoding.UTF8.GetBytes(Response), out _, out CometApiContractError? error), error?.ToString());
            Assert.True(ChatCompletionRequest.TryParse(Encoding.UTF8.GetBytes(Request), out _, out error), error?.ToString());
        }

        [Theory]
        [InlineData("{\"id\":1}", 256)] // 232 B: the error, its message (and the array its 5 parts are joined from), its path
        [InlineData("{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":42}}]}", 320)] // 280 B: the same, with a longer path
        [InlineData("{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"h", 64)] // 40 B: the error alone (its message and path are constants)
        public void A_rejected_payload_allocates_little_more_than_its_error(string json, long most)
        {
            // The error (kind, path, message) is what a failure allocates: no exception, no path string per level, no
            // list scratch array dropped. The bytes read before the failure here are an enum's known value only.
            byte[] bytes = Encoding.UTF8.GetBytes(json);
            for (int i = 0; i < 3; i++)
            {
                ChatCompletionResponse.TryParse(bytes, out _, out _);
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            ChatCompletionResponse.TryParse(bytes, out _, out CometApiContractError? error);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.NotNull(error);
            Assert.True(allocated <= most, $"{allocated} bytes allocated for {error}");
        }

        [Fact]
        public void A_syntax_error_costs_the_one_exception_Utf8JsonReader_throws()
        {
            // The reader has no other way to report bytes that are not JSON: TryParse catches that one JsonException.
            byte[] json = Encoding.UTF8.GetBytes(Response.Replace("\"model\":\"m\"", "\"model\":m", StringComparison.Ordinal));
            List<Exception> thrown = Thrown(() => Assert.False(ChatCompletionResponse.TryParse(json, out _, out CometApiContractError? error)));
            Exception exception = Assert.Single(thrown);
            Assert.IsAssignableFrom<System.Text.Json.JsonException>(exception);
        }

        [Fact]
        public void A_valid_payload_cut_after_its_value_still_parses()
        {
            // Read as a block that is not final, the payload must still end where the value ends: whitespace after it is fine.
            Assert.True(ChatCompletionResponse.TryParse(Encoding.UTF8.GetBytes(Response + " \n"), out _, out _));
            foreach (string trailing in new[] { " x", " 1", " tru", " {}", "," })
            {
                byte[] json = Encoding.UTF8.GetBytes(Response + trailing);
                Assert.False(ChatCompletionResponse.TryParse(json, out _, out CometApiContractError? error), trailing);
                Assert.Equal(CometApiContractErrorKind.MalformedJson, error!.Kind);
                Assert.Equal(CometApiContractErrorKind.MalformedJson, Assert.Throws<CometApiContractException>(() => ChatCompletionResponse.Parse(json)).Kind);
            }
        }

        [ReferenceFact]
        public void Every_cut_of_every_payload_throws_nothing_and_fails_as_Parse_does()
        {
            int cuts = 0;
            foreach (PayloadSample sample in PayloadSamples.All())
            {
                int end = sample.Bytes.AsSpan().TrimEnd(" \t\r\n"u8).Length;
                for (int length = 0; length < end; length++)
                {
                    byte[] cut = sample.Bytes.AsSpan(0, length).ToArray();
                    CometApiContractError error = TryParseWithoutExceptions(sample.Model.Kind, cut, $"{sample.Name} cut to {length} bytes");
                    Assert.Equal(CometApiContractErrorKind.MalformedJson, error.Kind);
                    Assert.Equal("$", error.JsonPath);
                    if (length % 97 == 0)
                    {
                        // Parse is the same reader with a throw at the top: sampled, its exception carries the same error.
                        CometApiContractException exception = Assert.Throws<CometApiContractException>(() => Parse(sample.Model.Kind, cut));
                        Assert.Equal(error.ToString(), exception.Error.ToString());
                    }

                    cuts++;
                }
            }

            Assert.True(cuts > 5_000, $"only {cuts} cuts"); // 8,484 with the reference examples and generated payloads
        }

        private static CometApiContractError TryParseWithoutExceptions(string kind, byte[] json, string what)
        {
            CometApiContractError? error = null;
            bool parsed = false;
            List<Exception> thrown = Thrown(() => parsed = kind switch
            {
                "request" => ChatCompletionRequest.TryParse(json, out _, out error),
                "response" => ChatCompletionResponse.TryParse(json, out _, out error),
                "error" => ErrorResponse.TryParse(json, out _, out error),
                "chunk" => ChatCompletionChunk.TryParse(json, out _, out error),
                _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
            });
            Assert.True(thrown.Count == 0, $"{what}: TryParse threw {string.Join(", ", thrown.Select(x => x.GetType().Name + ": " + x.Message))}");
            Assert.False(parsed, what);
            return error!;
        }

        private static object Parse(string kind, byte[] json) => kind switch
        {
            "request" => ChatCompletionRequest.Parse(json),
            "response" => ChatCompletionResponse.Parse(json),
            "error" => ErrorResponse.Parse(json),
            "chunk" => ChatCompletionChunk.Parse(json),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };

        private delegate bool TryParser<T>(ReadOnlySpan<byte> utf8Json, out T? value, out CometApiContractError? error)
            where T : class;

        private delegate T Parser<T>(ReadOnlySpan<byte> utf8Json);

        private static void AssertRejectedWithoutExceptions<T>(string name, byte[] json, string kind, string path, Parser<T> parse, TryParser<T> tryParse)
            where T : class
        {
            CometApiContractError? error = null;
            bool parsed = true;
            List<Exception> thrown = Thrown(() => parsed = tryParse(json, out _, out error));
            Assert.False(parsed, name);
            Assert.True(thrown.Count == 0, $"{name}: TryParse threw {string.Join(", ", thrown.Select(x => x.GetType().Name + ": " + x.Message))}");
            Assert.Equal(kind, error!.Kind.ToString());
            Assert.Equal(path, error.JsonPath);

            // Parse: the same failure, thrown once.
            List<Exception> parseThrown = Thrown(() => Assert.Throws<CometApiContractException>(() => parse(json)));
            CometApiContractException exception = Assert.IsType<CometApiContractException>(Assert.Single(parseThrown));
            Assert.Equal(error.Kind, exception.Kind);
            Assert.Equal(error.JsonPath, exception.JsonPath);
            Assert.Equal(error.Message, exception.Error.Message);
        }

        /// <summary>Every exception thrown on this thread while <paramref name="action"/> runs, caught or not.</summary>
        private static List<Exception> Thrown(Action action)
        {
            int thread = Environment.CurrentManagedThreadId;
            var thrown = new List<Exception>();
            void Count(object? sender, System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs e)
            {
                if (Environment.CurrentManagedThreadId == thread && e.Exception.GetType().Namespace?.StartsWith("Xunit", StringComparison.Ordinal) != true)
                {
                    thrown.Add(e.Exception);
                }
            }

            AppDomain.CurrentDomain.FirstChanceException += Count;
            try
            {
                action();
            }
            finally
            {
                AppDomain.CurrentDomain.FirstChanceException -= Count;
            }

            return thrown;
        }
    }
}
