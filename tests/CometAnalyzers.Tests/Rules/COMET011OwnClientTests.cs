using System.Threading.Tasks;
using CometAnalyzers.Rules;
using CometAnalyzers.Tests.Infrastructure;
using Xunit;
using static CometAnalyzers.Tests.Rules.COMET011Sources;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>The project's own client types are sinks only when their code sends to the address they are given.</summary>
    public sealed class COMET011OwnClientTests
    {
        private static AnalyzerTest Empty() => AnalyzerTest.For<HardcodedRemoteUrlAnalyzer>();

        [Fact]
        public Task An_own_client_that_only_keeps_the_uri_as_metadata_is_not_a_sink()
            => Test("""
                class CannedChatClient
                {
                    private readonly string _model;
                    public CannedChatClient(Uri endpoint, string model) { Endpoint = endpoint; _model = model; }
                    public Uri Endpoint { get; }
                    public Task<string> AskAsync(string question) => Task.FromResult("canned answer from " + _model);
                }

                class RecordingApi
                {
                    private readonly Uri _address;
                    public RecordingApi(string baseUrl) => _address = new Uri(baseUrl);
                }

                class Demo
                {
                    CannedChatClient A() => new CannedChatClient(new Uri("https://placeholder.orbitpay.io"), "m");
                    RecordingApi B() => new RecordingApi("https://recording.orbitpay.io/v1");
                }
                """).RunAsync();

        [Fact]
        public Task An_own_client_that_shows_its_uri_but_never_sends_to_it_is_not_a_sink()
            => Test("""
                class DisplayClient
                {
                    private readonly Uri _server;
                    public DisplayClient(Uri server) => _server = server;
                    public override string ToString() => "Client for " + _server;
                    public void Log() => Console.WriteLine($"Using {_server.Host}");
                }

                class Demo
                {
                    DisplayClient A() => new DisplayClient(new Uri("https://display.orbitpay.io"));
                }
                """).RunAsync();

        [Fact]
        public Task An_own_client_that_stores_its_uri_and_later_sends_a_request_to_it_is_a_sink()
            => Test("""
                class WeatherClient
                {
                    private readonly Uri _endpoint;
                    private readonly HttpClient _http = new();
                    public WeatherClient(Uri endpoint) => _endpoint = endpoint;
                    public Task<HttpResponseMessage> Forecast()
                        => _http.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(_endpoint, "forecast")));
                }

                class BillingClient
                {
                    private readonly HttpClient _http = new();
                    public BillingClient(string serverUrl) { Server = new Uri(serverUrl); }
                    private Uri Server { get; }
                    public void Configure() => _http.BaseAddress = Server;
                }

                class Demo
                {
                    WeatherClient A() => new WeatherClient(new Uri([|"https://weather.orbitpay.io"|]));
                    BillingClient B() => new BillingClient([|"https://billing.orbitpay.io"|]);
                }
                """).RunAsync();

        [Fact]
        public Task An_own_partial_client_that_sends_from_its_other_file_is_a_sink()
            => Empty()
                .WithSource(Usings + """
                    partial class LedgerClient
                    {
                        private readonly Uri _root;
                        public LedgerClient(Uri root) => _root = root;
                    }

                    class Demo
                    {
                        LedgerClient A() => new LedgerClient(new Uri([|"https://ledger.orbitpay.io"|]));
                    }
                    """)
                .WithSource(Usings + """
                    partial class LedgerClient
                    {
                        private readonly HttpClient _http = new();
                        public Task<string> Balance() => _http.GetStringAsync(new Uri(_root, "balance"));
                    }
                    """)
                .RunAsync();

        [Fact]
        public Task An_own_client_that_chains_its_uri_to_a_library_client_is_a_sink()
            => Empty()
                .WithReferencedAssembly("""
                    namespace Vendor
                    {
                        public class VendorChatClient
                        {
                            public VendorChatClient(System.Uri endpoint) { }
                        }
                    }
                    """)
                .WithSource(Usings + """
                    class MyChatClient : Vendor.VendorChatClient
                    {
                        public MyChatClient(Uri endpoint) : base(endpoint) { }
                    }

                    class Demo
                    {
                        MyChatClient A() => new MyChatClient(new Uri([|"https://chat.orbitpay.io"|]));
                    }
                    """)
                .RunAsync();

        [Fact]
        public Task A_library_client_is_still_judged_by_its_name()
            => Empty()
                .WithReferencedAssembly("""
                    namespace Vendor
                    {
                        public class StorageClient
                        {
                            public StorageClient(System.Uri account) { }
                        }
                    }
                    """)
                .WithSource(Usings + """
                    class Demo
                    {
                        Vendor.StorageClient A() => new Vendor.StorageClient(new Uri([|"https://storage.orbitpay.io"|]));
                    }
                    """)
                .RunAsync();
        [Fact]
        public Task An_own_type_that_keeps_an_endpoint_parameter_private_and_unsent_is_not_a_sink()
            => Test("""
                class FakeEmbeddingGenerator
                {
                    private readonly Uri _endpoint;
                    public FakeEmbeddingGenerator(Uri endpoint, string model) => _endpoint = endpoint;
                    public float[] Embed(string text) => new float[] { text.Length };
                }

                class Demo
                {
                    FakeEmbeddingGenerator A() => new FakeEmbeddingGenerator(new Uri("https://placeholder.orbitpay.io"), "m");
                }
                """).RunAsync();

        [Fact]
        public Task An_own_client_address_kept_where_other_types_read_it_is_still_judged_by_its_name()
            => Empty()
                .WithSource(Usings + """
                    class SdkApi
                    {
                        public SdkApi(Uri serverUri) => UrlFormat = serverUri.ToString() + "{0}";
                        public string UrlFormat { get; set; }
                    }

                    class Demo
                    {
                        SdkApi A() => new SdkApi(new Uri([|"https://sdk.orbitpay.io"|]));
                    }
                    """)
                .WithSource(Usings + """
                    class Provider
                    {
                        public string Url(SdkApi api, string path) => string.Format(api.UrlFormat, path);
                    }
                    """)
                .RunAsync();
    }
}
