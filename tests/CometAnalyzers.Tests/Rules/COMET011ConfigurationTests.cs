using System;
using System.Threading.Tasks;
using CometAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Xunit;
using static CometAnalyzers.Tests.Rules.COMET011Sources;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>COMET011's severity, help link, options, and how it stands beside COMET001 when a contract is present.</summary>
    public class COMET011ConfigurationTests
    {
        private const string OneUrl = """
            class C
            {
                Task<string> M(HttpClient client) => client.GetStringAsync([|"https://status.orbitpay.io/health"|]);
            }
            """;

        [Fact]
        public async Task The_rule_is_a_warning_by_default_with_a_help_link()
        {
            Diagnostic diagnostic = Assert.Single(await Test(OneUrl).GetDiagnosticsAsync());
            Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
            Assert.Equal("COMET011", diagnostic.Id);
            Assert.Equal("https://github.com/CometAnalyzers/CometAnalyzers/blob/main/docs/rules/COMET011.md", diagnostic.Descriptor.HelpLinkUri);
        }

        [Fact]
        public Task A_team_can_make_it_fail_the_build()
            => Test(OneUrl).WithEditorConfig("dotnet_diagnostic.COMET011.severity = error").ExpectSeverity(DiagnosticSeverity.Error).RunAsync();

        [Fact]
        public Task A_team_can_turn_it_off()
            => Test(OneUrl.Replace("[|", string.Empty, StringComparison.Ordinal).Replace("|]", string.Empty, StringComparison.Ordinal))
                .WithEditorConfig("dotnet_diagnostic.COMET011.severity = none")
                .RunAsync();

        [Fact]
        public Task Allowed_hosts_are_read_from_a_global_config_too()
            => Test("""
                class C
                {
                    Task<string> A(HttpClient c) => c.GetStringAsync("https://docs.orbitpay.io/x");
                    Task<string> B(HttpClient c) => c.GetStringAsync([|"https://api.orbitpay.io/x"|]);
                }
                """)
                .WithAnalyzerConfigFile("/project/.globalconfig", "is_global = true\ncomet_endpoint_allowed_hosts = docs.orbitpay.io\n")
                .RunAsync();

        [Fact]
        public Task With_a_contract_its_own_endpoint_is_left_to_COMET001_and_other_urls_stay_COMET011()
            => Test("""
                class C
                {
                    Task<string> A(HttpClient c) => c.GetStringAsync("https://api.cometapi.com/v1/chat/completions");
                    Task<string> B(HttpClient c) => c.GetStringAsync([|"https://gateway.orbitpay.io"|] + CometApi.Contracts.CometApiContract.Path);
                    Task<string> D(HttpClient c) => c.GetStringAsync([|"https://api.orbitpay.io/v1/models"|]);
                }
                """)
                .WithSource(COMET001Sources.DefaultContractClass)
                .WithContract(COMET001Sources.DefaultContract)
                .RunAsync();

        [Fact]
        public Task Without_a_contract_the_cometapi_url_is_an_ordinary_remote_url()
            => Test("""
                class C
                {
                    Task<string> A(HttpClient c) => c.GetStringAsync([|"https://api.cometapi.com/v1/chat/completions"|]);
                }
                """).RunAsync();
    }
}
