using System.Collections.Generic;
using CometAnalyzers.Common;
using CometAnalyzers.Contract.Json;
using CometAnalyzers.Rules;
using Microsoft.CodeAnalysis.Text;

namespace CometAnalyzers.Contract
{
    /// <summary>A contract's JSON tree with its settings read; the schemas are compiled separately.</summary>
    internal sealed class ContractDocument
    {
        public ContractDocument(ContractFile file, JsonObjectNode root, ContractSettings settings)
        {
            File = file;
            Root = root;
            Settings = settings;
        }

        public ContractFile File { get; }

        public JsonObjectNode Root { get; }

        public ContractSettings Settings { get; }
    }

    /// <summary>
    /// Reads the top level of a contract file: name, endpoint, auth, retry, timeouts and reference.
    /// Shared by the rules (settings only), the contract-file analyzer and the generator.
    /// </summary>
    internal static class ContractReader
    {
        public static readonly string[] KnownRootKeys =
        {
            "$schema", "name", "namespace", "reference", "endpoint", "auth", "retry", "timeouts",
            "request", "response", "streamEvent", "error", "schemas", "overlays",
        };

        private static readonly HashSet<string> HttpMethods = new() { "GET", "POST", "PUT", "PATCH", "DELETE" };

        /// <summary>Parses the file; returns null (with COMET100) when it is not a JSON object.</summary>
        public static ContractDocument? Read(ContractFile file, DiagnosticSink sink)
        {
            JsonNode? node = JsonTextParser.Parse(file.Text, out JsonSyntaxError? error, out IReadOnlyList<JsonSyntaxError> duplicates);
            foreach (JsonSyntaxError duplicate in duplicates)
            {
                sink.Report(RuleIdentifiers.DuplicateKey, duplicate.Offset, duplicate.Length, duplicate.Message);
            }

            if (error is not null)
            {
                sink.Report(RuleIdentifiers.MalformedJson, error.Offset, error.Length, error.Message);
                return null;
            }

            if (node is not JsonObjectNode root)
            {
                sink.Report(RuleIdentifiers.WrongValueType, node!.Start, node.Length, "(root)", "an object", node.KindName);
                return null;
            }

            return new ContractDocument(file, root, ReadSettings(root, new JsonNodeReader(sink)));
        }

        /// <summary>Settings for the rules, without diagnostics: the contract-file analyzer reports those.</summary>
        public static ContractSettings? ReadSettingsOnly(ContractFile file)
        {
            var sink = new DiagnosticSink(file.Path, SourceText.From(file.Text));
            return Read(file, sink)?.Settings;
        }

        private static ContractSettings ReadSettings(JsonObjectNode root, JsonNodeReader reader)
        {
            ContractSettings defaults = ContractSettings.Defaults;
            DiagnosticSink sink = reader.Sink;

            JsonStringNode? nameNode = reader.StringNode(root, "name", string.Empty);
            string name = defaults.Name;
            if (nameNode is null)
            {
                if (root["name"] is null)
                {
                    sink.Report(RuleIdentifiers.MissingRequiredKey, root.Start, 1, "\"name\" (a C# identifier that prefixes the generated types)");
                }
            }
            else if ((Identifiers.Validate(nameNode.Value) ?? (Identifiers.IsKeyword(nameNode.Value) ? "it is a C# keyword" : null)) is { } problem)
            {
                sink.Report(RuleIdentifiers.InvalidName, nameNode.Start, nameNode.Length, "name", nameNode.Value, problem);
            }
            else
            {
                name = nameNode.Value;
            }

            string ns = name + ".Contracts";
            if (reader.StringNode(root, "namespace", string.Empty) is { } nsNode)
            {
                if (Identifiers.ValidateNamespace(nsNode.Value) is { } problem)
                {
                    sink.Report(RuleIdentifiers.InvalidName, nsNode.Start, nsNode.Length, "namespace", nsNode.Value, problem);
                }
                else
                {
                    ns = nsNode.Value;
                }
            }

            string method = defaults.Method;
            string path = defaults.Path;
            IReadOnlyList<string> hosts = defaults.Hosts;
            string? baseUrlKey = null;
            if (reader.Object(root, "endpoint", string.Empty) is { } endpoint)
            {
                if (reader.StringNode(endpoint, "method", "endpoint.") is { } methodNode)
                {
                    if (HttpMethods.Contains(methodNode.Value))
                    {
                        method = methodNode.Value;
                    }
                    else
                    {
                        sink.Report(RuleIdentifiers.InvalidValue, methodNode.Start, methodNode.Length, "endpoint.method", Quote(methodNode.Value), "use GET, POST, PUT, PATCH or DELETE");
                    }
                }

                if (reader.StringNode(endpoint, "path", "endpoint.") is { } pathNode)
                {
                    if (pathNode.Value.Length > 1 && pathNode.Value[0] == '/' && pathNode.Value.IndexOf("://", System.StringComparison.Ordinal) < 0)
                    {
                        path = pathNode.Value;
                    }
                    else
                    {
                        sink.Report(RuleIdentifiers.InvalidValue, pathNode.Start, pathNode.Length, "endpoint.path", Quote(pathNode.Value), "a path that starts with '/' and has no scheme or host is expected");
                    }
                }

                if (endpoint["hosts"] is not null)
                {
                    hosts = reader.StringList(endpoint, "hosts", "endpoint.");
                }

                baseUrlKey = reader.String(endpoint, "baseUrlConfigKey", "endpoint.");
            }

            string authHeader = defaults.AuthHeader;
            string authScheme = defaults.AuthScheme;
            string? secretConfigKey = null;
            string? secretEnvVar = null;
            if (reader.Object(root, "auth", string.Empty) is { } auth)
            {
                authHeader = NonEmpty(reader.String(auth, "header", "auth.")) ?? authHeader;
                authScheme = reader.String(auth, "scheme", "auth.") ?? authScheme;
                secretConfigKey = NonEmpty(reader.String(auth, "secretConfigKey", "auth."));
                secretEnvVar = NonEmpty(reader.String(auth, "secretEnvVar", "auth."));
            }

            int? maxRetries = null;
            var retryOn = new List<int>();
            if (reader.Object(root, "retry", string.Empty) is { } retry)
            {
                if (retry["maxRetries"] is JsonNumberNode maxNode)
                {
                    int? value = reader.Int32(maxNode, "retry.maxRetries");
                    if (value is < 0 or > 100)
                    {
                        sink.Report(RuleIdentifiers.InvalidValue, maxNode.Start, maxNode.Length, "retry.maxRetries", maxNode.Text, "retries after the first attempt must be between 0 and 100");
                    }
                    else
                    {
                        maxRetries = value;
                    }
                }
                else
                {
                    reader.Expect<JsonNumberNode>(retry["maxRetries"], "retry.maxRetries", "an integer");
                }

                if (reader.Array(retry, "retryOn", "retry.") is { } codes)
                {
                    for (int i = 0; i < codes.Items.Count; i++)
                    {
                        if (reader.Expect<JsonNumberNode>(codes.Items[i], $"retry.retryOn[{i}]", "an HTTP status code") is not { } codeNode)
                        {
                            continue;
                        }

                        int? code = reader.Int32(codeNode, $"retry.retryOn[{i}]");
                        if (code is null)
                        {
                            continue;
                        }

                        if (code < 100 || code > 599)
                        {
                            sink.Report(RuleIdentifiers.InvalidValue, codeNode.Start, codeNode.Length, $"retry.retryOn[{i}]", codeNode.Text, "an HTTP status code between 100 and 599 is expected");
                        }
                        else if (!retryOn.Contains(code.Value))
                        {
                            retryOn.Add(code.Value);
                        }
                    }
                }
            }

            retryOn.Sort();
            double? attempt = null;
            double? total = null;
            if (reader.Object(root, "timeouts", string.Empty) is { } timeouts)
            {
                attempt = Positive(reader, timeouts, "attemptSeconds");
                total = Positive(reader, timeouts, "totalSeconds");
            }

            string? referenceUrl = null, reviewed = null, owner = null;
            if (reader.Object(root, "reference", string.Empty) is { } reference)
            {
                referenceUrl = reader.String(reference, "url", "reference.");
                reviewed = reader.String(reference, "reviewed", "reference.");
                owner = reader.String(reference, "owner", "reference.");
            }

            foreach (string schemaKey in new[] { "request", "response", "streamEvent", "error" })
            {
                reader.Expect<JsonObjectNode>(root[schemaKey], schemaKey, "a schema object");
            }

            if (root["request"] is null && root["response"] is null)
            {
                sink.Report(RuleIdentifiers.MissingRequiredKey, root.Start, 1, "\"request\" or \"response\": at least one is required");
            }

            reader.Object(root, "schemas", string.Empty);
            reader.String(root, "$schema", string.Empty);
            reader.String(root, "$comment", string.Empty);

            return new ContractSettings(
                name, ns, method, path, hosts.ToEquatableArray(), baseUrlKey, authHeader, authScheme, secretConfigKey, secretEnvVar,
                maxRetries, retryOn.ToEquatableArray(), attempt, total, referenceUrl, reviewed, owner);
        }

        /// <summary>The largest timeout a TimeSpan holds: the generated contract class builds one from the value.</summary>
        private const double MaxTimeoutSeconds = 922_337_203_685d;

        private static double? Positive(JsonNodeReader reader, JsonObjectNode parent, string key)
        {
            double? value = reader.Number(parent, key, "timeouts.");
            if (value is <= 0 or > MaxTimeoutSeconds or double.NaN && parent[key] is { } node)
            {
                reader.Sink.Report(RuleIdentifiers.InvalidValue, node.Start, node.Length, "timeouts." + key, ((JsonNumberNode)node).Text, "a positive number of seconds, at most 922337203685 (TimeSpan.MaxValue), is expected");
                return null;
            }

            return value;
        }

        private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

        private static string Quote(string value) => "\"" + value + "\"";
    }
}
