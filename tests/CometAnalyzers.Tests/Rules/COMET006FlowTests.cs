using System.Threading.Tasks;
using CometAnalyzers.Rules;
using CometAnalyzers.Tests.Infrastructure;
using Xunit;
using static CometAnalyzers.Tests.Rules.COMET006Sources;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>COMET006 follows a constant to its sink: locals, consts, static readonly fields, interpolation and fallbacks.</summary>
    public class COMET006FlowTests
    {
        [Fact]
        public Task A_key_held_in_a_local_is_reported_where_it_is_written()
            => Test("""
                class C
                {
                    void M(HttpClient client, bool staging)
                    {
                        string apiKey = [|"sk-4f9Qe2LmW8rT1zXc7VbN3aKd"|];
                        client.DefaultRequestHeaders.Add("Authorization", $"Bearer {apiKey}");
                        var other = staging ? [|"sk-9Zt3Rq7LmW2pX5cV8bN1aKd"|] : Environment.GetEnvironmentVariable("KEY");
                        var credential = new ApiKeyCredential(other ?? "");
                    }
                }
                """).RunAsync();

        [Fact]
        public Task A_key_built_from_literals_or_written_inside_an_interpolation_or_a_conditional_is_reported()
            => Test("""
                class C
                {
                    const string Prefix = "sk-proj-";

                    void M(HttpClient client, bool staging, string? configured)
                    {
                        client.DefaultRequestHeaders.Add("Authorization", [|"Bearer " + "sk-proj-" + "4f9Qe2LmW8rT"|]);
                        client.DefaultRequestHeaders.Add("api-key", [|$"{Prefix}9Zt3Rq7LmW2pX5cV"|]);
                        var credential = new ApiKeyCredential(staging ? [|"sk-7Yt3Rq7LmW2pX5cV8bN1aKe"|] : configured ?? "");
                        var fallback = new ApiKeyCredential(configured ?? [|"sk-6Xt3Rq7LmW2pX5cV8bN1aKf"|]);
                    }
                }
                """).RunAsync();

        [Fact]
        public Task A_const_or_static_readonly_key_in_the_same_file_is_reported_once_at_its_declaration()
            => Test("""
                static class Keys
                {
                    public const string OpenAi = [|"sk-4f9Qe2LmW8rT1zXc7VbN3aKd"|];
                    public static readonly string Azure = [|"0a1b2c3d4e5f60718293a4b5c6d7e8f9"|];
                    public const string Header = "Bearer " + OpenAi;
                }

                class C
                {
                    void M(HttpClient client, Uri endpoint)
                    {
                        var chat = new ChatClient("gpt-4o-mini", Keys.OpenAi);
                        var again = new ApiKeyCredential(Keys.OpenAi);
                        client.DefaultRequestHeaders.Add("Authorization", Keys.Header);
                        client.DefaultRequestHeaders.Add("api-key", Keys.Azure);
                    }
                }
                """).RunAsync();

        [Fact]
        public Task A_key_declared_in_another_file_is_reported_at_its_use_in_the_file_of_the_sink()
            => AnalyzerTest.For<HardcodedCredentialAnalyzer>()
                .WithLibrary(TestReferences.AzureOpenAI)
                .WithSource(Usings + """
                    class C
                    {
                        void M(HttpClient client)
                        {
                            var chat = new ChatClient("gpt-4o-mini", [|Keys.OpenAi|]);
                            var again = new ApiKeyCredential([|Keys.OpenAi|]);
                            client.DefaultRequestHeaders.Authorization = new("Bearer", [|Keys.Legacy|]);
                        }
                    }
                    """)
                .WithSource("""
                    static class Keys
                    {
                        public const string OpenAi = "sk-4f9Qe2LmW8rT1zXc7VbN3aKd";
                        public static readonly string Legacy = "sk-9Zt3Rq7LmW2pX5cV8bN1aKd";
                        public const string Unused = "sk-8Yt3Rq7LmW2pX5cV8bN1aKe";
                    }
                    """)
                .RunAsync();

        [Fact]
        public Task A_key_constant_from_a_referenced_assembly_is_its_own_projects_finding()
            => Test("""
                class C
                {
                    ChatClient M() => new("gpt-4o-mini", Shared.Keys.OpenAi);
                }
                """).WithReferencedAssembly("""
                namespace Shared
                {
                    public static class Keys
                    {
                        public const string OpenAi = "sk-4f9Qe2LmW8rT1zXc7VbN3aKd";
                    }
                }
                """).RunAsync();

        [Fact]
        public Task A_configured_key_with_a_hardcoded_fallback_reaching_a_credential_is_reported_once()
            => Test("""
                class C
                {
                    ApiKeyCredential M(IConfiguration configuration)
                        => new(configuration["CometApi:Auth"] ?? [|"sk-4f9Qe2LmW8rT1zXc7VbN3aKd"|]);
                }
                """).WithContract(AuthContract).RunAsync();
    }
}
