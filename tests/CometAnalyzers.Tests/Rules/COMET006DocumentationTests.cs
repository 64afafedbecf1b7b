using System.Threading.Tasks;
using Xunit;
using static CometAnalyzers.Tests.Rules.COMET006Sources;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>The examples and limits in docs/rules/COMET006.md, checked so the page cannot drift from the rule.</summary>
    public class COMET006DocumentationTests
    {
        /// <summary>The auth section of contract/cometapi.chat-completions.contract.json, which the page's examples use.</summary>
        private const string RepoContract = """
            {
              "name": "CometApi",
              "auth": { "header": "Authorization", "scheme": "Bearer", "secretConfigKey": "CometApi:ApiKey", "secretEnvVar": "COMETAPI_API_KEY" },
              "response": { "type": "object" }
            }
            """;

        [Fact]
        public Task Non_compliant_examples_are_reported()
            => Test("""
                class C
                {
                    void M(HttpClient http, Uri endpoint, IConfiguration configuration)
                    {
                        var client = new ChatClient("gpt-4o-mini", [|"sk-4f9Qe2LmW8rT1zXc7VbN3aKd"|]);
                        http.DefaultRequestHeaders.Authorization = new("Bearer", [|"sk-9Zt3Rq7LmW2pX5cV8bN1aKd"|]);
                        http.DefaultRequestHeaders.Add("api-key", [|"0a1b2c3d4e5f60718293a4b5c6d7e8f9"|]);
                        var azure = new AzureOpenAIClient(endpoint, new AzureKeyCredential([|"1a1b2c3d4e5f60718293a4b5c6d7e8f9"|]));
                        string key = configuration["CometApi:ApiKey"] ?? [|"sk-8Yt3Rq7LmW2pX5cV8bN1aKe"|];
                    }
                }
                """).WithContract(RepoContract).RunAsync();

        [Fact]
        public Task Compliant_examples_are_silent()
            => Test("""
                class C
                {
                    void M(HttpClient http, IConfiguration configuration)
                    {
                        string key = configuration["CometApi:ApiKey"] ?? throw new InvalidOperationException("CometApi:ApiKey is not set");
                        var client = new ChatClient("gpt-4o-mini", key);
                        var fromVariable = new ApiKeyCredential(Environment.GetEnvironmentVariable("COMETAPI_API_KEY") ?? throw new InvalidOperationException("COMETAPI_API_KEY is not set"));
                        http.DefaultRequestHeaders.Authorization = new("Bearer", key);
                        var forTests = new ApiKeyCredential("fake-key-for-tests");
                    }
                }
                """).WithContract(RepoContract).RunAsync();

        [Fact]
        public Task The_fallback_of_an_auth_header_read_by_name_is_a_sink_without_a_contract()
            => Test("""
                class C
                {
                    string M(Dictionary<string, string?> headers) => headers["Authorization"] ?? [|"Bearer sk-4f9Qe2LmW8rT1zXc7VbN3aKd"|];
                }
                """).RunAsync();

        [Fact]
        public Task Known_limits_hold_a_made_up_value_is_a_key_and_parameters_and_built_statics_are_not_followed()
            => Test("""
                class C
                {
                    private const string Prefix = "sk-";
                    private static readonly string Built = Prefix + "4f9Qe2LmW8rT1zXc7VbN3aKd";

                    ApiKeyCredential MadeUp() => new([|"abcd1234efgh"|]);

                    ApiKeyCredential FromDefault(string apiKey = "sk-9Zt3Rq7LmW2pX5cV8bN1aKd") => new(apiKey);

                    ApiKeyCredential FromBuiltStatic() => new(Built);
                }
                """).RunAsync();
    }
}
