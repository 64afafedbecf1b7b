using System;
using System.Collections.Generic;

namespace CometAnalyzers.Rules.Secrets
{
    /// <summary>
    /// Header names that say the header carries a credential: the last word (header names glue words, so the end of
    /// it) is a token, key, secret, signature, password, credential, auth or cookie: <c>X-Hook-Token</c>,
    /// <c>X-eshop-whtoken</c>, <c>Ocp-Apim-Subscription-Key</c>, <c>X-Hub-Signature-256</c>, <c>X-My-Secret</c>,
    /// <c>X-Auth</c>, <c>Set-Cookie</c>. Not <c>Idempotency-Key</c>, <c>X-Cache-Key</c>, <c>X-Continuation-Token</c> or
    /// <c>X-Auth-Scheme</c>. A guess from a name, so a finding it makes is COMET012.
    /// </summary>
    internal static class CredentialHeaderNames
    {
        private static readonly string[] CredentialEndings = { "token", "apikey", "secret", "signature", "password", "passphrase", "credential", "credentials" };

        // "<word>-Key" that names a lookup, an order or a public half, not a credential.
        private static readonly HashSet<string> NonSecretKeyQualifiers = new(StringComparer.Ordinal)
        {
            "idempotency", "cache", "partition", "routing", "row", "sort", "dedup", "deduplication", "correlation", "public", "trace", "message", "lookup",
        };

        // "<word>-Token" that names a position, not a credential (as for identifiers: see SecretNames).
        private static readonly HashSet<string> NonSecretTokenQualifiers = new(StringComparer.Ordinal)
        {
            "continuation", "page", "paging", "next", "previous", "prev", "resume", "sync", "change", "skip", "cancellation",
        };

        public static bool SaysCredential(string headerName)
        {
            List<string> words = IdentifierWords.Split(headerName);
            if (words.Count == 0)
            {
                return false;
            }

            string last = words[words.Count - 1];
            string? previous = words.Count > 1 ? words[words.Count - 2] : null;
            if (last is "key" or "keys")
            {
                return previous is null || !NonSecretKeyQualifiers.Contains(previous);
            }

            if (last.EndsWith("token", StringComparison.Ordinal))
            {
                return last != "token" || previous is null || !NonSecretTokenQualifiers.Contains(previous);
            }

            foreach (string ending in CredentialEndings)
            {
                if (last.EndsWith(ending, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            // "X-Auth", "X-Authorization", "X-HmacAuth"; not "WWW-Authenticate", a challenge that names a scheme.
            return last.EndsWith("auth", StringComparison.Ordinal) || last is "authorization" or "authentication" or "cookie" or "cookies";
        }
    }
}
