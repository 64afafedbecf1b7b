using System.Threading.Tasks;
using Xunit;
using static CometAnalyzers.Tests.Rules.COMET011Sources;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>How COMET011 follows a value from the sink back to the constant it starts with, and reports it once.</summary>
    public class COMET011FlowTests
    {
        [Fact]
        public Task A_built_url_is_reported_at_the_part_that_fixes_its_host()
            => Test("""
                class C
                {
                    Task<string> A(HttpClient client, int id) => client.GetStringAsync([|"https://api.orbitpay.io/users/"|] + id);
                    Task<string> B(HttpClient client, int id) => client.GetStringAsync($"[|https://api.orbitpay.io/users/|]{id}");
                    Task<string> D(HttpClient client, int id) => client.GetStringAsync(FormattableString.Invariant($"[|https://api.orbitpay.io/v|]{id}"));
                    Task<string> E(HttpClient client, int id) => client.GetStringAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"[|https://api.orbitpay.io/w/|]{id}"));
                    Task<string> F(HttpClient client, int id) => client.GetStringAsync(string.Concat([|"https://api.orbitpay.io/x/"|], id.ToString()));
                    Task<string> G(HttpClient client, int id) => client.GetStringAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, [|"https://api.orbitpay.io/y/{0}"|], id));
                    Task<string> H(HttpClient client) => client.GetStringAsync(new Uri([|"https://api.orbitpay.io/z"|]).ToString());
                }
                """).RunAsync();

        [Fact]
        public Task A_UriBuilder_sent_as_built_is_followed_to_its_url_unless_the_host_is_set()
            => Test("""
                class C
                {
                    Task<string> A(HttpClient c) => c.GetStringAsync(new UriBuilder([|"https://api.orbitpay.io/v1"|]) { Query = "a=1" }.Uri);
                    Task<string> B(HttpClient c, string host) => c.GetStringAsync(new UriBuilder("https://api.orbitpay.io/v1") { Host = host }.Uri);
                }
                """).RunAsync();

        [Fact]
        public Task Every_alternative_of_a_coalesce_conditional_or_switch_is_judged()
            => Test("""
                class C
                {
                    Task<string> A(HttpClient c, string? configured) => c.GetStringAsync(Environment.GetEnvironmentVariable("URL") ?? [|"https://gateway.orbitpay.io/"|]);
                    Task<string> B(HttpClient c, bool eu) => c.GetStringAsync(eu ? [|"https://eu.orbitpay.io/"|] : [|"https://us.orbitpay.io/"|]);
                    Task<string> D(HttpClient c, string env) => c.GetStringAsync(env switch { "prod" => [|"https://gateway.orbitpay.io/"|], _ => "http://localhost:5000/" });
                }
                """).RunAsync();

        [Fact]
        public Task Locals_are_followed_to_every_value_assigned_to_them()
            => Test("""
                class C
                {
                    async Task M(HttpClient client, bool staging, string key)
                    {
                        var once = [|"https://api.orbitpay.io/report"|];
                        await client.GetAsync(once);
                        const string constant = [|"https://api.orbitpay.io/other"|];
                        await client.GetAsync(constant);

                        string branched;
                        if (staging)
                        {
                            branched = $"[|https://staging.orbitpay.io/check?key=|]{key}";
                        }
                        else
                        {
                            branched = $"[|https://api.orbitpay.io/check?key=|]{key}";
                        }

                        await client.GetAsync(new Uri(branched));

                        var uri = new Uri([|"https://api.orbitpay.io/uri"|]);
                        await client.GetAsync(uri);
                    }
                }
                """).RunAsync();

        [Fact]
        public Task A_member_is_reported_once_at_its_value_however_often_it_is_sent_to()
            => Test("""
                class C
                {
                    const string Gateway = [|"https://gateway.orbitpay.io"|];
                    static readonly string Billing = [|"https://billing.orbitpay.io"|];
                    static readonly Uri Status = new([|"https://status.orbitpay.io/"|]);
                    private readonly string _orders = [|"https://orders.orbitpay.io/"|];
                    public string Users { get; } = [|"https://users.orbitpay.io/"|];
                    private Uri Search => new([|"https://search.orbitpay.io"|]);

                    async Task M(HttpClient client)
                    {
                        await client.GetAsync(Gateway);
                        await client.GetAsync(Gateway + "/health");
                        await client.GetAsync(Billing);
                        client.BaseAddress = Status;
                        await client.GetAsync(new Uri(Status, "v1/ping"));
                        await client.GetAsync(_orders);
                        await client.GetAsync($"{Users}{_orders.Length}");
                        await client.GetAsync(Search);
                    }
                }
                """).RunAsync();

        [Fact]
        public Task Members_aliasing_or_built_from_other_members_are_followed_to_the_original()
            => Test("""
                static class Endpoints
                {
                    public const string Gateway = [|"https://gateway.orbitpay.io"|];
                    public static readonly string Versioned = FormattableString.Invariant($"[|https://versions.orbitpay.io/v|]{Version}");
                    private static readonly int Version = 2;
                }

                class C
                {
                    static readonly string Alias = Endpoints.Gateway;
                    static readonly string AliasOfAlias = Alias;
                    Task<string> A(HttpClient c) => c.GetStringAsync(AliasOfAlias);
                    Task<string> B(HttpClient c) => c.GetStringAsync(Endpoints.Versioned);
                }
                """).RunAsync();

        [Fact]
        public Task A_member_a_constructor_may_change_is_not_followed()
            => Test("""
                class C
                {
                    private readonly string _baseUrl = "https://gateway.orbitpay.io";
                    public string Region { get; } = "https://eu.orbitpay.io";

                    public C(string? configured)
                    {
                        if (configured is not null)
                        {
                            _baseUrl = configured;
                            Region = configured;
                        }
                    }

                    Task<string> A(HttpClient c) => c.GetStringAsync(_baseUrl);
                    Task<string> B(HttpClient c) => c.GetStringAsync(Region);
                }
                """).RunAsync();

        [Fact]
        public Task A_url_returned_by_a_small_helper_is_followed_into_the_helper()
            => Test("""
                class C
                {
                    static string ForecastUrl(string city) => $"[|https://weather.orbitpay.io/v1/forecast?q=|]{city}";

                    static Uri StatusUri()
                    {
                        return new Uri([|"https://status.orbitpay.io/summary"|]);
                    }

                    static string Configured(string baseUrl, string city) => $"{baseUrl}/forecast?q={city}";

                    virtual protected string Overridable() => "https://virtual.orbitpay.io/";

                    async Task M(HttpClient client)
                    {
                        await client.GetFromJsonAsync<string[]>(ForecastUrl("Oslo"));
                        await client.GetFromJsonAsync<string[]>(ForecastUrl("Lima"));
                        await client.GetAsync(StatusUri());
                        await client.GetAsync(Configured([|"https://api.orbitpay.io"|], "Rome"));
                        await client.GetAsync(Overridable());

                        string Local() => [|"https://local.orbitpay.io/"|];
                        await client.GetAsync(Local());
                    }
                }
                """).RunAsync();

        [Fact]
        public Task A_url_handed_to_the_projects_own_method_that_sends_it_is_reported_at_the_caller()
            => Test("""
                class Browser
                {
                    private readonly HttpClient _http = new();

                    public Task<string> GetText(Uri request) => Send(request, HttpMethod.Get);

                    public Task<string> GetTextFrom(string url) => GetText(new Uri(url));

                    private async Task<string> Send(Uri request, HttpMethod method)
                    {
                        using var message = new HttpRequestMessage(method, request);
                        using HttpResponseMessage response = await _http.SendAsync(message);
                        return await response.Content.ReadAsStringAsync();
                    }

                    public void Remember(Uri seen) => Seen.Add(seen);

                    public List<Uri> Seen { get; } = new();

                    public Task<string> Recurse(Uri request, int depth) => depth > 0 ? Recurse(request, depth - 1) : GetText(request);
                }

                class Caller
                {
                    static readonly Uri Backend = new([|"https://backend.orbitpay.io"|]);

                    async Task M(Browser browser)
                    {
                        await browser.GetText(new Uri([|"https://api.orbitpay.io/a"|]));
                        await browser.GetTextFrom([|"https://api.orbitpay.io/b"|]);
                        await browser.GetText(new Uri(Backend, "/listing"));
                        await browser.Recurse(new Uri([|"https://api.orbitpay.io/c"|]), 3);
                        browser.Remember(new Uri("https://api.orbitpay.io/not-sent"));
                    }
                }
                """).RunAsync();

        [Fact]
        public Task Half_typed_code_does_not_throw()
            => Test("""
                class C
                {
                    const string Url = [|"https://api.orbitpay.io"|] + ;
                    Task<string> M(HttpClient client) => client.GetStringAsync(Url);
                    void N(HttpClient client) { client.BaseAddress = new Uri(; client.GetAsync(Undefined.Url); new HttpRequestMessage(, ); }
                    string O(string x) => x switch { "a" => "https://api.orbitpay.io/", };
                    Task<string> P(HttpClient client) => client.GetStringAsync(O(Missing()));
                    static string Q() => R();
                    static string R() => Q();
                    Task<string> S(HttpClient client) => client.GetStringAsync(Q());
                }
                """).AllowCompilerErrors().RunAsync();
    }
}
