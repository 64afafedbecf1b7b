namespace CometAnalyzers.Common
{
    /// <summary>Names for inline schemas: <c>choices</c> items of <c>ChatCompletionResponse</c> become <c>ChatCompletionResponseChoice</c>.</summary>
    internal static class Naming
    {
        /// <summary>An English-ish singular, enough for API field names (choices, tool_calls, entries, aliases).</summary>
        public static string Singular(string name)
        {
            if (name.EndsWith("ies", System.StringComparison.Ordinal) && name.Length > 4)
            {
                return name.Substring(0, name.Length - 3) + "y";
            }

            if (name.EndsWith("sses", System.StringComparison.Ordinal) || name.EndsWith("xes", System.StringComparison.Ordinal))
            {
                return name.Substring(0, name.Length - 2);
            }

            if (name.EndsWith("s", System.StringComparison.Ordinal) && !name.EndsWith("ss", System.StringComparison.Ordinal) && name.Length > 2)
            {
                return name.Substring(0, name.Length - 1);
            }

            return name + "Item";
        }
    }
}
