using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace CometAnalyzers.Runtime.Tests.Robustness.Payloads
{
    internal static class DuplicateNames
    {
        /// <summary>Whether some object in the document has two properties of one name.</summary>
        public static bool Any(byte[] utf8)
        {
            using JsonDocument document = JsonDocument.Parse(utf8);
            return Any(document.RootElement);
        }

        private static bool Any(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.Object => element.EnumerateObject().GroupBy(p => p.Name).Any(g => g.Count() > 1) || element.EnumerateObject().Any(p => Any(p.Value)),
            JsonValueKind.Array => element.EnumerateArray().Any(Any),
            _ => false,
        };
    }
}
