using System;
using System.Collections.Generic;
using System.Linq;
using CometAnalyzers.Contract;
using CometAnalyzers.Tests.Robustness.Fuzzing;
using Xunit;
using Xunit.Abstractions;

namespace CometAnalyzers.Tests.Robustness
{
    /// <summary>
    /// Every hostile name (C# keywords, names generated code uses, non-ASCII, empty, colliding, control characters) in every
    /// place a name goes. Each is compiled alone; the accepted ones go through the generator and the compiler together.
    /// </summary>
    public class ContractNameFuzzTests
    {
        private const int ContractLevelSample = 12;

        private readonly ITestOutputHelper _output;

        public ContractNameFuzzTests(ITestOutputHelper output) => _output = output;

        /// <summary>Where a name goes: a contract with <c>{0}</c> replaced by the quoted name, and whether names of this place can share a contract.</summary>
        private static readonly (string Place, string Template, bool Shared)[] Places =
        {
            ("contract name", "{ \"name\": {0}, \"namespace\": \"N{i}.Contracts\", \"response\": { \"type\": \"object\", \"properties\": { \"a\": { \"type\": \"string\" } } } }", false),
            ("namespace", "{ \"name\": \"Names\", \"namespace\": {0}, \"response\": { \"type\": \"object\", \"properties\": { \"a\": { \"type\": \"string\" } } } }", false),
            ("schema key", "\"{0}\": { \"type\": \"object\", \"properties\": { \"a\": { \"type\": \"string\" } } }", true),
            ("enum schema key", "\"{0}\": { \"type\": \"string\", \"enum\": [\"a\", \"b\"] }", true),
            ("union schema key", "\"{0}\": { \"oneOf\": [ { \"type\": \"string\" }, { \"type\": \"array\", \"items\": { \"type\": \"string\" } } ] }", true),
            ("type x-csharp-name", "\"S{i}\": { \"type\": \"object\", \"x-csharp-name\": {0}, \"properties\": { \"a\": { \"type\": \"string\" } } }", true),
            ("property name", "{0}: { \"type\": \"string\", \"maxLength\": 5 }", true),
            ("required property name", "{0}: { \"type\": \"string\", \"required-marker\": true }", true),
            ("property x-csharp-name", "\"p{i}\": { \"type\": \"integer\", \"minimum\": 1, \"x-csharp-name\": {0} }", true),
            ("enum value", "{0}", true),
            ("discriminator property", "\"D{i}\": { \"oneOf\": [ { \"type\": \"object\", \"properties\": { {0}: { \"const\": \"a\" }, \"x\": { \"type\": \"string\" } } }, { \"type\": \"object\", \"properties\": { {0}: { \"const\": \"b\" } } } ] }", true),
            ("discriminator value", "{ \"type\": \"object\", \"properties\": { \"kind\": { \"const\": {0} } } }", true),
            ("description", "\"S{i}\": { \"type\": \"object\", \"description\": {0}, \"properties\": { \"a\": { \"type\": \"string\", \"description\": {0} } } }", true),
        };

        private static readonly string[] Names = RandomContracts.HostileNames.Concat(RandomContracts.UnpairedSurrogates).ToArray();

        [Fact]
        public void Every_hostile_name_in_every_place_is_rejected_with_a_diagnostic_or_generates_code_that_compiles()
        {
            var run = new FuzzRun("contract-names", _output);
            Random random = run.Random("sample");
            var toGenerate = new List<ContractInput>();
            foreach ((string place, string template, bool shared) in Places)
            {
                var accepted = new List<string>();
                for (int i = 0; i < Names.Length; i++)
                {
                    string name = Names[i];
                    string text = Contract(place, template, new[] { (name, i) });
                    ContractCompilation? result = ContractOracle.Compile(run, $"{place} = {RandomContracts.Quote(name)}", text);
                    if (result is { HasErrors: false })
                    {
                        accepted.Add(name);
                    }
                }

                run.Count("accepted:" + place, accepted.Count);
                if (!shared)
                {
                    toGenerate.AddRange(accepted.OrderBy(_ => random.Next()).Take(ContractLevelSample).Select(name =>
                        new ContractInput($"{place} = {RandomContracts.Quote(name)}", Contract(place, template, new[] { (name, Array.IndexOf(Names, name)) }))));
                    continue;
                }

                // Names accepted alone may still collide together: grow contracts greedily, each without an error.
                var pending = accepted.Select(n => (Name: n, Index: Array.IndexOf(Names, n))).ToList();
                while (pending.Count > 0)
                {
                    var group = new List<(string Name, int Index)>();
                    foreach ((string Name, int Index) candidate in pending.ToList())
                    {
                        string text = Contract(place, template, group.Append(candidate).ToList());
                        if (!ContractCompiler.Compile(new ContractFile(ContractOracle.ContractPath, text), Array.Empty<ContractFile>(), default).HasErrors)
                        {
                            group.Add(candidate);
                            pending.Remove(candidate);
                        }
                    }

                    if (group.Count == 0)
                    {
                        break;
                    }

                    toGenerate.Add(new ContractInput($"{place} = all of [{string.Join(", ", group.Select(g => RandomContracts.Quote(g.Name)))}]", Contract(place, template, group)));
                }
            }

            ContractOracle.VerifyGenerated(run, toGenerate, batchSize: 30);
            run.Count("generated-contracts", toGenerate.Count);
            run.Complete();
            Assert.Equal(Places.Length * Names.Length, run.Inputs);
            Assert.True(run["rejected"] > 100 && run["accepted"] > 500, $"rejected={run["rejected"]} accepted={run["accepted"]}");
            Assert.All(Places, p => Assert.True(run["accepted:" + p.Place] > 0, p.Place + ": no hostile name was accepted"));
        }

        /// <summary>A whole contract with <paramref name="names"/> in one place (each with its index, so keys stay apart).</summary>
        private static string Contract(string place, string template, IReadOnlyList<(string Name, int Index)> names)
        {
            string Fill(string name, int index) => template
                .Replace("{i}", index.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("\"{0}\"", RandomContracts.Quote(name), StringComparison.Ordinal)
                .Replace("{0}", RandomContracts.Quote(name), StringComparison.Ordinal);

            const string Head = "\"name\": \"Names\", \"namespace\": \"Names.Contracts\"";
            const string Response = "\"response\": { \"type\": \"object\", \"properties\": { \"a\": { \"type\": \"string\" } } }";
            switch (place)
            {
                case "contract name":
                case "namespace":
                    return Fill(names[0].Name, names[0].Index);
                case "property name":
                case "required property name":
                    string required = place.StartsWith("required", StringComparison.Ordinal) ? string.Join(", ", names.Select(n => RandomContracts.Quote(n.Name))) : string.Empty;
                    return "{ " + Head + ", \"response\": { \"type\": \"object\", \"required\": [" + required + "], \"properties\": { " + string.Join(", ", names.Select(n => Fill(n.Name, n.Index))) + " } } }";
                case "property x-csharp-name":
                    return "{ " + Head + ", \"response\": { \"type\": \"object\", \"properties\": { " + string.Join(", ", names.Select(n => Fill(n.Name, n.Index))) + " } } }";
                case "enum value":
                    return "{ " + Head + ", " + Response + ", \"schemas\": { \"E\": { \"type\": \"string\", \"enum\": [\"first\", " + string.Join(", ", names.Select(n => Fill(n.Name, n.Index))) + "] } } }";
                case "discriminator value":
                    return "{ " + Head + ", " + Response + ", \"schemas\": { \"U\": { \"oneOf\": [ { \"type\": \"object\", \"properties\": { \"kind\": { \"const\": \"fixed-value\" } } }, " + string.Join(", ", names.Select(n => Fill(n.Name, n.Index))) + " ] } } }";
                default:
                    return "{ " + Head + ", " + Response + ", \"schemas\": { " + string.Join(", ", names.Select(n => Fill(n.Name, n.Index))) + " } }";
            }
        }
    }
}
