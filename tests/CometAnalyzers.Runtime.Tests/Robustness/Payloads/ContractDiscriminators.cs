using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using CometAnalyzers.Tests.Infrastructure;

namespace CometAnalyzers.Runtime.Tests.Robustness.Payloads
{
    /// <summary>The property names the repo contract discriminates unions by, read from the contract itself.</summary>
    internal static class ContractDiscriminators
    {
        public static IReadOnlySet<string> PropertyNames()
        {
            using JsonDocument contract = JsonDocument.Parse(File.ReadAllText(ReferenceData.RepoFile("contract/cometapi.chat-completions.contract.json")));
            return contract.RootElement.GetProperty("schemas").EnumerateObject()
                .Where(schema => schema.Value.TryGetProperty("discriminator", out _))
                .Select(schema => schema.Value.GetProperty("discriminator").GetProperty("propertyName").GetString()!)
                .ToHashSet();
        }
    }
}
