using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using CometAnalyzers.Tests.Infrastructure;

namespace CometAnalyzers.Runtime.Tests.Robustness.Payloads
{
    /// <summary>Facts the payload oracles need from the repo contract, read from the contract itself.</summary>
    internal static class ContractSchemas
    {
        /// <summary>The property names the contract discriminates unions by.</summary>
        public static IReadOnlySet<string> DiscriminatorPropertyNames()
            => Schemas()
                .Where(schema => schema.TryGetProperty("discriminator", out _))
                .Select(schema => schema.GetProperty("discriminator").GetProperty("propertyName").GetString()!)
                .ToHashSet();

        private static List<JsonElement> Schemas()
        {
            using JsonDocument contract = JsonDocument.Parse(File.ReadAllText(ReferenceData.RepoFile("contract/cometapi.chat-completions.contract.json")));
            return contract.RootElement.GetProperty("schemas").EnumerateObject().Select(schema => schema.Value.Clone()).ToList();
        }
    }
}
