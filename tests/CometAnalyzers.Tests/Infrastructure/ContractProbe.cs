using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CometAnalyzers.Tests.Infrastructure
{
    /// <summary>
    /// Runs the code generated for a contract: compiles it (cleanly: no warning in generated code) with a probe that parses
    /// each input as <c>root</c>, writes it back and describes the typed value, and loads it apart. Each result is
    /// <c>written JSON | description</c>, or <c>error Kind at $.path</c> when the input does not parse.
    /// </summary>
    internal static class ContractProbe
    {
        /// <summary>
        /// The contract (whose <c>request</c> is an inline object schema, so its type is <c>{name}Request</c>) has no
        /// diagnostic, and each input is read and written back as expected (see <see cref="RoundTrip"/>).
        /// </summary>
        public static async Task VerifyTypedAsync(string contract, string describe, params (string Input, string Expected)[] cases)
        {
            await ContractDiagnosticsTest.VerifyAsync(contract);
            string name = Regex.Match(contract, "\"name\": \"(\\w+)\"").Groups[1].Value;
            Assert.Equal(cases.Select(c => c.Expected), RoundTrip(contract, name, name + "Request", describe, cases.Select(c => c.Input).ToArray()));
        }

        /// <param name="contract">A contract without a namespace: its types are in <c>{name}.Contracts</c>.</param>
        /// <param name="name">The contract's name.</param>
        /// <param name="root">The generated type to parse each input as.</param>
        /// <param name="describe">A C# expression over <c>value</c> (of type <paramref name="root"/>) that returns a string.</param>
        /// <param name="inputs">The payloads, each run on its own.</param>
        public static string[] RoundTrip(string contract, string name, string root, string describe, params string[] inputs)
        {
            string probe = $$"""
                namespace Consumer
                {
                    using {{name}}.Contracts;

                    public static class Probe
                    {
                        public static string Run(string json)
                        {
                            if (!{{root}}.TryParse(System.Text.Encoding.UTF8.GetBytes(json), out {{root}}? value, out {{name}}ContractError? error))
                            {
                                return "error " + error!.Kind + " at " + error.JsonPath;
                            }

                            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
                            using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
                            {
                                value.WriteTo(writer);
                            }

                            return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan) + " | " + Describe(value);
                        }

                        private static string Describe({{root}} value) => {{describe}};
                    }
                }
                """;
            GeneratorRun run = GeneratorHarness.Run(new[] { ("/p/test.contract.json", contract) }, new[] { probe });
            run.AssertGeneratedCodeCompilesCleanly();
            using var image = new MemoryStream();
            var emitted = run.OutputCompilation.Emit(image);
            Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));

            var context = new AssemblyLoadContext("probe", isCollectible: true);
            try
            {
                image.Position = 0;
                MethodInfo probeRun = context.LoadFromStream(image).GetType("Consumer.Probe", throwOnError: true)!.GetMethod("Run")!;
                return inputs.Select(input => (string)probeRun.Invoke(null, new object[] { input })!).ToArray();
            }
            finally
            {
                context.Unload();
            }
        }
    }
}
