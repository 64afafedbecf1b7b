using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CometAnalyzers.Rules.Endpoints
{
    /// <summary>What a sink expects: a URL, or a bare host (UriBuilder's host).</summary>
    internal enum EndpointSinkKind
    {
        Url,
        Host,

        /// <summary>A composite format string that <c>string.Format</c> turns into a URL: its text before the first format item is judged.</summary>
        UrlFormat,
    }

    /// <summary>A string that reaches HTTP, and what it is expected to be there.</summary>
    internal readonly struct EndpointSinkValue
    {
        public EndpointSinkValue(IOperation value, EndpointSinkKind kind)
        {
            Value = value;
            Kind = kind;
        }

        public IOperation Value { get; }

        public EndpointSinkKind Kind { get; }
    }

    /// <summary>
    /// The places a string URL reaches an HTTP endpoint. Uri-typed endpoints (HttpClient.BaseAddress,
    /// HttpRequestMessage.RequestUri, OpenAIClientOptions.Endpoint) are reached through <c>new Uri(string)</c>,
    /// which is a sink itself, so their string is found there. Each type is resolved once; an absent type is skipped.
    /// </summary>
    internal sealed class EndpointSinks
    {
        private const string RequestUriParameter = "requestUri";

        private readonly INamedTypeSymbol? _uri;
        private readonly INamedTypeSymbol? _uriBuilder;
        private readonly INamedTypeSymbol? _httpClient;
        private readonly INamedTypeSymbol? _httpClientJson;
        private readonly INamedTypeSymbol? _httpRequestMessage;

        public EndpointSinks(Compilation compilation)
        {
            _uri = compilation.GetTypeByMetadataName("System.Uri");
            _uriBuilder = compilation.GetTypeByMetadataName("System.UriBuilder");
            _httpClient = compilation.GetTypeByMetadataName("System.Net.Http.HttpClient");
            _httpClientJson = compilation.GetTypeByMetadataName("System.Net.Http.Json.HttpClientJsonExtensions");
            _httpRequestMessage = compilation.GetTypeByMetadataName("System.Net.Http.HttpRequestMessage");
        }

        public bool IsAvailable => _uri is not null || _uriBuilder is not null || _httpClient is not null || _httpRequestMessage is not null;

        /// <summary>The string values this operation sends toward an HTTP endpoint; empty when it is no sink.</summary>
        public IEnumerable<EndpointSinkValue> ValuesOf(IOperation operation)
        {
            switch (operation)
            {
                case IObjectCreationOperation creation when creation.Constructor is { } constructor:
                    INamedTypeSymbol type = constructor.ContainingType;
                    if (Is(type, _uri) || Is(type, _uriBuilder) || Is(type, _httpRequestMessage))
                    {
                        return StringArguments(creation.Arguments, p => ConstructorKind(type, p));
                    }

                    break;
                case IInvocationOperation invocation:
                    return InvocationValues(invocation);
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property, Value: { } value }
                    when property.Property.Name == "Host" && Is(property.Property.ContainingType, _uriBuilder):
                    return new[] { new EndpointSinkValue(value, EndpointSinkKind.Host) };
            }

            return System.Array.Empty<EndpointSinkValue>();
        }

        private IEnumerable<EndpointSinkValue> InvocationValues(IInvocationOperation invocation)
        {
            IMethodSymbol method = invocation.TargetMethod;
            if (Is(method.ContainingType, _uri) && method.Name == "TryCreate")
            {
                return StringArguments(invocation.Arguments, _ => EndpointSinkKind.Url);
            }

            bool httpMethod = (method.ContainingType is { } owner && InheritsFrom(owner, _httpClient)) || Is(method.ContainingType, _httpClientJson);
            if (httpMethod)
            {
                return StringArguments(invocation.Arguments, p => p.Name == RequestUriParameter ? EndpointSinkKind.Url : null);
            }

            return System.Array.Empty<EndpointSinkValue>();
        }

        private EndpointSinkKind? ConstructorKind(INamedTypeSymbol type, IParameterSymbol parameter)
        {
            if (Is(type, _uriBuilder))
            {
                return parameter.Name switch
                {
                    "uri" => EndpointSinkKind.Url,
                    "host" or "hostName" => EndpointSinkKind.Host,
                    _ => null,
                };
            }

            if (Is(type, _httpRequestMessage))
            {
                return parameter.Name == RequestUriParameter ? EndpointSinkKind.Url : null;
            }

            return EndpointSinkKind.Url;
        }

        private static IEnumerable<EndpointSinkValue> StringArguments(
            System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments,
            System.Func<IParameterSymbol, EndpointSinkKind?> kindOf)
        {
            foreach (IArgumentOperation argument in arguments)
            {
                // Half-typed code can leave an argument without a parameter or a value.
                if (argument.Parameter is not { Type.SpecialType: SpecialType.System_String } parameter || argument.Value is null)
                {
                    continue;
                }

                if (kindOf(parameter) is { } kind)
                {
                    yield return new EndpointSinkValue(argument.Value, kind);
                }
            }
        }

        private static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected)
            => expected is not null && SymbolEqualityComparer.Default.Equals(type?.OriginalDefinition, expected);

        private static bool InheritsFrom(ITypeSymbol type, INamedTypeSymbol? expected)
        {
            for (ITypeSymbol? current = type; current is not null; current = current.BaseType)
            {
                if (Is(current, expected))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
