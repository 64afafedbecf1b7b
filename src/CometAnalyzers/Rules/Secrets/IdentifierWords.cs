using System.Collections.Generic;
using System.Text;

namespace CometAnalyzers.Rules.Secrets
{
    /// <summary>
    /// Splits identifiers and keys into lower-case words: "apiKey", "ApiKey", "api_key", "API_KEY", "api-key",
    /// "CometApi:ApiKey" and "_bearerToken2" give "api key", "comet api api key" and "bearer token".
    /// Digits are dropped: they never decide whether a name is a secret.
    /// </summary>
    internal static class IdentifierWords
    {
        public static List<string> Split(string identifier)
        {
            var words = new List<string>();
            var current = new StringBuilder();
            for (int i = 0; i < identifier.Length; i++)
            {
                char c = identifier[i];
                if (!char.IsLetter(c))
                {
                    Flush(current, words);
                    continue;
                }

                if (char.IsUpper(c) && current.Length > 0)
                {
                    char previous = identifier[i - 1];
                    bool nextIsLower = i + 1 < identifier.Length && char.IsLower(identifier[i + 1]);

                    // "apiKey" splits before K; "HTTPClient" splits before the C that starts "Client".
                    if (char.IsLower(previous) || (char.IsUpper(previous) && nextIsLower))
                    {
                        Flush(current, words);
                    }
                }

                current.Append(char.ToLowerInvariant(c));
            }

            Flush(current, words);
            return words;
        }

        private static void Flush(StringBuilder current, List<string> words)
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
    }
}
