using System;
using System.Collections.Generic;
using System.Threading;
using CometAnalyzers.Rules.Gating;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CometAnalyzers.Rules.Endpoints
{
    /// <summary>
    /// Pairs a const or static readonly string field's initializer with a use of the field at an HTTP sink, in
    /// whichever order the two are analyzed, so the URL is reported once, at the initializer, however often it is used.
    /// One instance per compilation.
    /// </summary>
    internal sealed class EndpointFieldTracker
    {
        private readonly object _gate = new();
        private readonly Dictionary<IFieldSymbol, Candidate> _initializers = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<IFieldSymbol, HashSet<EndpointSinkKind>> _sinkUses = new(SymbolEqualityComparer.Default);
        private readonly HashSet<Location> _reported = new();

        /// <summary>Only fields whose value cannot change after initialization are followed.</summary>
        public static bool IsFollowed(IFieldSymbol field)
            => field.Type.SpecialType == SpecialType.System_String && (field.IsConst || (field.IsStatic && field.IsReadOnly));

        /// <summary>
        /// The followed field this one is initialized with, by a simple name (<c>static readonly string Alias = Url;</c>).
        /// Read from syntax: the initializer of a field in another file is never bound here. The name is looked up in
        /// the enclosing types and their bases, where a field initializer finds it.
        /// </summary>
        public static IFieldSymbol? AliasedField(IFieldSymbol field, CancellationToken cancellationToken)
        {
            if (field.DeclaringSyntaxReferences is not { Length: 1 } references
                || references[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: { } value }
                || SyntaxNames.WithoutParenthesesOrCasts(value) is not IdentifierNameSyntax name)
            {
                return null;
            }

            for (INamedTypeSymbol? outer = field.ContainingType; outer is not null; outer = outer.ContainingType)
            {
                for (INamedTypeSymbol? type = outer; type is not null; type = type.BaseType)
                {
                    foreach (ISymbol member in type.GetMembers(name.Identifier.ValueText))
                    {
                        if (member is IFieldSymbol aliased && IsFollowed(aliased) && !SymbolEqualityComparer.Default.Equals(aliased, field))
                        {
                            return aliased;
                        }
                    }
                }
            }

            return null;
        }

        /// <summary>Remembers a followed field's initializer; <paramref name="isEndpoint"/> judges it for a kind of sink.</summary>
        public void AddInitializer(IFieldSymbol field, Location location, Func<EndpointSinkKind, Diagnostic?> isEndpoint, Action<Diagnostic> report)
        {
            List<Diagnostic> found;
            lock (_gate)
            {
                _initializers[field] = new Candidate(location, isEndpoint);
                found = _sinkUses.TryGetValue(field, out HashSet<EndpointSinkKind>? kinds) ? Pair(location, isEndpoint, kinds) : new List<Diagnostic>();
            }

            found.ForEach(report);
        }

        public void AddSinkUse(IFieldSymbol field, EndpointSinkKind kind, Action<Diagnostic> report)
        {
            List<Diagnostic> found = new();
            lock (_gate)
            {
                if (!_sinkUses.TryGetValue(field, out HashSet<EndpointSinkKind>? kinds))
                {
                    kinds = new HashSet<EndpointSinkKind>();
                    _sinkUses[field] = kinds;
                }

                kinds.Add(kind);
                if (_initializers.TryGetValue(field, out Candidate candidate))
                {
                    found = Pair(candidate.Location, candidate.IsEndpoint, new[] { kind });
                }
            }

            found.ForEach(report);
        }

        /// <summary>Claims a location for a report; false when it was reported already.</summary>
        public bool TryClaim(Location location)
        {
            lock (_gate)
            {
                return _reported.Add(location);
            }
        }

        private List<Diagnostic> Pair(Location location, Func<EndpointSinkKind, Diagnostic?> isEndpoint, IEnumerable<EndpointSinkKind> kinds)
        {
            var found = new List<Diagnostic>();
            foreach (EndpointSinkKind kind in kinds)
            {
                if (isEndpoint(kind) is { } diagnostic && _reported.Add(location))
                {
                    found.Add(diagnostic);
                }
            }

            return found;
        }

        private readonly struct Candidate
        {
            public Candidate(Location location, Func<EndpointSinkKind, Diagnostic?> isEndpoint)
            {
                Location = location;
                IsEndpoint = isEndpoint;
            }

            public Location Location { get; }

            public Func<EndpointSinkKind, Diagnostic?> IsEndpoint { get; }
        }
    }
}
