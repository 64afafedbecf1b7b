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

        /// <summary>Where to point a diagnostic about <paramref name="node"/> (a node of this schema).</summary>
        public JsonNode AnchorFor(JsonNode node) => Document.IsContract ? node : Anchor;

        public SchemaNode Child(JsonObjectNode child, string pointerSuffix)
            => new(child, Document, Pointer + "/" + SchemaPointer.Escape(pointerSuffix), Document.IsContract ? child : Anchor);

        /// <summary>A child reached through a path that may hold several segments (already escaped).</summary>
        public SchemaNode ChildPath(JsonObjectNode child, string escapedPath)
            => new(child, Document, Pointer + "/" + escapedPath, Document.IsContract ? child : Anchor);
    }

    /// <summary>A JSON document schemas live in: the contract itself or a referenced OpenAPI document.</summary>
    internal sealed class SchemaDocument
    {
        public SchemaDocument(string name, string path, JsonNode root, bool isContract)
        {
            Name = name;
            Path = path;
            Root = root;
            IsContract = isContract;
        }

        /// <summary>The file name, as $refs name the document.</summary>
        public string Name { get; }

        public string Path { get; }

        public JsonNode Root { get; }

        public bool IsContract { get; }
    }
}
