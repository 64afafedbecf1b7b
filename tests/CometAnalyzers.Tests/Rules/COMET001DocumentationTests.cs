using System.Threading.Tasks;
using CometAnalyzers.Rules;
using CometAnalyzers.Tests.Infrastructure;
using Xunit;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>The examples in docs/rules/COMET001.md and COMET011.md, checked so the pages cannot drift from the rules.</summary>
    public class COMET001DocumentationTests
    {
        [Fact]
        public Task COMET001_non_compliant_examples_are_reported()
            => AnalyzerTest.For<HardcodedEndpointAnalyzer>().WithSource("""
                using System;
                using System.Net.Http;
                using System.Net.Http.Json;
                using System.Threading.Tasks;
                class C
                {
                    const string ChatUrl = [|"https://api.cometapi.com/v1/chat/completions"|];

                    async Task M(HttpClient client, string baseUrl, object request)
                    {
                        await client.PostAsJsonAsync($"{baseUrl}[|/v1/chat/completions|]", request);
                        var eu = new Uri([|"https://eu.cometapi.com/"|]);
                    }
                }
                """).WithContract(COMET001Sources.CometContract).RunAsync();

        [Fact]
        public Task COMET001_compliant_examples_are_silent()
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
                    }
                }
                """).WithSource(COMET001Sources.DefaultContractClass).WithContract(COMET001Sources.CometContract).RunAsync();

        [Fact]
        public Task COMET011_non_compliant_examples_are_reported()
            => AnalyzerTest.For<HardcodedRemoteUrlAnalyzer>().WithSource("""
                using System;
                using System.Net.Http;
                using System.Threading.Tasks;
                class C
                {
                    async Task M(string environment, int id)
                    {
                        var client = new HttpClient { BaseAddress = new Uri([|"https://gateway.vendor.io/"|]) };
                        await client.GetStringAsync([|"https://status.vendor.io/health"|]);

                        var gateway = environment switch { "prod" => [|"https://gateway.vendor.io/"|], _ => "http://localhost:5000/" };
                        await client.GetStringAsync(FormattableString.Invariant($"{gateway}users/{id}"));
                    }
                }
                """).RunAsync();

        [Fact]
        public Task COMET011_compliant_examples_are_silent()
            => AnalyzerTest.For<HardcodedRemoteUrlAnalyzer>().WithSource("""
                using System;
                using System.Net.Http;
                using Microsoft.Extensions.Configuration;
                using OpenAI.Chat;
                class C
                {
                    void M(IConfiguration configuration)
                    {
                        var client = new HttpClient { BaseAddress = new Uri(configuration["Vendor:BaseUrl"]!) };
                        var part = ChatMessageContentPart.CreateImagePart(new Uri("https://cdn.vendor.io/cat"));
                        client.BaseAddress = new Uri("http://orders-api");
                    }
                }
                """).RunAsync();
    }
}
