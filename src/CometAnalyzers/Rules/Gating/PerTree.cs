using System;
using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace CometAnalyzers.Rules.Gating
{
    /// <summary>
    /// One value per syntax tree for one compilation's analysis (a tree's .editorconfig options, names collected from it),
    /// made on first use. Reads take no lock and allocate nothing; only the first request for a tree creates the value.
    /// </summary>
    internal sealed class PerTree<T>
        where T : class
    {
        private readonly ConcurrentDictionary<SyntaxTree, T> _values = new();

        /// <summary><paramref name="create"/> should not capture (a lambda that captures allocates on every call, even a hit).</summary>
        public T Get<TArgument>(SyntaxTree tree, TArgument argument, Func<SyntaxTree, TArgument, T> create)
            => _values.TryGetValue(tree, out T? value) ? value : Add(tree, create(tree, argument));

        private T Add(SyntaxTree tree, T value) => _values.GetOrAdd(tree, value);
    }
}
