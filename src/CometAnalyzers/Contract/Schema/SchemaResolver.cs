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
                    _sink.Report(RuleIdentifiers.WrongValueType, current.AnchorFor(refNode).Start, current.AnchorFor(refNode).Length, "$ref", "a string", refNode.KindName);
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
                    _sink.Report(RuleIdentifiers.ReferenceCycle, anchor.Start, anchor.Length, refText.Value, string.Join(" -> ", loop));
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
                _sink.Report(RuleIdentifiers.UnresolvedReference, anchor.Start, anchor.Length, value, $"{problem} in {document.Name}");
                return null;
            }

            if (target is not JsonObjectNode targetObject)
            {
                _sink.Report(RuleIdentifiers.UnresolvedReference, anchor.Start, anchor.Length, value, $"it points at {target.KindName}, not a schema object");
                return null;
            }

            // A chain that continues inside an external document keeps pointing diagnostics at the contract's own $ref.
            JsonNode nextAnchor = from.Document.IsContract ? refText : from.Anchor;
            return new SchemaNode(targetObject, document, fragment, nextAnchor);
        }

        private SchemaDocument? Load(string documentPart, JsonNode anchor, string refValue)
        {
            string fileName = System.IO.Path.GetFileName(documentPart.Replace('\\', '/'));
            if (_loaded.TryGetValue(fileName, out SchemaDocument? cached))
            {
                if (cached is null)
                {
                    _sink.Report(RuleIdentifiers.UnresolvedReference, anchor.Start, anchor.Length, refValue, _loadFailures[fileName]);
                }

                return cached;
            }

            ContractFile? file = FindDocument(documentPart, fileName);
            if (file is null)
            {
                return Fail($"no AdditionalFile named '{fileName}' is in the project (add it as an AdditionalFile next to the contract)");
            }

            JsonNode? root = JsonTextParser.Parse(file.Text, out JsonSyntaxError? error, out _);
            if (root is null)
            {
                return Fail($"'{file.FileName}' is not valid JSON ({error?.Message})");
            }

            var document = new SchemaDocument(file.FileName, file.Path, root, isContract: false);
            _loaded[fileName] = document;
            DocumentLoaded?.Invoke(document);
            return document;

            SchemaDocument? Fail(string reason)
            {
                _loaded[fileName] = null;
                _loadFailures[fileName] = reason;
                _sink.Report(RuleIdentifiers.UnresolvedReference, anchor.Start, anchor.Length, refValue, reason);
                return null;
            }
        }

        /// <summary>The file beside the contract wins; otherwise the first file (by path) with that name.</summary>
        private ContractFile? FindDocument(string documentPart, string fileName)
        {
            string besideContract = NormalizePath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(_contractFile.Path) ?? string.Empty, documentPart));
            ContractFile? byName = null;
            foreach (ContractFile candidate in _documents)
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
