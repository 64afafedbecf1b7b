using System.Threading.Tasks;
using Xunit;
using static CometAnalyzers.Tests.Rules.COMET011Sources;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>
    /// COMET011's true negatives: URLs that are not an endpoint the code sends to, or not a production endpoint, each
    /// class next to a positive that differs only in what makes the class.
    /// </summary>
    public class COMET011NotEndpointTests
    {
        [Fact]
        public Task A_uri_handed_to_a_model_as_content_is_not_sent()
            => Test("""
                using OpenAI.Chat;
                class ImagePart
                {
                    public ImagePart(Uri source) { }
                }

                class C
                {
                    ChatMessageContentPart A() => ChatMessageContentPart.CreateImagePart(new Uri("https://media.orbitpay.io/cat"));
                    ImagePart B() => new ImagePart(new Uri("https://media.orbitpay.io/dog"));
                    Dictionary<Uri, int> D() => new() { [new Uri("https://shard1.orbitpay.io")] = 1 };
                    Uri Stored() => new Uri("https://media.orbitpay.io/bird");
                }
                """).RunAsync();

        [Fact]
        public Task A_tool_server_given_to_a_tool_definition_is_not_sent_by_the_code()
            => Test("""
                #pragma warning disable OPENAI001
                using OpenAI.Responses;
                class RemoteToolDefinition
                {
                    public string? ServerUrl { get; set; }
                    public Uri? Endpoint { get; set; }
                }

                class C
                {
                    ResponseTool A() => ResponseTool.CreateMcpTool("docs", serverUri: new Uri("https://mcp.orbitpay.io/sse"));
                    McpTool B() => new McpTool("docs", new Uri("https://mcp.orbitpay.io/mcp"));
                    RemoteToolDefinition D() => new RemoteToolDefinition { ServerUrl = "https://tools.orbitpay.io", Endpoint = new Uri("https://tools.orbitpay.io/v1") };
                }
                """).RunAsync();

        [Theory]
        [InlineData("https://reports.orbitpay.io/2024/annual-letter.pdf")]
        [InlineData("https://cdn.orbitpay.io/brand/logo.png")]
        [InlineData("https://api.orbitpay.io/swagger/v1/swagger.json")]
        [InlineData("https://shop.orbitpay.io/public/v0/api-docs/")]
        [InlineData("https://raw.githubusercontent.com/orbitpay/specs/main/payments")]
        [InlineData("https://files.orbitpay.io/download/v1/files/42")]
        public Task A_document_or_file_fetched_as_data_is_content(string url)
            => Test($$"""
                class C
                {
                    Task<System.IO.Stream> M(HttpClient http) => http.GetStreamAsync("{{url}}");
                }
                """).RunAsync();

        [Fact]
        public Task A_file_name_joined_at_run_time_is_judged_with_the_whole_url()
            => Test("""
                class C
                {
                    Task<System.IO.Stream> Image(HttpClient http)
                    {
                        string file = "otter.png";
                        return http.GetStreamAsync(new Uri($"https://media.orbitpay.io/images/{file}"));
                    }

                    Task<string> Record(HttpClient http)
                    {
                        string id = "42";
                        return http.GetStringAsync($"[|https://api.orbitpay.io/records/|]{id}");
                    }
                }
                """).RunAsync();

        [Fact]
        public Task A_browser_redirect_built_with_UriBuilder_is_not_a_request()
            => Test("""
                class C
                {
                    string SignInRedirect(string state)
                    {
                        var builder = new UriBuilder("https://login.orbitpay.io/authorize") { Query = "state=" + state };
                        return builder.Uri.ToString();
                    }
                }
                """).RunAsync();

        [Theory]
        [InlineData("https://dummy")]
        [InlineData("https://endpoint/v1")]
        [InlineData("http://orders-api")]
        [InlineData("http://backend/")]
        [InlineData("http://example.com")]
        [InlineData("https://api.example.org/v1")]
        [InlineData("https://svc.example/")]
        [InlineData("https://payments.test/")]
        [InlineData("https://nowhere.invalid/")]
        [InlineData("https://app.localhost/")]
        [InlineData("https://printer.local/")]
        [InlineData("https://www.dummy.com/")]
        [InlineData("https://downstream1.com/some-path")]
        [InlineData("https://downstreamN.com")]
        [InlineData("https://contoso-eastus.openai.azure.com/")]
        [InlineData("https://your-resource-name.openai.azure.com/")]
        [InlineData("https://fake-random-host:123")]
        [InlineData("http://localhost:5000/api")]
        [InlineData("http://127.0.0.1:8080")]
        [InlineData("http://[::1]:5000/")]
        [InlineData("https://10.0.2.2:5243/")]
        public Task Placeholder_reserved_service_discovery_and_loopback_hosts_are_not_production_endpoints(string url)
            => Test($$"""
                class C
                {
                    Task<string> M(HttpClient client) => client.GetStringAsync("{{url}}");
                    void N(HttpClient client) => client.BaseAddress = new Uri("{{url}}");
                }
                """).RunAsync();

        [Theory]
        [InlineData("https://api.service.com.orbitpay.io/")]
        [InlineData("https://backend.orbitpay.io/")]
        [InlineData("https://jsonplaceholder.orbitpay.io/")]
        [InlineData("https://10.0.0.106/")]
        [InlineData("http://192.168.1.20:11434/")]
        public Task Generic_words_as_subdomains_and_private_network_addresses_are_real_hosts(string url)
            => Test($$"""
                class C
                {
                    Task<string> M(HttpClient client) => client.GetStringAsync([|"{{url}}"|]);
                }
                """).RunAsync();

        [Fact]
        public Task When_only_the_scheme_is_constant_the_host_comes_from_input()
            => Test("""
                class C
                {
                    Task<string> A(HttpClient client, string host) => client.GetStringAsync($"https://www.{host}");
                    Task<string> B(HttpClient client, string host) => client.GetStringAsync("https://" + host + "/x");
                    Task<string> D(HttpClient client, string region) => client.GetStringAsync($"https://api.{region}.orbitpay.io/x");
                    Task<string> E(HttpClient client, string n) => client.GetStringAsync("https://api" + n + ".orbitpay.io");
                    Task<string> F(HttpClient client, string path) => client.GetStringAsync([|"https://api.orbitpay.io"|] + path);
                }
                """).RunAsync();

        [Fact]
        public Task A_vendor_default_used_when_the_caller_configures_nothing_is_a_default_not_a_hardcoded_endpoint()
            => Test("""
                class VendorOptions
                {
                    public Uri? Endpoint { get; set; }
                }

                class VendorClient
                {
                    const string DefaultEndpoint = "https://api.orbitpay.io/v1";
                    private readonly Uri? _endpoint;
                    private readonly HttpClient _http = new();

                    public VendorClient(Uri? endpoint, VendorOptions? options)
                    {
                        _endpoint = endpoint;
                        _http.BaseAddress = endpoint ?? new Uri(DefaultEndpoint);
                        _http.BaseAddress = options?.Endpoint ?? new Uri(DefaultEndpoint);
                        _http.BaseAddress ??= new Uri(DefaultEndpoint);
                    }

                    Task<string> Get(string path) => _http.GetStringAsync(new Uri(_endpoint ?? new Uri(DefaultEndpoint), path));

                    static Uri Resolve(Uri? endpoint) => endpoint ?? new Uri(DefaultEndpoint);

                    Task<string> Configured(Microsoft.Extensions.Configuration.IConfiguration configuration)
                        => _http.GetStringAsync(configuration["Vendor:Url"] ?? [|"https://fallback.orbitpay.io/"|]);
                }
                """).RunAsync();

        [Fact]
        public Task A_client_setting_its_own_endpoint_member_chooses_its_default()
            => Test("""
                class VendorApi
                {
                    public VendorApi() : this(new Uri("https://api.orbitpay.io")) { }
                    public VendorApi(Uri endpoint) => Endpoint = endpoint;
                    public Uri Endpoint { get; set; }
                    private readonly HttpClient _http = new();
                    void Reset() => this.Endpoint = new Uri("https://api.orbitpay.io/v2");
                    Task<string> Ping() => _http.GetStringAsync(new Uri(Endpoint, "ping"));
                }

                class MirrorApi : VendorApi
                {
                    public MirrorApi() : base(new Uri("https://mirror.orbitpay.io")) { }
                }

                class Caller
                {
                    VendorApi M() => new VendorApi(new Uri([|"https://api.orbitpay.io/v3"|]));
                }
                """).RunAsync();

        [Fact]
        public Task Defaults_of_settings_and_relative_batch_paths_are_not_sent()
            => Test("""
                class GatewayOptions
                {
                    public string BaseUrl { get; set; } = "https://gateway.orbitpay.io/";
                }

                class BatchLine
                {
                    public string Endpoint { get; set; } = "";
                }

                class C
                {
                    BatchLine Line() => new BatchLine { Endpoint = "/v1/chat/completions" };
                    Task<string> Relative(HttpClient client) => client.GetStringAsync("/v1/models");
                }
                """).RunAsync();

        [Fact]
        public Task Mutable_fields_and_settable_properties_are_not_followed()
            => Test("""
                class C
                {
                    static string BaseUrl = "https://gateway.orbitpay.io";
                    public string Gateway { get; set; } = "https://gateway.orbitpay.io/v2";
                    Task<string> A(HttpClient client) => client.GetStringAsync(BaseUrl);
                    Task<string> B(HttpClient client) => client.GetStringAsync(Gateway);
                }
                """).RunAsync();

        [Fact]
        public Task Urls_that_never_reach_a_request_are_not_reported()
            => Test("""
                using System.Xml.Linq;
                class C
                {
                    const string Docs = "https://docs.orbitpay.io/errors/42";
                    XNamespace Atom => "http://www.w3.org/2005/Atom";
                    Exception Error() => new InvalidOperationException("Quota exceeded, see https://docs.orbitpay.io/quota");
                    string Help() => "See " + Docs;
                }
                """).RunAsync();

        [Fact]
        public Task The_allowed_hosts_option_exempts_hosts_and_wildcard_subdomains()
            => Test("""
                class C
                {
                    Task<string> A(HttpClient client) => client.GetStringAsync("https://docs.orbitpay.io/x");
                    Task<string> B(HttpClient client) => client.GetStringAsync("https://eu.internal.orbitpay.io/x");
                    Task<string> D(HttpClient client) => client.GetStringAsync([|"https://internal.orbitpay.io/x"|]);
                    Task<string> E(HttpClient client) => client.GetStringAsync([|"https://orbitpay.net/x"|]);
                }
                """)
                .WithEditorConfig("comet_endpoint_allowed_hosts = DOCS.orbitpay.io, *.internal.orbitpay.io")
                .RunAsync();

        [Fact]
        public Task Generated_code_is_not_analyzed()
            => CometAnalyzers.Tests.Infrastructure.AnalyzerTest.For<CometAnalyzers.Rules.HardcodedRemoteUrlAnalyzer>().WithSource("// <auto-generated/>\n" + Usings + """
                class Generated
                {
                    Task<string> M(HttpClient client) => client.GetStringAsync("https://api.orbitpay.io/x");
                }
                """).RunAsync();
    }
}
