using System.Threading.Tasks;
using CometAnalyzers.Rules;
using CometAnalyzers.Tests.Infrastructure;
using Xunit;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>
    /// COMET001 on URLs chosen by a switch expression or built by string methods before they reach HTTP, also in the
    /// initializers of readonly fields and get-only properties.
    /// </summary>
    public class COMET001BuiltUrlTests
    {
        private const string Usings = """
            using System;
            using System.Globalization;
            using System.Net.Http;
            using System.Threading.Tasks;

            """;

        private static AnalyzerTest Test(string body)
            => AnalyzerTest.For<HardcodedEndpointAnalyzer>().WithSource(Usings + body);

        [Fact]
        public Task A_switch_expression_at_a_sink_is_reported_at_its_remote_arms()
            => Test("""
                class C
                {
                    Uri A(string env) => new Uri(env switch { "prod" => [|"https://gateway.example.com/"|], _ => "http://localhost:5000/" });
                    Task<string> B(HttpClient client, string env) => client.GetStringAsync(env switch
                    {
                        "eu" => [|"https://eu.example.com/health"|],
                        "us" => [|"https://us.example.com/health"|],
                        _ => throw new ArgumentOutOfRangeException(nameof(env)),
                    });
                    Uri D(string env) => new Uri((env switch { "prod" => [|"https://d.example.com"|], _ => "http://127.0.0.1" }) + "/v2");
                    Uri E(string env, string configured) => new Uri(env switch { "prod" => configured, _ => "http://[::1]:5000/" });
                    Uri F(string env) => new Uri(env switch { "a" => "v1/models", _ => "v2/models" }, UriKind.Relative);
                    string G(string env) => env switch { "prod" => "https://docs.example.com/prod", _ => "https://docs.example.com/" };
                }
                """).RunAsync();

        [Fact]
        public Task A_local_initialized_with_a_switch_expression_is_followed()
            => Test("""
                class C
                {
                    Uri A(string env)
                    {
                        var baseUrl = env switch { "prod" => [|"https://gateway.example.com/"|], "test" => "http://127.0.0.1:5000/", _ => "http://localhost:5000/" };
                        return new Uri(baseUrl);
                    }

                    Uri B(string env, string? configured)
                    {
                        var baseUrl = configured ?? env switch { "prod" => [|"https://b.example.com/"|], _ => "http://localhost/" };
                        return new Uri(baseUrl);
                    }

                    Uri D(string env)
                    {
                        var baseUrl = env switch { "a" => "http://localhost:5000/", _ => "http://app.localhost/" };
                        return new Uri(baseUrl);
                    }

                    string E(string env)
                    {
                        var help = env switch { "prod" => "https://docs.example.com/prod", _ => "https://docs.example.com/" };
                        return "See " + help;
                    }
                }
                """).RunAsync();

        [Fact]
        public Task FormattableString_Invariant_and_string_Create_at_a_sink_are_reported_at_their_hardcoded_base()
            => Test("""
                class C
                {
                    Uri A(string path) => new Uri(FormattableString.Invariant($"[|https://a.example.com/|]{path}"));
                    Uri B(string path) => new Uri(string.Create(CultureInfo.InvariantCulture, $"[|https://b.example.com/|]{path}"));
                    Task<string> D(HttpClient client, int id) => client.GetStringAsync(FormattableString.Invariant($"[|https://d.example.com/users/|]{id}"));
                    Uri E(string path) => new Uri(string.Create(CultureInfo.InvariantCulture, stackalloc char[64], $"[|https://e.example.com/|]{path}"));
                    Uri F(string path) => new Uri(FormattableString.CurrentCulture($"[|https://f.example.com/|]{path}"));
                    Uri L(string path) => new Uri(string.Create(CultureInfo.InvariantCulture, [|$"https://l.example.com/"|] + $"{path}"));
                    Uri G(string path) => new Uri(FormattableString.Invariant($"http://localhost:5000/{path}"));
                    Uri H(string host, string path) => new Uri(FormattableString.Invariant($"https://{host}/{path}"));
                    Uri I(string path) => new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1/{path}"));
                    string J(int code) => FormattableString.Invariant($"https://docs.example.com/errors/{code}");
                    Exception K(int code) => new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"See https://docs.example.com/errors/{code}"));
                }
                """).RunAsync();

        [Fact]
        public Task FormattableString_Invariant_and_string_Create_reaching_a_sink_through_a_local_are_reported()
            => Test("""
                class C
                {
                    Uri A(string path)
                    {
                        var url = FormattableString.Invariant($"[|https://a.example.com/|]{path}");
                        return new Uri(url);
                    }

                    async Task B(HttpClient client, int id)
                    {
                        string url = string.Create(CultureInfo.InvariantCulture, $"[|https://b.example.com/users/|]{id}");
                        await client.DeleteAsync(url);
                    }

                    Uri D(string path)
                    {
                        var url = FormattableString.Invariant($"http://localhost:5000/{path}");
                        return new Uri(url);
                    }

                    string E(int code)
                    {
                        var help = FormattableString.Invariant($"https://docs.example.com/errors/{code}");
                        return "See " + help;
                    }
                }
                """).RunAsync();

        [Fact]
        public Task String_Concat_and_Format_at_a_sink_are_reported_at_their_first_value_or_format()
            => Test("""
                class C
                {
                    const string UserFormat = [|"https://k.example.com/users/{0}"|];
                    const string HostFormat = "https://{0}/users";

                    Uri A(string path) => new Uri(string.Concat([|"https://a.example.com/"|], path));
                    Uri B(int id) => new Uri(string.Format(CultureInfo.InvariantCulture, [|"https://b.example.com/users/{0}"|], id));
                    Task<string> D(HttpClient client, string a, string b, string c, string d)
                        => client.GetStringAsync(string.Concat([|"https://d.example.com/"|], a, b, c, d));
                    Uri E(int id)
                    {
                        var url = string.Format(CultureInfo.InvariantCulture, [|"https://e.example.com/{0}"|], id);
                        return new Uri(url);
                    }

                    Uri F(string path) => new Uri(string.Concat([[|"https://f.example.com/" + "v2/"|], path]));
                    Uri G(int id) => new Uri(string.Format(CultureInfo.InvariantCulture, UserFormat, id));
                    Uri H(string host) => new Uri(string.Format(CultureInfo.InvariantCulture, HostFormat, host));
                    Uri I(string host, int id) => new Uri(string.Format(CultureInfo.InvariantCulture, "https://{0}/users/{1}", host, id));
                    Uri J(string path) => new Uri(string.Concat("http://localhost:5000/", path));
                    Uri K(string baseUrl) => new Uri(string.Concat(baseUrl, "/v2"));
                    string L(int code) => string.Format(CultureInfo.InvariantCulture, "https://docs.example.com/errors/{0}", code);
                }
                """).RunAsync();

        [Fact]
        public Task Half_typed_switches_and_string_calls_do_not_throw()
            => Test("""
                class C
                {
                    Uri Complete(string env) => new Uri(env switch { "prod" => [|"https://complete.example.com/"|], _ => "http://localhost/" });
                    Uri A(string env) => new Uri(env switch { "prod" => "https://a.example.com/", _ => });
                    Uri B(string env) => new Uri(env switch { "prod" => , });
                    Uri D() => new Uri(FormattableString.Invariant());
                    Uri E() => new Uri(string.Create(CultureInfo.InvariantCulture, ));
                    Uri F() => new Uri(string.Format(, 1));
                    Uri G() => new Uri(string.Concat());
                    static readonly string Alias = Missing.Url;
                    static readonly string Empty = ;
                    Uri H() => new Uri(Alias + Empty);
                }
                """).AllowCompilerErrors().RunAsync();

        [Fact]
        public Task Members_built_by_a_string_call_are_reported_at_their_base_where_they_reach_HTTP()
            => Test("""
                class Gateway
                {
                    const int Version = 2;
                    static readonly string Invariant = FormattableString.Invariant($"[|https://a.example.com/v|]{Version}/");
                    static readonly string Created = string.Create(CultureInfo.InvariantCulture, $"[|https://b.example.com/v|]{Version}/");
                    private readonly string _concat = string.Concat([|"https://c.example.com/"|], Environment.MachineName);
                    public string Formatted { get; } = string.Format(CultureInfo.InvariantCulture, [|"https://d.example.com/v{0}/"|], Version);
                    static readonly string Joined = FormattableString.Invariant($"[|https://e.example.com/v|]{Version}") + "/users";

                    private readonly HttpClient _http = new HttpClient();

                    Uri A() => new Uri(Invariant);
                    Task<string> B() => _http.GetStringAsync(Created);
                    Uri C() => new Uri(_concat);
                    Uri D() => new Uri(Formatted);
                    Uri E() => new Uri(Joined);
                    Uri F() => new Uri(Invariant + "again");
                }
                """).RunAsync();

        [Fact]
        public Task Built_members_that_stay_local_are_unused_or_lead_with_a_value_are_not_reported()
            => Test("""
                class Gateway
                {
                    const int Version = 2;
                    static readonly string Local = FormattableString.Invariant($"http://localhost:5000/v{Version}/");
                    static readonly string Unused = FormattableString.Invariant($"https://a.example.com/v{Version}/");
                    static readonly string HostFirst = string.Format(CultureInfo.InvariantCulture, "https://{0}/users", Environment.MachineName);
                    static readonly string ArgumentOnly = string.Format(CultureInfo.InvariantCulture, "{0}/users", "https://b.example.com");
                    static readonly string Help = FormattableString.Invariant($"See https://docs.example.com/v{Version}");
                    static readonly string Trimmed = "https://c.example.com/ ".Trim();
                    static readonly string HoleFirst = string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}https://e.example.com/");
                    private readonly string _assigned = FormattableString.Invariant($"https://d.example.com/v{Version}/");

                    public Gateway(string gateway) => _assigned = gateway;

                    Uri A() => new Uri(Local);
                    Uri B() => new Uri(HostFirst);
                    Uri C() => new Uri(ArgumentOnly);
                    string D() => Help;
                    Uri E() => new Uri(Trimmed);
                    Uri F() => new Uri(_assigned);
                    Uri G() => new Uri(HoleFirst);
                }
                """).RunAsync();
    }
}
