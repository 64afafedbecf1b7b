using CometAnalyzers.Contract.Json;

namespace CometAnalyzers.Contract.Schema
{
    /// <summary>
    /// A schema object and where it lives. <see cref="Anchor"/> is the node a diagnostic points at: the schema
    /// itself in the contract file, or the contract's $ref that led into an external document.
    /// </summary>
    internal sealed class SchemaNode
    {
        public SchemaNode(JsonObjectNode node, SchemaDocument document, string pointer, JsonNode anchor)
        {
            Node = node;
            Document = document;
            Pointer = pointer;
            Anchor = anchor;
        }

        public JsonObjectNode Node { get; }

        public SchemaDocument Document { get; }

        /// <summary>JSON pointer of <see cref="Node"/> inside <see cref="Document"/>, e.g. <c>/schemas/Message</c>.</summary>
        public string Pointer { get; }

        public JsonNode Anchor { get; }

        /// <summary>Identity of the schema across documents: the cache key for named types.</summary>
        public string Key => Document.Name + "#" + Pointer;

        /// <summary>
        /// Where to point a diagnostic about <paramref name="node"/> (a node of this schema): the node itself when the author
        /// wrote it (in the contract, or in an overlay's <c>update</c>), else the contract's $ref that led here.
        /// </summary>
        public JsonNode AnchorFor(JsonNode node) => Document.IsAuthored(node) ? node : Anchor;

        public SchemaNode Child(JsonObjectNode child, string pointerSuffix)
            => new(child, Document, Pointer + "/" + SchemaPointer.Escape(pointerSuffix), AnchorFor(child));

        /// <summary>A child reached through a path that may hold several segments (already escaped).</summary>
        public SchemaNode ChildPath(JsonObjectNode child, string escapedPath)
            => new(child, Document, Pointer + "/" + escapedPath, AnchorFor(child));
    }

    /// <summary>A JSON document schemas live in: the contract itself or a referenced OpenAPI document.</summary>
    internal sealed class SchemaDocument
    {
        private readonly System.Collections.Generic.HashSet<JsonNode>? _authored;

        /// <summary>A document; <paramref name="authored"/> holds the nodes of a referenced document that the contract's author wrote (the values an overlay's <c>update</c> put there).</summary>
        public SchemaDocument(string name, string path, JsonNode root, bool isContract, System.Collections.Generic.HashSet<JsonNode>? authored = null)
        {
            Name = name;
            Path = path;
            Root = root;
            IsContract = isContract;
            _authored = authored;
        }

        /// <summary>The file name, as $refs name the document.</summary>
        public string Name { get; }

        public string Path { get; }

        public JsonNode Root { get; }

        public bool IsContract { get; }

        /// <summary>
        /// Whether the contract's author wrote <paramref name="node"/> (so a diagnostic about it points at it, in the contract
        /// or the overlay file it comes from): every node of the contract, and the nodes overlays added to a document.
        /// </summary>
        public bool IsAuthored(JsonNode node) => IsContract || (_authored is not null && _authored.Contains(node));
    }
}
