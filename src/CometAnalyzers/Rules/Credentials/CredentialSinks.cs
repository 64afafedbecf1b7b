using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using CometAnalyzers.Rules.Common;
using CometAnalyzers.Rules.Secrets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static CometAnalyzers.Rules.Common.TypeChecks;

namespace CometAnalyzers.Rules.Credentials
{
    /// <summary>A value that becomes a credential: what the code passes, where it goes (for the message) and how the sink reads it.</summary>
    internal readonly struct CredentialSink
    {
        public CredentialSink(IOperation value, string description, CredentialShape shape)
        {
            Value = value;
            Description = description;
            Shape = shape;
        }

        public IOperation Value { get; }

        public string Description { get; }

        public CredentialShape Shape { get; }
    }

    /// <summary>
    /// The places where text certainly becomes a credential: the credential types (<c>ApiKeyCredential</c>,
    /// <c>AzureKeyCredential</c>, <c>AzureNamedKeyCredential</c>'s key, <c>AzureSasCredential</c>, <c>NetworkCredential</c>'s
    /// password, and their <c>Update</c>), <c>AuthenticationHeaderValue</c>'s parameter and <c>Parse</c>, a value written
    /// under the contract's auth header or a standard credential header (<c>Authorization</c>, <c>api-key</c>...), the
    /// <c>apiKey</c> parameters and <c>ApiKey</c> properties of the OpenAI and Azure clients, and the fallback of a read of
    /// the contract's secret (its configuration key or environment variable). Types are resolved once per compilation;
    /// an absent type is never matched.
    /// </summary>
    internal sealed class CredentialSinks
    {
        private readonly INamedTypeSymbol? _apiKeyCredential;
        private readonly INamedTypeSymbol? _azureKeyCredential;
        private readonly INamedTypeSymbol? _azureNamedKeyCredential;
        private readonly INamedTypeSymbol? _azureSasCredential;
        private readonly INamedTypeSymbol? _networkCredential;
        private readonly INamedTypeSymbol? _authenticationHeaderValue;
        private readonly INamedTypeSymbol? _httpHeaders;
        private readonly INamedTypeSymbol? _webHeaders;
        private readonly INamedTypeSymbol? _headerDictionary;
        private readonly SecretReads _reads;

        public CredentialSinks(Compilation compilation, SecretReads reads)
        {
            _apiKeyCredential = compilation.GetTypeByMetadataName("System.ClientModel.ApiKeyCredential");
            _azureKeyCredential = compilation.GetTypeByMetadataName("Azure.AzureKeyCredential");
            _azureNamedKeyCredential = compilation.GetTypeByMetadataName("Azure.AzureNamedKeyCredential");
            _azureSasCredential = compilation.GetTypeByMetadataName("Azure.AzureSasCredential");
            _networkCredential = compilation.GetTypeByMetadataName("System.Net.NetworkCredential");
            _authenticationHeaderValue = compilation.GetTypeByMetadataName("System.Net.Http.Headers.AuthenticationHeaderValue");
            _httpHeaders = compilation.GetTypeByMetadataName("System.Net.Http.Headers.HttpHeaders");
            _webHeaders = compilation.GetTypeByMetadataName("System.Net.WebHeaderCollection");
            _headerDictionary = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.IHeaderDictionary");
            _reads = reads;
        }

        public void Collect(IOperation operation, List<CredentialSink> sinks)
        {
            switch (operation)
            {
                case IObjectCreationOperation creation:
                    Creation(creation, sinks);
                    break;
                case IInvocationOperation invocation:
                    Invocation(invocation, sinks);
                    break;
                case ISimpleAssignmentOperation assignment:
                    Assignment(assignment, sinks);
                    break;
                case ICoalesceOperation coalesce:
                    Fallback(coalesce, sinks);
                    break;
            }
        }

        private void Creation(IObjectCreationOperation creation, List<CredentialSink> sinks)
        {
            if (creation.Constructor is not { } constructor || creation.Type is not { } type)
            {
                return;
            }

            string description = $"the {type.Name} constructor";
            if (CredentialParameter(type) is { } parameter)
            {
                Add(sinks, creation.Arguments, parameter, description, CredentialShapeOf(type));
            }
            else if (Is(type, _authenticationHeaderValue))
            {
                // new("Bearer", key): the parameter; the scheme alone is no credential.
                Add(sinks, creation.Arguments, "parameter", description, CredentialShape.Bare);
            }

            ApiKeyParameters(constructor, creation.Arguments, sinks);
        }

        private void Invocation(IInvocationOperation invocation, List<CredentialSink> sinks)
        {
            IMethodSymbol method = invocation.TargetMethod;
            INamedTypeSymbol? type = method.ContainingType;
            if (type is null)
            {
                return;
            }

            if (method.Name == "Update" && CredentialParameter(type) is { } parameter)
            {
                Add(sinks, invocation.Arguments, parameter, $"{type.Name}.Update", CredentialShapeOf(type));
            }
            else if (Is(type, _authenticationHeaderValue) && method.Name is "Parse" or "TryParse")
            {
                Add(sinks, invocation.Arguments, "input", $"AuthenticationHeaderValue.{method.Name}", CredentialShape.HeaderValue);
            }
            else if (HeaderNameOrdinal(method, type) is { } ordinal && CallArguments.For(invocation.Arguments, ordinal) is { } name
                && SecretReads.TryGetHeaderName(name.Value, out string header) && _reads.IsAuthHeaderName(header)
                && CallArguments.For(invocation.Arguments, ordinal + 1) is { ArgumentKind: ArgumentKind.Explicit or ArgumentKind.ParamArray, Value: { } value })
            {
                sinks.Add(new CredentialSink(value, $"the '{header}' header", CredentialShape.HeaderValue));
            }
            else if (method.Name == "GetValue" && _reads.Find(invocation, SecretNames.Default) is { IsCertain: true } read)
            {
                // config.GetValue("CometApi:ApiKey", "sk-..."): the default stands in for the secret.
                Add(sinks, invocation.Arguments, "defaultValue", "the fallback of " + read.Reason, CredentialShape.Bare);
            }

            ApiKeyParameters(method, invocation.Arguments, sinks);
        }

        private void Assignment(ISimpleAssignmentOperation assignment, List<CredentialSink> sinks)
        {
            if (assignment.Target is not IPropertyReferenceOperation { Property: var property } target)
            {
                return;
            }

            if (property.IsIndexer)
            {
                // headers["Authorization"] = "Bearer ...", on ASP.NET Core's or System.Net's header collections.
                if ((Implements(target.Instance?.Type, _headerDictionary) || InheritsFrom(target.Instance?.Type, _webHeaders))
                    && target.Arguments.Length == 1 && SecretReads.TryGetHeaderName(target.Arguments[0].Value, out string header) && _reads.IsAuthHeaderName(header))
                {
                    sinks.Add(new CredentialSink(assignment.Value, $"the '{header}' header", CredentialShape.HeaderValue));
                }

                return;
            }

            if (IsApiKeyName(property.Name) && IsTextOrCredential(property.Type) && IsOpenAiOrAzure(property.ContainingType))
            {
                sinks.Add(new CredentialSink(assignment.Value, $"{property.ContainingType.Name}.{property.Name}", CredentialShape.Bare));
            }
        }

        /// <summary><c>config["CometApi:ApiKey"] ?? "sk-..."</c>: the contract's secret, with a hardcoded one when it is missing.</summary>
        private void Fallback(ICoalesceOperation coalesce, List<CredentialSink> sinks)
        {
            if (_reads.Find(Conversions.Unwrap(coalesce.Value), SecretNames.Default) is { IsCertain: true } read)
            {
                sinks.Add(new CredentialSink(coalesce.WhenNull, "the fallback of " + read.Reason, CredentialShape.HeaderValue));
            }
        }

        /// <summary>The parameter of a credential type's constructor and <c>Update</c> that holds the secret; null for other types.</summary>
        private string? CredentialParameter(ITypeSymbol type)
        {
            if (InheritsFrom(type, _apiKeyCredential) || InheritsFrom(type, _azureKeyCredential) || InheritsFrom(type, _azureNamedKeyCredential))
            {
                return "key";
            }

            if (InheritsFrom(type, _azureSasCredential))
            {
                return "signature";
            }

            return InheritsFrom(type, _networkCredential) ? "password" : null;
        }

        /// <summary>A password or a SAS signature may hold any character; the keys of the other credential types are tokens.</summary>
        private CredentialShape CredentialShapeOf(ITypeSymbol type)
            => InheritsFrom(type, _networkCredential) || InheritsFrom(type, _azureSasCredential) ? CredentialShape.Password : CredentialShape.Bare;

        /// <summary>
        /// Where a header write takes the header's name (its value comes next): <c>HttpHeaders.Add</c> and
        /// <c>TryAddWithoutValidation</c> (request and content headers, <c>DefaultRequestHeaders</c>),
        /// <c>WebHeaderCollection.Add</c> and <c>Set</c>, and an HTTP library's own setter (<c>AddHeader</c>, <c>WithHeader</c>):
        /// a method named for a header whose first parameter (after an extension's receiver) is a string. Null otherwise.
        /// </summary>
        private int? HeaderNameOrdinal(IMethodSymbol method, INamedTypeSymbol type)
        {
            int first = method.IsExtensionMethod ? 1 : 0;
            bool writes = InheritsFrom(type, _httpHeaders) ? method.Name is "Add" or "TryAddWithoutValidation"
                : InheritsFrom(type, _webHeaders) ? method.Name is "Add" or "Set"
                : method.Name.IndexOf("Header", StringComparison.Ordinal) >= 0;
            return writes && method.Parameters.Length >= first + 2 && method.Parameters[first].Type.SpecialType == SpecialType.System_String ? first : null;
        }

        /// <summary>The <c>apiKey</c> arguments of a method or constructor of the OpenAI and Azure clients (and the connectors named for them).</summary>
        private void ApiKeyParameters(IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments, List<CredentialSink> sinks)
        {
            if (!IsOpenAiOrAzure(method.ContainingType))
            {
                return;
            }

            foreach (IArgumentOperation argument in arguments)
            {
                if (argument.Parameter is { } parameter && IsApiKeyName(parameter.Name) && IsTextOrCredential(parameter.Type) && argument.ArgumentKind == ArgumentKind.Explicit)
                {
                    sinks.Add(new CredentialSink(argument.Value, $"the {parameter.Name} parameter of {ShownText.Method(method)}", CredentialShape.Bare));
                }
            }
        }

        private static void Add(List<CredentialSink> sinks, ImmutableArray<IArgumentOperation> arguments, string parameter, string description, CredentialShape shape)
        {
            if (CallArguments.For(arguments, parameter) is { ArgumentKind: ArgumentKind.Explicit, Value: { } value })
            {
                sinks.Add(new CredentialSink(value, description, shape));
            }
        }

        private static bool IsApiKeyName(string name) => string.Equals(name, "apiKey", StringComparison.OrdinalIgnoreCase);

        private bool IsTextOrCredential(ITypeSymbol type)
            => type.SpecialType is SpecialType.System_String or SpecialType.System_Object || CredentialParameter(type) is not null;

        /// <summary>
        /// A type of an OpenAI or Azure client library: its namespace or its own name says OpenAI (<c>OpenAI.Chat</c>,
        /// <c>Azure.AI.OpenAI</c>, Semantic Kernel's <c>OpenAIKernelBuilderExtensions</c>), or its namespace is Azure's.
        /// </summary>
        private static bool IsOpenAiOrAzure(INamedTypeSymbol? type)
        {
            if (type is null)
            {
                return false;
            }

            if (type.Name.IndexOf("OpenAI", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }

            INamespaceSymbol? root = null;
            for (INamespaceSymbol? ns = type.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
            {
                if (ns.Name.IndexOf("OpenAI", StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }

                root = ns;
            }

            return root?.Name == "Azure";
        }
    }
}
