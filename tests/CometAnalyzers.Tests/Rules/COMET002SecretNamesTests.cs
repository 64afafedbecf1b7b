using CometAnalyzers.Rules.Secrets;
using Xunit;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>The word-aware name rule behind COMET002, tested directly.</summary>
    public class COMET002SecretNamesTests
    {
        [Theory]
        [InlineData("apiKey", "api key")]
        [InlineData("ApiKey", "api key")]
        [InlineData("api_key", "api key")]
        [InlineData("API_KEY", "api key")]
        [InlineData("_bearerToken2", "bearer token")]
        [InlineData("HTTPClientSecret", "http client secret")]
        [InlineData("CometApi:ApiKey", "comet api api key")]
        [InlineData("x-api-key", "x api key")]
        public void Identifiers_split_into_lower_case_words(string identifier, string words)
            => Assert.Equal(words, string.Join(" ", IdentifierWords.Split(identifier)));

        [Theory]
        [InlineData("apiKey")]
        [InlineData("ApiKey")]
        [InlineData("api_key")]
        [InlineData("COMET_API_KEY")]
        [InlineData("_apiKey")]
        [InlineData("openAiApiKey")]
        [InlineData("apikey")]
        [InlineData("apiKeys")]
        [InlineData("apiKeyValue")]
        [InlineData("secret")]
        [InlineData("clientSecret")]
        [InlineData("clientsecret")]
        [InlineData("secrets")]
        [InlineData("password")]
        [InlineData("dbPassword")]
        [InlineData("passphrase")]
        [InlineData("bearerToken")]
        [InlineData("accessToken")]
        [InlineData("authToken")]
        [InlineData("refreshToken")]
        [InlineData("token")]
        [InlineData("Token")]
        [InlineData("tokenValue")]
        [InlineData("credential")]
        [InlineData("credentials")]
        [InlineData("apiKeyCredential")]
        [InlineData("privateKey")]
        [InlineData("jwtSecretKey")]
        [InlineData("encryptionSecret")]
        [InlineData("CometApi:ApiKey")]
        [InlineData("COMETAPI_KEY")]
        [InlineData("cometapiKey")]
        public void Names_that_end_with_a_secret_word_are_secrets(string name)
            => Assert.True(SecretNames.Default.IsSecret(name), name);

        [Theory]
        [InlineData("token", true)]
        [InlineData("Token", true)]
        [InlineData("tokenValue", true)]
        [InlineData("lastToken", true)]
        [InlineData("textToken", true)]
        [InlineData("accessToken", false)]
        [InlineData("bearerToken", false)]
        [InlineData("refreshToken", false)]
        [InlineData("cometToken", false)]
        [InlineData("maskedToken", false)]
        [InlineData("apiKey", false)]
        public void Only_a_bare_or_text_qualified_token_is_ambiguous(string name, bool ambiguous)
            => Assert.Equal(ambiguous, SecretNames.Default.IsAmbiguous(name));

        [Theory]
        [InlineData("TotalTokens")]
        [InlineData("maxTokens")]
        [InlineData("promptTokens")]
        [InlineData("completionTokens")]
        [InlineData("tokenCount")]
        [InlineData("tokenizer")]
        [InlineData("tokenBudget")]
        [InlineData("cancellationToken")]
        [InlineData("continuationToken")]
        [InlineData("nextPageToken")]
        [InlineData("apiKeyName")]
        [InlineData("ApiKeyHeaderName")]
        [InlineData("apiKeyLength")]
        [InlineData("secretConfigKey")]
        [InlineData("SecretEnvVar")]
        [InlineData("passwordHash")]
        [InlineData("hashedPassword")]
        [InlineData("maskedApiKey")]
        [InlineData("RedactedToken")]
        [InlineData("GetSanitizedSecret")]
        [InlineData("key")]
        [InlineData("authHeader")]
        [InlineData("authScheme")]
        [InlineData("requestId")]
        [InlineData("keyboard")]
        [InlineData("cacheKey")]
        [InlineData("COMETAPI_KEY_NAME")]
        [InlineData("capi")]
        [InlineData("CometApi:BaseUrl")]
        [InlineData("")]
        [InlineData("_")]
        public void Names_that_only_talk_about_a_secret_are_not_secrets(string name)
            => Assert.False(SecretNames.Default.IsSecret(name), name);
    }
}
