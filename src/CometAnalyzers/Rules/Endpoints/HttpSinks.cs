using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using CometAnalyzers.Rules.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using static CometAnalyzers.Rules.Common.TypeChecks;

namespace CometAnalyzers.Rules.Endpoints
{
    /// <summary>What a sink expects.</summary>
    internal enum EndpointSinkKind
    {
        /// <summary>A URL (text or <c>System.Uri</c>).</summary>
        Url,

        /// <summary>A composite format string that <c>string.Format</c> turns into a URL: its text before the first format item is judged.</summary>
        UrlFormat,
    }

    /// <summary>A value the code sends a request to, where it is handed over, and how that place reads in a message.</summary>
    internal readonly struct UrlSink
    {
        public UrlSink(IOperation value, EndpointSinkKind kind, string description)
        {
            Value = value;
            Kind = kind;
            Description = description;
        }

        public IOperation Value { get; }

        public EndpointSinkKind Kind { get; }

        /// <summary>"HttpClient.BaseAddress", "the request URI of GetAsync", "the 'endpoint' parameter of AddChatClient".</summary>
        public string Description { get; }
    }

    /// <summary>
    /// The places where a URL becomes the address of a request. Certain ones: <c>HttpClient.BaseAddress</c> and the
    /// <c>requestUri</c> of HttpClient's methods and of the <c>System.Net.Http.Json</c> extensions,
    /// <c>HttpRequestMessage</c>'s request URI, <c>WebRequest.Create</c>, <c>WebClient</c>'s address and base address,
    /// and <c>OpenAIClientOptions.Endpoint</c>. By the API's own naming: a parameter or another object's property named
    /// for an endpoint or base address (<see cref="EndpointNames"/>), and the address a library client type's constructor
    /// takes. The project's own client types are judged by their code instead (<see cref="OwnClients"/>).
    /// Constructing a <c>Uri</c> is not a request: a Uri handed to anything else (a message part, a tool definition, a
    /// dictionary key) is never followed. Each type is resolved once per compilation; an absent type is skipped.
    /// </summary>
    internal sealed class HttpSinks
    {
        private const string RequestUri = "requestUri";

        private readonly INamedTypeSymbol? _uri;
        private readonly INamedTypeSymbol? _httpClient;
        private readonly INamedTypeSymbol? _httpClientJson;
        private readonly INamedTypeSymbol? _requestMessage;
        private readonly INamedTypeSymbol? _webRequest;
        private readonly INamedTypeSymbol? _webClient;
        private readonly INamedTypeSymbol? _openAIClientOptions;

        public HttpSinks(Compilation compilation)
        {
            _uri = compilation.GetTypeByMetadataName("System.Uri");
            _httpClient = compilation.GetTypeByMetadataName("System.Net.Http.HttpClient");
            _httpClientJson = compilation.GetTypeByMetadataName("System.Net.Http.Json.HttpClientJsonExtensions");
            _requestMessage = compilation.GetTypeByMetadataName("System.Net.Http.HttpRequestMessage");
            _webRequest = compilation.GetTypeByMetadataName("System.Net.WebRequest");
            _webClient = compilation.GetTypeByMetadataName("System.Net.WebClient");
            _openAIClientOptions = compilation.GetTypeByMetadataName("OpenAI.OpenAIClientOptions");
        }

        public INamedTypeSymbol? Uri => _uri;

        public bool IsUri(ITypeSymbol? type) => Is(type, _uri);

        /// <summary>The values <paramref name="operation"/> sends to; nothing when it is no sink.</summary>
        public void Collect(IOperation operation, List<UrlSink> sinks, CancellationToken cancellationToken)
        {
            switch (operation)
            {
                case IInvocationOperation invocation:
                    CollectCall(invocation.TargetMethod, invocation.Arguments, operation, chained: false, sinks, cancellationToken);
                    break;
                case IObjectCreationOperation { Constructor: { } constructor } creation:
                    CollectCall(constructor, creation.Arguments, operation, chained: false, sinks, cancellationToken);
                    break;
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target, Value: { } value }:
                    CollectProperty(target, value, sinks, cancellationToken);
                    break;
                case IInvalidOperation invalid:
                    CollectUnresolved(invalid, sinks);
                    break;
            }
        }

        /// <summary>
        /// What a constructor's <c>: base(...)</c> or <c>: this(...)</c> hands on. A parameter passed on there is the
        /// caller's address, not the type's own default, so the own-member rule does not hold it back.
        /// </summary>
        public void CollectChained(IInvocationOperation initializer, List<UrlSink> sinks, CancellationToken cancellationToken)
            => CollectCall(initializer.TargetMethod, initializer.Arguments, initializer, chained: true, sinks, cancellationToken);

        private void CollectCall(IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments, IOperation call, bool chained, List<UrlSink> sinks, CancellationToken cancellationToken)
        {
            INamedTypeSymbol? type = method.ContainingType;
            if (type is null)
            {
                return;
            }

            // Building a Uri is not sending: new Uri(baseUri, relative) is followed to its base by UrlOrigins instead.
            if (Is(type, _uri) || type.Name == "UriBuilder")
            {
                return;
            }

            bool isConstructor = method.MethodKind == MethodKind.Constructor;
            string? certain = CertainParameter(method, type, isConstructor);
            bool isClient = isConstructor && EndpointNames.IsClientTypeName(type.Name) && !InheritsFrom(type, _httpClient);
            if (isConstructor && IsOwnConstructor(method))
            {
                // The project's own type is judged by what its code does with the address (ForwardedParameters), not by names.
                return;
            }

            // Whether the call is the type's own is asked only for a parameter that qualifies by name: it costs a lookup.
            bool? byName = IsToolDefinition(type) ? false : null;
            foreach (IArgumentOperation argument in arguments)
            {
                if (argument.Parameter is not { } parameter || argument.Value is null || argument.IsImplicit || !IsUrlType(parameter.Type))
                {
                    continue;
                }

                if (certain is not null && parameter.Name == certain)
                {
                    sinks.Add(new UrlSink(argument.Value, EndpointSinkKind.Url, $"the request URI of {ShownText.Method(method)}"));
                }
                else if (certain is null && (EndpointNames.IsEndpointName(parameter.Name) || (isClient && IsClientAddress(parameter)))
                    && (byName ??= chained || !IsOwnMember(type, call, cancellationToken)))
                {
                    sinks.Add(new UrlSink(argument.Value, EndpointSinkKind.Url, $"the '{parameter.Name}' parameter of {ShownText.Method(method)}"));
                }
            }
        }

        /// <summary>A constructor of the project's own type, which sends only where its code says it does (<see cref="OwnClients"/>).</summary>
        public bool IsOwnConstructor(IMethodSymbol method)
            => method.MethodKind == MethodKind.Constructor && method.ContainingType is { } type
               && !InheritsFrom(type, _httpClient) && OwnClients.IsJudgedByCode(method);

        /// <summary>A constructor parameter that names an address by the API's own naming: what a library type's constructor is judged by.</summary>
        public bool IsNamedAddress(IMethodSymbol constructor, IParameterSymbol parameter)
            => IsUrlType(parameter.Type) && constructor.ContainingType is { } type && !IsToolDefinition(type)
               && (EndpointNames.IsEndpointName(parameter.Name) || (EndpointNames.IsClientTypeName(type.Name) && IsClientAddress(parameter)));

        /// <summary>The parameter of a certain HTTP API that takes the request's address; null for any other method.</summary>
        private string? CertainParameter(IMethodSymbol method, INamedTypeSymbol type, bool isConstructor)
        {
            if (isConstructor)
            {
                return Is(type, _requestMessage) ? RequestUri : null;
            }

            if (InheritsFrom(type, _httpClient) || Is(type, _httpClientJson))
            {
                return RequestUri;
            }

            if (Is(type, _webRequest) && method.Name is "Create" or "CreateHttp" or "CreateDefault")
            {
                return method.Parameters.Length > 0 ? method.Parameters[0].Name : null;
            }

            return InheritsFrom(type, _webClient) ? "address" : null;
        }

        private void CollectProperty(IPropertyReferenceOperation target, IOperation value, List<UrlSink> sinks, CancellationToken cancellationToken)
        {
            IPropertySymbol property = target.Property;
            INamedTypeSymbol? type = property.ContainingType;
            if (type is null || !IsUrlType(property.Type))
            {
                return;
            }

            bool certain = (property.Name == "BaseAddress" && (InheritsFrom(type, _httpClient) || InheritsFrom(type, _webClient)))
                || (property.Name == "RequestUri" && Is(type, _requestMessage))
                || (property.Name == "Endpoint" && InheritsFrom(type, _openAIClientOptions));
            if (certain)
            {
                sinks.Add(new UrlSink(value, EndpointSinkKind.Url, $"{type.Name}.{property.Name}"));
                return;
            }

            // A type setting its own endpoint member is choosing its default; the address its callers send to is set from outside.
            if (EndpointNames.IsEndpointName(property.Name) && !IsToolDefinition(type) && !IsThis(target.Instance) && !IsOwnMember(type, target, cancellationToken))
            {
                sinks.Add(new UrlSink(value, EndpointSinkKind.Url, $"{type.Name}.{property.Name}"));
            }
        }

        /// <summary>
        /// A call or creation that does not bind (a package the build did not restore, half-typed code): only what the
        /// syntax says counts, an argument written with an endpoint name (<c>endpoint: new Uri(...)</c>), or a Uri
        /// handed to a type named like a client.
        /// </summary>
        private void CollectUnresolved(IInvalidOperation invalid, List<UrlSink> sinks)
        {
            (ArgumentListSyntax? list, string? clientName) = invalid.Syntax switch
            {
                InvocationExpressionSyntax invocation => (invocation.ArgumentList, null),
                ObjectCreationExpressionSyntax creation => (creation.ArgumentList, SimpleName(creation.Type)),
                _ => (null, null),
            };
            if (list is null || invalid.SemanticModel is not { } model)
            {
                return;
            }

            bool isClient = clientName is not null && EndpointNames.IsClientTypeName(clientName);
            foreach (ArgumentSyntax argument in list.Arguments)
            {
                string? name = argument.NameColon?.Name.Identifier.ValueText;
                if (model.GetOperation(argument.Expression) is not { } value)
                {
                    continue;
                }

                if (name is not null ? EndpointNames.IsEndpointName(name) : isClient && IsUri(value.Type))
                {
                    sinks.Add(new UrlSink(value, EndpointSinkKind.Url, name is not null ? $"the '{name}' argument" : $"the address of {clientName}"));
                }
            }
        }

        /// <summary>
        /// A tool a model is told about (<c>McpTool</c>, <c>ResponseMcpTool</c>, <c>RemoteToolDefinition</c>): the model's
        /// provider calls its server, the code only describes it. Its server URL is content of the request.
        /// </summary>
        private static bool IsToolDefinition(INamedTypeSymbol type) => type.Name.IndexOf("Tool", System.StringComparison.Ordinal) >= 0;

        /// <summary>A client constructor's address: any Uri parameter, or a string parameter named for an address.</summary>
        private bool IsClientAddress(IParameterSymbol parameter)
            => IsUri(parameter.Type) || EndpointNames.IsAddressName(parameter.Name);

        /// <summary>
        /// True when the code runs inside <paramref name="type"/> or a type derived from it: a library calling its own
        /// constructor or method (<c>: base(new Uri(Default))</c>) is setting its own default, not calling an endpoint.
        /// </summary>
        private static bool IsOwnMember(INamedTypeSymbol type, IOperation at, CancellationToken cancellationToken)
            => at.SemanticModel?.GetEnclosingSymbol(at.Syntax.SpanStart, cancellationToken)?.ContainingType is { } enclosing
               && InheritsFrom(enclosing, type.OriginalDefinition);

        private static bool IsThis(IOperation? instance)
            => instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance };

        private bool IsUrlType(ITypeSymbol type) => type.SpecialType == SpecialType.System_String || IsUri(type);

        private static string? SimpleName(TypeSyntax type)
            => type switch
            {
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                _ => null,
            };
    }
}
