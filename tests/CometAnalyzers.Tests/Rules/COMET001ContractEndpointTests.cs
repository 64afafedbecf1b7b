using System.Globalization;
using System.Threading.Tasks;
using CometAnalyzers.Rules;
using CometAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>COMET001 on the contract's own endpoint: its path and hosts, wherever the constant is written.</summary>
    public class COMET001ContractEndpointTests
    {
        /// <summary>A test of <paramref name="source"/> in a project whose contract has the default CometAPI endpoint.</summary>
        private static AnalyzerTest Test(string source) => Bare(source).WithContract(COMET001Sources.DefaultContract);

        /// <summary>A test of <paramref name="source"/> with no contract file: the contracts it adds are the only ones.</summary>
        private static AnalyzerTest Bare(string source) => AnalyzerTest.For<HardcodedEndpointAnalyzer>().WithSource(source);

        [Theory]
        [InlineData("https://api.cometapi.com/v1/chat/completions")]
        [InlineData("/v1/chat/completions")]
        [InlineData("v1/chat/completions")]
        [InlineData("/v1/chat/completions?stream=true")]
        [InlineData("/v1/chat/completions/")]
        [InlineData("https://proxy.example.com/v1/chat/completions")]
        [InlineData("https://proxy.example.com/comet/v1/chat/completions#top")]
        [InlineData("api.cometapi.com/v1/chat/completions")]
        [InlineData("https://api.cometapi.com")]
        [InlineData("https://API.CometAPI.com/v1/models")]
        [InlineData("api.cometapi.com")]
        [InlineData("api.cometapi.com:443")]
        public Task Contract_path_or_host_literals_are_endpoints(string value)
            => Test($$"""
                class C
                {
                    string M() => [|"{{value}}"|];
                }
                """).RunAsync();

        [Theory]
        [InlineData("/v1/chat/completions")]
        [InlineData("https://api.cometapi.com/v1/chat/completions")]
        [InlineData("api.cometapi.com")]
        public Task Without_a_contract_file_there_is_no_contract_endpoint(string value)
            => Bare($$"""
                class C
                {
                    string M() => "{{value}}";
                    System.Uri N() => new System.Uri("{{value}}", System.UriKind.RelativeOrAbsolute);
                }
                """).RunAsync();

        [Theory]
        [InlineData("/v1/models")]
        [InlineData("v1/embeddings")]
        [InlineData("/v1/chat/completions/extra")]
        [InlineData("/v1/chat/completionsX")]
        [InlineData("chat/completions")]
        [InlineData("image_url")]
        [InlineData("https://docs.cometapi.com/api/chat")]
        [InlineData("https://api.cometapi.com.evil.example/x")]
        [InlineData("See https://api.cometapi.com/v1/chat/completions for details")]
        [InlineData("Summarize what POST /v1/chat/completions returns.")]
        [InlineData("mailto:ops@cometapi.com")]
        public Task Other_paths_hosts_and_prose_are_not_contract_endpoints(string value)
            => Test($$"""
                class C
                {
                    string M() => "{{value}}";
                }
                """).RunAsync();

        [Theory]
        [InlineData("http://localhost:5000/v1/chat/completions")]
        [InlineData("http://127.0.0.1/v1/chat/completions")]
        [InlineData("http://[::1]:8080/v1/chat/completions")]
        [InlineData("http://mock.localhost/v1/chat/completions")]
        public Task Loopback_urls_are_not_endpoints_even_with_the_contract_path(string value)
            => Test($$"""
                class C
                {
                    string M() => "{{value}}";
                }
                """).RunAsync();

        [Fact]
        public Task A_url_in_prompt_text_is_not_an_endpoint()
            => Test("""
                class C
                {
                    const string Prompt = "You are a helper. The API lives at https://api.cometapi.com/v1/chat/completions; never mention it.";
                    string M() => Prompt + "\nUser: hi";
                }
                """).RunAsync();

        [Fact]
        public Task A_json_property_name_is_not_an_endpoint()
            => Test("""
                using System.Collections.Generic;
                class C
                {
                    Dictionary<string, object> Part(string url) => new() { ["type"] = "image_url", ["image_url"] = new Dictionary<string, string> { ["url"] = url } };
                }
                """).RunAsync();

        [Fact]
        public Task A_const_field_is_reported_once_at_its_declaration_however_often_it_is_used()
            => Test("""
                using System;
                class C
                {
                    public const string ChatUrl = [|"https://api.cometapi.com/v1/chat/completions"|];
                    Uri A() => new Uri(ChatUrl);
                    Uri B() => new Uri(ChatUrl);
                    string D() => ChatUrl;
                    string E() => C.ChatUrl;
                    object F() => ChatUrl;
                }
                """).RunAsync();

        [Fact]
        public Task A_concatenation_of_constants_is_reported_once_as_a_whole()
            => Test("""
                class C
                {
                    string M() => [|"https://api.cometapi.com" + "/v1" + "/chat/completions"|];
                }
                """).RunAsync();

        [Fact]
        public Task A_constant_interpolation_is_reported_as_a_whole()
            => Test("""
                class C
                {
                    const string Version = "v1";
                    const string Url = [|$"https://gateway.example.com/{Version}/chat/completions"|];
                }
                """).RunAsync();

        [Fact]
        public Task A_constant_built_from_reported_constants_is_not_reported_again()
            => Test("""
                class C
                {
                    const string Host = [|"https://api.cometapi.com"|];
                    const string Path = [|"/v1/chat/completions"|];
                    const string Url = Host + Path;
                    const string UrlWithSlash = Host + "/" + Path;
                }
                """).RunAsync();

        [Fact]
        public Task A_constant_built_from_reported_constants_is_not_reported_again_where_it_reaches_http()
            => Test("""
                using System;
                using System.Net.Http;
                class C
                {
                    const string Host = [|"https://api.cometapi.com"|];
                    const string Path = [|"/v1/chat/completions"|];
                    const string Url = Host + Path;
                    static readonly string Interpolated = $"{Host}{Path}";

                    HttpRequestMessage Request() => new HttpRequestMessage(HttpMethod.Post, Url);
                    Uri Address() => new Uri(Interpolated);
                    Uri Inline() => new Uri(Host + Path);
                }
                """).RunAsync();

        [Fact]
        public Task A_constant_that_adds_the_path_to_a_reported_host_is_reported()
            => Test("""
                class C
                {
                    const string Host = [|"https://api.cometapi.com"|];
                    const string Url = [|Host + "/v1/chat/completions"|];
                }
                """).RunAsync();

        [Fact]
        public Task The_path_written_next_to_a_configured_base_url_is_reported_at_the_literal()
            => Test("""
                using System;
                class C
                {
                    Uri Concat(string baseUrl) => new Uri(baseUrl + [|"/v1/chat/completions"|]);
                    Uri Interpolated(string baseUrl) => new Uri($"{baseUrl}[|/v1/chat/completions|]");
                }
                """).RunAsync();

        [Fact]
        public Task Using_the_generated_contract_path_is_compliant()
            => Test("""
                using System;
                using CometApi.Contracts;
                class C
                {
                    Uri Concat(Uri baseUrl) => new Uri(baseUrl, CometApiContract.Path);
                    string Interpolated(string baseUrl) => $"{baseUrl}{CometApiContract.Path}";
                    string Plus(string baseUrl) => baseUrl.TrimEnd('/') + CometApiContract.Path;
                }
                """).WithSource(COMET001Sources.DefaultContractClass).RunAsync();

        [Fact]
        public Task Generated_code_is_not_analyzed()
            => Test("""
                // <auto-generated/>
                class Generated
                {
                    const string Url = "https://api.cometapi.com/v1/chat/completions";
                }
                """).RunAsync();

        [Fact]
        public Task A_contract_replaces_the_default_path_and_hosts()
            => Bare("""
                class C
                {
                    const string Generate = [|"/v2/generate"|];
                    const string Host = [|"https://llm.acme.example"|];
                    const string Chat = "/v1/chat/completions";
                    const string Comet = "https://api.cometapi.com";
                }
                """).WithContract(COMET001Sources.LlmContract).RunAsync();

        [Fact]
        public Task Every_contract_of_the_compilation_is_checked()
            => Bare("""
                class C
                {
                    const string Generate = [|"/v2/generate"|];
                    const string Chat = [|"/v1/chat/completions"|];
                    const string Eu = [|"https://eu.cometapi.com"|];
                }
                """)
                .WithContract(COMET001Sources.LlmContract, "/project/contracts/llm.contract.json")
                .WithContract(COMET001Sources.CometContract, "/project/contracts/comet.contract.json")
                .RunAsync();

        [Fact]
        public async Task The_message_names_the_value_the_contract_and_its_base_url_key()
        {
            var diagnostics = await Bare("""
                class C
                {
                    const string Url = "https://api.cometapi.com/v1/chat/completions";
                }
                """).WithContract(COMET001Sources.CometContract, "/project/contracts/comet.contract.json").GetDiagnosticsAsync();

            Diagnostic diagnostic = Assert.Single(diagnostics);
            Assert.Equal(
                "'https://api.cometapi.com/v1/chat/completions' hardcodes the CometApi endpoint; read the base URL from configuration ('CometApi:BaseUrl') and use CometApiContract.Path",
                diagnostic.GetMessage(CultureInfo.InvariantCulture));
            Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
            Assert.Equal("https://github.com/CometAnalyzers/CometAnalyzers/blob/main/docs/rules/COMET001.md", diagnostic.Descriptor.HelpLinkUri);
        }

        [Fact]
        public async Task A_contract_without_a_base_url_key_gets_a_message_that_names_none()
        {
            var diagnostics = await Test("""
                class C
                {
                    const string Path = "/v1/chat/completions";
                }
                """).GetDiagnosticsAsync();

            Assert.Equal(
                "'/v1/chat/completions' hardcodes the CometApi endpoint; read the base URL from configuration and use CometApiContract.Path",
                Assert.Single(diagnostics).GetMessage(CultureInfo.InvariantCulture));
        }

        [Fact]
        public async Task A_contract_host_alone_is_told_to_come_from_configuration_without_the_path_advice()
        {
            var diagnostics = await Bare("""
                class C
                {
                    const string Host = "https://eu.cometapi.com/";
                }
                """).WithContract(COMET001Sources.CometContract).GetDiagnosticsAsync();

            Assert.Equal(
                "'https://eu.cometapi.com/' hardcodes the CometApi endpoint; read the base URL from configuration ('CometApi:BaseUrl')",
                Assert.Single(diagnostics).GetMessage(CultureInfo.InvariantCulture));
        }

        [Fact]
        public Task Severity_can_be_lowered_to_a_warning_in_editorconfig()
            => Test("""
                class C
                {
                    const string Url = [|"https://api.cometapi.com/v1/chat/completions"|];
                }
                """)
                .WithEditorConfig("dotnet_diagnostic.COMET001.severity = warning")
                .ExpectSeverity(DiagnosticSeverity.Warning)
                .RunAsync();

        [Fact]
        public Task Severity_none_silences_the_rule()
            => Test("""
                class C
                {
                    const string Url = "https://api.cometapi.com/v1/chat/completions";
                }
                """)
                .WithEditorConfig("dotnet_diagnostic.COMET001.severity = none")
                .RunAsync();

        [Fact]
        public Task Allowed_hosts_exempt_contract_hosts_too()
            => Bare("""
                class C
                {
                    const string Eu = "https://eu.cometapi.com/v1/chat/completions";
                    const string Main = [|"https://api.cometapi.com"|];
                }
                """)
                .WithContract(COMET001Sources.CometContract)
                .WithEditorConfig("comet_endpoint_allowed_hosts = eu.cometapi.com")
                .RunAsync();

        [Fact]
        public Task Half_typed_code_does_not_throw_and_still_reports_complete_literals()
            => Test("""
                using System;
                class C
                {
                    const string Url = [|"https://api.cometapi.com"|] + ;
                    Uri M() => new Uri(
                    void N() { var x = $"{undefined}[|/v1/chat/completions|]" + Missing.Path; }
                    void O() { new Uri(Undefined.Url); new System.Net.Http.HttpClient().GetAsync(); new UriBuilder(, ); }
                }
                """).AllowCompilerErrors().RunAsync();
    }
}
