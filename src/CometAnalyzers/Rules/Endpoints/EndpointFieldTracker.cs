using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace CometAnalyzers.Rules.Endpoints
{
    /// <summary>
    /// Pairs a const or static readonly string field's initializer with a use of the field at an HTTP sink, in
    /// whichever order the two are analyzed, so the URL is reported once, at the initializer, however often it is used.
    /// A use of an alias (a field initialized with another) is a use of the field it names too. One instance per compilation.
    /// </summary>
    internal sealed class EndpointFieldTracker
    {
        private readonly object _gate = new();
        private readonly Dictionary<IFieldSymbol, Candidate> _initializers = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<IFieldSymbol, HashSet<EndpointSinkKind>> _sinkUses = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<IFieldSymbol, IFieldSymbol> _aliasOf = new(SymbolEqualityComparer.Default);
        private readonly HashSet<Location> _reported = new();

        /// <summary>Only fields whose value cannot change after initialization are followed.</summary>
        public static bool IsFollowed(IFieldSymbol field)
            => field.Type.SpecialType == SpecialType.System_String && (field.IsConst || (field.IsStatic && field.IsReadOnly));

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

        /// <summary>
        /// Remembers that <paramref name="alias"/> is initialized with <paramref name="aliased"/> (<c>Alias = Url</c>,
        /// <c>Alias = Endpoints.Url</c>): the alias takes its URL from that field, so where it reaches HTTP that field
        /// does too, in whichever order the alias and its uses are analyzed.
        /// </summary>
        public void AddAlias(IFieldSymbol alias, IFieldSymbol aliased, Action<Diagnostic> report)
        {
            var found = new List<Diagnostic>();
            lock (_gate)
            {
                _aliasOf[alias] = aliased;
                if (_sinkUses.TryGetValue(alias, out HashSet<EndpointSinkKind>? kinds))
                {
                    foreach (EndpointSinkKind kind in kinds.ToArray())
                    {
                        AddUse(aliased, kind, found);
                    }
                }
            }

            found.ForEach(report);
        }

        public void AddSinkUse(IFieldSymbol field, EndpointSinkKind kind, Action<Diagnostic> report)
        {
            var found = new List<Diagnostic>();
            lock (_gate)
            {
                AddUse(field, kind, found);
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

        /// <summary>
        /// Records a use for the field and each field down its alias chain. A kind a field already had was passed down
        /// the chain then, so the walk stops there; that also ends a cycle (<c>A = B; B = A</c>).
        /// </summary>
        private void AddUse(IFieldSymbol field, EndpointSinkKind kind, List<Diagnostic> found)
        {
            for (IFieldSymbol? current = field; current is not null; current = _aliasOf.TryGetValue(current, out IFieldSymbol? next) ? next : null)
            {
                if (!_sinkUses.TryGetValue(current, out HashSet<EndpointSinkKind>? kinds))
                {
                    kinds = new HashSet<EndpointSinkKind>();
                    _sinkUses[current] = kinds;
                }

                if (!kinds.Add(kind))
                {
                    return;
                }

                if (_initializers.TryGetValue(current, out Candidate candidate))
                {
                    found.AddRange(Pair(candidate.Location, candidate.IsEndpoint, new[] { kind }));
                }
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
