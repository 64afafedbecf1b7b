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

    /// <summary>Maps character offsets of one file to <see cref="ContractDiagnostic"/>s.</summary>
    internal sealed class DiagnosticSink
    {
        private readonly string _filePath;
        private readonly SourceText _text;
        private readonly System.Collections.Generic.List<ContractDiagnostic> _items = new();
        private readonly System.Collections.Generic.HashSet<ContractDiagnostic> _seen = new();

        public DiagnosticSink(string filePath, SourceText text)
        {
            _filePath = filePath;
            _text = text;
        }

        public int Count => _items.Count;

        public bool HasErrors { get; private set; }

        public void Report(string id, int start, int length, params string[] args)
        {
            start = Math.Max(0, Math.Min(start, _text.Length));
            length = Math.Max(0, Math.Min(length, _text.Length - start));
            var span = new TextSpan(start, length);
            var diagnostic = new ContractDiagnostic(id, _filePath, span, _text.Lines.GetLinePositionSpan(span), args.ToEquatableArray());
            // A schema reached along several paths would report the same problem once per path.
            if (!_seen.Add(diagnostic))
            {
                return;
            }

            HasErrors |= diagnostic.IsError;
            _items.Add(diagnostic);
        }

        public EquatableArray<ContractDiagnostic> ToArray() => _items.ToEquatableArray();
    }
}
