using System.Threading.Tasks;
using CometAnalyzers.Rules;
using CometAnalyzers.Tests.Infrastructure;
using Xunit;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>
    /// COMET001 on instance readonly fields and get-only auto-properties whose initializer is a URL: followed like
    /// static readonly fields, unless a constructor may assign them or an object initializer may replace them.
    /// </summary>
    public class COMET001ReadonlyMemberTests
    {
        [Fact]
        public Task An_instance_readonly_field_used_at_sinks_is_reported_once_at_its_initializer()
            => COMET001Sources.Test("""
                class GatewayClient
                {
                    private readonly HttpClient _http = new HttpClient();
                    private readonly string _gateway = [|"https://gateway.example.com/"|];
                    private readonly String _status = [|"https://status.example.com/"|], _unused = "https://unused.example.com/";

                    Uri A() => new Uri(_gateway);
                    Uri B() => new Uri(this._gateway);
                    Task<HttpResponseMessage> D() => _http.GetAsync(_gateway + "users");
                    Task<string> E(int id) => _http.GetStringAsync($"{_gateway}users/{id}");
                    Task<string> F() => _http.GetStringAsync(this._status + "health");
                }

                class Generic<T>
                {
                    readonly string _url = [|"https://generic.example.com/"|];
                    Uri A() => new Uri(_url);
                }
                """).RunAsync();

        [Fact]
        public Task An_instance_readonly_field_built_from_a_url_literal_is_reported_at_that_literal()
            => COMET001Sources.Test("""
                class C
                {
                    static readonly string Version = Environment.GetEnvironmentVariable("API_VERSION") ?? "v1";
                    readonly string _users = [|"https://users.example.com/"|] + Version;
                    readonly string _orders = $"[|https://orders.example.com/|]{Version}/orders";
                    readonly string _chat = [|"https://chat.example.com" + CometApiContract.Path|];
                    Uri A() => new Uri(_users);
                    Uri B() => new Uri(_orders);
                    Uri D() => new Uri(_chat);
                }
                """).RunAsync();

        [Fact]
        public Task A_get_only_auto_property_used_at_sinks_is_reported_once_at_its_initializer()
            => COMET001Sources.Test("""
                class Settings
                {
                    public string BaseUrl { get; } = [|"https://gateway.example.com/"|];
                    public static string Status { get; } = [|"https://status.example.com/health"|];
                    private string? Fallback { get; } = [|"https://fallback.example.com/"|];

                    Uri A() => new Uri(Fallback!);
                    Uri B() => new Uri(this.BaseUrl);
                }

                class C
                {
                    Uri A(Settings settings) => new Uri(settings.BaseUrl);
                    Uri B(Settings settings) => new Uri(settings.BaseUrl + "v2");
                    Task<string> D(HttpClient http) => http.GetStringAsync(Settings.Status);
                    HttpClient E(Settings settings) => new HttpClient { BaseAddress = new Uri(settings.BaseUrl) };
                }
                """).RunAsync();

        [Fact]
        public Task An_expression_bodied_property_used_at_sinks_is_reported_once_at_its_value()
            => COMET001Sources.Test("""
                class Settings
                {
                    public string BaseUrl => [|"https://gateway.example.com/"|];
                    public static string Status { get => [|"https://status.example.com/health"|]; }
                    public string Users => [|"https://users.example.com/"|] + Version;
                    public string Chat => ([|"https://chat.example.com" + CometApiContract.Path|]);
                    static string Version => Environment.GetEnvironmentVariable("API_VERSION") ?? "v1";

                    Uri A() => new Uri(BaseUrl);
                }

                class C
                {
                    Uri A(Settings settings) => new Uri(settings.BaseUrl);
                    Task<string> B(HttpClient http) => http.GetStringAsync(Settings.Status);
                    Uri D(Settings settings) => new Uri(settings.Users);
                    Uri E(Settings settings) => new Uri($"{settings.Chat}?stream=true");
                }
                """).RunAsync();

        [Fact]
        public Task Expression_bodied_properties_that_are_virtual_unused_loopback_or_not_their_own_value_stay_silent()
            => COMET001Sources.Test("""
                class Settings
                {
                    public virtual string VirtualUrl => "https://virtual.example.com/";
                    public string Docs => "https://docs.example.com/errors/42";
                    public string Local => "http://localhost:5000/";
                    public string Computed => Pick(() => "https://lambda.example.com/");
                    public string Fallback => Environment.GetEnvironmentVariable("URL") ?? "https://fallback.example.com/";
                    public string this[int i] => "https://indexer.example.com/";
                    static string Pick(Func<string> pick) => pick();

                    string Help() => "See " + Docs;
                    Uri A() => new Uri(VirtualUrl);
                    Uri B() => new Uri(Local);
                    Uri D() => new Uri(Computed);
                    Uri E() => new Uri(Fallback);
                    Uri F() => new Uri(this[0]);
                }
                """).RunAsync();

        [Fact]
        public Task Readonly_members_initialized_with_another_member_are_followed_to_it()
            => COMET001Sources.Test("""
                static class Endpoints
                {
                    public const string Gateway = [|"https://gateway.example.com/"|];
                    public static readonly string Billing = [|"https://billing.example.com/"|];
                    public static string Status { get; } = [|"https://status.example.com/"|];
                    public const string Local = "http://localhost:5000/";
                }

                class C
                {
                    private readonly string _gateway = Endpoints.Gateway;
                    public string Billing { get; } = Endpoints.Billing;
                    static readonly string Status = Endpoints.Status;
                    private readonly string _local = Endpoints.Local;

                    Uri A() => new Uri(_gateway);
                    Uri B() => new Uri(Billing);
                    Uri D() => new Uri(Status);
                    Uri E() => new Uri(_local);
                }
                """).RunAsync();

        [Fact]
        public Task A_member_a_constructor_assigns_is_not_followed()
            => COMET001Sources.Test("""
                class Assigned
                {
                    private readonly string _gateway = "https://gateway.example.com/";
                    public Assigned(string? configured) { if (configured != null) _gateway = configured; }
                    Uri A() => new Uri(_gateway);
                }

                class AssignedThroughThis
                {
                    private readonly string _gateway = "https://this.example.com/";
                    public AssignedThroughThis() { }
                    public AssignedThroughThis(string configured) => this._gateway = configured;
                    Uri A() => new Uri(_gateway);
                }

                class AssignedByOutAndRef
                {
                    private readonly string _out = "https://out.example.com/";
                    private readonly string _ref = "https://ref.example.com/";
                    public AssignedByOutAndRef() { Read(out _out); Fix(ref _ref); }
                    static void Read(out string value) => value = "";
                    static void Fix(ref string value) { }
                    Uri A() => new Uri(_out);
                    Uri B() => new Uri(_ref);
                }

                class AssignedByDeconstruction
                {
                    private readonly string _first = "https://first.example.com/";
                    private readonly string _second = "https://second.example.com/";
                    public AssignedByDeconstruction(string a, string b) => (_first, (_second)) = (a, b);
                    Uri A() => new Uri(_first);
                    Uri B() => new Uri(_second);
                }

                class AssignedProperty
                {
                    public string BaseUrl { get; } = "https://property.example.com/";
                    public AssignedProperty(string? configured) { BaseUrl ??= configured!; }
                    Uri A() => new Uri(BaseUrl);
                }

                class AssignedStatic
                {
                    static readonly string Url = "https://static.example.com/";
                    static AssignedStatic() { Url = Environment.GetEnvironmentVariable("URL") ?? Url; }
                    Uri A() => new Uri(Url);
                }

                class AssignedAlias
                {
                    private readonly string _alias = Endpoints.Gateway;
                    public AssignedAlias(string configured) { _alias = configured; }
                    Uri A() => new Uri(_alias);
                }

                static class Endpoints
                {
                    public static readonly string Gateway = "https://alias.example.com/";
                }

                class AssignedByInit
                {
                    private readonly string _gateway = "https://init.example.com/";
                    public string Gateway { get => _gateway; init => _gateway = value; }
                    Uri A() => new Uri(_gateway);
                }

                struct ReplacedWhole
                {
                    private readonly string _gateway = "https://struct.example.com/";
                    public ReplacedWhole(ReplacedWhole other) { this = other; }
                    Uri A() => new Uri(_gateway);
                }
                """).RunAsync();

        [Fact]
        public Task A_member_assigned_in_another_part_of_a_partial_type_is_not_followed()
            => AnalyzerTest.For<HardcodedEndpointAnalyzer>()
                .WithSource(COMET001Sources.Usings + """
                    partial class Client
                    {
                        private readonly string _gateway = "https://gateway.example.com/";
                        public string BaseUrl { get; } = "https://base.example.com/";
                        Uri A() => new Uri(_gateway);
                        Uri B() => new Uri(BaseUrl);
                    }
                    """)
                .WithSource(COMET001Sources.Usings + """
                    partial class Client
                    {
                        public Client(string gateway, string baseUrl)
                        {
                            _gateway = gateway;
                            BaseUrl = baseUrl;
                        }
                    }
                    """)
                .WithSource(COMET001Sources.DefaultContractClass)
                .RunAsync();

        [Fact]
        public Task A_constructor_that_sets_another_objects_member_of_the_same_name_does_not_stop_following()
            => COMET001Sources.Test("""
                class Options
                {
                    public string? Gateway { get; set; }
                }

                class Client
                {
                    private readonly string Gateway = [|"https://gateway.example.com/"|];
                    private readonly Options _options;
                    public Client(string other)
                    {
                        _options = new Options { Gateway = other };
                        string local = other;
                        local = "";
                    }

                    Uri A() => new Uri(Gateway);
                }
                """).RunAsync();

        [Fact]
        public Task Settable_init_and_virtual_properties_and_mutable_fields_are_not_followed()
            => COMET001Sources.Test("""
                class Options
                {
                    public string BaseUrl { get; set; } = "https://set.example.com/";
                    public string InitUrl { get; init; } = "https://init.example.com/";
                    public string PrivateSetUrl { get; private set; } = "https://private.example.com/";
                    public virtual string VirtualUrl { get; } = "https://virtual.example.com/";
                    private string _mutable = "https://mutable.example.com/";
                    public string Indirect { get { return "https://block.example.com/"; } }

                    Uri A() => new Uri(BaseUrl);
                    Uri B() => new Uri(InitUrl);
                    Uri D() => new Uri(PrivateSetUrl);
                    Uri E() => new Uri(VirtualUrl);
                    Uri F() => new Uri(_mutable);
                    Uri G() => new Uri(Indirect);
                }

                class Derived : Options
                {
                    public override string VirtualUrl { get; } = "https://override.example.com/";
                    Uri A() => new Uri(VirtualUrl);
                }
                """).RunAsync();

        [Fact]
        public Task Loopback_and_allowed_hosts_in_readonly_members_stay_silent()
            => COMET001Sources.Test("""
                class C
                {
                    private readonly string _local = "http://localhost:5000/";
                    private readonly string _loopback = "http://127.0.0.1:8080" + CometApiContract.Path;
                    public string Docs { get; } = "https://docs.example.com/";
                    Uri A() => new Uri(_local);
                    Uri B() => new Uri(_loopback);
                    Uri D() => new Uri(Docs);
                }
                """)
                .WithEditorConfig("comet_endpoint_allowed_hosts = docs.example.com")
                .RunAsync();

        [Fact]
        public Task A_remote_url_in_a_readonly_member_never_used_at_a_sink_is_not_reported()
            => COMET001Sources.Test("""
                class C
                {
                    private readonly string _docs = "https://docs.example.com/errors/42";
                    public string Atom { get; } = "http://www.w3.org/2005/Atom";
                    string Help() => "See " + _docs + " and " + Atom;
                }
                """).RunAsync();

        [Fact]
        public Task Contract_endpoints_in_readonly_members_are_reported_once_wherever_they_are()
            => COMET001Sources.Test("""
                class C
                {
                    private readonly string _chat = [|"https://api.cometapi.com/v1/chat/completions"|];
                    private readonly string _unused = [|"/v1/chat/completions"|];
                    public string Path { get; } = [|"v1/chat/completions"|];
                    public string Host { get; set; } = [|"api.cometapi.com"|];
                    private readonly string _assigned = [|"https://eu.cometapi.com"|];
                    public string ChatPath => [|"/v1/chat/completions"|];
                    public C(string configured) => _assigned = configured;
                    Uri A() => new Uri(_chat);
                    Uri B() => new Uri(_chat);
                    Uri D() => new Uri(_assigned);
                }
                """)
                .WithContract(COMET001Sources.CometContract)
                .RunAsync();

        [Fact]
        public Task Half_typed_readonly_members_and_constructors_do_not_throw()
            => COMET001Sources.Test("""
                partial class C
                {
                    private readonly string _complete = [|"https://complete.example.com/"|];
                    private readonly string _empty = ;
                    private readonly string = "https://nameless.example.com/";
                    public string NoAccessor { } = "https://none.example.com/";
                    public string Broken { get; } = Missing.Url;
                    public C() { _empty = ; (= _x; Read(out ); this. = ""; }
                    public C(int x) : this( { ref }
                    Uri A() => new Uri(_complete);
                    Uri B() => new Uri(_empty + NoAccessor + Broken);
                    Uri D() => new Uri(this.);
                }

                partial class
                {
                    C() => _complete2 = ;
                }
                """).AllowCompilerErrors().RunAsync();
    }
}
