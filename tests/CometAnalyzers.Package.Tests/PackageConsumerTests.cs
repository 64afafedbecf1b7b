using System;
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

        /// <summary>The distinct ids of the errors in a build's output, in order.</summary>
        private static string[] ErrorIds(string output)
            => Regex.Matches(output, @"\berror ([A-Z]+[0-9]+):").Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal).ToArray();
    }
}
