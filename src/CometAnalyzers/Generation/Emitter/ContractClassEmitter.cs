using System.Linq;
using CometAnalyzers.Contract;

namespace CometAnalyzers.Generation.Emitter
{
    /// <summary>
    /// The static <c>&lt;Name&gt;Contract</c> class: endpoint, auth, retry budget and failure classification as
    /// constants, so code (and the rules' code fixes) read them instead of hardcoding them.
    /// </summary>
    internal static class ContractClassEmitter
    {
        public static void Emit(SourceWriter w, EmitContext c)
        {
            ContractSettings s = c.Spec.Settings;
            string failure = c.Qualified(s.Name + "FailureClass");

            w.Line($"/// <summary>How an operator counts a failed {s.Name} call: each class has its own alert and its own fix.</summary>");
            w.Line(EmitContext.GeneratedCodeAttribute);
            w.OpenBlock($"public enum {s.Name}FailureClass");
            Member(w, "None", "A 2xx answer: not a failure.");
            Member(w, "Auth", "401 or 403: the key is missing, wrong or not allowed. Not retryable; fix the credential.");
            Member(w, "ClientRequest", "Another 4xx: the request breaks the contract. Not retryable; fix the request.");
            Member(w, "RateLimit", "429: too many requests. Retry after the server's Retry-After, with backoff.");
            Member(w, "Transient", "A status the contract lists as retryable (timeouts, gateway and availability errors).");
            Member(w, "Server", "A 5xx the contract does not list as retryable.");
            Member(w, "Unexpected", "A status no class covers (1xx, 3xx): often a wrong base URL or a proxy page.");
            Member(w, "Transport", "No HTTP answer: DNS, connection or TLS failure.");
            Member(w, "Timeout", "The client gave up waiting.");
            Member(w, "Parse", "An answer arrived but does not match the contract's shape: a drifted response, not an outage.");
            Member(w, "Semantic", "A well-formed answer that is unusable, such as empty content.");
            w.CloseBlock();
            w.Line();

            w.Summary($"The {s.Name} contract as code: use these members instead of literals in calls to the API.");
            w.Line(EmitContext.GeneratedCodeAttribute);
            w.OpenBlock($"public static partial class {s.ContractTypeName}");
            Const(w, "string", "Name", SourceWriter.Literal(s.Name), "The contract's name.");
            Const(w, "string", "Method", SourceWriter.Literal(s.Method), "The HTTP method of the endpoint.");
            Const(w, "string", "Path", SourceWriter.Literal(s.Path), "The endpoint path, relative to the configured base URL.");
            w.Line("/// <summary>The hosts the contract expects the base URL to point at.</summary>");
            w.Line($"public static global::System.Collections.Generic.IReadOnlyList<string> Hosts {{ get; }} = new string[] {{ {string.Join(", ", s.Hosts.Select(h => SourceWriter.Literal(h)))} }};");
            w.Line();
            OptionalConst(w, "BaseUrlConfigKey", s.BaseUrlConfigKey, "The configuration key that holds the base URL.");
            Const(w, "string", "AuthHeader", SourceWriter.Literal(s.AuthHeader), "The request header that carries the credential.");
            Const(w, "string", "AuthScheme", SourceWriter.Literal(s.AuthScheme), "The scheme written before the credential (empty for none).");
            OptionalConst(w, "SecretConfigKey", s.SecretConfigKey, "The configuration key that holds the API key.");
            OptionalConst(w, "SecretEnvVar", s.SecretEnvVar, "The environment variable that holds the API key.");
            Const(w, "int", "MaxRetries", SourceWriter.Int(s.MaxRetries ?? 3), "Retries after the first attempt (Polly's MaxRetryAttempts)" + (s.MaxRetries is null ? "; the contract sets none, so 3." : "."));
            string codes = s.UsesDefaultRetryOn ? "408, 429, 500, 502, 503, 504" : string.Join(", ", s.RetryOn.Select(code => SourceWriter.Int(code)));
            w.Line("/// <summary>The statuses a retry may follow" + (s.UsesDefaultRetryOn ? " (the contract lists none: 408, 429 and every 5xx are retryable; these are the common ones)." : ".") + "</summary>");
            w.Line($"public static global::System.Collections.Generic.IReadOnlyList<int> RetryableStatusCodes {{ get; }} = new int[] {{ {codes} }};");
            w.Line();
            w.Line("/// <summary>The per-attempt timeout, when the contract sets one.</summary>");
            w.Line($"public static global::System.TimeSpan? AttemptTimeout {{ get; }} = {Seconds(s.AttemptTimeoutSeconds)};");
            w.Line();
            w.Line("/// <summary>The timeout over all attempts, when the contract sets one.</summary>");
            w.Line($"public static global::System.TimeSpan? TotalTimeout {{ get; }} = {Seconds(s.TotalTimeoutSeconds)};");
            w.Line();
            OptionalConst(w, "ReferenceUrl", s.ReferenceUrl, "The API reference the contract was written from.");
            OptionalConst(w, "ReferenceReviewed", s.ReferenceReviewed, "When the contract was last checked against that reference.");
            OptionalConst(w, "ReferenceOwner", s.ReferenceOwner, "Who owns the contract.");

            w.Line("/// <summary>True when the contract allows a retry after this status.</summary>");
            w.OpenBlock("public static bool IsRetryable(int statusCode)");
            if (s.UsesDefaultRetryOn)
            {
                w.Line("return statusCode == 408 || statusCode == 429 || (statusCode >= 500 && statusCode <= 599);");
            }
            else
            {
                w.OpenBlock("switch (statusCode)");
                foreach (int code in s.RetryOn)
                {
                    w.Line($"case {SourceWriter.Int(code)}:");
                }

                w.Line("    return true;");
                w.Line("default:");
                w.Line("    return false;");
                w.CloseBlock();
            }

            w.CloseBlock();
            w.Line();
            w.Line("/// <summary>True when the contract allows a retry after this status.</summary>");
            w.Line("public static bool IsRetryable(global::System.Net.HttpStatusCode statusCode) => IsRetryable((int)statusCode);");
            w.Line();
            w.Line("/// <summary>The failure class of a status, as operators track it.</summary>");
            w.OpenBlock($"public static {failure} Classify(int statusCode)");
            w.Line("if (statusCode >= 200 && statusCode <= 299) { return " + failure + ".None; }");
            w.Line("if (statusCode == 401 || statusCode == 403) { return " + failure + ".Auth; }");
            w.Line("if (statusCode == 429) { return " + failure + ".RateLimit; }");
            w.Line("if (IsRetryable(statusCode)) { return " + failure + ".Transient; }");
            w.Line("if (statusCode >= 400 && statusCode <= 499) { return " + failure + ".ClientRequest; }");
            w.Line("if (statusCode >= 500 && statusCode <= 599) { return " + failure + ".Server; }");
            w.Line("return " + failure + ".Unexpected;");
            w.CloseBlock();
            w.Line();
            w.Line("/// <summary>The failure class of a status, as operators track it.</summary>");
            w.Line($"public static {failure} Classify(global::System.Net.HttpStatusCode statusCode) => Classify((int)statusCode);");
            w.CloseBlock();
        }

        private static void Member(SourceWriter w, string name, string doc)
        {
            w.Line($"/// <summary>{SourceWriter.EscapeXml(doc)}</summary>");
            w.Line(name + ",");
            w.Line();
        }

        private static void Const(SourceWriter w, string type, string name, string value, string doc)
        {
            w.Line($"/// <summary>{SourceWriter.EscapeXml(doc)}</summary>");
            w.Line($"public const {type} {name} = {value};");
            w.Line();
        }

        private static void OptionalConst(SourceWriter w, string name, string? value, string doc)
        {
            w.Line($"/// <summary>{SourceWriter.EscapeXml(doc)}{(value is null ? " The contract sets none." : string.Empty)}</summary>");
            w.Line(value is null ? $"public const string? {name} = null;" : $"public const string {name} = {SourceWriter.Literal(value)};");
            w.Line();
        }

        private static string Seconds(double? seconds)
            => seconds is double value ? $"global::System.TimeSpan.FromSeconds({SourceWriter.DoubleLiteral(value)})" : "null";
    }
}
