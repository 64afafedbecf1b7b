using System.Threading.Tasks;
using Xunit;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>COMET001 on the shapes a sink value can take: parts of named endpoints, wrappers, locals and aliases.</summary>
    public class COMET001SinkShapeTests
    {
        [Fact]
        public Task A_hardcoded_host_joined_to_the_contract_path_is_reported_at_the_sink()
            => COMET001Sources.Test("""
                class C
                {
                    static readonly string Ro = [|"https://k16.example.com" + CometApiContract.Path|];
                    Uri A() => new Uri([|"https://gateway.example.com" + CometApiContract.Path|]);
                    Task<HttpResponseMessage> B(HttpClient client) => client.GetAsync([|"https://a4.example.com" + CometApiContract.Path|]);
                    Uri D() => new Uri([|$"https://a3.example.com{CometApiContract.Path}"|]);
                    Uri E() => new Uri(Ro);
                }
                """).RunAsync();

        [Fact]
        public Task Named_endpoints_joined_to_loopback_or_configured_hosts_stay_silent()
            => COMET001Sources.Test("""
                class C
                {
                    const string Version = "/v1";
                    static readonly string Local = "http://localhost:5000" + CometApiContract.Path;
                    Uri A() => new Uri("http://localhost:5000" + CometApiContract.Path);
                    Uri B() => new Uri($"http://127.0.0.1{CometApiContract.Path}");
                    Uri D() => new Uri(Local);
                    Uri E(string host) => new Uri("https://" + host + CometApiContract.Path);
                    Uri F() => new Uri("/" + CometApiContract.Path, UriKind.Relative);
                    const string CometHost = [|"api.cometapi.com"|];
                    Uri G() => new Uri("https://" + CometHost + CometApiContract.Path);
                }
                """).RunAsync();

        [Fact]
        public Task Parentheses_and_null_forgiving_do_not_hide_a_sink_argument()
            => COMET001Sources.Test("""
                class C
                {
                    Uri A() => new Uri(([|"https://paren.example.com/"|]));
                    Uri B() => new Uri([|"https://bang.example.com/"|]!);
                    Task<HttpResponseMessage> D(HttpClient client) => client.GetAsync(([|"https://b1.example.com/"|]));
                    Uri E(string? c) => new Uri((c ?? [|"https://b12.example.com/"|]));
                    Uri F() => new Uri(("http://localhost/"));
                    Uri G() => new Uri("http://localhost/"!);
                    Uri H(string? c) => new Uri((c ?? "http://localhost/")!);
                }
                """).RunAsync();

        [Fact]
        public Task A_local_initialized_with_a_coalesce_or_conditional_is_followed()
            => COMET001Sources.Test("""
                class C
                {
                    Uri A(string? cfg)
                    {
                        var url = cfg ?? [|"https://x.example.com/"|];
                        return new Uri(url);
                    }

                    Uri B(bool b)
                    {
                        var url = b ? [|"https://b9.example.com/"|] : "http://localhost/";
                        return new Uri(url);
                    }

                    Uri D(string? cfg)
                    {
                        var url = cfg ?? "http://localhost/";
                        return new Uri(url);
                    }

                    Uri E(string? cfg)
                    {
                        var url = (cfg ?? [|"https://e.example.com"|]) + "/v2";
                        return new Uri(url);
                    }
                }
                """).RunAsync();

        [Fact]
        public Task A_static_readonly_alias_of_a_url_const_is_followed_to_the_const()
            => COMET001Sources.Test("""
                class Remote
                {
                    public const string Chain = [|"https://chain.example.com/"|];
                    public static readonly string ChainAlias = Chain;
                    public const string Docs = "https://docs.example.com/";
                    public static readonly string DocsAlias = Docs;
                    public static readonly string Loop1 = Loop2;
                    public static readonly string Loop2 = Loop1;
                }

                class C
                {
                    Uri A() => new Uri(Remote.ChainAlias);
                    string B() => Remote.DocsAlias;
                    Uri D() => new Uri(Remote.Loop1);
                }
                """).RunAsync();

        [Fact]
        public Task A_static_readonly_alias_written_qualified_is_followed_to_the_original_field()
            => COMET001Sources.Test("""
                class Endpoints
                {
                    public const string Url = [|"https://qualified.example.com/"|];
                    public static readonly string ReadonlyUrl = [|"https://readonly.example.com/"|];
                    public const string Name = "gateway";
                    public const string Docs = "https://docs.example.com/";
                    public const string Local = "http://localhost:5000/";
                }

                class Aliases
                {
                    public static readonly string Alias = Endpoints.Url;
                    public static readonly string AliasOfAlias = Aliases.Alias;
                    public static readonly string ReadonlyAlias = (global::Endpoints.ReadonlyUrl);
                    public const string ConstAlias = Endpoints.Url;
                    public static readonly string NameAlias = Endpoints.Name;
                    public static readonly string DocsAlias = Endpoints.Docs;
                    public static readonly string LocalAlias = Endpoints.Local;
                }

                class C
                {
                    Uri A() => new Uri(Aliases.Alias);
                    Uri B() => new Uri(Aliases.AliasOfAlias);
                    Uri D() => new Uri(Aliases.ConstAlias);
                    Uri E() => new Uri(Aliases.ReadonlyAlias);
                    Uri F() => new Uri(Aliases.NameAlias, UriKind.Relative);
                    string G() => Aliases.DocsAlias;
                    Uri H() => new Uri(Aliases.LocalAlias);
                }
                """).RunAsync();

        [Fact]
        public Task Named_endpoint_constants_alone_stay_silent_at_sinks()
            => COMET001Sources.Test("""
                class C
                {
                    Uri A(Uri baseUrl) => new Uri(baseUrl, CometApiContract.Path!);
                    Task<HttpResponseMessage> B(HttpClient client) => client.GetAsync(CometApiContract.Path);
                }
                """).RunAsync();
    }
}
