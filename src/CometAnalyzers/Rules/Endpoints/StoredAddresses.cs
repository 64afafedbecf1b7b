using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using CometAnalyzers.Rules.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CometAnalyzers.Rules.Endpoints
{
    /// <summary>Collects the sinks one operation of an own type's member reaches; reports through <c>cut</c> when a recursion stopped early.</summary>
    internal delegate void MemberSinkCollector(IOperation operation, SemanticModel model, List<UrlSink> sinks, ref bool cut);

    /// <summary>
    /// An own client's address kept for later: the constructor stores the parameter (or a Uri or string built from it)
    /// in a field or property, and a member of the type, in any part of a partial type and any file, sends to that
    /// member (<c>new HttpRequestMessage(HttpMethod.Post, new Uri(_endpoint, "chat"))</c>, <c>_http.BaseAddress = Endpoint</c>).
    /// A member that is only read for display or kept as metadata is no address. The members a type sends to are read
    /// once per type for the compilation (every declaration, other files with their own model), so the answer is the
    /// same whichever file asks first.
    /// </summary>
    internal sealed class StoredAddresses
    {
        private readonly UrlOrigins _origins;
        private readonly DeclaredValues _declared;
        private readonly ConcurrentDictionary<INamedTypeSymbol, HashSet<ISymbol>> _sentByType = new(SymbolEqualityComparer.Default);

        public StoredAddresses(UrlOrigins origins, DeclaredValues declared)
        {
            _origins = origins;
            _declared = declared;
        }

        /// <summary>The members of its own type <paramref name="constructor"/> stores each of its parameters in, by ordinal.</summary>
        public Dictionary<ISymbol, List<int>> StoredBy(IMethodSymbol constructor, SyntaxNode body, SemanticModel model, CancellationToken cancellationToken)
        {
            var stored = new Dictionary<ISymbol, List<int>>(SymbolEqualityComparer.Default);
            var origins = new List<UrlOrigin>();
            foreach (SyntaxNode node in body.DescendantNodesAndSelf())
            {
                if (!node.IsKind(SyntaxKind.SimpleAssignmentExpression) && !node.IsKind(SyntaxKind.CoalesceAssignmentExpression)
                    || model.GetOperation(node, cancellationToken) is not IAssignmentOperation { Target: IMemberReferenceOperation target, Value: { } value }
                    || target.Member is not (IFieldSymbol or IPropertySymbol) || !IsOwnInstance(target))
                {
                    continue;
                }

                origins.Clear();
                _origins.Trace(value, EndpointSinkKind.Url, model, origins, cancellationToken);
                foreach (UrlOrigin origin in origins)
                {
                    if (origin.Parameter is { } parameter && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, constructor))
                    {
                        ISymbol member = target.Member.OriginalDefinition;
                        if (!stored.TryGetValue(member, out List<int>? ordinals))
                        {
                            stored.Add(member, ordinals = new List<int>());
                        }

                        ordinals.Add(parameter.Ordinal);
                    }
                }
            }

            return stored;
        }

        /// <summary>
        /// The fields and properties that members of <paramref name="type"/> send a request to. A result cut short by a
        /// recursion (<paramref name="cut"/>) is not kept, as in <see cref="ForwardedParameters"/>.
        /// </summary>
        public HashSet<ISymbol> SentBy(INamedTypeSymbol type, SemanticModel current, MemberSinkCollector collect, out bool cut, CancellationToken cancellationToken)
        {
            cut = false;
            type = type.OriginalDefinition;
            if (_sentByType.TryGetValue(type, out HashSet<ISymbol>? known))
            {
                return known;
            }

            var sent = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            var sinks = new List<UrlSink>();
            var origins = new List<UrlOrigin>();
            foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax declaration)
                {
                    continue;
                }

                SemanticModel model = _declared.ModelFor(declaration.SyntaxTree, current);
                foreach (SyntaxNode node in declaration.DescendantNodes())
                {
                    if (!ForwardedParameters.IsSinkShape(node) || model.GetOperation(node, cancellationToken) is not { } operation)
                    {
                        continue;
                    }

                    sinks.Clear();
                    collect(operation, model, sinks, ref cut);
                    foreach (UrlSink sink in sinks)
                    {
                        origins.Clear();
                        _origins.Trace(sink.Value, sink.Kind, model, origins, cancellationToken);
                        foreach (UrlOrigin origin in origins)
                        {
                            if (origin.Member is { } member)
                            {
                                sent.Add(member);
                            }
                        }
                    }
                }
            }

            if (!cut)
            {
                _sentByType.TryAdd(type, sent);
            }

            return sent;
        }

        /// <summary>
        /// True when <paramref name="member"/> is visible outside its type and a file that does not declare the type names
        /// it. Read from each file's identifiers (no binding), so it may see a read where there is none, never the reverse.
        /// </summary>
        public bool MayBeReadOutside(ISymbol member, INamedTypeSymbol type, SemanticModel model, CancellationToken cancellationToken)
        {
            if (member.DeclaredAccessibility == Accessibility.Private)
            {
                return false;
            }

            var declaring = new HashSet<SyntaxTree>();
            foreach (SyntaxReference reference in type.OriginalDefinition.DeclaringSyntaxReferences)
            {
                declaring.Add(reference.SyntaxTree);
            }

            foreach (SyntaxTree tree in model.Compilation.SyntaxTrees)
            {
                if (!declaring.Contains(tree) && TreeIdentifiers.For(tree, cancellationToken).Contains(member.Name))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A member of the object under construction: <c>_endpoint</c>, <c>this.Endpoint</c>, or a static one. Not an object initializer's target.</summary>
        private static bool IsOwnInstance(IMemberReferenceOperation target)
            => target.Instance is null
               || Conversions.Unwrap(target.Instance) is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance };
    }
}
