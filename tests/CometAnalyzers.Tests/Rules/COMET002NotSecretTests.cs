using System.Threading.Tasks;
using Xunit;
using static CometAnalyzers.Tests.Rules.COMET002Sources;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>COMET002 must stay silent on what only looks like a secret.</summary>
    public class COMET002NotSecretTests
    {
        [Fact]
        public Task Token_counts_and_budgets_are_not_secrets()
            => Test("""
                class Usage { public int TotalTokens { get; set; } public int PromptTokens { get; set; } public string? Tokenizer { get; set; } }
                class C
                {
                    void M(ILogger logger, Usage usage, int maxTokens, int promptTokens, int tokenCount, string tokenizer, string continuationToken)
                    {
                        logger.LogInformation("Used {Total} of {Max}", usage.TotalTokens, maxTokens);
                        logger.LogInformation("Prompt {Prompt} {Count}", promptTokens, tokenCount);
                        logger.LogInformation("Tokenizer {A} {B}", tokenizer, usage.Tokenizer);
                        logger.LogInformation($"Used {usage.PromptTokens} prompt tokens, next page {continuationToken}");
                    }
                }
                """).RunAsync();

        [Fact]
        public Task A_token_count_named_only_token_is_not_a_secret_because_it_is_a_number()
            => Test("""
                class C
                {
                    void M(ILogger logger, int token, long? tokens, System.Threading.CancellationToken cancellationToken)
                    {
                        logger.LogInformation("{T} {U}", token, tokens);
                        logger.LogInformation("{C}", cancellationToken);
                    }
                }
                """).RunAsync();

        [Fact]
        public Task A_streamed_token_local_holding_model_text_is_not_a_secret()
            => Test("""
                using OpenAI.Chat;

                class C
                {
                    void Stream(ChatClient chat, ILogger logger)
                    {
                        foreach (StreamingChatCompletionUpdate update in chat.CompleteChatStreaming("Hello"))
                        {
                            foreach (ChatMessageContentPart part in update.ContentUpdate)
                            {
                                var token = part.Text;
                                Console.Write(token);
                                logger.LogTrace("Streamed {Token}", token);
                            }
                        }
                    }

                    async Task StreamAsync(IAsyncEnumerable<string> tokens, ILogger logger)
                    {
                        await foreach (var token in tokens)
                        {
                            Console.Write(token);
                        }

                        string lastToken = "";
                        await foreach (string token in StreamTokensAsync())
                        {
                            lastToken = token;
                        }

                        logger.LogDebug("Last {Token}", lastToken);
                    }

                    void Drain(System.Threading.Channels.ChannelReader<string> reader)
                    {
                        while (reader.TryRead(out var token))
                        {
                            Console.Write(token);
                        }
                    }

                    async IAsyncEnumerable<string> StreamTokensAsync()
                    {
                        await Task.Yield();
                        yield return "Hi";
                    }
                }
                """).RunAsync();

        [Fact]
        public Task Lengths_and_checks_about_a_secret_are_not_the_secret()
            => Test("""
                class C
                {
                    void M(ILogger logger, string apiKey, bool hasApiKey)
                    {
                        logger.LogInformation("Key length {Length}", apiKey.Length);
                        logger.LogInformation("Key set {Set}", !string.IsNullOrEmpty(apiKey));
                        logger.LogInformation("Key set {Set}", apiKey is not null);
                        logger.LogInformation("Has key {Has}", hasApiKey);
                        logger.LogInformation($"Key present: {apiKey != null}, length {apiKey?.Length}");
                        logger.LogInformation("Key hash {Hash}", apiKey.GetHashCode());
                    }
                }
                """).RunAsync();

        [Fact]
        public Task Values_passed_through_a_redacting_method_are_not_secrets()
            => Test("""
                static class Redaction
                {
                    public static string Redact(string value) => "***";
                    public static string MaskSecret(string value) => "***";
                    public static string HashApiKey(string value) => "h";
                    public static string Sanitize(object value) => "";
                }
                class Vault { public string GetRedactedApiKey() => "***"; public string MaskedSecret => "***"; }
                class C
                {
                    void M(ILogger logger, string apiKey, HttpRequestMessage request, Vault vault, string maskedApiKey, string hashedPassword)
                    {
                        logger.LogInformation("Key {Key}", vault.GetRedactedApiKey());
                        logger.LogInformation("Key {Key}", vault.MaskedSecret);
                        logger.LogInformation("Key {A} {B}", maskedApiKey, hashedPassword);
                        var redactedKey = Redaction.Redact(apiKey);
                        logger.LogInformation($"Key {redactedKey}");
                        logger.LogInformation("Key {Key}", Redaction.Redact(apiKey));
                        logger.LogInformation("Key {Key}", Redaction.MaskSecret(apiKey));
                        logger.LogInformation("Key {Key}", Redaction.HashApiKey(apiKey));
                        logger.LogInformation($"Request {Redaction.Sanitize(request)}");
                        logger.LogInformation("Key {Key}", Redaction.Redact(request.Headers.Authorization?.Parameter ?? ""));
                    }
                }
                """).RunAsync();

        [Fact]
        public Task Names_that_talk_about_a_secret_are_not_secrets()
            => Test("""
                class C
                {
                    void M(ILogger logger, string apiKeyName, string secretConfigKey, string authHeader, string passwordHash, string key)
                    {
                        logger.LogInformation("{A} {B} {C} {D} {E}", apiKeyName, secretConfigKey, authHeader, passwordHash, key);
                    }
                }
                """).RunAsync();

        [Fact]
        public Task A_truncated_prefix_of_a_secret_is_treated_as_masked()
            => Test("""
                class C
                {
                    void M(ILogger logger, string apiKey)
                    {
                        logger.LogInformation("Key prefix {Prefix}", apiKey.Substring(0, 4));
                        logger.LogInformation("Key prefix {Prefix}", apiKey[..4]);
                    }
                }
                """).RunAsync();

        [Fact]
        public Task Arbitrary_method_results_are_not_assumed_to_carry_their_arguments()
            => Test("""
                class C
                {
                    static int Count(string value) => value.Length;
                    static string Describe(string value) => "described";
                    void M(ILogger logger, string apiKey)
                    {
                        logger.LogInformation("{N}", Count(apiKey));
                        logger.LogInformation("{D}", Describe(apiKey));
                    }
                }
                """).RunAsync();

        [Fact]
        public Task A_local_reassigned_to_a_safe_value_is_judged_by_every_value_it_held()
            => Test("""
                class C
                {
                    void M(ILogger logger, string apiKey, string user)
                    {
                        var text = user;
                        logger.LogInformation("{T}", text);
                        var other = "constant";
                        other = user.ToUpperInvariant();
                        logger.LogInformation("{T}", other);
                    }
                }
                """).RunAsync();

        [Fact]
        public Task Projections_of_request_headers_are_not_followed()
            => Test("""
                class C
                {
                    void M(ILogger logger, HttpRequestMessage request)
                    {
                        logger.LogInformation("{Names}", string.Join(",", request.Headers.Select(h => h.Key)));
                        logger.LogInformation("{Count}", request.Headers.Count());
                    }
                }
                """).RunAsync();

        [Fact]
        public Task Request_headers_filtered_to_drop_the_auth_header_are_not_secrets()
            => Test("""
                class C
                {
                    void M(ILogger logger, HttpRequestMessage request)
                    {
                        logger.LogDebug("{Headers}", request.Headers.Where(h => h.Key != "Authorization").ToList());
                        logger.LogDebug("{Headers}", request.Headers.Where(h => !string.Equals(h.Key, "authorization", StringComparison.OrdinalIgnoreCase)));
                        logger.LogDebug("{Headers}", request.Headers.Where(h => h.Key is not "Authorization"));
                        logger.LogDebug("{Headers}", [|request.Headers.Where(h => h.Key == "Authorization")|]);
                        logger.LogDebug("{Headers}", [|request.Headers.Where(h => h.Key != "Accept")|]);
                    }
                }
                """).RunAsync();
    }
}
