using System.Threading.Tasks;
using CometAnalyzers.Tests.Infrastructure;
using Xunit;
using static CometAnalyzers.Tests.Rules.COMET002Sources;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>The examples in docs/rules/COMET012.md, checked so the page cannot drift from the rule.</summary>
    public class COMET012DocumentationTests
    {
        [Fact]
        public Task Non_compliant_examples_are_reported()
            => Test("""
                using Microsoft.AspNetCore.Http;

                class Settings { public string ApiKey { get; set; } = ""; }
                class C
                {
                    private static readonly NLog.Logger Logger = NLog.LogManager.GetCurrentClassLogger();

                    void M(ILogger logger, string apiKey, IConfiguration configuration, HttpRequest request, Settings settings, Exception exception)
                    {
                        logger.LogInformation("Calling CometAPI with key {Key}", {|COMET012:apiKey|});
                        Console.WriteLine({|COMET012:configuration["Billing:ApiKey"]|});
                        logger.LogInformation("Hook with token {Token}", {|COMET012:request.Headers["X-Hook-Token"]|});
                        Logger.Error(exception, "Could not connect with {Key}", {|COMET012:settings.ApiKey|});
                    }
                }
                """).WithLibrary(TestReferences.AspNetCore).WithLibrary(TestReferences.NLog).RunAsync();

        [Fact]
        public Task Compliant_examples_are_silent()
            => Test("""
                using OpenAI.Chat;

                class Usage { public int TotalTokens { get; set; } }
                class C
                {
                    async Task M(ILogger logger, string apiKey, Usage usage, int maxTokens, ChatTokenLogProbabilityDetails logProbability, IAsyncEnumerable<string> stream, string body)
                    {
                        logger.LogInformation("API key configured: {Configured}", !string.IsNullOrEmpty(apiKey));
                        logger.LogInformation("Used {Total} of {Max} tokens", usage.TotalTokens, maxTokens);
                        Console.WriteLine($"Token: {logProbability.Token}");
                        await foreach (var token in stream) Console.Write(token);
                        logger.LogError("Failed: {Body}", body.Replace(apiKey, "[REDACTED]"));
                    }
                }
                """).RunAsync();
    }
}
