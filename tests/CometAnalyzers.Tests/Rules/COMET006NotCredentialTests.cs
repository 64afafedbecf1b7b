using System.Threading.Tasks;
using Xunit;
using static CometAnalyzers.Tests.Rules.COMET006Sources;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>What COMET006 leaves alone: placeholders, the scheme alone, keys read at run time, and constants that are no credential.</summary>
    public class COMET006NotCredentialTests
    {
        [Fact]
        public Task Empty_strings_and_obvious_placeholders_are_silent()
            => Test("""
                class C
                {
                    void M(HttpClient client, Uri endpoint)
                    {
                        var empty = new ApiKeyCredential("");
                        var slot = new ApiKeyCredential("<your-key>");
                        var upper = new OpenAIClient("YOUR_API_KEY");
                        var elided = new ChatClient("gpt-4o", "sk-...");
                        var test = new ApiKeyCredential("test");
                        var dummy = new AzureKeyCredential("dummy");
                        var fake = new ApiKeyCredential("fake-key-for-tests");
                        var variableName = new ApiKeyCredential("OPENAI_API_KEY");
                        var template = new ApiKeyCredential("{apiKey}");
                        var stars = new AzureKeyCredential("********************");
                        var words = new ApiKeyCredential("api-key-value");
                        var invalid = new ApiKeyCredential("invalid_key");
                        var mine = new ApiKeyCredential("my-secret-api-key");
                        client.DefaultRequestHeaders.Add("Authorization", "Bearer <token>");
                        client.DefaultRequestHeaders.Add("Authorization", "Bearer YOUR_TOKEN_HERE");
                        client.DefaultRequestHeaders.Add("api-key", "xxxxxxxxxxxxxxxxxxxxxxxx");
                        var proxy = new NetworkCredential("user", "password");
                    }
                }
                """).RunAsync();

        [Fact]
        public Task Text_with_characters_no_issued_key_has_is_silent()
            => Test("""
                class C
                {
                    void M(HttpClient client, OpenAIClientOptions options)
                    {
                        var hearts = new OpenAIClient(new ApiKeyCredential("WeLove<3LocalModels"), options);
                        var question = new AzureKeyCredential("whichKey?askTheTeam");
                        var quoted = new ChatClient("gpt-4o", "the'real'one-is-elsewhere");
                        var accented = new ApiKeyCredential("clé-du-serveur-maison");
                        client.DefaultRequestHeaders.Add("Authorization", "Bearer ask!the!admin!first");
                        client.DefaultRequestHeaders.Authorization = new("Bearer", "set(at)deploy(time)");
                    }
                }
                """).RunAsync();

        [Fact]
        public Task A_value_that_says_no_key_is_needed_is_silent()
            => Test("""
                class C
                {
                    void M(OpenAIClientOptions localServer)
                    {
                        var notNeeded = new OpenAIClient(new ApiKeyCredential("key-not-needed"), localServer);
                        var noKey = new OpenAIClient(new ApiKeyCredential("NoKey"), localServer);
                        var required = new ChatClient("llama3", new ApiKeyCredential("sk-no-key-required"), localServer);
                        var ignored = new OpenAIClient(new ApiKeyCredential("ignored-by-the-server"), localServer);
                        var unused = new ChatClient("phi3", "unused-key-value");
                    }
                }
                """).RunAsync();

        [Fact]
        public Task The_scheme_alone_and_values_that_are_not_the_credential_are_silent()
            => Test("""
                class C
                {
                    void M(HttpClient client, Uri endpoint)
                    {
                        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer");
                        client.DefaultRequestHeaders.Add("Authorization", "Bearer");
                        var named = new AzureNamedKeyCredential("storage-account-name", Environment.GetEnvironmentVariable("STORAGE_KEY")!);
                        var proxy = new NetworkCredential("service-account-user", Environment.GetEnvironmentVariable("PROXY_PASSWORD"));
                        var chat = new ChatClient("gpt-4o-mini-2024-07-18", Environment.GetEnvironmentVariable("OPENAI_API_KEY"));
                        client.DefaultRequestHeaders.Add("X-Request-Id", "9f1c2d3e4b5a69788796a5b4c3d2e1f0");
                        var azure = new AzureOpenAIClient(new Uri("https://contoso.openai.azure.com"), new AzureKeyCredential(Environment.GetEnvironmentVariable("AZURE_KEY")!));
                    }
                }
                """).RunAsync();

        [Fact]
        public Task Keys_read_from_configuration_the_environment_or_a_parameter_are_silent()
            => Test("""
                class C
                {
                    ApiKeyCredential M(IConfiguration configuration, string key, Func<string> secretStore)
                    {
                        var fromConfiguration = new ApiKeyCredential(configuration["OpenAI:ApiKey"]!);
                        var fromVariable = new ChatClient("gpt-4o", Environment.GetEnvironmentVariable("OPENAI_API_KEY"));
                        var fromStore = new AzureKeyCredential(secretStore());
                        var required = configuration["CometApi:Auth"] ?? throw new InvalidOperationException("CometApi:Auth is not configured");
                        string withDefault = configuration["CometApi:Auth"] ?? "";
                        return new ApiKeyCredential(key);
                    }
                }
                """).WithContract(AuthContract).RunAsync();

        [Fact]
        public Task Without_a_contract_a_fallback_for_a_key_named_like_a_secret_is_not_judged_until_it_reaches_a_credential()
            => Test("""
                class C
                {
                    string M(IConfiguration configuration) => configuration["OpenAI:ApiKey"] ?? "sk-4f9Qe2LmW8rT1zXc7VbN3aKd";
                }
                """).RunAsync();

        [Fact]
        public Task A_key_like_constant_that_reaches_no_credential_is_not_this_rules()
            => Test("""
                class C
                {
                    const string Key = "sk-4f9Qe2LmW8rT1zXc7VbN3aKd";

                    void M(HttpClient client)
                    {
                        Console.WriteLine(Key.Length);
                        client.DefaultRequestHeaders.Add("X-Client", Key);
                        var url = new Uri("https://example.com/?key=" + Key);
                    }
                }
                """).RunAsync();
    }
}
