using System;
using System.Collections.Generic;
using System.Globalization;
using CometAnalyzers.Rules.Secrets;

namespace CometAnalyzers.Rules.Credentials
{
    /// <summary>How a credential sink takes its text.</summary>
    internal enum CredentialShape
    {
        /// <summary>The credential itself, a key or token an API issued: an API key, an <c>AuthenticationHeaderValue</c>'s parameter.</summary>
        Bare,

        /// <summary>A header value: a scheme may come first (<c>Bearer sk-...</c>); the scheme alone is no credential.</summary>
        HeaderValue,

        /// <summary>Text a person or a signer chose, with any characters: a <c>NetworkCredential</c>'s password, a SAS signature.</summary>
        Password,
    }

    /// <summary>
    /// Whether a constant that reaches a credential sink holds a credential, or only a placeholder that says where one
    /// goes. This is not a guess at key formats: any text is a credential there unless it is obviously not one (see
    /// <see cref="IsPlaceholder"/>). And how a credential is shown in a diagnostic: never whole, a build log is a log.
    /// </summary>
    internal static class CredentialText
    {
        /// <summary>Shorter than this is a test value or a placeholder ("test", "key", "abc123"), not a real credential.</summary>
        public const int MinimumLength = 8;

        private const int ShownCharacters = 4;

        private static readonly HashSet<string> Schemes = new(StringComparer.OrdinalIgnoreCase)
        {
            "Bearer", "Basic", "Token", "Digest", "ApiKey", "Api-Key", "Negotiate", "NTLM", "SharedKey", "SharedKeyLite", "HMAC", "OAuth", "Key",
        };

        // A word that marks a placeholder wherever it stands: "YOUR_API_KEY", "my-key-here", "sk-test-...", "invalid_key".
        private static readonly HashSet<string> PlaceholderWords = new(StringComparer.Ordinal)
        {
            "your", "my", "test", "tests", "testing", "dummy", "fake", "placeholder", "example", "sample", "demo", "mock", "changeme",
            "replace", "insert", "todo", "fixme", "here", "enter", "paste", "invalid", "none", "null", "undefined", "foo", "bar",

            // A value that says no key is needed: a local model server (Ollama, LM Studio, llama.cpp) ignores the key
            // the client library insists on ("not-needed", "no-key-required", "unused").
            "needed", "required", "unused", "ignored", "nokey", "anything", "whatever", "bogus", "unnecessary",
        };

        // Words that only name what goes there: a value made of nothing else ("api-key-value", "secret_token") names a key, it is none.
        private static readonly HashSet<string> GenericWords = new(StringComparer.Ordinal)
        {
            "api", "key", "keys", "apikey", "token", "tokens", "secret", "secrets", "password", "pass", "pwd", "passwd", "bearer", "access",
            "auth", "authorization", "client", "id", "value", "string", "credential", "credentials", "sk", "pk", "default", "openai", "azure",
            "comet", "cometapi", "new", "old", "prod", "dev", "local", "no", "not",
        };

        // A key or token goes into an HTTP header, and no API issues one with these: "I<3MyServer", "sk-(optional)".
        private static readonly char[] NeverInKeys = { '<', '>', '(', ')', '[', ']', '{', '}', '\'', '"', '`', '\\', '!', '?', '^' };

        /// <summary>
        /// The credential in <paramref name="text"/> as the sink takes it (after a scheme for a header value), when it is one;
        /// null when the text is empty, a scheme alone or a placeholder.
        /// </summary>
        public static string? Credential(string text, CredentialShape shape)
        {
            string value = text.Trim();
            if (shape == CredentialShape.HeaderValue)
            {
                int space = IndexOfWhiteSpace(value);
                if (space > 0 && IsSchemeWord(value.Substring(0, space)))
                {
                    value = value.Substring(space).Trim();
                }
                else if (Schemes.Contains(value))
                {
                    return null;
                }
            }

            if (shape != CredentialShape.Password && !IsKeyText(value))
            {
                return null;
            }

            return IsPlaceholder(value) ? null : value;
        }

        /// <summary>Whether <paramref name="text"/> could be a credential at some sink: the syntax gate's test of a literal.</summary>
        public static bool MayBeCredential(string text)
            => Credential(text, CredentialShape.Password) is not null || Credential(text, CredentialShape.HeaderValue) is not null;

        /// <summary>
        /// Written in the alphabet of issued keys and tokens: printable ASCII (a header value is ASCII) without brackets,
        /// quotes or the punctuation of prose. Text outside it is a message to a person, not a key a server checks.
        /// A password may hold anything, so this is not asked of one.
        /// </summary>
        private static bool IsKeyText(string value)
        {
            foreach (char c in value)
            {
                if (c <= ' ' || c > '~')
                {
                    return false;
                }
            }

            return value.IndexOfAny(NeverInKeys) < 0;
        }

        /// <summary>
        /// Obviously not a credential: empty or short, prose (it has spaces), a template slot (<c>&lt;key&gt;</c>,
        /// <c>{apiKey}</c>, <c>${API_KEY}</c>, <c>%KEY%</c>, <c>__KEY__</c>), elided (<c>sk-...</c>, <c>***</c>, <c>xxxx</c>), one
        /// repeated character, the name of an environment variable (<c>OPENAI_API_KEY</c>) or a configuration key
        /// (<c>CometApi:ApiKey</c>), a URL, a word that says placeholder (<c>your</c>, <c>test</c>, <c>dummy</c>, <c>fake</c>,
        /// <c>invalid</c>...), no letter at all (<c>12345678</c>), or nothing but words that name a key (<c>api-key-value</c>).
        /// </summary>
        public static bool IsPlaceholder(string value)
        {
            if (value.Length < MinimumLength || IndexOfWhiteSpace(value) >= 0)
            {
                return true;
            }

            if (IsWrapped(value) || value.IndexOf("...", StringComparison.Ordinal) >= 0 || value.IndexOf('\u2026') >= 0
                || value.IndexOf("***", StringComparison.Ordinal) >= 0 || value.IndexOf("xxx", StringComparison.OrdinalIgnoreCase) >= 0
                || value.IndexOf("://", StringComparison.Ordinal) >= 0 || IsOneRepeatedCharacter(value) || IsUpperSnakeName(value) || IsConfigurationKey(value))
            {
                return true;
            }

            // Words are read per segment (between -, _, ., :): a short word counts only where a segment starts, so a
            // random key whose letters happen to spell "My" after a digit is still a key.
            bool onlyGeneric = true;
            bool anyLetter = false;
            foreach (string segment in value.Split(Delimiters, StringSplitOptions.RemoveEmptyEntries))
            {
                List<string> words = IdentifierWords.Split(segment);
                for (int i = 0; i < words.Count; i++)
                {
                    anyLetter = true;
                    if (PlaceholderWords.Contains(words[i]) && (i == 0 || words[i].Length >= 4))
                    {
                        return true;
                    }

                    onlyGeneric &= GenericWords.Contains(words[i]);
                }
            }

            // No letter at all ("12345678") or nothing but words that name a key.
            return !anyLetter || onlyGeneric;
        }

        private static readonly char[] Delimiters = { '-', '_', '.', ':', '/', '+', '=', '@', '#', '!', ',', ';' };

        /// <summary>A credential as a diagnostic may show it: its first characters and its length (<c>'sk-p…' (51 characters)</c>).</summary>
        public static string Masked(string credential)
            => "'" + (credential.Length > 2 * ShownCharacters ? credential.Substring(0, ShownCharacters) : string.Empty) + "\u2026' ("
               + credential.Length.ToString(CultureInfo.InvariantCulture) + " characters)";

        private static bool IsSchemeWord(string word)
        {
            if (Schemes.Contains(word))
            {
                return true;
            }

            // Other schemes are single words of letters, digits and dashes ("AWS4-HMAC-SHA256", "SSWS").
            foreach (char c in word)
            {
                if (!char.IsLetterOrDigit(c) && c != '-')
                {
                    return false;
                }
            }

            return word.Length > 0 && char.IsLetter(word[0]);
        }

        private static int IndexOfWhiteSpace(string value)
        {
            for (int i = 0; i < value.Length; i++)
            {
                if (char.IsWhiteSpace(value[i]))
                {
                    return i;
                }
            }

            return -1;
        }

        private static bool IsWrapped(string value)
        {
            char first = value[0];
            char last = value[value.Length - 1];
            return (first == '<' && last == '>') || (first == '{' && last == '}') || (first == '[' && last == ']') || (first == '(' && last == ')')
                || (first == '%' && last == '%') || value.StartsWith("${", StringComparison.Ordinal) || value.StartsWith("$(", StringComparison.Ordinal)
                || (value.StartsWith("__", StringComparison.Ordinal) && value.EndsWith("__", StringComparison.Ordinal));
        }

        private static bool IsOneRepeatedCharacter(string value)
        {
            char? seen = null;
            foreach (char c in value)
            {
                if (c is '-' or '_' or '.')
                {
                    continue;
                }

                if (seen is { } previous && previous != c)
                {
                    return false;
                }

                seen = c;
            }

            return true;
        }

        /// <summary><c>OPENAI_API_KEY</c>: upper-case letters, digits and underscores, with an underscore; the name of a variable, not its value.</summary>
        private static bool IsUpperSnakeName(string value)
        {
            bool underscore = false;
            foreach (char c in value)
            {
                if (c == '_')
                {
                    underscore = true;
                }
                else if (!(c is >= 'A' and <= 'Z') && !(c is >= '0' and <= '9'))
                {
                    return false;
                }
            }

            return underscore && value[0] is >= 'A' and <= 'Z';
        }

        /// <summary><c>CometApi:ApiKey</c>, <c>OpenAI:Key</c>: identifiers joined by colons, the path of a configuration value.</summary>
        private static bool IsConfigurationKey(string value)
        {
            string[] segments = value.Split(':');
            if (segments.Length < 2)
            {
                return false;
            }

            foreach (string segment in segments)
            {
                if (segment.Length == 0 || !char.IsLetter(segment[0]))
                {
                    return false;
                }

                foreach (char c in segment)
                {
                    if (!char.IsLetterOrDigit(c) && c is not '_' and not '.' and not '-')
                    {
                        return false;
                    }
                }
            }

            return true;
        }
    }
}
