using System.Globalization;
using System.Threading.Tasks;
using CometAnalyzers.Rules;
using Xunit;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>COMET002 in a compilation that references only the core library: no logging, HTTP or configuration types.</summary>
    public class COMET002MinimalCompilationTests
    {
        [Fact]
        public async Task Without_logging_and_http_types_the_sinks_that_exist_still_work()
        {
            var diagnostics = await COMET001MinimalCompilationTests.RunOnCoreLibraryAsync(new SecretWrittenToLogAnalyzer(), """
                class C
                {
                    void M(string apiKey, string user)
                    {
                        System.Diagnostics.Debug.WriteLine(apiKey);
                        System.Diagnostics.Debug.WriteLine(user);
                    }
                }
                """);

            Assert.StartsWith("'apiKey' (named like a secret)", Assert.Single(diagnostics).GetMessage(CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        }
    }
}
