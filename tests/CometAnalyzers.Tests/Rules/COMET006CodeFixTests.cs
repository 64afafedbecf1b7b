using System;
using System.Threading.Tasks;
using CometAnalyzers.CodeFixes;
using CometAnalyzers.Tests.Infrastructure;
using Xunit;
using static CometAnalyzers.Tests.Rules.COMET006Sources;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>
    /// COMET006's fixes: read the key from the contract's environment variable or configuration key, or throw in place of
    /// a hardcoded fallback. Each is applied one diagnostic at a time and with Fix All in document, project and solution.
    /// </summary>
    public class COMET006CodeFixTests
    {
        private const string MissingVariable = "throw new InvalidOperationException(\"The API key is missing: set the environment variable COMET_AUTH.\")";

        private const string MissingConfiguration = "throw new InvalidOperationException(\"The API key is missing: set the configuration value CometApi:Auth.\")";

        /// <summary>The generated contract class's constants, as the generator writes them for <see cref="AuthContract"/>.</summary>
        private const string AuthContractClass = """
            namespace CometApi.Contracts
            {
                public static class CometApiContract
                {
                    public const string SecretConfigKey = "CometApi:Auth";
                    public const string SecretEnvVar = "COMET_AUTH";
                }
            }
            """;

        [Fact]
        public Task The_key_is_read_from_the_contracts_environment_variable_and_a_header_keeps_its_scheme()
            => Test("""
                class C
                {
                    void M(HttpClient client, HttpRequestMessage request)
                    {
                        var credential = new ApiKeyCredential([|"sk-4f9Qe2LmW8rT1zXc7VbN3aKd"|]);
                        client.DefaultRequestHeaders.Add("Authorization", [|"Bearer sk-7Yt3Rq7LmW2pX5cV8bN1aKe"|]);
                        string key = [|"sk-9Zt3Rq7LmW2pX5cV8bN1aKd"|];
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
                    }
                }
                """).WithContract(AuthContract).WithCodeFix<HardcodedCredentialCodeFixProvider>(Usings + $$"""
                class C
                {
                    void M(HttpClient client, HttpRequestMessage request)
                    {
                        var credential = new ApiKeyCredential(Environment.GetEnvironmentVariable("COMET_AUTH") ?? {{MissingVariable}});
                        client.DefaultRequestHeaders.Add("Authorization", "Bearer " + (Environment.GetEnvironmentVariable("COMET_AUTH") ?? {{MissingVariable}}));
                        string key = Environment.GetEnvironmentVariable("COMET_AUTH") ?? {{MissingVariable}};
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
                    }
                }
                """, HardcodedCredentialCodeFixProvider.EnvironmentKey).RunAsync();

        [Fact]
        public Task The_generated_contract_class_names_the_variable_when_it_is_there()
            => Test("""
                class C
                {
                    ApiKeyCredential M() => new([|"sk-4f9Qe2LmW8rT1zXc7VbN3aKd"|]);
                }
                """).WithSource(AuthContractClass).WithContract(AuthContract).WithCodeFix<HardcodedCredentialCodeFixProvider>(Usings + $$"""
                class C
                {
                    ApiKeyCredential M() => new(Environment.GetEnvironmentVariable(CometApi.Contracts.CometApiContract.SecretEnvVar) ?? {{MissingVariable}});
                }
                """, HardcodedCredentialCodeFixProvider.EnvironmentKey).RunAsync();

        [Fact]
        public Task The_key_is_read_from_configuration_in_scope_and_not_where_none_is_reachable()
            => Test("""
                class C
                {
                    private readonly IConfiguration _configuration;

                    C(IConfiguration configuration) => _configuration = configuration;

                    ApiKeyCredential FromField() => new([|"sk-4f9Qe2LmW8rT1zXc7VbN3aKd"|]);

                    ApiKeyCredential FromParameter(IConfiguration settings) => new([|"sk-9Zt3Rq7LmW2pX5cV8bN1aKd"|]);

                    static ApiKeyCredential Static() => new([|"sk-8Yt3Rq7LmW2pX5cV8bN1aKe"|]);
                }
                """).WithSource(AuthContractClass).WithContract(AuthContract).WithCodeFix<HardcodedCredentialCodeFixProvider>(Usings + $$"""
                class C
                {
                    private readonly IConfiguration _configuration;

                    C(IConfiguration configuration) => _configuration = configuration;

                    ApiKeyCredential FromField() => new(_configuration[CometApi.Contracts.CometApiContract.SecretConfigKey] ?? {{MissingConfiguration}});

                    ApiKeyCredential FromParameter(IConfiguration settings) => new(settings[CometApi.Contracts.CometApiContract.SecretConfigKey] ?? {{MissingConfiguration}});

                    static ApiKeyCredential Static() => new([|"sk-8Yt3Rq7LmW2pX5cV8bN1aKe"|]);
                }
                """, HardcodedCredentialCodeFixProvider.ConfigurationKey).RunAsync();

        [Fact]
        public Task A_hardcoded_fallback_of_the_secrets_read_becomes_a_throw()
            => Test("""
                class C
                {
                    string M(IConfiguration configuration)
                    {
                        string key = configuration["CometApi:Auth"] ?? [|"sk-4f9Qe2LmW8rT1zXc7VbN3aKd"|];
                        string fromVariable = Environment.GetEnvironmentVariable("COMET_AUTH") ?? ([|"sk-9Zt3Rq7LmW2pX5cV8bN1aKd"|]);
                        return key + fromVariable;
                    }
                }
                """).WithContract(AuthContract).WithCodeFix<HardcodedCredentialCodeFixProvider>(Usings + $$"""
                class C
                {
                    string M(IConfiguration configuration)
                    {
                        string key = configuration["CometApi:Auth"] ?? {{MissingConfiguration}};
                        string fromVariable = Environment.GetEnvironmentVariable("COMET_AUTH") ?? {{MissingVariable}};
                        return key + fromVariable;
                    }
                }
                """, HardcodedCredentialCodeFixProvider.ThrowKey).RunAsync();

        [Fact]
        public Task Without_a_contract_a_hardcoded_fallback_reaching_a_credential_still_becomes_a_throw()
            => Test("""
                class C
                {
                    ApiKeyCredential M(IConfiguration configuration) => new(configuration["OpenAI:ApiKey"] ?? [|"sk-4f9Qe2LmW8rT1zXc7VbN3aKd"|]);
                }
                """).WithCodeFix<HardcodedCredentialCodeFixProvider>(Usings + """
                class C
                {
                    ApiKeyCredential M(IConfiguration configuration) => new(configuration["OpenAI:ApiKey"] ?? throw new InvalidOperationException("The API key is missing: set the configuration value OpenAI:ApiKey."));
                }
                """, HardcodedCredentialCodeFixProvider.ThrowKey).RunAsync();

        [Fact]
        public Task Fix_all_reads_the_key_in_every_file_of_the_project()
            => Test("""
                class A
                {
                    ApiKeyCredential M() => new([|"sk-4f9Qe2LmW8rT1zXc7VbN3aKd"|]);
                }
                """).WithSource("""
                class B
                {
                    Azure.AzureKeyCredential M() => new([|"0a1b2c3d4e5f60718293a4b5c6d7e8f9"|]);
                }
                """).WithContract(AuthContract).WithCodeFix<HardcodedCredentialCodeFixProvider>(Usings + $$"""
                class A
                {
                    ApiKeyCredential M() => new(Environment.GetEnvironmentVariable("COMET_AUTH") ?? {{MissingVariable}});
                }
                """, HardcodedCredentialCodeFixProvider.EnvironmentKey).WithFixedSource(1, $$"""
                class B
                {
                    Azure.AzureKeyCredential M() => new(System.Environment.GetEnvironmentVariable("COMET_AUTH") ?? throw new System.InvalidOperationException("The API key is missing: set the environment variable COMET_AUTH."));
                }
                """).RunAsync();

        [Fact]
        public Task No_fix_without_a_contract_naming_the_variable_or_the_key()
            => NoFix("""
                class C
                {
                    ApiKeyCredential M(IConfiguration configuration) => new([|"sk-4f9Qe2LmW8rT1zXc7VbN3aKd"|]);
                }
                """, test => test);

        [Fact]
        public Task No_fix_in_a_const_or_static_initializer()
            => NoFix("""
                class C
                {
                    private const string Key = [|"sk-4f9Qe2LmW8rT1zXc7VbN3aKd"|];
                    private static readonly string Other = [|"sk-9Zt3Rq7LmW2pX5cV8bN1aKd"|];
                    private static readonly ApiKeyCredential Shared = new([|"sk-8Yt3Rq7LmW2pX5cV8bN1aKe"|]);

                    void M()
                    {
                        const string local = [|"sk-7Xt3Rq7LmW2pX5cV8bN1aKf"|];
                        var credentials = new[] { new ApiKeyCredential(Key), new ApiKeyCredential(Other), new ApiKeyCredential(local), Shared };
                    }
                }
                """, test => test.WithContract(AuthContract));

        [Fact]
        public Task No_fix_at_the_use_of_a_constant_declared_in_another_file()
            => NoFix("""
                class C
                {
                    ApiKeyCredential M() => new([|Keys.OpenAi|]);
                }
                """, test => test.WithContract(AuthContract).WithSource("""
                static class Keys
                {
                    public const string OpenAi = "sk-4f9Qe2LmW8rT1zXc7VbN3aKd";
                }
                """));

        [Fact]
        public Task No_fix_for_the_default_value_of_a_configuration_read()
            => NoFix("""
                static class Binder
                {
                    // Same shape as ConfigurationBinder.GetValue<T>(key, defaultValue): a read put in its argument would run first.
                    public static T GetValue<T>(this IConfiguration configuration, string key, T defaultValue) => defaultValue;
                }

                class C
                {
                    string M(IConfiguration configuration) => configuration.GetValue("CometApi:Auth", [|"sk-4f9Qe2LmW8rT1zXc7VbN3aKd"|]);
                }
                """, test => test.WithContract(AuthContract));

        [Fact]
        public Task No_configuration_read_where_it_would_not_compile_cleanly()
            => NoFix("""
                class C
                {
                    ApiKeyCredential FromNullable(IConfiguration? configuration) => new([|"sk-4f9Qe2LmW8rT1zXc7VbN3aKd"|]);

                    ApiKeyCredential BeforeItsDeclaration()
                    {
                        var credential = new ApiKeyCredential([|"sk-9Zt3Rq7LmW2pX5cV8bN1aKd"|]);
                        IConfiguration configuration = null!;
                        return credential;
                    }

                    Func<ApiKeyCredential> InStaticLambda(IConfiguration configuration) => static () => new([|"sk-8Yt3Rq7LmW2pX5cV8bN1aKe"|]);
                }
                """, test => test.WithContract(AuthContract), HardcodedCredentialCodeFixProvider.ConfigurationKey);

        /// <summary>The fix (the one with <paramref name="equivalenceKey"/>, or any) offers nothing: the sources stay as they were, with their diagnostics.</summary>
        private static Task NoFix(string body, Func<AnalyzerTest, AnalyzerTest> setup, string? equivalenceKey = null)
            => setup(Test(body)).WithCodeFix<HardcodedCredentialCodeFixProvider>(Usings + body, equivalenceKey).RunAsync();
    }
}
