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
    /// <summary>
    /// The parameters of the project's own methods that a request is sent to: an app's wrapper
    /// (<c>Task&lt;T&gt; GetJsonAsync&lt;T&gt;(Uri request)</c> that ends in <c>new HttpRequestMessage(HttpMethod.Get, request)</c>),
    /// through any number of such wrappers up to <see cref="MaxDepth"/>. A URL the code hands to one is sent as surely as
    /// one handed to HttpClient. Read from the methods' bodies (another file's with its own model), and remembered per
    /// method for the compilation, so what a call is judged by never depends on the order files are analyzed in.
    /// </summary>
    internal sealed class ForwardedParameters
    {
        /// <summary>How many wrappers deep a parameter is followed.</summary>
        private const int MaxDepth = 6;

        private static readonly Dictionary<int, string> None = new();

        private readonly HttpSinks _sinks;
        private readonly UrlOrigins _origins;
        private readonly DeclaredValues _declared;
        private readonly StoredAddresses _stored;
        private readonly ConcurrentDictionary<IMethodSymbol, Dictionary<int, string>> _complete = new(SymbolEqualityComparer.Default);

        public ForwardedParameters(HttpSinks sinks, UrlOrigins origins, DeclaredValues declared)
        {
            _sinks = sinks;
            _origins = origins;
            _declared = declared;
            _stored = new StoredAddresses(origins, declared);
        }

        /// <summary>
        /// The values a call to one of the project's own methods sends to, with where; nothing for any other call. The
        /// callee's body is read only when <paramref name="worthReading"/> accepts one of the call's string or Uri
        /// arguments (the caller passes a hardcoded URL), which keeps the cost to calls that can be reported; null
        /// reads it for any such argument.
        /// </summary>
        public void Collect(IOperation operation, List<UrlSink> sinks, SemanticModel model, System.Func<IOperation, bool>? worthReading, CancellationToken cancellationToken)
            => Collect(operation, sinks, model, new HashSet<ISymbol>(SymbolEqualityComparer.Default), depth: 0, worthReading, cancellationToken, out _);

        private void Collect(IOperation operation, List<UrlSink> sinks, SemanticModel model, HashSet<ISymbol> visiting, int depth, System.Func<IOperation, bool>? worthReading, CancellationToken cancellationToken, out bool cut)
        {
            cut = false;
            (IMethodSymbol? method, System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments) = operation switch
            {
                IInvocationOperation invocation => (invocation.TargetMethod, invocation.Arguments),
                IObjectCreationOperation { Constructor: { } constructor } creation => (constructor, creation.Arguments),
                _ => (null, default),
            };
            if (method is null || !IsOwnSource(method) || !HasUrlArgument(arguments, worthReading))
            {
                return;
            }

            Dictionary<int, string> forwarded = Summary(method.OriginalDefinition, model, visiting, depth, cancellationToken, out cut);
            foreach (IArgumentOperation argument in arguments)
            {
                if (argument.Parameter is { } parameter && argument.Value is { } value && !argument.IsImplicit
                    && forwarded.TryGetValue(parameter.Ordinal, out string? description))
                {
                    sinks.Add(new UrlSink(value, EndpointSinkKind.Url, description));
                }
            }
        }

        /// <summary>
        /// Which parameters of <paramref name="method"/> reach a URL sink. A result that had to stop at a recursive call
        /// or at the depth limit (<paramref name="cut"/>) is not kept: kept results are the same whoever asks first.
        /// </summary>
        private Dictionary<int, string> Summary(IMethodSymbol method, SemanticModel current, HashSet<ISymbol> visiting, int depth, CancellationToken cancellationToken, out bool cut)
        {
            cut = false;
            if (_complete.TryGetValue(method, out Dictionary<int, string>? known))
            {
                return known;
            }

            if (depth > MaxDepth || !visiting.Add(method))
            {
                cut = true;
                return None;
            }

            try
            {
                Dictionary<int, string> result = Compute(method, current, visiting, depth, cancellationToken, out cut);
                if (!cut)
                {
                    _complete.TryAdd(method, result);
                }

                return result;
            }
            finally
            {
                visiting.Remove(method);
            }
        }

        private Dictionary<int, string> Compute(IMethodSymbol method, SemanticModel current, HashSet<ISymbol> visiting, int depth, CancellationToken cancellationToken, out bool cut)
        {
            cut = false;
            var result = new Dictionary<int, string>();
            SyntaxNode declaration = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            if (Body(declaration) is not { } body)
            {
                return result;
            }

            SemanticModel model = _declared.ModelFor(body.SyntaxTree, current);
            var sinks = new List<UrlSink>();
            var origins = new List<UrlOrigin>();
            foreach (SyntaxNode node in NodesToRead(declaration, body))
            {
                if (!(IsSinkShape(node) || node is ConstructorInitializerSyntax) || model.GetOperation(node, cancellationToken) is not { } operation)
                {
                    continue;
                }

                sinks.Clear();
                CollectAll(operation, model, sinks, visiting, depth, ref cut, cancellationToken);
                foreach (UrlSink sink in sinks)
                {
                    origins.Clear();
                    _origins.Trace(sink.Value, sink.Kind, model, origins, cancellationToken);
                    foreach (UrlOrigin origin in origins)
                    {
                        if (origin.Parameter is { } parameter && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, method)
                            && !result.ContainsKey(parameter.Ordinal))
                        {
                            result.Add(parameter.Ordinal, $"the '{parameter.Name}' parameter of {ShownText.Method(method)}, which sends a request to it");
                        }
                    }
                }
            }

            if (_sinks.IsOwnConstructor(method))
            {
                AddStoredAndSent(method, body, model, result, visiting, depth, ref cut, cancellationToken);
            }

            return result;
        }

        /// <summary>
        /// What one operation of a body sends to: a sink, or an own method or constructor that forwards it. A
        /// constructor initializer (<c>: base(endpoint)</c>) hands its arguments on as the caller's, never as a default.
        /// </summary>
        private void CollectAll(IOperation operation, SemanticModel model, List<UrlSink> sinks, HashSet<ISymbol> visiting, int depth, ref bool cut, CancellationToken cancellationToken)
        {
            if (operation is IExpressionStatementOperation { Operation: IInvocationOperation chained } && operation.Syntax is ConstructorInitializerSyntax)
            {
                operation = chained;
            }

            if (operation.Syntax is ConstructorInitializerSyntax && operation is IInvocationOperation initializer)
            {
                _sinks.CollectChained(initializer, sinks, cancellationToken);
            }
            else
            {
                _sinks.Collect(operation, sinks, cancellationToken);
            }

            Collect(operation, sinks, model, visiting, depth + 1, worthReading: null, cancellationToken, out bool innerCut);
            cut |= innerCut;
        }

        /// <summary>
        /// An own client constructor's parameters that it stores in a member the type later sends to
        /// (<see cref="StoredAddresses"/>). The type's members are read once per type; a type already being read higher up
        /// the chain is a recursion, and the result is cut.
        /// </summary>
        private void AddStoredAndSent(IMethodSymbol constructor, SyntaxNode body, SemanticModel model, Dictionary<int, string> result, HashSet<ISymbol> visiting, int depth, ref bool cut, CancellationToken cancellationToken)
        {
            Dictionary<ISymbol, List<int>> stored = _stored.StoredBy(constructor, body, model, cancellationToken);
            if (stored.Count == 0 || constructor.ContainingType is not { } type)
            {
                return;
            }

            if (!visiting.Add(type.OriginalDefinition))
            {
                cut = true;
                return;
            }

            try
            {
                void CollectInType(IOperation operation, SemanticModel memberModel, List<UrlSink> sinks, ref bool typeCut)
                    => CollectAll(operation, memberModel, sinks, visiting, depth, ref typeCut, cancellationToken);

                HashSet<ISymbol> sent = _stored.SentBy(type, model, CollectInType, out bool sentCut, cancellationToken);
                cut |= sentCut;
                foreach (KeyValuePair<ISymbol, List<int>> member in stored)
                {
                    bool isSent = sent.Contains(member.Key);
                    foreach (int ordinal in member.Value)
                    {
                        IParameterSymbol parameter = constructor.Parameters[ordinal];
                        if (result.ContainsKey(ordinal))
                        {
                            continue;
                        }

                        if (isSent)
                        {
                            result.Add(ordinal, $"the '{parameter.Name}' parameter of {ShownText.Method(constructor)}, which keeps it in {member.Key.Name} and sends a request to it");
                        }
                        else if (_sinks.IsNamedAddress(constructor, parameter) && _stored.MayBeReadOutside(member.Key, type, model, cancellationToken))
                        {
                            // Kept where other types can read it (an SDK's public ApiUrlFormat its providers format requests
                            // from): what they do with it is out of reach here, so the API's naming decides, as for a library.
                            result.Add(ordinal, $"the '{parameter.Name}' parameter of {ShownText.Method(constructor)}");
                        }
                    }
                }
            }
            finally
            {
                visiting.Remove(type.OriginalDefinition);
            }
        }

        /// <summary>The body's nodes, after a constructor's <c>: base(...)</c> or <c>: this(...)</c>, which hands the parameters on too.</summary>
        private static IEnumerable<SyntaxNode> NodesToRead(SyntaxNode declaration, SyntaxNode body)
        {
            if (declaration is ConstructorDeclarationSyntax { Initializer: { } initializer })
            {
                foreach (SyntaxNode node in initializer.DescendantNodesAndSelf())
                {
                    yield return node;
                }
            }

            foreach (SyntaxNode node in body.DescendantNodesAndSelf())
            {
                yield return node;
            }
        }

        public static bool IsSinkShape(SyntaxNode node)
            => node.Kind() is SyntaxKind.InvocationExpression or SyntaxKind.ObjectCreationExpression or SyntaxKind.ImplicitObjectCreationExpression
                or SyntaxKind.SimpleAssignmentExpression;

        /// <summary>A method, constructor or local function written in this compilation's source, with a body to read.</summary>
        private static bool IsOwnSource(IMethodSymbol method)
            => method.MethodKind is MethodKind.Ordinary or MethodKind.Constructor or MethodKind.LocalFunction
               && !method.IsAbstract && !method.IsExtern
               && method.OriginalDefinition.DeclaringSyntaxReferences.Length == 1
               && method.OriginalDefinition.Locations.Length > 0 && method.OriginalDefinition.Locations[0].IsInSource;

        private bool HasUrlArgument(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, System.Func<IOperation, bool>? worthReading)
        {
            foreach (IArgumentOperation argument in arguments)
            {
                if (argument.Parameter is { } parameter && argument.Value is { } value && !argument.IsImplicit
                    && (parameter.Type.SpecialType == SpecialType.System_String || _sinks.IsUri(parameter.Type))
                    && (worthReading is null || worthReading(value)))
                {
                    return true;
                }
            }

            return false;
        }

        private static SyntaxNode? Body(SyntaxNode declaration)
            => declaration switch
            {
                BaseMethodDeclarationSyntax member => (SyntaxNode?)member.Body ?? member.ExpressionBody,
                LocalFunctionStatementSyntax local => (SyntaxNode?)local.Body ?? local.ExpressionBody,
                _ => null,
            };
    }
}
