using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using CometAnalyzers.Rules;
using CometAnalyzers.Tests.Infrastructure;
using Xunit;
using static CometAnalyzers.Tests.Rules.COMET011Sources;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>COMET011 where a request is sent: each kind of sink takes a hardcoded remote URL.</summary>
    public class COMET011SinkTests
    {
        [Fact]
        public Task HttpClient_request_uris_are_sinks_as_text_and_as_Uri()
            => Test("""
                class C
                {
                    async Task M(HttpClient client, HttpContent content)
                    {
                        await client.GetAsync([|"https://api.orbitpay.io/a"|]);
                        await client.GetStringAsync([|"https://api.orbitpay.io/b"|]);
                        await client.PostAsync([|"https://api.orbitpay.io/c"|], content);
                        await client.PutAsync(new Uri([|"https://api.orbitpay.io/d"|]), content);
                        await client.PatchAsync([|"https://api.orbitpay.io/e"|], content);
                        await client.DeleteAsync(new Uri([|"https://api.orbitpay.io/f"|], UriKind.Absolute));
                        await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, [|"https://api.orbitpay.io/g"|]));
                        await client.GetByteArrayAsync([|"https://api.orbitpay.io/h"|]);
                    }
                }
                """).RunAsync();

        [Fact]
        public Task Json_extension_request_uris_are_sinks()
            => Test("""
                class C
                {
                    async Task M(HttpClient client)
                    {
                        await client.GetFromJsonAsync<string[]>([|"https://api.orbitpay.io/a"|]);
                        await client.PostAsJsonAsync([|"https://api.orbitpay.io/b"|], new { x = 1 });
                        await client.PutAsJsonAsync(new Uri([|"https://api.orbitpay.io/c"|]), 1);
                        await client.DeleteFromJsonAsync<string>([|"https://api.orbitpay.io/d"|]);
                    }
                }
                """).RunAsync();

        [Fact]
        public Task Base_addresses_and_request_uris_set_as_properties_are_sinks()
            => Test("""
                using OpenAI;
                class C
                {
                    void M(HttpClient client, HttpRequestMessage request)
                    {
                        client.BaseAddress = new Uri([|"https://gateway.orbitpay.io/"|]);
                        request.RequestUri = new Uri([|"https://gateway.orbitpay.io/chat"|]);
                        var options = new OpenAIClientOptions { Endpoint = new Uri([|"https://proxy.orbitpay.io/v1"|]) };
                        var initialized = new HttpClient { BaseAddress = new Uri([|"https://gateway.orbitpay.io/v2/"|]) };
                    }

                    void Configure(Action<HttpClient> configure) => configure(new HttpClient());

                    void Typed() => Configure(client => client.BaseAddress = new Uri([|"https://typed.orbitpay.io/"|]));
                }
                """).RunAsync();

        [Fact]
        public Task Legacy_WebRequest_and_WebClient_addresses_are_sinks()
            => Test("""
                using System.Net;
                #pragma warning disable SYSLIB0014
                class C
                {
                    async Task M(WebClient web)
                    {
                        WebRequest.Create([|"https://legacy.orbitpay.io/a"|]);
                        await web.DownloadStringTaskAsync([|"https://legacy.orbitpay.io/b"|]);
                        web.BaseAddress = [|"https://legacy.orbitpay.io/"|];
                    }
                }
                """).RunAsync();

        [Fact]
        public Task The_address_a_library_client_type_is_constructed_with_is_a_sink()
            => AnalyzerTest.For<HardcodedRemoteUrlAnalyzer>()
                .WithReferencedAssembly("""
                    public class WeatherClient
                    {
                        public WeatherClient(System.Uri server, string apiKey) { }
                    }

                    public class ForecastApi
                    {
                        public ForecastApi(string baseUrl) { }
                        public ForecastApi(string name, int retries) { }
                    }
                    """)
                .WithSource(COMET011Sources.Usings + """
                    class C
                    {
                        WeatherClient A() => new WeatherClient(new Uri([|"https://weather.orbitpay.io"|]), "key");
                        ForecastApi B() => new ForecastApi([|"https://forecast.orbitpay.io/v3"|]);
                        ForecastApi D() => new ForecastApi("https://forecast.orbitpay.io/not-an-address", 3);
                    }
                    """)
                .RunAsync();

        [Fact]
        public Task Parameters_and_other_objects_properties_named_for_an_endpoint_are_sinks()
            => Test("""
                class VendorOptions
                {
                    public string? BaseUrl { get; set; }
                    public Uri? Endpoint { get; set; }
                    public string? Title { get; set; }
                }

                static class Registration
                {
                    public static List<string> AddVendorChat(this List<string> services, string model, Uri endpoint) => services;
                }

                class C
                {
                    VendorOptions A() => new VendorOptions { BaseUrl = [|"https://vendor.orbitpay.io"|], Title = "https://orbitpay.io/about" };
                    void B(VendorOptions options) => options.Endpoint = new Uri([|"https://vendor.orbitpay.io/v1"|]);
                    List<string> D(List<string> services) => services.AddVendorChat("model-1", new Uri([|"https://chat.orbitpay.io"|]));
                }
                """).RunAsync();

        [Fact]
        public Task An_unresolved_call_counts_an_argument_written_with_an_endpoint_name()
            => Test("""
                class C
                {
                    void M(object builder)
                    {
                        builder.AddVendorChat(model: "m", endpoint: new Uri([|"https://chat.orbitpay.io"|]));
                        builder.AddVendorChat(model: "https://chat.orbitpay.io/model");
                        new UnknownVendorClient(new Uri([|"https://unknown.orbitpay.io"|]));
                    }
                }
                """).AllowCompilerErrors().RunAsync();

        [Fact]
        public async Task The_message_names_the_url_and_where_it_is_sent()
        {
            var diagnostics = await Test("""
                class C
                {
                    Task<string> M(HttpClient client) => client.GetStringAsync("https://status.orbitpay.io/health");
                    void N(HttpClient client) => client.BaseAddress = new Uri("https://gateway.orbitpay.io/");
                }
                """).GetDiagnosticsAsync();

            Assert.Collection(
                diagnostics.OrderBy(d => d.Location.SourceSpan.Start).Select(d => d.GetMessage(CultureInfo.InvariantCulture)),
                m => Assert.Equal("'https://status.orbitpay.io/health' is hardcoded as the request URI of GetStringAsync; read the URL from configuration so the endpoint can change without a redeploy", m),
                m => Assert.Equal("'https://gateway.orbitpay.io/' is hardcoded as HttpClient.BaseAddress; read the URL from configuration so the endpoint can change without a redeploy", m));
        }
    }
}
