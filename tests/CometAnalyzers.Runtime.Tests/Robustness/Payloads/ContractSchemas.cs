using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using CometAnalyzers.Tests.Infrastructure;

namespace CometAnalyzers.Runtime.Tests.Robustness.Payloads
{
    /// <summary>How a number is written back: as sent (kept JSON), as its integer (<c>-0</c> is <c>0</c>), or as the double it was read as.</summary>
    internal enum NumberReading
    {
        AsSent,
        Integer,
        Double,
    }

    /// <summary>Facts the payload oracles need from the repo contract, read from the contract itself.</summary>
    internal static class ContractSchemas
    {
        /// <summary>The property names the contract discriminates unions by.</summary>
        public static IReadOnlySet<string> DiscriminatorPropertyNames()
            => Schemas()
                .Where(schema => schema.TryGetProperty("discriminator", out _))
                .Select(schema => schema.GetProperty("discriminator").GetProperty("propertyName").GetString()!)
                .ToHashSet();

        /// <summary>
        /// The property names the contract types <c>integer</c> or <c>number</c>, alone, with <c>null</c> or as array items
        /// (<see cref="NumberMembers.Values"/>), and those of maps whose values are (<see cref="NumberMembers.MapValues"/>).
        /// A name typed both ways counts as <c>number</c>.
        /// </summary>
        public static NumberMembers NumberPropertyNames()
        {
            var values = new Dictionary<string, NumberReading>(System.StringComparer.Ordinal);
            var mapValues = new Dictionary<string, NumberReading>(System.StringComparer.Ordinal);
            foreach (JsonProperty property in Schemas().Where(s => s.TryGetProperty("properties", out _)).SelectMany(s => s.GetProperty("properties").EnumerateObject()))
            {
                Add(values, property.Name, ReadingOf(property.Value));
                if (property.Value.TryGetProperty("items", out JsonElement items))
                {
                    Add(values, property.Name, ReadingOf(items));
                }

                if (property.Value.TryGetProperty("additionalProperties", out JsonElement map) && map.ValueKind == JsonValueKind.Object)
                {
                    Add(mapValues, property.Name, ReadingOf(map));
                }
            }

            return new NumberMembers(values, mapValues);
        }

        private static void Add(Dictionary<string, NumberReading> names, string name, NumberReading reading)
        {
            if (reading != NumberReading.AsSent && (!names.TryGetValue(name, out NumberReading known) || known < reading))
            {
                names[name] = reading;
            }
        }

        private static NumberReading ReadingOf(JsonElement schema)
        {
            if (!schema.TryGetProperty("type", out JsonElement type))
            {
                return NumberReading.AsSent;
            }

            var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()).ToList() : [type.GetString()];
            return types.Contains("number") ? NumberReading.Double : types.Contains("integer") ? NumberReading.Integer : NumberReading.AsSent;
        }

        private static List<JsonElement> Schemas()
        {
            using JsonDocument contract = JsonDocument.Parse(File.ReadAllText(ReferenceData.RepoFile("contract/cometapi.chat-completions.contract.json")));
            return contract.RootElement.GetProperty("schemas").EnumerateObject().Select(schema => schema.Value.Clone()).ToList();
        }
    }

    /// <summary>Typed numbers by property name: the property's own value (and array items), and the values of a map property.</summary>
    internal sealed record NumberMembers(IReadOnlyDictionary<string, NumberReading> Values, IReadOnlyDictionary<string, NumberReading> MapValues);
}
