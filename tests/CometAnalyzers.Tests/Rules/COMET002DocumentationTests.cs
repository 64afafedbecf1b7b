using System.Threading.Tasks;
using Xunit;
using static CometAnalyzers.Tests.Rules.COMET002Sources;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>The examples in docs/rules/COMET002.md, checked so the page cannot drift from the rule.</summary>
    public class COMET002DocumentationTests
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
                    void M(ILogger logger, HttpRequestMessage request, IConfiguration configuration, System.Net.NetworkCredential proxyCredential)
                    {
                        logger.LogDebug([|$"Sending {request}"|]);
                        logger.LogDebug("Auth: {Auth}", [|request.Headers.Authorization|]);
                        Console.WriteLine([|configuration["CometApi:ApiKey"]|]);
                        Activity.Current?.SetTag("comet.key", [|Environment.GetEnvironmentVariable("COMETAPI_API_KEY")|]);
                        logger.LogWarning("Proxy login {Password}", [|proxyCredential.Password|]);
                    }
                }
                """).WithContract(RepoContract).RunAsync();

        [Fact]
        public Task Compliant_examples_are_silent()
            => Test("""
                class Usage { public int TotalTokens { get; set; } }
                class C
                {
                    void M(ILogger logger, string apiKey, HttpRequestMessage request, HttpResponseMessage response, Usage usage, int maxTokens, string body)
                    {
                        logger.LogInformation("Calling CometAPI with key {Key}", "[REDACTED]");
                        logger.LogInformation("API key configured: {Configured}", !string.IsNullOrEmpty(apiKey));
                        logger.LogDebug("Sending {Method} {Uri}", request.Method, request.RequestUri);
                        logger.LogDebug("Auth scheme {Scheme}", request.Headers.Authorization?.Scheme);
                        logger.LogInformation("Used {Total} of {Max} tokens", usage.TotalTokens, maxTokens);
                        logger.LogInformation("Request id {Id}", response.Headers.GetValues("x-request-id").FirstOrDefault());
                        logger.LogError("Failed: {Body}", body.Replace(apiKey, "[REDACTED]"));
                    }
                }
                """).WithContract(RepoContract).RunAsync();

        [Fact]
        public Task A_GetValue_extension_on_IConfiguration_is_read_like_ConfigurationBinder()
            => Test("""
                static class ConfigurationValues
                {
                    // Same shape as ConfigurationBinder.GetValue<T>, whose package these tests do not reference.
                    public static T? GetValue<T>(this IConfiguration configuration, string key) => default;
                }
                class C
                {
                    void M(ILogger logger, IConfiguration configuration)
                    {
                        logger.LogDebug("{Key}", [|configuration.GetValue<string>("CometApi:Auth")|]);
                        logger.LogDebug("{Url}", configuration.GetValue<string>("CometApi:BaseUrl"));
                    }
                }
                """).WithContract(AuthContract).RunAsync();
    }
}
