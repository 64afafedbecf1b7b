using System;
using CometAnalyzers.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CometAnalyzers.Contract
{
    /// <summary>
    /// A contract-file problem as plain data (no <see cref="Location"/>), so parse results stay
    /// value-equatable and cacheable; turned into a <see cref="Diagnostic"/> only when reported.
    /// </summary>
    internal sealed record ContractDiagnostic(
        string Id,
        string FilePath,
        TextSpan Span,
        LinePositionSpan LineSpan,
        EquatableArray<string> MessageArgs)
    {
        public bool IsError => ContractDescriptors.Get(Id).DefaultSeverity == DiagnosticSeverity.Error;

        /// <summary>
        /// The diagnostic. Its arguments come from <see cref="MessageArgumentPool"/>: Roslyn's diagnostics compare their
        /// arguments by reference, and the command-line compiler prints a diagnostic equal to one it has printed only once,
        /// so the analyzer's and the generator's report of one problem (two runs of the contract compiler) must share them.
        /// </summary>
        public Diagnostic ToDiagnostic()
        {
            DiagnosticDescriptor descriptor = ContractDescriptors.Get(Id);
            var location = Location.Create(FilePath, Span, LineSpan);
            object[] args = new object[MessageArgs.Count];
            for (int i = 0; i < args.Length; i++)
            {
                args[i] = MessageArgumentPool.Get(MessageArgs[i]);
            }

            return Diagnostic.Create(descriptor, location, args);
        }

        public override string ToString()
            => $"{FilePath}({LineSpan.Start.Line + 1},{LineSpan.Start.Character + 1}): {Id} {string.Join(" | ", MessageArgs)}";
    }

    /// <summary>
    /// One instance per distinct message argument, shared by the analyzer and the generator in one compiler process.
    /// Bounded: past <see cref="Capacity"/> entries it starts over (at worst a diagnostic is printed twice, never lost).
    /// </summary>
    internal static class MessageArgumentPool
    {
        public const int Capacity = 4096;

        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Pool = new(StringComparer.Ordinal);

        public static string Get(string value)
        {
            if (Pool.TryGetValue(value, out string? shared))
            {
                return shared;
            }

            if (Pool.Count >= Capacity)
            {
                Pool.Clear();
            }

            return Pool.GetOrAdd(value, value);
        }
    }

    /// <summary>
    /// Maps character offsets of one file to <see cref="ContractDiagnostic"/>s. The sinks of the other files a contract
    /// uses (its overlay files, <see cref="ForFile"/>) share one list, so a contract's diagnostics can be in several files.
    /// </summary>
    internal sealed class DiagnosticSink
    {
        private readonly string _filePath;
        private readonly SourceText _text;
        private readonly Shared _shared;

        public DiagnosticSink(string filePath, SourceText text)
            : this(filePath, text, new Shared())
        {
        }

        private DiagnosticSink(string filePath, SourceText text, Shared shared)
        {
            _filePath = filePath;
            _text = text;
            _shared = shared;
        }

        public string FilePath => _filePath;

        public int Count => _shared.Items.Count;

        public bool HasErrors => _shared.HasErrors;

        /// <summary>A sink for another file of the same contract, sharing this one's diagnostics.</summary>
        public DiagnosticSink ForFile(string filePath, string text) => new(filePath, SourceText.From(text), _shared);

        /// <summary>
        /// Marks every node of <paramref name="root"/> (a tree parsed from this sink's file) as this file's, so that
        /// <see cref="Report(string, Json.JsonNode, string[])"/> on any sink of the contract locates it here.
        /// </summary>
        public void Own(Json.JsonNode root)
        {
            var pending = new System.Collections.Generic.Stack<Json.JsonNode>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                Json.JsonNode node = pending.Pop();
                _shared.Owners[node] = this;
                if (node is Json.JsonObjectNode obj)
                {
                    foreach (Json.JsonProperty property in obj.Properties)
                    {
                        pending.Push(property.Value);
                    }
                }
                else if (node is Json.JsonArrayNode array)
                {
                    foreach (Json.JsonNode item in array.Items)
                    {
                        pending.Push(item);
                    }
                }
            }
        }

        /// <summary>Reports at <paramref name="node"/>, in the file it was parsed from (this one unless another sink owns it).</summary>
        public void Report(string id, Json.JsonNode node, params string[] args)
        {
            DiagnosticSink sink = _shared.Owners.TryGetValue(node, out DiagnosticSink? owner) ? owner : this;
            sink.Report(id, node.Start, node.Length, args);
        }

        public void Report(string id, int start, int length, params string[] args)
        {
            start = Math.Max(0, Math.Min(start, _text.Length));
            length = Math.Max(0, Math.Min(length, _text.Length - start));
            var span = new TextSpan(start, length);
            var diagnostic = new ContractDiagnostic(id, _filePath, span, _text.Lines.GetLinePositionSpan(span), args.ToEquatableArray());
            // A schema reached along several paths would report the same problem once per path.
            if (!_shared.Seen.Add(diagnostic))
            {
                return;
            }

            _shared.HasErrors |= diagnostic.IsError;
            _shared.Items.Add(diagnostic);
        }

        public EquatableArray<ContractDiagnostic> ToArray() => _shared.Items.ToEquatableArray();

        private sealed class Shared
        {
            public System.Collections.Generic.List<ContractDiagnostic> Items { get; } = new();

            public System.Collections.Generic.HashSet<ContractDiagnostic> Seen { get; } = new();

            /// <summary>Nodes parsed from another file than the contract, by reference.</summary>
            public System.Collections.Generic.Dictionary<Json.JsonNode, DiagnosticSink> Owners { get; } = new();

            public bool HasErrors { get; set; }
        }
    }
}
