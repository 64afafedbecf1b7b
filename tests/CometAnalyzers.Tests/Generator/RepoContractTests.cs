using System.IO;
using System.Linq;
using CometAnalyzers.Tests.Infrastructure;
using Xunit;

namespace CometAnalyzers.Tests.Generator
{
    public class RepoContractTests
    {
        private static readonly string ContractPath = ReferenceData.RepoFile("contract/cometapi.chat-completions.contract.json");

        [Fact]
        public void The_repo_contract_generates_code_that_compiles_without_warnings()
        {
            GeneratorRun run = GeneratorHarness.RunContract(File.ReadAllText(ContractPath));
            Assert.NotEmpty(run.Sources);
            run.AssertGeneratedCodeCompilesCleanly();
        }
    }
}
