using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace CometAnalyzers.Rules.Endpoints
{
    /// <summary>
    /// Pairs a followed field's or property's initializer (see <see cref="FollowedMembers"/>) with a use of the member
    /// at an HTTP sink, in whichever order the two are analyzed, so the URL is reported once, at the initializer, however
    /// often it is used. A use of an alias (a member initialized with another) is a use of the member it names too.
    /// One instance per compilation.
    /// </summary>
    internal sealed class EndpointFieldTracker
    {
        private readonly object _gate = new();
        private readonly Dictionary<ISymbol, Candidate> _initializers = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<ISymbol, HashSet<EndpointSinkKind>> _sinkUses = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<ISymbol, ISymbol> _aliasOf = new(SymbolEqualityComparer.Default);
        private readonly HashSet<Location> _reported = new();

        /// <summary>Remembers a followed member's initializer; <paramref name="isEndpoint"/> judges it for a kind of sink.</summary>
        public void AddInitializer(ISymbol member, Location location, Func<EndpointSinkKind, Diagnostic?> isEndpoint, Action<Diagnostic> report)
        {
            List<Diagnostic> found;
            lock (_gate)
            {
                _initializers[member] = new Candidate(location, isEndpoint);
                found = _sinkUses.TryGetValue(member, out HashSet<EndpointSinkKind>? kinds) ? Pair(location, isEndpoint, kinds) : new List<Diagnostic>();
            }

            found.ForEach(report);
        }

        /// <summary>
        /// Remembers that <paramref name="alias"/> is initialized with <paramref name="aliased"/> (<c>Alias = Url</c>,
        /// <c>Alias = Endpoints.Url</c>): the alias takes its URL from that member, so where it reaches HTTP that member
        /// does too, in whichever order the alias and its uses are analyzed.
        /// </summary>
        public void AddAlias(ISymbol alias, ISymbol aliased, Action<Diagnostic> report)
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

        public void AddSinkUse(ISymbol member, EndpointSinkKind kind, Action<Diagnostic> report)
        {
            var found = new List<Diagnostic>();
            lock (_gate)
            {
                AddUse(member, kind, found);
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
        /// Records a use for the member and each member down its alias chain. A kind a member already had was passed down
        /// the chain then, so the walk stops there; that also ends a cycle (<c>A = B; B = A</c>).
        /// </summary>
        private void AddUse(ISymbol member, EndpointSinkKind kind, List<Diagnostic> found)
        {
            for (ISymbol? current = member; current is not null; current = _aliasOf.TryGetValue(current, out ISymbol? next) ? next : null)
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
