using System.Collections.Generic;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace CometAnalyzers.Tests.Robustness
{
    /// <summary>
    /// Random contracts from the format's grammar (see <see cref="RandomContracts"/>): every one through the contract
    /// compiler, the generator, the C# compiler and the analyzer. No error reported must mean code that compiles cleanly
    /// and loads; an error must mean nothing generated.
    /// </summary>
    public class ContractGrammarFuzzTests
    {
        private const int Contracts = 240;
        private const int BatchSize = 12;

        private readonly ITestOutputHelper _output;

        public ContractGrammarFuzzTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public void Random_contracts_with_hostile_names_either_report_an_error_or_generate_code_that_compiles_and_loads()
        {
            var run = new Fuzzing.FuzzRun("contract-grammar", _output);
            System.Random random = run.Random("contracts");
            var inputs = new List<ContractInput>();
            for (int i = 0; i < Contracts; i++)
            {
                string text = RandomContracts.Create(random, i);
                string mutation = $"random contract #{i}";
                ContractOracle.Compile(run, mutation, text);
                inputs.Add(new ContractInput(mutation, text));
            }

            ContractOracle.VerifyGenerated(run, inputs, BatchSize);

            run.Complete();
            Assert.Equal(Contracts, run.Inputs);
            Assert.Equal(Contracts, run["generated-checked"]);
            Assert.True(run["accepted"] >= Contracts / 5, "too few random contracts were valid: " + run["accepted"]);
            Assert.True(run["rejected"] >= Contracts / 5, "too few random contracts were invalid: " + run["rejected"]);
        }
    }
}
