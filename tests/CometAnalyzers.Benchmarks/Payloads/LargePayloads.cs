using System;
using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CometAnalyzers.Benchmarks.Payloads
{
    /// <summary>
    /// Large payloads made in code, deterministically (no randomness: every value is a function of its position),
    /// in the shapes the API really sends: a response with 20 choices, tool calls and logprobs; a 50-message request;
    /// a 200-event SSE stream. Each is checked against the generated model in <see cref="PayloadCatalog"/>.
    /// </summary>
    internal static class LargePayloads
    {
        private static readonly string[] Words =
        {
            "the", "weather", "in", "Boston", "is", "partly", "cloudy", "with", "a", "high", "of", "18°C", "and", "light",
            "winds", "from", "the", "north-east;", "expect", "\"scattered\"", "showers", "after", "sunset.", "Tomorrow:",
            "sunny", "—", "café", "naïve", "résumé", "🌤",
        };

        /// <summary>Non-ASCII text raw and quotes as <c>\"</c>, as the API sends them (the default encoder would escape both).</summary>
        private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        public const int ResponseChoices = 20;
        public const int RequestMessages = 50;
        public const int StreamEvents = 200;

        private static string Sentence(int seed, int words)
        {
            var builder = new StringBuilder();
            for (int i = 0; i < words; i++)
            {
                if (i > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(Words[(seed * 7 + i * 13) % Words.Length]);
            }

            return builder.ToString();
        }

        private static double Logprob(int a, int b) => -Math.Round(((a * 31 + b * 17) % 1000) / 137.0, 6);

        private static void WriteTokenBytes(Utf8JsonWriter writer, string token)
        {
            writer.WriteStartArray("bytes");
            foreach (byte b in Encoding.UTF8.GetBytes(token))
            {
                writer.WriteNumberValue(b);
            }

            writer.WriteEndArray();
        }

        /// <summary>A chat completion with 20 choices: text answers with URL citations, tool calls, and logprobs on every choice.</summary>
        public static byte[] Response()
        {
            var buffer = new ArrayBufferWriter<byte>();
            using (var w = new Utf8JsonWriter(buffer, WriterOptions))
            {
                w.WriteStartObject();
                w.WriteString("id", "chatcmpl-large-0000000000000000000001");
                w.WriteString("object", "chat.completion");
                w.WriteNumber("created", 1741569952);
                w.WriteString("model", "gpt-4o-mini-2024-07-18");
                w.WriteStartArray("choices");
                for (int c = 0; c < ResponseChoices; c++)
                {
                    bool toolCalls = c % 3 == 1;
                    w.WriteStartObject();
                    w.WriteNumber("index", c);
                    w.WriteStartObject("message");
                    w.WriteString("role", "assistant");
                    if (toolCalls)
                    {
                        w.WriteNull("content");
                        w.WriteNull("refusal");
                        w.WriteStartArray("tool_calls");
                        for (int t = 0; t < 2; t++)
                        {
                            w.WriteStartObject();
                            w.WriteString("id", "call_" + c.ToString("D2", CultureInfo.InvariantCulture) + t.ToString(CultureInfo.InvariantCulture) + "abcdefghijklmnop");
                            w.WriteString("type", "function");
                            w.WriteStartObject("function");
                            w.WriteString("name", t == 0 ? "get_current_weather" : "get_forecast");
                            w.WriteString("arguments", "{\"location\":\"Boston, MA\",\"unit\":\"celsius\",\"days\":" + (c + t).ToString(CultureInfo.InvariantCulture) + "}");
                            w.WriteEndObject();
                            w.WriteEndObject();
                        }

                        w.WriteEndArray();
                        w.WriteStartArray("annotations");
                        w.WriteEndArray();
                    }
                    else
                    {
                        w.WriteString("content", Sentence(c, 40));
                        w.WriteNull("refusal");
                        w.WriteStartArray("annotations");
                        if (c % 2 == 0)
                        {
                            w.WriteStartObject();
                            w.WriteString("type", "url_citation");
                            w.WriteStartObject("url_citation");
                            w.WriteNumber("end_index", 120 + c);
                            w.WriteNumber("start_index", 10 + c);
                            w.WriteString("url", "https://weather.example.com/boston/" + c.ToString(CultureInfo.InvariantCulture));
                            w.WriteString("title", "Boston weather, " + c.ToString(CultureInfo.InvariantCulture) + " day outlook");
                            w.WriteEndObject();
                            w.WriteEndObject();
                        }

                        w.WriteEndArray();
                    }

                    w.WriteEndObject(); // message
                    w.WriteStartObject("logprobs");
                    w.WriteStartArray("content");
                    for (int k = 0; k < 8; k++)
                    {
                        string token = Words[(c * 5 + k * 3) % Words.Length];
                        w.WriteStartObject();
                        w.WriteString("token", token);
                        w.WriteNumber("logprob", Logprob(c, k));
                        WriteTokenBytes(w, token);
                        w.WriteStartArray("top_logprobs");
                        for (int j = 0; j < 3; j++)
                        {
                            string alternative = Words[(c * 11 + k * 7 + j) % Words.Length];
                            w.WriteStartObject();
                            w.WriteString("token", alternative);
                            w.WriteNumber("logprob", Logprob(c * 3 + j, k));
                            WriteTokenBytes(w, alternative);
                            w.WriteEndObject();
                        }

                        w.WriteEndArray();
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteNull("refusal");
                    w.WriteEndObject(); // logprobs
                    w.WriteString("finish_reason", toolCalls ? "tool_calls" : c % 5 == 4 ? "length" : "stop");
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                WriteUsage(w, 1820, 2410);
                w.WriteString("service_tier", "default");
                w.WriteString("system_fingerprint", "fp_490a4ad033");
                w.WriteEndObject();
            }

            return buffer.WrittenSpan.ToArray();
        }

        private static void WriteUsage(Utf8JsonWriter w, int prompt, int completion)
        {
            w.WriteStartObject("usage");
            w.WriteNumber("prompt_tokens", prompt);
            w.WriteNumber("completion_tokens", completion);
            w.WriteNumber("total_tokens", prompt + completion);
            w.WriteStartObject("prompt_tokens_details");
            w.WriteNumber("cached_tokens", 1024);
            w.WriteNumber("audio_tokens", 0);
            w.WriteEndObject();
            w.WriteStartObject("completion_tokens_details");
            w.WriteNumber("reasoning_tokens", 0);
            w.WriteNumber("audio_tokens", 0);
            w.WriteNumber("accepted_prediction_tokens", 0);
            w.WriteNumber("rejected_prediction_tokens", 0);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        /// <summary>
        /// A 50-message conversation: a system message, then user turns (some with text and image parts), assistant turns
        /// (some calling tools) and tool results; three function tools, a JSON-schema response format, sampling settings,
        /// stop sequences, metadata and logit bias.
        /// </summary>
        public static byte[] Request()
        {
            var buffer = new ArrayBufferWriter<byte>();
            using (var w = new Utf8JsonWriter(buffer, WriterOptions))
            {
                w.WriteStartObject();
                w.WriteString("model", "gpt-4o-mini");
                w.WriteStartArray("messages");
                w.WriteStartObject();
                w.WriteString("role", "system");
                w.WriteString("content", "You are a concise weather assistant. Answer in one sentence and cite sources.");
                w.WriteEndObject();
                int written = 1;
                int turn = 0;
                while (written < RequestMessages)
                {
                    // user
                    w.WriteStartObject();
                    w.WriteString("role", "user");
                    if (turn % 4 == 3)
                    {
                        w.WriteStartArray("content");
                        w.WriteStartObject();
                        w.WriteString("type", "text");
                        w.WriteString("text", "What does this radar image show? " + Sentence(turn, 12));
                        w.WriteEndObject();
                        w.WriteStartObject();
                        w.WriteString("type", "image_url");
                        w.WriteStartObject("image_url");
                        w.WriteString("url", "https://images.example.com/radar/" + turn.ToString(CultureInfo.InvariantCulture) + ".png");
                        w.WriteString("detail", "low");
                        w.WriteEndObject();
                        w.WriteEndObject();
                        w.WriteEndArray();
                    }
                    else
                    {
                        w.WriteString("content", Sentence(turn + 100, 20) + "?");
                    }

                    w.WriteEndObject();
                    written++;
                    if (written >= RequestMessages)
                    {
                        break;
                    }

                    if (turn % 3 == 1 && written + 2 <= RequestMessages)
                    {
                        // assistant calls a tool, the tool answers
                        string callId = "call_" + turn.ToString("D3", CultureInfo.InvariantCulture) + "xyz";
                        w.WriteStartObject();
                        w.WriteString("role", "assistant");
                        w.WriteNull("content");
                        w.WriteStartArray("tool_calls");
                        w.WriteStartObject();
                        w.WriteString("id", callId);
                        w.WriteString("type", "function");
                        w.WriteStartObject("function");
                        w.WriteString("name", "get_current_weather");
                        w.WriteString("arguments", "{\"location\":\"Boston, MA\",\"unit\":\"celsius\"}");
                        w.WriteEndObject();
                        w.WriteEndObject();
                        w.WriteEndArray();
                        w.WriteEndObject();
                        w.WriteStartObject();
                        w.WriteString("role", "tool");
                        w.WriteString("content", "{\"temperature\":" + (10 + turn % 15).ToString(CultureInfo.InvariantCulture) + ",\"conditions\":\"partly cloudy\"}");
                        w.WriteString("tool_call_id", callId);
                        w.WriteEndObject();
                        written += 2;
                    }
                    else
                    {
                        w.WriteStartObject();
                        w.WriteString("role", "assistant");
                        w.WriteString("content", Sentence(turn + 200, 30) + ".");
                        w.WriteEndObject();
                        written++;
                    }

                    turn++;
                }

                w.WriteEndArray();
                w.WriteNumber("temperature", 0.2);
                w.WriteNumber("top_p", 0.9);
                w.WriteNumber("max_completion_tokens", 512);
                w.WriteNumber("n", 1);
                w.WriteStartArray("stop");
                w.WriteStringValue("\n\n");
                w.WriteStringValue("END");
                w.WriteEndArray();
                w.WriteBoolean("stream", false);
                w.WriteNumber("presence_penalty", 0.1);
                w.WriteNumber("frequency_penalty", 0.2);
                w.WriteStartObject("logit_bias");
                w.WriteNumber("50256", -100);
                w.WriteNumber("1734", 5);
                w.WriteEndObject();
                w.WriteBoolean("logprobs", true);
                w.WriteNumber("top_logprobs", 3);
                w.WriteString("user", "user-1234");
                w.WriteStartArray("tools");
                WriteTool(w, "get_current_weather", "Get the current weather in a given location");
                WriteTool(w, "get_forecast", "Get a multi-day forecast for a location");
                WriteTool(w, "get_radar", "Get the latest radar image URL for a location");
                w.WriteEndArray();
                w.WriteString("tool_choice", "auto");
                w.WriteBoolean("parallel_tool_calls", true);
                w.WriteStartObject("response_format");
                w.WriteString("type", "json_schema");
                w.WriteStartObject("json_schema");
                w.WriteString("name", "weather_answer");
                w.WriteString("description", "A one-sentence answer with sources.");
                w.WriteStartObject("schema");
                w.WriteString("type", "object");
                w.WriteStartObject("properties");
                w.WriteStartObject("answer");
                w.WriteString("type", "string");
                w.WriteEndObject();
                w.WriteStartObject("sources");
                w.WriteString("type", "array");
                w.WriteStartObject("items");
                w.WriteString("type", "string");
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteStartArray("required");
                w.WriteStringValue("answer");
                w.WriteStringValue("sources");
                w.WriteEndArray();
                w.WriteBoolean("additionalProperties", false);
                w.WriteEndObject();
                w.WriteBoolean("strict", true);
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteString("reasoning_effort", "low");
                w.WriteStartObject("metadata");
                w.WriteString("conversation", "conv-42");
                w.WriteString("tenant", "acme");
                w.WriteEndObject();
                w.WriteString("service_tier", "auto");
                w.WriteEndObject();
            }

            return buffer.WrittenSpan.ToArray();
        }

        private static void WriteTool(Utf8JsonWriter w, string name, string description)
        {
            w.WriteStartObject();
            w.WriteString("type", "function");
            w.WriteStartObject("function");
            w.WriteString("name", name);
            w.WriteString("description", description);
            w.WriteStartObject("parameters");
            w.WriteString("type", "object");
            w.WriteStartObject("properties");
            w.WriteStartObject("location");
            w.WriteString("type", "string");
            w.WriteString("description", "The city and state, e.g. San Francisco, CA");
            w.WriteEndObject();
            w.WriteStartObject("unit");
            w.WriteString("type", "string");
            w.WriteStartArray("enum");
            w.WriteStringValue("celsius");
            w.WriteStringValue("fahrenheit");
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteStartArray("required");
            w.WriteStringValue("location");
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteBoolean("strict", false);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        /// <summary>
        /// 200 SSE events then <c>data: [DONE]</c>: a role event, 189 content deltas, 8 tool-call fragments, a finish event
        /// and the usage-only event with <c>choices: []</c>, as sent with <c>stream_options.include_usage</c>.
        /// </summary>
        public static byte[] Stream()
        {
            var text = new StringBuilder();
            var buffer = new ArrayBufferWriter<byte>();
            for (int e = 0; e < StreamEvents; e++)
            {
                buffer.Clear();
                using (var w = new Utf8JsonWriter(buffer, WriterOptions))
                {
                    w.WriteStartObject();
                    w.WriteString("id", "chatcmpl-stream-0000000000000000001");
                    w.WriteString("object", "chat.completion.chunk");
                    w.WriteNumber("created", 1694268190);
                    w.WriteString("model", "gpt-4o-mini-2024-07-18");
                    w.WriteString("service_tier", "default");
                    w.WriteString("system_fingerprint", "fp_44709d6fcb");
                    w.WriteStartArray("choices");
                    if (e < StreamEvents - 1)
                    {
                        w.WriteStartObject();
                        w.WriteNumber("index", 0);
                        w.WriteStartObject("delta");
                        if (e == 0)
                        {
                            w.WriteString("role", "assistant");
                            w.WriteString("content", string.Empty);
                            w.WriteNull("refusal");
                        }
                        else if (e < 190)
                        {
                            w.WriteString("content", (e % 7 == 0 ? " " : string.Empty) + Words[(e * 13) % Words.Length] + " ");
                        }
                        else if (e < 198)
                        {
                            w.WriteStartArray("tool_calls");
                            w.WriteStartObject();
                            w.WriteNumber("index", 0);
                            if (e == 190)
                            {
                                w.WriteString("id", "call_stream_abc123");
                                w.WriteString("type", "function");
                                w.WriteStartObject("function");
                                w.WriteString("name", "get_current_weather");
                                w.WriteString("arguments", string.Empty);
                                w.WriteEndObject();
                            }
                            else
                            {
                                w.WriteStartObject("function");
                                w.WriteString("arguments", e == 191 ? "{\"loca" : e == 197 ? "ius\"}" : "tion\":\"Bos".Substring(0, 1 + (e % 9)));
                                w.WriteEndObject();
                            }

                            w.WriteEndObject();
                            w.WriteEndArray();
                        }

                        w.WriteEndObject(); // delta
                        w.WriteNull("logprobs");
                        if (e == 198)
                        {
                            w.WriteString("finish_reason", "tool_calls");
                        }
                        else
                        {
                            w.WriteNull("finish_reason");
                        }

                        w.WriteEndObject();
                        w.WriteEndArray();
                        w.WriteNull("usage");
                    }
                    else
                    {
                        w.WriteEndArray();
                        WriteUsage(w, 19, 198);
                    }

                    w.WriteEndObject();
                }

                text.Append("data: ").Append(Encoding.UTF8.GetString(buffer.WrittenSpan)).Append("\n\n");
            }

            text.Append("data: [DONE]\n\n");
            return Encoding.UTF8.GetBytes(text.ToString());
        }
    }
}
