using System.Threading.Tasks;
using CometAnalyzers.CodeFixes;
using CometAnalyzers.Rules;
using CometAnalyzers.Tests.Infrastructure;
using Xunit;

namespace CometAnalyzers.Tests.Rules
{
    /// <summary>COMET001's fix: the contract path literal becomes the generated <c>Contract.Path</c>.</summary>
    public class COMET001CodeFixTests
    {
        private static AnalyzerTest Test(string source) => Bare(source).WithContract(COMET001Sources.DefaultContract);

        private static AnalyzerTest Bare(string source) => AnalyzerTest.For<HardcodedEndpointAnalyzer>().WithSource(source);

        [Fact]
        public Task A_path_literal_becomes_the_contract_path_with_the_using_in_place()
            => Test("""
                using System;
                using CometApi.Contracts;
                class C
                {
                    Uri M(Uri baseUrl) => new Uri(baseUrl, [|"/v1/chat/completions"|]);
                }
                """)
                .WithSource(COMET001Sources.DefaultContractClass)
                .WithCodeFix<HardcodedEndpointCodeFixProvider>("""
                using System;
                using CometApi.Contracts;
                class C
                {
                    Uri M(Uri baseUrl) => new Uri(baseUrl, CometApiContract.Path);
                }
                """, equivalenceKey: "COMET001_UseContractPath")
                .RunAsync();

        [Fact]
        public Task Without_a_using_the_contract_type_is_written_in_full()
            => Test("""
                using System;
                class C
                {
                    Uri M(Uri baseUrl) => new Uri(baseUrl, [|"/v1/chat/completions"|]);
                }
                """)
                .WithSource(COMET001Sources.DefaultContractClass)
                .WithCodeFix<HardcodedEndpointCodeFixProvider>("""
                using System;
                class C
                {
                    Uri M(Uri baseUrl) => new Uri(baseUrl, CometApi.Contracts.CometApiContract.Path);
                }
                """)
                .RunAsync();

        [Fact]
        public Task A_const_field_keeps_its_name_and_takes_the_contract_value()
            => Test("""
                using CometApi.Contracts;
                class C
                {
                    public const string ChatPath = [|"/v1/chat/completions"|];
                    string M(string baseUrl) => baseUrl + ChatPath;
                }
                """)
                .WithSource(COMET001Sources.DefaultContractClass)
                .WithCodeFix<HardcodedEndpointCodeFixProvider>("""
                using CometApi.Contracts;
                class C
                {
                    public const string ChatPath = CometApiContract.Path;
                    string M(string baseUrl) => baseUrl + ChatPath;
                }
                """)
                .RunAsync();

        [Fact]
        public Task Interpolation_text_becomes_a_hole()
            => Test("""
                using CometApi.Contracts;
                class C
                {
                    string M(string baseUrl) => $"{baseUrl}[|/v1/chat/completions|]";
                }
                """)
                .WithSource(COMET001Sources.DefaultContractClass)
                .WithCodeFix<HardcodedEndpointCodeFixProvider>("""
                using CometApi.Contracts;
                class C
                {
                    string M(string baseUrl) => $"{baseUrl}{CometApiContract.Path}";
                }
                """)
                .RunAsync();

        [Fact]
        public Task The_path_inside_a_constant_concatenation_is_replaced_and_the_host_stays_reported()
            => Test("""
                using CometApi.Contracts;
                class C
                {
                    const string Url = [|"https://api.cometapi.com" + "/v1/chat/completions"|];
                }
                """)
                .WithSource(COMET001Sources.DefaultContractClass)
                .WithCodeFix<HardcodedEndpointCodeFixProvider>("""
                using CometApi.Contracts;
                class C
                {
                    const string Url = [|"https://api.cometapi.com" + CometApiContract.Path|];
                }
                """)
                .RunAsync();

        [Fact]
        public Task The_fix_uses_the_contract_name_and_namespace()
            => Bare("""
                using System;
                class C
                {
                    Uri M(Uri baseUrl) => new Uri(baseUrl, [|"/v2/generate"|]);
                }
                """)
                .WithContract(COMET001Sources.LlmContract)
                .WithSource(COMET001Sources.LlmContractClass)
                .WithCodeFix<HardcodedEndpointCodeFixProvider>("""
                using System;
                class C
                {
                    Uri M(Uri baseUrl) => new Uri(baseUrl, Acme.Llm.LlmContract.Path);
                }
                """)
                .RunAsync();

        [Fact]
        public Task Urls_and_paths_that_differ_from_the_contract_path_are_left_alone()
            => Test(""""
                class C
                {
                    const string Full = [|"https://api.cometapi.com/v1/chat/completions"|];
                    const string NoSlash = [|"v1/chat/completions"|];
                    const string Query = [|"/v1/chat/completions?stream=true"|];
                    const string Raw = [|$$"""{{Full}}/v1/chat/completions"""|];
                }
                """")
                .WithSource(COMET001Sources.DefaultContractClass)
                .WithCodeFix<HardcodedEndpointCodeFixProvider>(""""
                class C
                {
                    const string Full = "https://api.cometapi.com/v1/chat/completions";
                    const string NoSlash = "v1/chat/completions";
                    const string Query = "/v1/chat/completions?stream=true";
                    const string Raw = $$"""{{Full}}/v1/chat/completions""";
                }
                """")
                .RunAsync();

        [Fact]
        public Task No_fix_is_offered_when_the_contract_class_does_not_exist()
            => Test("""
                using System;
                class C
                {
                    Uri M(Uri baseUrl) => new Uri(baseUrl, [|"/v1/chat/completions"|]);
                }
                """)
                .WithCodeFix<HardcodedEndpointCodeFixProvider>("""
                using System;
                class C
                {
                    Uri M(Uri baseUrl) => new Uri(baseUrl, "/v1/chat/completions");
                }
                """)
                .RunAsync();
    

        [Fact]
        public Task Fix_All_replaces_every_path_literal_in_the_document_the_project_and_the_solution()
            => Test("""
                using System;
                using CometApi.Contracts;
                class C
                {
                    Uri A(Uri baseUrl) => new Uri(baseUrl, [|"/v1/chat/completions"|]);
                    Uri B(Uri baseUrl) => new Uri(baseUrl, [|"/v1/chat/completions"|]);
                }
                """)
                .WithSource(COMET001Sources.DefaultContractClass)
                .WithSource("""
                using System;
                class D
                {
                    Uri M(Uri baseUrl) => new Uri(baseUrl, [|"/v1/chat/completions"|]);
                }
                """)
                .WithCodeFix<HardcodedEndpointCodeFixProvider>("""
                using System;
                using CometApi.Contracts;
                class C
                {
                    Uri A(Uri baseUrl) => new Uri(baseUrl, CometApiContract.Path);
                    Uri B(Uri baseUrl) => new Uri(baseUrl, CometApiContract.Path);
                }
                """)
                .WithFixedSource(2, """
                using System;
                class D
                {
                    Uri M(Uri baseUrl) => new Uri(baseUrl, CometApi.Contracts.CometApiContract.Path);
                }
                """)
                .RunAsync();
}
}
