using System.Threading.Tasks;
using CometAnalyzers.Tests.Infrastructure;
using Xunit;
using static CometAnalyzers.Tests.Rules.COMET002Sources;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>
    /// Values named <c>token</c> that are not credentials: only text can be a secret by its name, and a <c>token</c>
    /// declared by a type named for model output or parsing is a piece of text. Credential tokens stay reported.
    /// </summary>
    public class COMET002TextTokenTests
    {
        [Fact]
        public Task A_json_token_is_not_a_secret_nor_is_text_made_from_it()
            => Test("""
                using Newtonsoft.Json.Linq;

                class C
                {
                    static object? Read(JToken token, Type type)
                    {
                        string text = token.ToString();
                        if (!TimeSpan.TryParse(text, out TimeSpan parsed))
                        {
                            throw new FormatException($"The string '{text}' could not be parsed as a TimeSpan.");
                        }

                        Console.WriteLine($"Token {token} of {type.Name} read as {parsed}");
                        return parsed;
                    }

                    static void Dump(System.Text.Json.Nodes.JsonNode token, System.Text.Json.JsonElement apiKeyElement, ILogger logger)
                    {
                        logger.LogDebug("Node {Node} {Element}", token, apiKeyElement);
                        logger.LogDebug("Kind {Kind}", token.GetValueKind());
                    }
                }
                """).WithLibrary(TestReferences.JsonNet).RunAsync();

        [Fact]
        public Task A_syntax_token_and_a_reader_token_type_are_not_secrets()
            => Test("""
                using Microsoft.CodeAnalysis;

                class C
                {
                    static void Show(SyntaxToken token, ILogger logger)
                    {
                        Console.WriteLine(token);
                        logger.LogDebug("Token {Token} at {Span}", token, token.Span);
                        Console.WriteLine(token.ToString());
                    }

                    static void Read(byte[] json)
                    {
                        var reader = new System.Text.Json.Utf8JsonReader(json);
                        while (reader.Read())
                        {
                            var token = reader.TokenType;
                            Console.WriteLine(token);
                        }
                    }
                }
                """).WithLibrary(TestReferences.Roslyn).RunAsync();

        [Fact]
        public Task Log_probability_tokens_of_the_model_output_are_not_secrets()
            => Test("""
                using OpenAI.Chat;

                class C
                {
                    static void Show(ChatCompletion completion)
                    {
                        foreach (ChatTokenLogProbabilityDetails logProbability in completion.ContentTokenLogProbabilities)
                        {
                            Console.WriteLine($"Token: {logProbability.Token}");
                            Console.WriteLine($"Log probability: {logProbability.LogProbability}");
                            foreach (var top in logProbability.TopLogProbabilities)
                            {
                                System.Console.WriteLine($"   Token: {top.Token}");
                                System.Console.WriteLine("   " + top.Token);
                            }
                        }
                    }

                    static async Task ShowStreamed(ChatClient chat, ILogger logger)
                    {
                        await foreach (StreamingChatCompletionUpdate update in chat.CompleteChatStreamingAsync("Hi"))
                        {
                            foreach (var refusal in update.RefusalTokenLogProbabilities)
                            {
                                logger.LogDebug("Refusal token {Token}", refusal.Token);
                                var token = refusal.Token;
                                Console.Write(token);
                            }
                        }
                    }
                }
                """).RunAsync();

        [Fact]
        public Task Streamed_updates_named_token_are_model_output()
            => Test("""
                using OpenAI.Chat;

                class C
                {
                    static async Task Stream(ChatClient chat, ILogger logger, IAsyncEnumerable<string> pieces)
                    {
                        await foreach (StreamingChatCompletionUpdate token in chat.CompleteChatStreamingAsync("Hi"))
                        {
                            Console.Write(token);
                            logger.LogTrace("{Token}", token);
                        }

                        await foreach (string token in pieces)
                        {
                            Console.Write(token);
                        }
                    }
                }
                """).RunAsync();

        [Fact]
        public Task A_token_member_of_a_tokenizer_or_usage_type_is_not_a_secret()
            => Test("""
                class BpeTokenizer { public string Token { get; set; } = ""; public string LastToken = ""; }
                class StreamChunk { public string Token { get; set; } = ""; }
                class JsonScanner
                {
                    public string Token { get; private set; } = "";
                    public void Fail(string token) => throw new FormatException($"Unexpected '{token}' after '{Token}'");
                }
                class C
                {
                    void M(ILogger logger, BpeTokenizer tokenizer, StreamChunk chunk)
                    {
                        logger.LogDebug("{T} {L}", tokenizer.Token, tokenizer.LastToken);
                        Console.Write(chunk.Token);
                    }
                }
                """).RunAsync();

        [Fact]
        public Task A_token_parameter_of_a_method_named_for_streaming_or_parsing_is_text()
            => Test("""
                class Printer
                {
                    void OnStreamChunk(string token) => Console.Write(token);
                    void WriteDelta(string token, ILogger logger) => logger.LogTrace("{Token}", token);
                    static int ParseToken(string token) => int.TryParse(token, out int value) ? value : throw new FormatException($"Bad token '{token}'");
                    void Authenticate(string token, ILogger logger) => logger.LogDebug("Token {Token}", {|COMET012:token|});
                    void OnStreamChunk(string accessToken, ILogger logger) => logger.LogDebug("Token {Token}", {|COMET012:accessToken|});
                }
                """).RunAsync();

        [Fact]
        public Task Credential_tokens_stay_reported_whatever_holds_them()
            => Test("""
                class WebhookOptions { public string Token { get; set; } = ""; }
                class StreamingOptions { public string AccessToken { get; set; } = ""; public string BearerToken { get; set; } = ""; }
                class C
                {
                    void M(ILogger logger, WebhookOptions webhook, StreamingOptions options, IConfiguration configuration, HttpRequestMessage request, string authToken)
                    {
                        logger.LogDebug("{T}", {|COMET012:webhook.Token|});
                        logger.LogDebug("{T}", {|COMET012:options.AccessToken|});
                        logger.LogDebug("{T}", {|COMET012:options.BearerToken|});
                        logger.LogDebug("{T}", {|COMET012:authToken|});
                        var token = configuration["Webhooks:Token"];
                        logger.LogDebug("{T}", {|COMET012:token|});
                        var headerToken = request.Headers.Authorization?.Parameter;
                        logger.LogDebug("{T}", {|COMET002:headerToken|});
                    }
                }
                """).RunAsync();

        [Fact]
        public Task Only_text_is_a_secret_by_its_name()
            => Test("""
                class ApiKeyInfo { public string Id { get; set; } = ""; }
                class C
                {
                    void M(ILogger logger, ApiKeyInfo apiKey, System.Security.SecureString password, Uri secret, long token,
                        char[] passphrase, List<string> apiKeys, ReadOnlyMemory<char> clientSecret, object credential)
                    {
                        logger.LogDebug("{A} {B} {C} {D}", apiKey, password, secret, token);
                        logger.LogDebug("{E}", {|COMET012:passphrase|});
                        logger.LogDebug("{F}", {|COMET012:apiKeys|});
                        logger.LogDebug("{G}", {|COMET012:clientSecret|});
                        logger.LogDebug("{H}", {|COMET012:credential|});
                    }
                }
                """).RunAsync();
    }
}
