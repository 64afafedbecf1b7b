using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CometAnalyzers.Rules.Secrets
{
    /// <summary>
    /// Whether a name says its value is a secret. The secret word must end the name (its head noun):
    /// <c>apiKey</c>, <c>clientSecret</c> and <c>bearerToken</c> are secrets, <c>apiKeyName</c>, <c>secretConfigKey</c>
    /// and <c>passwordLength</c> only talk about one. Trailing "value", "text" and "string" are ignored.
    /// A redaction word anywhere ("maskedApiKey", "hashedPassword") means the value is not the secret.
    /// "token" is a secret only in the singular and not after a paging or cancellation word: <c>token</c>, <c>accessToken</c>
    /// are secrets; <c>maxTokens</c>, <c>TotalTokens</c>, <c>tokenCount</c>, <c>tokenizer</c>, <c>continuationToken</c> are not.
    /// <c>comet_secret_names</c> adds names, matched the same way.
    /// </summary>
    internal sealed class SecretNames
    {
        public const string OptionName = "comet_secret_names";

        // Word stems that say a value was made safe: "maskedApiKey", "hashedPassword", "RedactSecret" are not secrets.
        private static readonly string[] RedactingStems = { "redact", "mask", "hash", "anonymi", "obfuscat", "scrub", "sanitiz", "sanitis" };

        private static readonly string[] BuiltIn =
        {
            "apiKey", "apikey", "secret", "password", "passwd", "pwd", "passphrase", "credential",
            "privateKey", "secretKey", "signingKey", "accessKey", "subscriptionKey",
        };

        // Lower-case single words that may be glued to a prefix ("openaiapikey", "clientsecret").
        private static readonly string[] GluedSuffixes = { "apikey", "secret", "password", "passphrase", "credential" };

        private static readonly HashSet<string> IgnoredTrailingWords = new(StringComparer.Ordinal) { "value", "text", "string", "str" };

        // "<word>Token" that names a position or a cancellation, not a credential.
        private static readonly HashSet<string> NonSecretTokenQualifiers = new(StringComparer.Ordinal)
        {
            "cancellation", "continuation", "page", "paging", "next", "previous", "prev", "resume", "sync", "change", "skip", "start", "end", "stop",
        };

        // "<word>Token" that may as well be a piece of model output as a credential: judged by the value it holds.
        private static readonly HashSet<string> TextTokenQualifiers = new(StringComparer.Ordinal)
        {
            "current", "last", "first", "new", "text", "output", "input", "generated", "streamed", "stream", "delta", "chunk",
            "completion", "word", "partial", "model",
        };

        // Declared after the word lists it is built from: static initializers run in text order.
        public static readonly SecretNames Default = new(Array.Empty<string>());

        private readonly List<string[]> _phrases = new();

        private SecretNames(IEnumerable<string> extraNames)
        {
            foreach (string name in BuiltIn)
            {
                _phrases.Add(IdentifierWords.Split(name).ToArray());
            }

            foreach (string name in extraNames)
            {
                List<string> words = IdentifierWords.Split(name.Trim());
                if (words.Count > 0)
                {
                    _phrases.Add(words.ToArray());
                }
            }
        }

        public static SecretNames Read(AnalyzerOptions options, SyntaxTree tree)
        {
            AnalyzerConfigOptionsProvider provider = options.AnalyzerConfigOptionsProvider;
            if (provider.GetOptions(tree).TryGetValue(OptionName, out string? value) || provider.GlobalOptions.TryGetValue(OptionName, out value))
            {
                return new SecretNames(value.Split(','));
            }

            return Default;
        }

        /// <summary>"RedactKey", "Mask", "hashedPassword", "Sanitize": a name that says its value was made safe to log.</summary>
        public static bool SaysRedacted(string name)
        {
            foreach (string word in IdentifierWords.Split(name))
            {
                foreach (string stem in RedactingStems)
                {
                    if (word.StartsWith(stem, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        public bool IsSecret(string name)
        {
            if (SaysRedacted(name))
            {
                return false;
            }

            List<string> words = HeadWords(name);
            if (words.Count == 0)
            {
                return false;
            }

            string last = words[words.Count - 1];
            if (last == "token")
            {
                return words.Count == 1 || !NonSecretTokenQualifiers.Contains(words[words.Count - 2]);
            }

            if (EndsWithPhrase(words))
            {
                return true;
            }

            foreach (string suffix in GluedSuffixes)
            {
                if (last.EndsWith(suffix, StringComparison.Ordinal) || last.EndsWith(suffix + "s", StringComparison.Ordinal))
                {
                    return true;
                }
            }

            // COMETAPI_KEY, openaiApi_key: "api" glued to a vendor name, then "key".
            return last is "key" or "keys" && words.Count > 1 && words[words.Count - 2].EndsWith("api", StringComparison.Ordinal);
        }

        /// <summary>
        /// A secret name that streaming code uses for a piece of model output as often as for a credential: <c>token</c>,
        /// <c>lastToken</c>, <c>textToken</c>. A local with such a name is judged by what it holds, not by its name, and
        /// so is a parameter of a lambda or local function (<see cref="TokenParameters"/>).
        /// Names listed in <c>comet_secret_names</c> are never ambiguous.
        /// </summary>
        public bool IsAmbiguous(string name)
        {
            List<string> words = HeadWords(name);
            return words.Count > 0 && words[words.Count - 1] == "token"
                && (words.Count == 1 || TextTokenQualifiers.Contains(words[words.Count - 2]))
                && !EndsWithPhrase(words)
                && IsSecret(name);
        }

        /// <summary>The name's words without trailing "value", "text" and "string".</summary>
        private static List<string> HeadWords(string name)
        {
            List<string> words = IdentifierWords.Split(name);
            while (words.Count > 1 && IgnoredTrailingWords.Contains(words[words.Count - 1]))
            {
                words.RemoveAt(words.Count - 1);
            }

            return words;
        }

        private bool EndsWithPhrase(List<string> words)
        {
            foreach (string[] phrase in _phrases)
            {
                if (EndsWith(words, phrase))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The words end with the phrase; its last word may be plural ("apiKeys", "credentials").</summary>
        private static bool EndsWith(List<string> words, string[] phrase)
        {
            if (words.Count < phrase.Length)
            {
                return false;
            }

            int offset = words.Count - phrase.Length;
            for (int i = 0; i < phrase.Length; i++)
            {
                string word = words[offset + i];
                bool isLast = i == phrase.Length - 1;
                if (word != phrase[i] && !(isLast && word == phrase[i] + "s"))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
