using System.Threading.Tasks;
using CometAnalyzers.Rules;
using CometAnalyzers.Tests.Infrastructure;
using Xunit;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>The examples in docs/rules/COMET001.md, checked so the page cannot drift from the rule.</summary>
    public class COMET001DocumentationTests
    {
        [Fact]
        public Task Non_compliant_examples_are_reported()
            => AnalyzerTest.For<HardcodedEndpointAnalyzer>().WithSource("""
                using System;
                using System.Net.Http;
                using System.Net.Http.Json;
                using System.Threading.Tasks;
                class C
                {
                    const string ChatUrl = [|"https://api.cometapi.com/v1/chat/completions"|];

                    async Task M(string baseUrl, object request, string environment, int id)
                    {
                        var client = new HttpClient { BaseAddress = new Uri([|"https://gateway.example.com/"|]) };
                        await client.PostAsJsonAsync($"{baseUrl}[|/v1/chat/completions|]", request);
                        await client.GetStringAsync([|"https://status.example.com/health"|]);

                        var gateway = environment switch { "prod" => [|"https://gateway.example.com/"|], _ => "http://localhost:5000/" };
                        await client.GetStringAsync(FormattableString.Invariant($"{gateway}users/{id}"));
                    }
                }
                """).RunAsync();

        [Fact]
        public Task Compliant_examples_are_silent()
            => AnalyzerTest.For<HardcodedEndpointAnalyzer>().WithSource("""
                using System;
                using System.Net.Http;
                using System.Net.Http.Json;
                using System.Threading.Tasks;
                using CometApi.Contracts;
                using Microsoft.Extensions.Configuration;
                class C
                {
                    async Task M(IConfiguration configuration, object request)
                    {
                        var baseUrl = configuration["CometApi:BaseUrl"] ?? throw new InvalidOperationException("CometApi:BaseUrl is not set");
                        var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
                        await client.PostAsJsonAsync(CometApiContract.Path.TrimStart('/'), request);

                        var mock = new Uri("http://localhost:5000/v1/chat/completions");
                        throw new InvalidOperationException("Quota exceeded, see https://docs.example.com/quota");
                    }
                }
                """).WithSource(COMET001Sources.DefaultContractClass).RunAsync();
    }
}
