using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;
using static CometAnalyzers.Tests.Rules.COMET006Sources;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>COMET006 sinks: every place where a constant certainly becomes a credential.</summary>
    public class COMET006SinkTests
    {
        [Fact]
        public Task Credential_types_take_a_hardcoded_key()
            => Test("""
                class C
                {
                    void M()
                    {
                        var openAi = new ApiKeyCredential([|"sk-4f9Qe2LmW8rT1zXc7VbN3aKd"|]);
                        var azure = new AzureKeyCredential([|"0a1b2c3d4e5f60718293a4b5c6d7e8f9"|]);
                        var named = new AzureNamedKeyCredential("storage-account", [|"Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA=="|]);
                        var sas = new AzureSasCredential([|"sv=2022-11-02&ss=b&sig=Qx7pL2mN9vR4tY6w"|]);
                        var proxy = new NetworkCredential("proxy-user", [|"Wint3r-Is-C0ming!"|]);
                        openAi.Update([|"sk-9Zt3Rq7LmW2pX5cV8bN1aKd"|]);
                    }
                }
                """).ExpectSeverity(DiagnosticSeverity.Error).RunAsync();

        [Fact]
        public Task Passwords_may_hold_any_character_and_keys_that_start_like_no_are_still_keys()
            => Test("""
                class C
                {
                    void M(OpenAIClientOptions options)
                    {
                        var proxy = new NetworkCredential("svc-proxy", [|"P(ssw0rd)?Q7<x>"|]);
                        var sas = new AzureSasCredential([|"sv=2022-11-02&sig=Qx7pL2mN9vR4tY6w!"|]);
                        var openAi = new OpenAIClient(new ApiKeyCredential([|"NoQ7fK29xLqP3mZtW8"|]), options);
                        var azure = new AzureKeyCredential([|"not7a2b3c4d5e6f708192a3b4c5d6e7f8"|]);
                    }
                }
                """).RunAsync();

        [Fact]
        public Task The_Authorization_header_takes_a_hardcoded_bearer_token()
            => Test("""
                class C
                {
                    void M(HttpClient client, HttpRequestMessage request)
                    {
                        client.DefaultRequestHeaders.Authorization = new("Bearer", [|"sk-4f9Qe2LmW8rT1zXc7VbN3aKd"|]);
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", [|"sk-9Zt3Rq7LmW2pX5cV8bN1aKd"|]);
                        client.DefaultRequestHeaders.Add("Authorization", [|"Bearer sk-7Yt3Rq7LmW2pX5cV8bN1aKe"|]);
                        request.Headers.TryAddWithoutValidation("authorization", [|"Bearer sk-6Xt3Rq7LmW2pX5cV8bN1aKf"|]);
                        request.Headers.Authorization = AuthenticationHeaderValue.Parse([|"Bearer sk-5Wt3Rq7LmW2pX5cV8bN1aKg"|]);
                        client.DefaultRequestHeaders.Add("api-key", [|"0a1b2c3d4e5f60718293a4b5c6d7e8f9"|]);
                        request.Headers.Add("x-api-key", new[] { [|"1a1b2c3d4e5f60718293a4b5c6d7e8f9"|] });
                    }
                }
                """).RunAsync();

        [Fact]
        public Task The_contracts_auth_header_is_a_credential_header_too()
            => Test("""
                class C
                {
                    void M(HttpClient client)
                    {
                        client.DefaultRequestHeaders.Add("X-Comet-Auth", [|"Bearer sk-4f9Qe2LmW8rT1zXc7VbN3aKd"|]);
                        client.DefaultRequestHeaders.Add("X-Trace", "Bearer sk-4f9Qe2LmW8rT1zXc7VbN3aKd");
                    }
                }
                """).WithContract(AuthContract).RunAsync();

        [Fact]
        public Task The_api_key_parameters_of_the_OpenAI_and_Azure_clients_take_a_hardcoded_key()
            => Test("""
                class C
                {
                    void M(Uri endpoint)
                    {
                        var openAi = new OpenAIClient([|"sk-4f9Qe2LmW8rT1zXc7VbN3aKd"|]);
                        var chat = new ChatClient("gpt-4o-mini", [|"sk-9Zt3Rq7LmW2pX5cV8bN1aKd"|]);
                        var named = new ChatClient(model: "gpt-4o-mini", apiKey: [|"sk-8Yt3Rq7LmW2pX5cV8bN1aKe"|]);
                        var azure = new AzureOpenAIClient(endpoint, new AzureKeyCredential([|"0a1b2c3d4e5f60718293a4b5c6d7e8f9"|]));
                        var azureWithKey = new AzureOpenAIClient(endpoint, new ApiKeyCredential([|"1a1b2c3d4e5f60718293a4b5c6d7e8f9"|]));
                    }
                }
                """).RunAsync();

        [Fact]
        public Task A_hardcoded_fallback_for_the_contracts_secret_is_a_credential()
            => Test("""
                static class Binder
                {
                    // Same shape as ConfigurationBinder.GetValue<T>(key, defaultValue), whose package these tests do not reference.
                    public static T GetValue<T>(this IConfiguration configuration, string key, T defaultValue) => defaultValue;
                }

                class C
                {
                    string? M(IConfiguration configuration)
                    {
                        string key = configuration["CometApi:Auth"] ?? [|"sk-4f9Qe2LmW8rT1zXc7VbN3aKd"|];
                        string fromVariable = Environment.GetEnvironmentVariable("COMET_AUTH") ?? [|"sk-9Zt3Rq7LmW2pX5cV8bN1aKd"|];
                        string bound = configuration.GetValue("CometApi:Auth", [|"sk-8Yt3Rq7LmW2pX5cV8bN1aKe"|])!;
                        string other = configuration["Billing:Auth"] ?? "sk-7Xt3Rq7LmW2pX5cV8bN1aKf";
                        return key + fromVariable + bound + other;
                    }
                }
                """).WithContract(AuthContract).RunAsync();

        [Fact]
        public Task An_API_key_property_of_an_OpenAI_options_type_takes_a_hardcoded_key()
            => Test("""
                namespace Vendor.OpenAI
                {
                    public sealed class OpenAiOptions
                    {
                        public string? ApiKey { get; set; }

                        public string? Organization { get; set; }
                    }
                }

                class C
                {
                    Vendor.OpenAI.OpenAiOptions M() => new() { ApiKey = [|"sk-4f9Qe2LmW8rT1zXc7VbN3aKd"|], Organization = "org-4f9Qe2LmW8rT1zXc7VbN" };
                }
                """).RunAsync();
    }
}
