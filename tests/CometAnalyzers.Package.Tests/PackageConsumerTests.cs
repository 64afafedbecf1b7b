using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace CometAnalyzers.Package.Tests
{
    /// <summary>The package as users meet it: a PackageReference, a contract file, and nothing else.</summary>
    public class PackageConsumerTests
    {
        private const string Program = """
            using CometApi.Contracts;

            var request = new ChatCompletionRequest
            {
                Model = "gpt-4o-mini",
                Messages = [new UserMessage { Content = "Hello" }],
                TopP = 0.9,
            };

            Console.WriteLine(CometApiContract.Method + " " + CometApiContract.Path + " " + request.Validate().Count + " " + request.TopP);
            """;

        [Fact]
        public void A_fresh_consumer_generates_models_fails_on_violations_and_follows_contract_edits()
        {
            using var consumer = ConsumerProject.Create();
            consumer.Write("Program.cs", Program);

            (int exitCode, string output) = consumer.Build();
            Assert.True(exitCode == 0, "The consumer does not build:\n" + output);

            // A contract violation in code fails the build with its rule id.
            consumer.Write("Violation.cs", """
                internal static class Endpoints
                {
                    public static readonly System.Uri Chat = new System.Uri("https://api.cometapi.com/v1/chat/completions");
                }
                """);
            (exitCode, output) = consumer.Build();
            Assert.NotEqual(0, exitCode);
            Assert.True(ErrorIds(output).SequenceEqual(["COMET001"]), "Expected exactly COMET001:\n" + output);
            consumer.Delete("Violation.cs");

            // Removing a field from the contract removes it from the model: the use no longer compiles.
            string contract = consumer.Read("contracts/api.contract.json");
            string edited = contract.Replace("\"top_p\": {", "\"nucleus\": {", StringComparison.Ordinal);
            Assert.NotEqual(contract, edited);
            consumer.Write("contracts/api.contract.json", edited);
            (exitCode, output) = consumer.Build();
            Assert.NotEqual(0, exitCode);
            // Both uses of the removed member: the initializer (CS0117) and the read (CS1061), and nothing else.
            Assert.True(ErrorIds(output).SequenceEqual(["CS0117", "CS1061"]), "Expected exactly CS0117 and CS1061 for 'TopP':\n" + output);
            Assert.Contains("'TopP'", output, StringComparison.Ordinal);
        }

        [Fact]
        public void A_broken_contract_is_reported_at_its_line_in_a_command_line_build_of_code_that_uses_its_types()
        {
            using var consumer = ConsumerProject.Create();
            consumer.Write("Program.cs", Program);
            string contract = consumer.Read("contracts/api.contract.json");

            // A missing comma on line 7: the next key, line 8, column 5, is where the JSON stops making sense.
            string broken = contract.Replace("\"reviewed\": \"2026-05-09\",", "\"reviewed\": \"2026-05-09\"", StringComparison.Ordinal);
            Assert.NotEqual(contract, broken);
            Assert.StartsWith("    \"owner\"", broken.Split('\n')[7], StringComparison.Ordinal);
            consumer.Write("contracts/api.contract.json", broken);

            (int exitCode, string output) = consumer.Build();
            Assert.NotEqual(0, exitCode);
            string located = Path.Combine("contracts", "api.contract.json") + "(8,5): error COMET100: The contract file is not valid JSON";
            Assert.True(output.Contains(located, StringComparison.Ordinal), "The contract's error is not in the build output:\n" + output);
            Assert.Contains("error CS0246", output, StringComparison.Ordinal);

            // Without code that uses the types, the analyzer reports it as well: the build still prints it once.
            consumer.Write("Program.cs", "Console.WriteLine(1);");
            (exitCode, output) = consumer.Build();
            Assert.NotEqual(0, exitCode);
            // (The console logger may repeat every error in a summary after "Build FAILED."; count the build's own lines.)
            string buildLines = output.Split("Build FAILED.", 2)[0];
            Assert.Equal(1, Occurrences(buildLines, located));
            Assert.DoesNotContain("AD0001", output, StringComparison.Ordinal);
            Assert.DoesNotContain("CS8785", output, StringComparison.Ordinal);
        }

        private static int Occurrences(string text, string value)
        {
            int count = 0;
            for (int i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
            {
                count++;
            }

            return count;
        }

        /// <summary>The distinct ids of the errors in a build's output, in order.</summary>
        private static string[] ErrorIds(string output)
            => Regex.Matches(output, @"\berror ([A-Z]+[0-9]+):").Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal).ToArray();
    }
}
