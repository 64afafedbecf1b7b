using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using CometAnalyzers.Contract;
using CometAnalyzers.Rules.Gating;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CometAnalyzers.Rules.Endpoints
{
    /// <summary>
    /// What COMET001 binds. A string constant is bound when it initializes a followed field or property (its URL is
    /// judged when the member reaches HTTP) or when its text could name a contract endpoint; text built from named
    /// constants is read with <c>GetConstantValue</c>, which binds only the statement. A call, creation or assignment
    /// is bound when it can be a sink and one of its arguments can lead to an http(s) URL.
    /// </summary>
    internal sealed class EndpointGates
    {
        /// <summary>String literals, and the text of interpolated strings (a literal operation written at the text).</summary>
        public static readonly ImmutableArray<SyntaxKind> Literals = ImmutableArray.Create(SyntaxKind.StringLiteralExpression, SyntaxKind.InterpolatedStringText);

        public static readonly ImmutableArray<SyntaxKind> Concatenations = ImmutableArray.Create(SyntaxKind.AddExpression);

        public static readonly ImmutableArray<SyntaxKind> Interpolations = ImmutableArray.Create(SyntaxKind.InterpolatedStringExpression);

        public static readonly ImmutableArray<SyntaxKind> Creations = ImmutableArray.Create(SyntaxKind.ObjectCreationExpression, SyntaxKind.ImplicitObjectCreationExpression);

        public static readonly ImmutableArray<SyntaxKind> Invocations = ImmutableArray.Create(SyntaxKind.InvocationExpression);

        public static readonly ImmutableArray<SyntaxKind> Assignments = ImmutableArray.Create(SyntaxKind.SimpleAssignmentExpression);

        /// <summary>Initializers (<c>= value</c>); a field's or property's initializer is where an alias of another member is written.</summary>
        public static readonly ImmutableArray<SyntaxKind> FieldInitializers = ImmutableArray.Create(SyntaxKind.EqualsValueClause);

        /// <summary>HttpClient's methods; those with a string requestUri are sinks.</summary>
        private static readonly HashSet<string> HttpClientMethods = new(StringComparer.Ordinal)
        {
            "GetAsync", "GetStringAsync", "GetByteArrayAsync", "GetStreamAsync", "PostAsync", "PutAsync", "PatchAsync", "DeleteAsync", "SendAsync", "Send",
        };

        private readonly string[] _contractWords;
        private readonly AliasNames _aliases;
        private readonly Compilation _compilation;
        private readonly INamedTypeSymbol? _httpClient;
        private readonly INamedTypeSymbol? _uri;
        private readonly INamedTypeSymbol? _uriBuilder;
        private readonly INamedTypeSymbol? _requestMessage;
        private readonly INamedTypeSymbol? _jsonExtensions;
        private HashSet<string>? _derivedClientMethods;

        public EndpointGates(Compilation compilation, ImmutableArray<ContractSettings> contracts)
        {
            _compilation = compilation;
            _httpClient = compilation.GetTypeByMetadataName("System.Net.Http.HttpClient");
            _uri = compilation.GetTypeByMetadataName("System.Uri");
            _uriBuilder = compilation.GetTypeByMetadataName("System.UriBuilder");
            _requestMessage = compilation.GetTypeByMetadataName("System.Net.Http.HttpRequestMessage");
            _jsonExtensions = compilation.GetTypeByMetadataName("System.Net.Http.Json.HttpClientJsonExtensions");
            _aliases = new AliasNames(compilation);
            _contractWords = ContractWords(contracts);
        }

        /// <summary>A string literal, interpolation or concatenation that may be a contract endpoint or a followed field's value.</summary>
        public bool MayBeConstantEndpoint(CandidateNode context)
        {
            SyntaxNode node = context.Node;
            if (InitializesFollowedMember(node))
            {
                return true;
            }

            if (_contractWords.Length == 0)
            {
                return false;
            }

            // Most candidates are a single piece of text: judged without collecting parts.
            switch (node)
            {
                case LiteralExpressionSyntax literal:
                    return MayNameContract(literal.Token.ValueText);
                case InterpolatedStringTextSyntax interpolatedText:
                    return MayNameContract(interpolatedText.TextToken.ValueText);
            }

            List<StringPart> parts = StringSyntax.Parts(node);
            if (parts.Any(p => p.Kind == PartKind.NotConstant))
            {
                // Not a constant; its literals are judged on their own.
                return false;
            }

            if (parts.All(p => p.Kind == PartKind.Text))
            {
                return MayNameContract(string.Concat(parts.Select(p => p.Text)));
            }

            // Named constants add text the syntax does not show.
            Optional<object?> value = context.SemanticModel.GetConstantValue(node, context.CancellationToken);
            return value.HasValue && value.Value is string text && MayNameContract(text);
        }

        /// <summary>
        /// The initializer of a followed field or get-only property that is only a name (<c>Alias = Url</c>,
        /// <c>Alias = Endpoints.Url</c>): the member may take its URL from another.
        /// </summary>
        public static bool MayBeFieldAlias(CandidateNode context)
            => context.Node is EqualsValueClauseSyntax initializer
               && IsFollowedMemberInitializer(initializer)
               && SyntaxNames.WithoutParenthesesOrCasts(initializer.Value) is IdentifierNameSyntax or MemberAccessExpressionSyntax;

        /// <summary>A Uri, UriBuilder or HttpRequestMessage creation, an HttpClient or Uri.TryCreate call, or a UriBuilder host.</summary>
        public bool MayBeSink(CandidateNode context)
        {
            switch (context.Node)
            {
                case ObjectCreationExpressionSyntax creation:
                    string? type = SyntaxNames.Created(creation);
                    return type switch
                    {
                        // UriBuilder's host takes a bare host: any string.
                        "UriBuilder" => true,
                        "Uri" or "HttpRequestMessage" => AnyArgumentMayBeUrl(creation.ArgumentList, literalsOnly: false) && BoundSinkMayTakeUrl(context, creation.ArgumentList),
                        null => false,
                        _ => _aliases.Contains(type, context.CancellationToken) && BoundSinkMayTakeUrl(context, creation.ArgumentList),
                    };
                case ImplicitObjectCreationExpressionSyntax implicitCreation:
                    return implicitCreation.ArgumentList.Arguments.Count > 0 && BoundSinkMayTakeUrl(context, implicitCreation.ArgumentList);
                case InvocationExpressionSyntax invocation:
                    if (SyntaxNames.Invoked(invocation) is not { } name)
                    {
                        return false;
                    }

                    bool known = name == "TryCreate" || HttpClientMethods.Contains(name) || name.Contains("Json") || DerivedClientMethods(context.CancellationToken).Contains(name);

                    // A client class from a referenced assembly can add methods of any name: a written URL is still looked at.
                    return AnyArgumentMayBeUrl(invocation.ArgumentList, literalsOnly: !known) && BoundSinkMayTakeUrl(context, invocation.ArgumentList);
                default:
                    return SyntaxNames.Assigned(context.Node) == "Host";
            }
        }

        /// <summary>
        /// Reads the method called from the call's operation: only a sink's string parameters can take a URL, and a
        /// parameter, or a property that is not <see cref="FollowedMembers">followed</see>, passed there is never one
        /// COMET001 follows.
        /// </summary>
        private bool BoundSinkMayTakeUrl(CandidateNode context, ArgumentListSyntax? arguments)
        {
            SemanticModel model = context.SemanticModel;

            // The operation rather than GetSymbolInfo: in a build the SDK's analyzers have bound the method already, and
            // the operation is then a lookup, where symbol info is computed again for every call.
            (IMethodSymbol? method, ImmutableArray<IArgumentOperation> bound) = arguments is null ? default : model.GetOperation(context.Node, context.CancellationToken) switch
            {
                IInvocationOperation invocation => (invocation.TargetMethod, invocation.Arguments),
                IObjectCreationOperation creation => (creation.Constructor, creation.Arguments),
                _ => default,
            };
            if (method is null)
            {
                // Not resolved (half-typed code, ambiguous overloads): the rule sorts it out.
                return true;
            }

            if (!IsSinkMethod(method))
            {
                return false;
            }

            // UriBuilder's host takes a bare host: any string.
            if (method.MethodKind == MethodKind.Constructor && Is(method.ContainingType, _uriBuilder))
            {
                return true;
            }

            // Written arguments only: an extension method's receiver, defaults and params arrays are implicit.
            foreach (IArgumentOperation argument in bound)
            {
                if (WrittenArgument(argument.Syntax) is not { } written || argument.Parameter is not { Type.SpecialType: SpecialType.System_String })
                {
                    continue;
                }

                foreach (StringPart leading in StringSyntax.LeadingParts(written.Expression))
                {
                    if (leading.Kind == PartKind.Text ? MayStartUrl(leading.Text)
                        : leading.Kind == PartKind.Unknown && !IsUnfollowedParameterOrProperty(leading.Node, model, context.CancellationToken))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// The argument written at this syntax. An argument in parentheses or with <c>!</c> takes the inner
        /// expression as its syntax, so the <see cref="ArgumentSyntax"/> is found above the wrappers.
        /// </summary>
        private static ArgumentSyntax? WrittenArgument(SyntaxNode syntax)
        {
            SyntaxNode current = syntax;
            while (current.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax
                   || current.Parent.IsKind(SyntaxKind.SuppressNullableWarningExpression))
            {
                current = current.Parent!;
            }

            return syntax as ArgumentSyntax ?? current.Parent as ArgumentSyntax;
        }

        private bool IsSinkMethod(IMethodSymbol method)
        {
            INamedTypeSymbol? type = method.ContainingType;
            if (method.MethodKind == MethodKind.Constructor)
            {
                return Is(type, _uri) || Is(type, _uriBuilder) || Is(type, _requestMessage);
            }

            return (Is(type, _uri) && method.Name == "TryCreate")
                || Is(type, _jsonExtensions)
                || (type is not null && (Is(type, _httpClient) || DerivesFromHttpClient(type)));
        }

        private static bool Is(INamedTypeSymbol? type, INamedTypeSymbol? wellKnown)
            => wellKnown is not null && SymbolEqualityComparer.Default.Equals(type, wellKnown);

        private static bool IsUnfollowedParameterOrProperty(SyntaxNode? node, SemanticModel model, CancellationToken cancellationToken)
            => node is IdentifierNameSyntax or MemberAccessExpressionSyntax
               && model.GetSymbolInfo(node, cancellationToken).Symbol switch
               {
                   IParameterSymbol => true,
                   IPropertySymbol property => !FollowedMembers.IsFollowed(property),
                   _ => false,
               };

        /// <summary>The part of an http(s) URL a written text can be: the whole scheme, or the start of it.</summary>
        private static bool MayStartUrl(string text)
            => text.Length >= 8
                ? text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                : "https://".StartsWith(text, StringComparison.OrdinalIgnoreCase) || "http://".StartsWith(text, StringComparison.OrdinalIgnoreCase);

        private static bool AnyArgumentMayBeUrl(ArgumentListSyntax? arguments, bool literalsOnly)
        {
            if (arguments is null)
            {
                return false;
            }

            foreach (ArgumentSyntax argument in arguments.Arguments)
            {
                foreach (StringPart leading in StringSyntax.LeadingParts(argument.Expression))
                {
                    if ((leading.Kind == PartKind.Text && MayStartUrl(leading.Text)) || (leading.Kind == PartKind.Unknown && !literalsOnly))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// The value, or the part that starts the value, of a followed field's or property's initializer or of a
        /// followed property's expression body (<c>"https://x/users/" + Version</c>): the part the rule judges where the
        /// member reaches HTTP. Text further right, and strings nested in calls or collections, are not.
        /// </summary>
        private static bool InitializesFollowedMember(SyntaxNode node)
        {
            SyntaxNode current = node;
            while (current.Parent is { } parent && IsLeadingPartOf(current, parent))
            {
                current = parent;
            }

            return current.Parent switch
            {
                EqualsValueClauseSyntax initializer => IsFollowedMemberInitializer(initializer),
                ArrowExpressionClauseSyntax arrow => FollowedMembers.ExpressionBodied(arrow) is not null,
                _ => false,
            };
        }

        /// <summary>The syntax that starts the string <paramref name="parent"/> builds (as the analyzer's IsLeadingPartOf reads operations).</summary>
        private static bool IsLeadingPartOf(SyntaxNode part, SyntaxNode parent)
            => parent switch
            {
                ParenthesizedExpressionSyntax or CastExpressionSyntax or InterpolationSyntax => true,
                PostfixUnaryExpressionSyntax suppressed => suppressed.IsKind(SyntaxKind.SuppressNullableWarningExpression),
                BinaryExpressionSyntax binary => binary.IsKind(SyntaxKind.AddExpression) && binary.Left == part,
                InterpolatedStringExpressionSyntax interpolated => interpolated.Contents.Count > 0 && interpolated.Contents[0] == part,

                // FormattableString.Invariant($"https://x/{v}"), string.Format(...): any argument may lead; binding decides.
                ArgumentSyntax or ArgumentListSyntax => parent.FirstAncestorOrSelf<InvocationExpressionSyntax>() is { } invocation && StringSyntax.BuildsString(invocation),
                InvocationExpressionSyntax invocation => part == invocation.ArgumentList && StringSyntax.BuildsString(invocation),
                _ => false,
            };

        private static bool IsFollowedMemberInitializer(EqualsValueClauseSyntax initializer)
            => initializer.Parent switch
            {
                VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax field } => FollowedMembers.IsFollowed(field),
                PropertyDeclarationSyntax property => FollowedMembers.IsFollowed(property),
                _ => false,
            };

        /// <summary>
        /// A contract endpoint's text holds one of its hosts or its path's last segment (compared ignoring case);
        /// a percent sign may hide either, so it is let through too.
        /// </summary>
        private bool MayNameContract(string text)
        {
            if (text.IndexOf('%') >= 0)
            {
                return true;
            }

            foreach (string word in _contractWords)
            {
                if (text.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        private static string[] ContractWords(ImmutableArray<ContractSettings> contracts)
        {
            var words = new List<string>();
            foreach (ContractSettings contract in contracts)
            {
                words.AddRange(contract.Hosts.Where(h => h.Length > 0));
                if (contract.Path.Split('/').LastOrDefault(s => s.Length > 0) is { } segment)
                {
                    words.Add(segment);
                }
            }

            return words.ToArray();
        }

        /// <summary>Method names of the HttpClient subclasses declared in this compilation, read once.</summary>
        private HashSet<string> DerivedClientMethods(CancellationToken cancellationToken)
        {
            HashSet<string>? names = Volatile.Read(ref _derivedClientMethods);
            if (names is null)
            {
                names = new HashSet<string>(StringComparer.Ordinal);
                if (_httpClient is not null)
                {
                    AddDerivedClientMethods(_compilation.Assembly.GlobalNamespace, names, cancellationToken);
                }

                Volatile.Write(ref _derivedClientMethods, names);
            }

            return names;
        }

        private void AddDerivedClientMethods(INamespaceOrTypeSymbol container, HashSet<string> names, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (INamespaceOrTypeSymbol member in container.GetMembers().OfType<INamespaceOrTypeSymbol>())
            {
                if (member is INamedTypeSymbol type && DerivesFromHttpClient(type))
                {
                    names.UnionWith(type.MemberNames);
                }

                AddDerivedClientMethods(member, names, cancellationToken);
            }
        }

        private bool DerivesFromHttpClient(INamedTypeSymbol type)
        {
            for (INamedTypeSymbol? current = type.BaseType; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, _httpClient))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
