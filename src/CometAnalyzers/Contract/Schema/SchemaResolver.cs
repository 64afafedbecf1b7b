using System;
using System.Collections.Generic;
using CometAnalyzers.Contract.Json;
using CometAnalyzers.Rules;

namespace CometAnalyzers.Contract.Schema
{
    /// <summary>
    /// Resolves $refs inside the contract (<c>#/schemas/X</c>) and into other AdditionalFiles that are
    /// OpenAPI documents (<c>openai.json#/components/schemas/X</c>). Problems become COMET102/COMET103.
    /// </summary>
    internal sealed class SchemaResolver
    {
        private readonly ContractFile _contractFile;
        private readonly IReadOnlyList<ContractFile> _documents;
        private readonly DiagnosticSink _sink;
        private readonly Dictionary<string, SchemaDocument?> _loaded = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, string> _loadFailures = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, (JsonNode? Root, string? Error)> _parsed = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (JsonNode Root, HashSet<JsonNode> Authored)> _overlaid = new(StringComparer.Ordinal);

        public SchemaResolver(ContractDocument contract, IReadOnlyList<ContractFile> documents, DiagnosticSink sink)
        {
            _contractFile = contract.File;
            _documents = documents;
            _sink = sink;
            Contract = new SchemaDocument(contract.File.FileName, contract.File.Path, contract.Root, isContract: true);
        }

        public SchemaDocument Contract { get; }

        /// <summary>Raised when a document is loaded, so declared schema names can be reserved.</summary>
        public event Action<SchemaDocument>? DocumentLoaded;

        /// <summary>Follows a chain of $refs to the first schema that has none; null when it cannot (reported).</summary>
        public SchemaNode? Deref(SchemaNode start)
        {
            SchemaNode current = start;
            List<SchemaNode>? chain = null;
            while (current.Node["$ref"] is { } refNode)
            {
                if (refNode is not JsonStringNode refText)
                {
                    _sink.Report(RuleIdentifiers.WrongValueType, current.AnchorFor(refNode), "$ref", "a string", refNode.KindName);
                    return null;
                }

                chain ??= new List<SchemaNode>();
                int loopStart = chain.FindIndex(c => c.Key == current.Key);
                if (loopStart >= 0)
                {
                    // Reported where the loop closes, so every member of a cycle is named once, whoever reached it first.
                    JsonNode anchor = current.AnchorFor(refNode);
                    var loop = new List<string>();
                    for (int i = loopStart; i < chain.Count; i++)
                    {
                        loop.Add(chain[i].Pointer);
                    }

                    loop.Add(current.Pointer);
                    _sink.Report(RuleIdentifiers.ReferenceCycle, anchor, refText.Value, string.Join(" -> ", loop));
                    return null;
                }

                chain.Add(current);
                SchemaNode? next = ResolveReference(refText, current);
                if (next is null)
                {
                    return null;
                }

                current = next;
            }

            return current;
        }

        /// <summary>Resolves one $ref value relative to the schema that holds it.</summary>
        public SchemaNode? ResolveReference(JsonStringNode refText, SchemaNode from)
        {
            JsonNode anchor = from.AnchorFor(refText);
            string value = refText.Value;
            int hash = value.IndexOf('#');
            string documentPart = hash < 0 ? value : value.Substring(0, hash);
            string fragment = hash < 0 ? string.Empty : value.Substring(hash + 1);

            SchemaDocument? document = documentPart.Length == 0 ? from.Document : Load(documentPart, anchor, value);
            if (document is null)
            {
                return null;
            }

            JsonNode? target = SchemaPointer.Resolve(document.Root, fragment, out string? problem);
            if (target is null)
            {
                _sink.Report(RuleIdentifiers.UnresolvedReference, anchor, RefText(value), $"{problem} in {document.Name}");
                return null;
            }

            if (target is not JsonObjectNode targetObject)
            {
                _sink.Report(RuleIdentifiers.UnresolvedReference, anchor, RefText(value), $"it points at {target.KindName}, not a schema object");
                return null;
            }

            // A chain that continues inside an external document keeps pointing diagnostics at the author's own $ref.
            JsonNode nextAnchor = from.Document.IsAuthored(refText) ? refText : from.Anchor;
            return new SchemaNode(targetObject, document, fragment, nextAnchor);
        }

        private SchemaDocument? Load(string documentPart, JsonNode anchor, string refValue)
        {
            string fileName = FileNameOf(documentPart);
            if (_loaded.TryGetValue(fileName, out SchemaDocument? cached))
            {
                if (cached is null)
                {
                    _sink.Report(RuleIdentifiers.UnresolvedReference, anchor, RefText(refValue), _loadFailures[fileName]);
                }

                return cached;
            }

            ContractFile? file = FindFile(documentPart, _contractFile.Path);
            if (file is null)
            {
                return Fail(MissingFile(fileName));
            }

            HashSet<JsonNode>? authored = null;
            JsonNode? root;
            if (_overlaid.TryGetValue(file.Path, out (JsonNode Root, HashSet<JsonNode> Authored) overlaid))
            {
                (root, authored) = overlaid;
            }
            else if ((root = Parse(file, out string? problem)) is null)
            {
                return Fail(problem!);
            }

            var document = new SchemaDocument(file.FileName, file.Path, root, isContract: false, authored);
            _loaded[fileName] = document;
            DocumentLoaded?.Invoke(document);
            return document;

            SchemaDocument? Fail(string reason)
            {
                _loaded[fileName] = null;
                _loadFailures[fileName] = reason;
                _sink.Report(RuleIdentifiers.UnresolvedReference, anchor, RefText(refValue), reason);
                return null;
            }
        }

        /// <summary>
        /// The document an overlay corrects, as overlays have left it so far (the document as parsed, when no overlay has
        /// changed it yet), and the nodes they added, to which the next overlay adds its own. Null (with the reason) when
        /// the file is not JSON.
        /// </summary>
        public JsonNode? OverlayBase(ContractFile file, out HashSet<JsonNode> authored, out string? problem)
        {
            problem = null;
            if (_overlaid.TryGetValue(file.Path, out (JsonNode Root, HashSet<JsonNode> Authored) overlaid))
            {
                authored = overlaid.Authored;
                return overlaid.Root;
            }

            authored = new HashSet<JsonNode>();
            return Parse(file, out problem);
        }

        /// <summary>
        /// The document <paramref name="file"/> as overlays left it, with the nodes they added: every $ref into it from now on
        /// sees this tree. The parsed document itself is never changed, so nothing leaks into another contract's view of it.
        /// </summary>
        public void SetOverlaid(ContractFile file, JsonNode root, HashSet<JsonNode> authored) => _overlaid[file.Path] = (root, authored);

        /// <summary>The reason a file named <paramref name="fileName"/> cannot be found.</summary>
        public static string MissingFile(string fileName)
            => $"no AdditionalFile named '{fileName}' is in the project (add it as an AdditionalFile next to the contract)";

        /// <summary>A referenceable document (a .json AdditionalFile that is not a contract) by its name.</summary>
        public ContractFile? FindFile(string reference, string fromFilePath) => FindFile(_documents, reference, fromFilePath);

        /// <summary>
        /// The file <paramref name="reference"/> (a file name, or a relative path) names, seen from <paramref name="fromFilePath"/>:
        /// the file beside the referring file wins; otherwise the first file (by path) with that name.
        /// </summary>
        public static ContractFile? FindFile(IReadOnlyList<ContractFile> documents, string reference, string fromFilePath)
            => FindDocument(documents, reference, FileNameOf(reference), fromFilePath);

        private JsonNode? Parse(ContractFile file, out string? problem)
        {
            if (!_parsed.TryGetValue(file.Path, out (JsonNode? Root, string? Error) parsed))
            {
                JsonNode? root = JsonTextParser.Parse(file.Text, out JsonSyntaxError? error, out _);
                parsed = (root, root is null ? $"'{file.FileName}' is not valid JSON ({error?.Message})" : null);
                _parsed[file.Path] = parsed;
            }

            problem = parsed.Error;
            return parsed.Root;
        }

        private static string RefText(string value) => "$ref '" + value + "'";

        private static ContractFile? FindDocument(IReadOnlyList<ContractFile> documents, string documentPart, string fileName, string fromFilePath)
        {
            string besideContract = NormalizePath(Beside(fromFilePath, documentPart));
            ContractFile? byName = null;
            foreach (ContractFile candidate in documents)
            {
                if (string.Equals(NormalizePath(candidate.Path), besideContract, StringComparison.OrdinalIgnoreCase))
                {
                    return candidate;
                }

                if (string.Equals(candidate.FileName, fileName, StringComparison.OrdinalIgnoreCase)
                    && (byName is null || string.CompareOrdinal(candidate.Path, byName.Path) < 0))
                {
                    byName = candidate;
                }
            }

            return byName;
        }

        /// <summary>
        /// The file name a reference ends with. Written out rather than System.IO.Path's: on .NET Framework (Visual Studio's
        /// analyzer host) Path throws for characters such as '|' or '"', which a reference may hold.
        /// </summary>
        public static string FileNameOf(string reference)
        {
            string path = reference.Replace('\\', '/');
            return path.Substring(path.LastIndexOf('/') + 1);
        }

        /// <summary>Where <paramref name="reference"/> points, relative to the folder of <paramref name="fromFilePath"/> (unless rooted).</summary>
        private static string Beside(string fromFilePath, string reference)
        {
            string path = reference.Replace('\\', '/');
            if (path.StartsWith("/", StringComparison.Ordinal) || (path.Length > 1 && path[1] == ':'))
            {
                return path;
            }

            string from = fromFilePath.Replace('\\', '/');
            return from.Substring(0, from.LastIndexOf('/') + 1) + path;
        }

        private static string NormalizePath(string path)
        {
            var parts = new List<string>();
            foreach (string part in path.Replace('\\', '/').Split('/'))
            {
                if (part == "..")
                {
                    if (parts.Count > 0)
                    {
                        parts.RemoveAt(parts.Count - 1);
                    }
                }
                else if (part != "." && part.Length > 0)
                {
                    parts.Add(part);
                }
            }

            return string.Join("/", parts);
        }
    }
}
