using System.Threading.Tasks;
using Xunit;
using static CometAnalyzers.Tests.Rules.COMET002Sources;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>
    /// <c>text.Replace(secret, "[REDACTED]")</c> is how code takes a secret out of a text: the replaced value is not what
    /// the result is built from. Only the receiver (less what was replaced) and the replacement are followed.
    /// </summary>
    public class COMET002ReplaceRedactionTests
    {
        [Fact]
        public Task A_text_with_the_secret_replaced_is_not_a_leak()
            => Test("""
                class ProviderAuth { public string? ApiKey { get; set; } }
                class C
                {
                    async Task<Exception> M(ILogger logger, HttpResponseMessage response, string apiKey, ProviderAuth auth)
                    {
                        string body = await response.Content.ReadAsStringAsync();
                        logger.LogError("Failed: {Body}", body.Replace(apiKey, "[REDACTED]"));

                        string cleaned = body.Replace(auth.ApiKey!, "***", StringComparison.Ordinal);
                        logger.LogError("Failed: {Body}", cleaned);

                        string text;
                        try
                        {
                            text = await response.Content.ReadAsStringAsync();
                        }
                        catch (Exception e)
                        {
                            text = $"The body could not be read: {e.Message}";
                        }

                        if (auth.ApiKey is not null)
                        {
                            text = text.Replace(auth.ApiKey, "[KEY REDACTED]");
                        }

                        return new HttpRequestException($"{text} (status {response.StatusCode})");
                    }
                }
                """).RunAsync();

        [Fact]
        public Task A_text_whose_only_secret_is_the_replaced_one_comes_out_clean()
            => Test("""
                class Settings { public string ApiKey { get; set; } = ""; }
                class C
                {
                    void M(ILogger logger, string apiKey, Settings settings)
                    {
                        string line = $"key={apiKey}";
                        logger.LogDebug("{Line}", line.Replace(apiKey, "***"));
                        logger.LogDebug("{Line}", $"key={settings.ApiKey}".Replace(settings.ApiKey, "***"));
                        var copy = apiKey;
                        logger.LogDebug("{Line}", $"key={copy}".Replace(apiKey, "***"));
                    }
                }
                """).RunAsync();

        [Fact]
        public Task A_replace_that_leaves_a_secret_in_or_puts_one_in_still_leaks()
            => Test("""
                class C
                {
                    void M(ILogger logger, string apiKey, string password, string body, HttpRequestMessage request, string other)
                    {
                        logger.LogDebug("{V}", {|COMET012:$"{apiKey}/{password}".Replace(apiKey, "***")|});
                        logger.LogDebug("{V}", {|COMET012:body.Replace("{key}", apiKey)|});
                        logger.LogDebug("{V}", {|COMET012:apiKey.Replace("sk-", "")|});
                        logger.LogDebug("{V}", {|COMET012:$"{apiKey}".Replace(other, "***")|});
                        logger.LogDebug("{V}", {|COMET002:request.ToString().Replace(apiKey, "***")|});
                        logger.LogDebug("{V}", {|COMET002:request.Headers.Authorization!.Parameter!.Replace('a', 'b')|});
                    }
                }
                """).RunAsync();
    }
}
