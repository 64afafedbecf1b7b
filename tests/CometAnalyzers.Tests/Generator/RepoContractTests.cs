using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CometAnalyzers.Tests.Infrastructure;
using Xunit;

namespace CometAnalyzers.Tests.Generator
{
    public class RepoContractTests
    {
        private static readonly string ContractPath = ReferenceData.RepoFile("contract/cometapi.chat-completions.contract.json");

        private static readonly string GoldenFolder = ReferenceData.RepoFile("tests/CometAnalyzers.Tests/Golden/CometApi");

        /// <summary>
        /// On the testing library: the generated files are exactly the checked-in golden files (names and text; GoldenFileTests
        /// regenerates them) and the compilation with them has no warning and no error.
        /// </summary>
        [Fact]
        public Task The_repo_contract_generates_the_golden_files_and_they_compile_without_warnings()
        {
            ContractGeneratorTest test = ContractGeneratorTest.ForContract(File.ReadAllText(ContractPath));
            string[] golden = Directory.GetFiles(GoldenFolder, "*.g.cs.txt").OrderBy(p => p, StringComparer.Ordinal).ToArray();
            Assert.NotEmpty(golden);
            foreach (string path in golden)
            {
                test.WithGenerated(Path.GetFileNameWithoutExtension(path), File.ReadAllText(path));
            }

            return test.RunAsync();
        }
    }
}
