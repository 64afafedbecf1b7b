using System.Linq;
using System.Threading.Tasks;
using CometAnalyzers.Tests.Infrastructure;
using Xunit;

namespace CometAnalyzers.Tests.Contract
{
    public class ContractSettingsDiagnosticsTests
    {
        [Fact]
        public Task Malformed_json_is_reported_at_the_offending_character()
            => ContractDiagnosticsTest.VerifyAsync("{ \"name\": \"CometApi\", {|COMET100:}|} }");

        [Fact]
        public Task Truncated_file_is_reported_at_its_end()
            => ContractDiagnosticsTest.VerifyAsync("{ \"name\": \"CometApi\"{|COMET100:|}");

        [Fact]
        public Task Wrong_type_for_a_known_key_is_reported_at_the_value()
            => ContractDiagnosticsTest.VerifyAsync("""
                {
                  "name": "CometApi",
                  "retry": { "maxRetries": {|COMET101:"three"|} },
                  "response": { "type": "object" }
                }
                """);

        [Fact]
        public Task Empty_name_is_reported()
            => ContractDiagnosticsTest.VerifyAsync("""
                { "name": {|COMET105:""|}, "response": { "type": "object" } }
                """);

        [Fact]
        public async Task Missing_name_and_schemas_are_reported_at_the_root()
        {
            var diagnostics = await ContractDiagnosticsTest.GetDiagnosticsAsync("{ \"namespace\": \"X\" }");
            Assert.Equal(
                new[]
                {
                    "COMET106@0: The contract is missing \"name\" (a C# identifier that prefixes the generated types)",
                    "COMET106@0: The contract is missing \"request\" or \"response\": at least one is required",
                },
                diagnostics.Select(d => $"{d.Id}@{d.Location.SourceSpan.Start}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}").Order(System.StringComparer.Ordinal));
        }

        [Fact]
        public Task Status_codes_outside_http_range_are_reported()
            => ContractDiagnosticsTest.VerifyAsync("""
                { "name": "CometApi", "retry": { "retryOn": [429, {|COMET108:42|}] }, "response": { "type": "object" } }
                """);

        [Fact]
        public Task Duplicate_keys_are_reported_as_warnings()
            => ContractDiagnosticsTest.VerifyAsync("""
                { "name": "CometApi", {|COMET109:"name"|}: "Other", "response": { "type": "object" } }
                """);

        [Fact]
        public Task A_valid_contract_has_no_diagnostics()
            => ContractDiagnosticsTest.VerifyAsync("""
                {
                  "name": "CometApi",
                  "endpoint": { "method": "POST", "path": "/v1/chat/completions", "hosts": ["api.cometapi.com"] },
                  "retry": { "maxRetries": 3, "retryOn": [408, 429, 500] },
                  "response": { "type": "object" }
                }
                """);
    }
}
