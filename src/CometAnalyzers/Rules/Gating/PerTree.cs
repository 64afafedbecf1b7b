using System;
using Microsoft.CodeAnalysis;

namespace CometAnalyzers.Rules.Gating
{
    /// <summary>
    /// One value per syntax tree for one rule (a tree's .editorconfig options, names collected from it), made on first
    /// use and kept in the tree's <see cref="TreeScope"/>: a hit takes no lock and allocates nothing.
    /// </summary>
    internal sealed class PerTree<T>
        where T : class
    {
        /// <summary><paramref name="create"/> should not capture (a lambda that captures allocates on every call, even a hit).</summary>
        public T Get<TArgument>(TreeScope scope, TArgument argument, Func<SyntaxTree, TArgument, T> create)
            => scope.Get(this, argument, create);
    }
}
