using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Threading.Tasks;
using CometAnalyzers.Rules;
using CometAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>COMET001 on any remote http(s) URL, but only where it reaches an HTTP endpoint.</summary>
    public class COMET001HttpSinkTests
    {
        private const string Usings = """
            using System;
            using System.Net.Http;
            using System.Net.Http.Json;
            using System.Threading.Tasks;
            using OpenAI;

            """;

        private static AnalyzerTest Test(string body)
            => AnalyzerTest.For<HardcodedEndpointAnalyzer>().WithSource(Usings + body);

        [Fact]
        public Task Uri_and_UriBuilder_constructors_are_sinks()
            => Test("""
                class C
                {
                    Uri A() => new Uri([|"https://example.com/api"|]);
                    Uri B() => new Uri([|"http://example.com"|], UriKind.Absolute);
                    UriBuilder D() => new UriBuilder([|"https://example.com/x"|]);
                    UriBuilder E() => new UriBuilder("https", [|"example.com"|]);
                    UriBuilder F() => new UriBuilder { Scheme = "https", Host = [|"example.com"|] };
                    bool G(out Uri? uri) => Uri.TryCreate([|"https://example.com"|], UriKind.Absolute, out uri);
                }
                """).RunAsync();

        [Fact]
        public Task HttpClient_request_uris_are_sinks()
            => Test("""
                class C
                {
                    async Task M(HttpClient client, HttpContent content)
                    {
                        await client.GetAsync([|"https://example.com/a"|]);
                        await client.GetStringAsync([|"https://example.com/b"|]);
                        await client.PostAsync([|"https://example.com/c"|], content);
                        await client.PutAsync([|"https://example.com/d"|], content);
                        await client.PatchAsync([|"https://example.com/e"|], content);
                        await client.DeleteAsync([|"https://example.com/f"|]);
                        await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, [|"https://example.com/g"|]));
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
                        await client.GetFromJsonAsync<string[]>([|"https://example.com/a"|]);
                        await client.PostAsJsonAsync([|"https://example.com/b"|], new { x = 1 });
                        await client.PutAsJsonAsync([|"https://example.com/c"|], 1);
                        await client.PatchAsJsonAsync([|"https://example.com/d"|], 1);
                        await client.DeleteFromJsonAsync<string>([|"https://example.com/e"|]);
                    }
                }
                """).RunAsync();

        [Fact]
        public Task Uri_typed_endpoints_are_reached_through_their_uri()
            => Test("""
                class C
                {
                    void M(HttpClient client, HttpRequestMessage request)
                    {
                        client.BaseAddress = new Uri([|"https://gateway.example.com/"|]);
                        request.RequestUri = new Uri([|"https://gateway.example.com/chat"|]);
                        var options = new OpenAIClientOptions { Endpoint = new Uri([|"https://my-proxy.example.com/v1"|]) };
                    }
                }
                """).RunAsync();

        [Fact]
        public Task Built_urls_are_reported_at_their_hardcoded_base()
            => Test("""
                class C
                {
                    Task<string> A(HttpClient client, int id) => client.GetStringAsync([|"https://example.com/users/"|] + id);
                    Task<string> B(HttpClient client, int id) => client.GetStringAsync($"[|https://example.com/users/|]{id}");
                    Task<string> D(HttpClient client, string host, int id) => client.GetStringAsync($"https://{host}/users/{id}");
                }
                """).RunAsync();

        [Fact]
        public Task A_fallback_url_in_a_coalesce_or_conditional_is_reported()
            => Test("""
                class C
                {
                    Uri Fallback(string? configured) => new Uri(configured ?? [|"https://gateway.example.com/"|]);
                    Uri Either(bool eu) => new Uri(eu ? [|"https://eu.example.com/"|] : [|"https://us.example.com/"|]);
                    Uri Nested(string? a, bool b) => new Uri(a ?? (b ? [|"https://b.example.com/"|] : "http://localhost:5000/"));
                    Uri Configured(string? a, string b) => new Uri(a ?? b);
                    Uri Relative(string? path) => new Uri(path ?? "v1/models", UriKind.Relative);
                }
                """).RunAsync();

        [Fact]
        public Task A_static_readonly_field_used_at_sinks_is_reported_once_at_its_initializer()
            => Test("""
                class C
                {
                    static readonly string BaseUrl = [|"https://gateway.example.com"|];
                    Uri A() => new Uri(BaseUrl);
                    Uri B() => new Uri(BaseUrl);
                    Task<string> D(HttpClient client) => client.GetStringAsync(BaseUrl + "/health");
                }
                """).RunAsync();

        [Fact]
        public Task A_static_readonly_field_built_from_a_url_literal_is_reported_at_that_literal()
            => Test("""
                class C
                {
                    static readonly string Version = Environment.GetEnvironmentVariable("API_VERSION") ?? "v1";
                    static readonly string Users = [|"https://users.example.com/"|] + Version;
                    static readonly string Orders = $"[|https://orders.example.com/|]{Version}/orders";
                    static readonly string Unused = "https://unused.example.com/" + Version;
                    Uri A() => new Uri(Users);
                    Uri B() => new Uri(Orders);
                }
                """).RunAsync();

        [Fact]
        public Task A_const_field_in_another_file_is_reported_at_its_declaration()
            => AnalyzerTest.For<HardcodedEndpointAnalyzer>()
                .WithSource(Usings + """
                    class Endpoints
                    {
                        public const string Billing = [|"https://billing.example.com/v2"|];
                    }
                    """)
                .WithSource(Usings + """
                    class Use
                    {
                        Uri A() => new Uri(Endpoints.Billing);
                        Uri B() => new Uri($"{Endpoints.Billing}/invoices");
                    }
                    """)
                .RunAsync();

        [Fact]
        public Task A_url_field_never_used_at_a_sink_is_not_reported()
            => Test("""
                class C
                {
                    const string Docs = "https://docs.example.com/errors/42";
                    static readonly string Atom = "http://www.w3.org/2005/Atom";
                    string Help() => "See " + Docs;
                }
                """).RunAsync();

        [Fact]
        public Task A_mutable_field_is_not_followed()
            => Test("""
                class C
                {
                    static string BaseUrl = "https://gateway.example.com";
                    Uri A() => new Uri(BaseUrl);
                }
                """).RunAsync();

        [Fact]
        public Task A_local_assigned_once_is_followed_to_its_initializer()
            => Test("""
                class C
                {
                    async Task M(HttpClient client)
                    {
                        var url = [|"https://example.com/report"|];
                        await client.GetAsync(url);
                        await client.DeleteAsync(url);
                        const string other = [|"https://example.com/other"|];
                        await client.GetAsync(other);
                    }
                }
                """).RunAsync();

        [Fact]
        public Task A_local_assigned_twice_is_not_followed()
            => Test("""
                class C
                {
                    async Task M(HttpClient client, bool staging)
                    {
                        var url = "https://example.com/report";
                        if (staging) url = Environment.GetEnvironmentVariable("REPORT_URL")!;
                        await client.GetAsync(url);
                    }
                }
                """).RunAsync();

        [Theory]
        [InlineData("http://localhost:5000/api")]
        [InlineData("http://127.0.0.1:8080")]
        [InlineData("http://127.0.0.2/")]
        [InlineData("http://[::1]:5000/")]
        [InlineData("https://app.localhost/")]
        public Task Loopback_urls_at_sinks_are_not_endpoints(string url)
            => Test($$"""
                class C
                {
                    Task<string> M(HttpClient client) => client.GetStringAsync("{{url}}");
                    Uri N() => new Uri("{{url}}");
                }
                """).RunAsync();

        [Fact]
        public Task Loopback_hosts_for_UriBuilder_are_not_endpoints()
            => Test("""
                class C
                {
                    UriBuilder A() => new UriBuilder("http", "localhost", 5000);
                    UriBuilder B() => new UriBuilder { Host = "127.0.0.1" };
                }
                """).RunAsync();

        [Fact]
        public Task Urls_that_do_not_reach_http_are_not_endpoints()
            => Test("""
                using System.Xml.Linq;
                class C
                {
                    XNamespace Atom => "http://www.w3.org/2005/Atom";
                    Exception Error() => new InvalidOperationException("Quota exceeded, see https://example.com/docs/quota");
                    string Link() => "https://example.com/docs/quota";
                    Uri Relative(Uri baseUri) => new Uri(baseUri, "v1/models");
                    Task<string> Path(HttpClient client) => client.GetStringAsync("/v1/models");
                }
                """).RunAsync();

        [Fact]
        public Task Allowed_hosts_option_exempts_listed_hosts_and_wildcard_subdomains()
            => Test("""
                class C
                {
                    Uri A() => new Uri("https://docs.example.com/x");
                    Uri B() => new Uri("https://eu.internal.example/x");
                    Uri D() => new Uri([|"https://internal.example/x"|]);
                    Uri E() => new Uri([|"https://example.org/x"|]);
                    UriBuilder F() => new UriBuilder("https", "DOCS.example.com");
                }
                """)
                .WithEditorConfig("comet_endpoint_allowed_hosts = docs.example.com, *.internal.example")
                .RunAsync();

        [Fact]
        public async Task Allowed_hosts_are_read_from_a_global_config_too()
        {
            Project project = TestProject.Create(
                new[] { Usings + "class C { Uri A() => new Uri(\"https://docs.example.com/x\"); Uri B() => new Uri(\"https://example.org/x\"); }" },
                Array.Empty<(string, string)>(),
                editorConfig: null);
            project = project.AddAnalyzerConfigDocument(
                ".globalconfig",
                SourceText.From("is_global = true\ncomet_endpoint_allowed_hosts = docs.example.com\n"),
                filePath: "/project/.globalconfig").Project;
            Compilation compilation = (await project.GetCompilationAsync())!;
            ImmutableArray<Diagnostic> diagnostics = await compilation
                .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new HardcodedEndpointAnalyzer()), project.AnalyzerOptions)
                .GetAnalyzerDiagnosticsAsync();

            Assert.StartsWith("'https://example.org/x'", Assert.Single(diagnostics).GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        [Fact]
        public async Task Remote_url_message_asks_for_configuration()
        {
            var diagnostics = await Test("""
                class C
                {
                    Uri A() => new Uri("https://example.com/api");
                }
                """).GetDiagnosticsAsync();

            Assert.Equal(
                "'https://example.com/api' hardcodes an HTTP endpoint; read the URL from configuration so it can change without a redeploy",
                Assert.Single(diagnostics).GetMessage(CultureInfo.InvariantCulture));
        }

        [Fact]
        public Task A_contract_url_at_a_sink_is_reported_once()
            => Test("""
                class C
                {
                    Task<string> M(HttpClient client) => client.GetStringAsync([|"https://api.cometapi.com/v1/chat/completions"|]);
                    static readonly string Url = [|"https://api.cometapi.com/v1/chat/completions"|];
                    Uri N() => new Uri(Url);
                }
                """).RunAsync();
    }
}
