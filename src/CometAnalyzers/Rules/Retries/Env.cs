using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace CometAnalyzers.Rules.Retries
{
    /// <summary>What the interpreter knows about locals and parameters on one path. Cloned when a path forks.</summary>
    internal sealed class Env
    {
        private readonly Dictionary<ISymbol, StatusValue> _values;

        public Env()
            : this(new Dictionary<ISymbol, StatusValue>(SymbolEqualityComparer.Default))
        {
        }

        private Env(Dictionary<ISymbol, StatusValue> values) => _values = values;

        public StatusValue? Get(ISymbol symbol) => _values.TryGetValue(symbol, out StatusValue? value) ? value : null;

        public void Set(ISymbol symbol, StatusValue value) => _values[symbol] = value;

        public Env Clone() => new(new Dictionary<ISymbol, StatusValue>(_values, SymbolEqualityComparer.Default));
    }
}
