using System.Collections.Generic;
using System.Text.RegularExpressions;
using System.Threading;
using CometAnalyzers.Contract.Json;
using CometAnalyzers.Contract.Schema;
using CometAnalyzers.Rules;

namespace CometAnalyzers.Contract.Overlays
{
    /// <summary>
    /// Reads a contract's <c>overlays</c> (OpenAPI Overlay Specification 1.0 objects written in the contract, or the names
    /// of overlay files beside it) and applies them, in order, to the documents their <c>extends</c> names, before any
    /// schema is resolved. Every problem is a located COMET1xx in the file the overlay is written in.
    /// </summary>
    internal sealed class ContractOverlays
    {
        public const string Key = "overlays";

        /// <summary>Nodes one action may change: each change rebuilds the path to it, so a target like <c>$..*</c> is refused, not run for minutes.</summary>
        public const int MaxChangedNodes = 10_000;

        private static readonly Regex SupportedVersion = new(@"^1\.[01]\.[0-9]+$", RegexOptions.CultureInvariant);

        private readonly ContractDocument _contract;
        private readonly SchemaResolver _resolver;
        private readonly DiagnosticSink _sink;
        private readonly CancellationToken _cancellationToken;

        private ContractOverlays(ContractDocument contract, SchemaResolver resolver, DiagnosticSink sink, CancellationToken cancellationToken)
        {
            _contract = contract;
            _resolver = resolver;
            _sink = sink;
            _cancellationToken = cancellationToken;
        }

        /// <summary>Applies the contract's overlays through <paramref name="resolver"/>, which then resolves $refs in the corrected documents.</summary>
        public static void Apply(ContractDocument contract, SchemaResolver resolver, DiagnosticSink sink, CancellationToken cancellationToken)
        {
            if (contract.Root[Key] is { } overlays)
            {
                new ContractOverlays(contract, resolver, sink, cancellationToken).ApplyAll(overlays);
            }
        }

        /// <summary>The overlay files a contract names (the strings of its <c>overlays</c>), for the analyzer to find which contracts an overlay file belongs to.</summary>
        public static IEnumerable<string> FileNames(JsonObjectNode contractRoot)
        {
            if (contractRoot[Key] is JsonArrayNode list)
            {
                foreach (JsonNode item in list.Items)
                {
                    if (item is JsonStringNode name && !ContractFile.IsContract(name.Value))
                    {
                        yield return name.Value;
                    }
                }
            }
        }

        private void ApplyAll(JsonNode overlays)
        {
            if (overlays is not JsonArrayNode list)
            {
                _sink.Report(RuleIdentifiers.WrongValueType, overlays, Key, "an array of overlays (Overlay 1.0 objects, or names of overlay files)", overlays.KindName);
                return;
            }

            for (int i = 0; i < list.Items.Count; i++)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                string where = $"{Key}[{i}]";
                switch (list.Items[i])
                {
                    case JsonObjectNode inline:
                        ApplyOverlay(inline, _sink, where + ".", where, _contract.File.Path);
                        break;
                    case JsonStringNode fileName:
                        ApplyOverlayFile(fileName);
                        break;
                    default:
                        _sink.Report(RuleIdentifiers.WrongValueType, list.Items[i], where, "an overlay object or the file name of an overlay", list.Items[i].KindName);
                        break;
                }
            }
        }

        private void ApplyOverlayFile(JsonStringNode fileName)
        {
            string what = "overlay file '" + fileName.Value + "'";
            if (ContractFile.IsContract(fileName.Value))
            {
                _sink.Report(RuleIdentifiers.UnresolvedReference, fileName, what, "a contract is not an overlay (an overlay file holds one Overlay 1.0 object)");
                return;
            }

            ContractFile? file = _resolver.FindFile(fileName.Value, _contract.File.Path);
            if (file is null)
            {
                _sink.Report(RuleIdentifiers.UnresolvedReference, fileName, what, SchemaResolver.MissingFile(SchemaResolver.FileNameOf(fileName.Value)));
                return;
            }

            // The overlay file's own problems are reported in it, at their line and column, as a contract's are.
            DiagnosticSink fileSink = _sink.ForFile(file.Path, file.Text);
            JsonNode? root = JsonTextParser.Parse(file.Text, out JsonSyntaxError? error, out IReadOnlyList<JsonSyntaxError> duplicates);
            foreach (JsonSyntaxError duplicate in duplicates)
            {
                fileSink.Report(RuleIdentifiers.DuplicateKey, duplicate.Offset, duplicate.Length, duplicate.Message);
            }

            if (error is not null || root is null)
            {
                fileSink.Report(RuleIdentifiers.MalformedJson, error?.Offset ?? 0, error?.Length ?? 0, error?.Message ?? "no JSON value");
                return;
            }

            fileSink.Own(root);
            if (root is not JsonObjectNode overlay)
            {
                fileSink.Report(RuleIdentifiers.WrongValueType, root, "(root)", "an overlay object", root.KindName);
                return;
            }

            ApplyOverlay(overlay, fileSink, string.Empty, file.FileName, file.Path);
        }

        /// <summary>
        /// Checks and applies one Overlay object, written in the file of <paramref name="sink"/> at <paramref name="filePath"/> (its
        /// <c>extends</c> is relative to that file); <paramref name="prefix"/> starts its keys in messages (<c>overlays[0].</c>,
        /// or nothing in an overlay file), and <paramref name="where"/> names it in a message about a missing key.
        /// </summary>
        private void ApplyOverlay(JsonObjectNode overlay, DiagnosticSink sink, string prefix, string where, string filePath)
        {
            var reader = new JsonNodeReader(sink);
            if (overlay["overlay"] is null)
            {
                sink.Report(RuleIdentifiers.MissingRequiredKey, overlay.Start, 1, $"\"overlay\" (the Overlay Specification version, \"1.0.0\") in {where}");
            }
            else if (reader.StringNode(overlay, "overlay", prefix) is { } version && !SupportedVersion.IsMatch(version.Value))
            {
                sink.Report(RuleIdentifiers.InvalidValue, version, prefix + "overlay", Quote(version.Value), "Overlay Specification 1.0.x is supported (1.1.x is read with the same actions)");
            }

            if (overlay["info"] is null)
            {
                sink.Report(RuleIdentifiers.MissingRequiredKey, overlay.Start, 1, $"\"info\" (an object with the overlay's \"title\" and \"version\") in {where}");
            }
            else if (reader.Object(overlay, "info", prefix) is { } info)
            {
                foreach (string key in new[] { "title", "version" })
                {
                    if (info[key] is null)
                    {
                        sink.Report(RuleIdentifiers.MissingRequiredKey, info.Start, 1, $"\"{key}\" (a string) in {prefix}info");
                    }
                    else
                    {
                        reader.StringNode(info, key, prefix + "info.");
                    }
                }
            }

            ContractFile? document = null;
            JsonNode? root = null;
            var authored = new HashSet<JsonNode>();
            if (overlay["extends"] is null)
            {
                sink.Report(RuleIdentifiers.MissingRequiredKey, overlay.Start, 1, $"\"extends\" (the file name of the document the overlay corrects, such as \"openai.openapi.json\") in {where}");
            }
            else if (reader.StringNode(overlay, "extends", prefix) is { } extends)
            {
                root = Document(extends, sink, prefix, filePath, out document, out authored);
            }

            if (overlay["actions"] is null)
            {
                sink.Report(RuleIdentifiers.MissingRequiredKey, overlay.Start, 1, $"\"actions\" (the list of corrections) in {where}");
                return;
            }

            if (reader.Array(overlay, "actions", prefix) is not { } actions)
            {
                return;
            }

            if (actions.Items.Count == 0)
            {
                sink.Report(RuleIdentifiers.InvalidValue, actions, prefix + "actions", "[]", "an overlay has at least one action");
                return;
            }

            var applier = new OverlayApplier(sink, authored);
            JsonNode? start = root;
            for (int i = 0; i < actions.Items.Count; i++)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                string path = $"{prefix}actions[{i}]";
                if (reader.Expect<JsonObjectNode>(actions.Items[i], path, "an action object") is { } action
                    && ReadAction(action, sink, reader, path) is { } valid
                    && root is not null)
                {
                    root = Apply(valid, root, applier, sink, document!.FileName);
                }
            }

            if (document is not null && root is not null && !ReferenceEquals(root, start))
            {
                _resolver.SetOverlaid(document, root, authored);
            }
        }

        /// <summary>The tree of the document <paramref name="extends"/> names, as earlier overlays left it; null when it is not found (reported).</summary>
        private JsonNode? Document(JsonStringNode extends, DiagnosticSink sink, string prefix, string filePath, out ContractFile? document, out HashSet<JsonNode> authored)
        {
            document = null;
            authored = new HashSet<JsonNode>();
            string what = "overlay document '" + extends.Value + "'";
            if (extends.Value.IndexOf('#') >= 0)
            {
                sink.Report(RuleIdentifiers.InvalidValue, extends, prefix + "extends", Quote(extends.Value), "it names a whole document: a file name without '#…'");
                return null;
            }

            if (ContractFile.IsContract(extends.Value))
            {
                sink.Report(RuleIdentifiers.UnresolvedReference, extends, what, "an overlay corrects a document the contract references, not a contract");
                return null;
            }

            document = _resolver.FindFile(extends.Value, filePath);
            if (document is null)
            {
                sink.Report(RuleIdentifiers.UnresolvedReference, extends, what, SchemaResolver.MissingFile(SchemaResolver.FileNameOf(extends.Value)));
                return null;
            }

            JsonNode? root = _resolver.OverlayBase(document, out authored, out string? problem);
            if (root is null)
            {
                sink.Report(RuleIdentifiers.UnresolvedReference, extends, what, problem ?? "it cannot be read");
                document = null;
            }

            return root;
        }

        /// <summary>An action's target, update and removal, checked; null when it cannot be applied (reported).</summary>
        private static OverlayAction? ReadAction(JsonObjectNode action, DiagnosticSink sink, JsonNodeReader reader, string path)
        {
            bool valid = true;
            JsonPath? target = null;
            JsonStringNode? targetNode = null;
            if (action["target"] is null)
            {
                sink.Report(RuleIdentifiers.MissingRequiredKey, action.Start, 1, $"\"target\" (a JSONPath such as $.components.schemas.Name) in {path}");
                valid = false;
            }
            else if ((targetNode = reader.StringNode(action, "target", path + ".")) is null)
            {
                valid = false;
            }
            else if ((target = JsonPath.Parse(targetNode.Value, out JsonPathError? error)) is null)
            {
                // At the character the path goes wrong, when the string has no escapes that move it.
                bool exact = targetNode.Length == targetNode.Value.Length + 2;
                int start = exact ? targetNode.Start + 1 + error!.Index : targetNode.Start;
                int length = exact ? System.Math.Min(error!.Length, targetNode.Value.Length - error.Index) : targetNode.Length;
                sink.Report(RuleIdentifiers.InvalidValue, start, length, path + ".target", Quote(targetNode.Value), error!.Message + (exact ? string.Empty : $" (at character {error.Index + 1})"));
                valid = false;
            }

            reader.StringNode(action, "description", path + ".");
            bool? remove = reader.Boolean(action, "remove", path + ".");
            if (action["remove"] is not null && remove is null)
            {
                valid = false;
            }

            JsonNode? update = action["update"];
            if (action["copy"] is { } copy)
            {
                sink.Report(RuleIdentifiers.InvalidValue, copy, path + ".copy", Shown(copy), "'copy' (Overlay 1.1) is not supported: write the value in 'update'");
                valid = false;
            }
            else if (remove == true && update is not null)
            {
                sink.Report(RuleIdentifiers.InvalidValue, update, path + ".update", Shown(update), "an action either updates or removes its target, and this one has \"remove\": true");
                valid = false;
            }
            else if (remove != true && update is null && (action["remove"] is null || remove is not null))
            {
                sink.Report(RuleIdentifiers.MissingRequiredKey, action.Start, 1, $"\"update\" (a value merged into the target) or \"remove\": true in {path}");
                valid = false;
            }

            return valid ? new OverlayAction(target!, targetNode!, update, remove == true, path) : null;
        }

        private JsonNode Apply(OverlayAction action, JsonNode root, OverlayApplier applier, DiagnosticSink sink, string documentName)
        {
            IReadOnlyList<JsonPathMatch>? matches = action.Target.Select(root, _cancellationToken);
            if (matches is null)
            {
                sink.Report(RuleIdentifiers.InvalidValue, action.TargetNode, action.Path + ".target", Quote(action.Target.Text), $"it visits more than {JsonPath.DefaultVisitBudget} nodes of {documentName}: name the schemas instead of searching the whole document");
                return root;
            }

            if (matches.Count > MaxChangedNodes)
            {
                sink.Report(RuleIdentifiers.InvalidValue, action.TargetNode, action.Path + ".target", Quote(action.Target.Text), $"it selects {matches.Count} nodes of {documentName}, and an action changes at most {MaxChangedNodes}: name the schemas instead of searching the whole document");
                return root;
            }

            if (matches.Count == 0)
            {
                sink.Report(RuleIdentifiers.OverlayTargetSelectsNothing, action.TargetNode, action.Target.Text, documentName);
                return root;
            }

            if (action.Remove)
            {
                var locations = new List<JsonLocation>(matches.Count);
                foreach (JsonPathMatch match in matches)
                {
                    if (match.Location.Depth == 0)
                    {
                        sink.Report(RuleIdentifiers.InvalidValue, action.TargetNode, action.Path + ".target", Quote(action.Target.Text), "the root of the document cannot be removed");
                        continue;
                    }

                    locations.Add(match.Location);
                }

                return OverlayApplier.Remove(root, locations);
            }

            foreach (JsonPathMatch match in matches)
            {
                root = applier.Update(root, match.Location, action.Update!, action.Path + ".update");
            }

            return root;
        }

        private static string Quote(string value) => "\"" + value + "\"";

        /// <summary>A short rendering of a value in a message.</summary>
        private static string Shown(JsonNode node) => node switch
        {
            JsonStringNode text => Quote(text.Value),
            JsonNumberNode number => number.Text,
            JsonObjectNode => "{…}",
            JsonArrayNode => "[…]",
            _ => node.Kind switch { JsonKind.True => "true", JsonKind.False => "false", _ => "null" },
        };

        private sealed class OverlayAction
        {
            public OverlayAction(JsonPath target, JsonStringNode targetNode, JsonNode? update, bool remove, string path)
            {
                Target = target;
                TargetNode = targetNode;
                Update = update;
                Remove = remove;
                Path = path;
            }

            public JsonPath Target { get; }

            public JsonStringNode TargetNode { get; }

            public JsonNode? Update { get; }

            public bool Remove { get; }

            public string Path { get; }
        }
    }
}
