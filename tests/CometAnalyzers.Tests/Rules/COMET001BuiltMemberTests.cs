using System.Threading.Tasks;
using CometAnalyzers.Rules;
using CometAnalyzers.Tests.Infrastructure;
using Xunit;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>
    /// COMET001 on readonly fields and get-only properties whose initializer builds the URL with a call
    /// (<c>FormattableString.Invariant</c>, <c>string.Create</c>, <c>string.Concat</c>, <c>string.Format</c>): followed to
    /// the constant the result starts with, and reported there once the member reaches HTTP.
    /// </summary>
    public class COMET001BuiltMemberTests
    {
        private const string Usings = """
            using System;
            using System.Globalization;
            using System.Net.Http;
            using System.Threading.Tasks;

            """;

        private static AnalyzerTest Test(string body)
            => AnalyzerTest.For<HardcodedEndpointAnalyzer>().WithSource(Usings + body).WithSource(COMET001Sources.DefaultContractClass);

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
