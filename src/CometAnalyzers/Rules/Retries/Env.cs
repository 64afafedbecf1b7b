using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace CometAnalyzers.Rules.Retries
{
    /// <summary>What the interpreter knows about locals and parameters on one path, and how it counted attempts. Cloned when a path forks.</summary>
    internal sealed class Env
    {
        private readonly Dictionary<ISymbol, StatusValue> _values;

        public Env()
            : this(new Dictionary<ISymbol, StatusValue>(SymbolEqualityComparer.Default), trail: null)
        {
        }

        private Env(Dictionary<ISymbol, StatusValue> values, AttemptTrail? trail)
        {
            _values = values;
            Trail = trail;
        }

        /// <summary>The steps and comparisons evaluated on this path so far.</summary>
        public AttemptTrail? Trail { get; private set; }

        public StatusValue? Get(ISymbol symbol) => _values.TryGetValue(symbol, out StatusValue? value) ? value : null;

        public void Set(ISymbol symbol, StatusValue value) => _values[symbol] = value;

        public void Record(IOperation operation) => Trail = AttemptTrail.Add(operation, Trail);

        public Env Clone() => new(new Dictionary<ISymbol, StatusValue>(_values, SymbolEqualityComparer.Default), Trail);
    }
}
