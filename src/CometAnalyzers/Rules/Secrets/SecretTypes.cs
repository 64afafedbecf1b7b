using Microsoft.CodeAnalysis;
using static CometAnalyzers.Rules.Common.TypeChecks;

namespace CometAnalyzers.Rules.Secrets
{
    /// <summary>
    /// What a value's type says: a request, request headers, the auth header and credentials (<c>ApiKeyCredential</c>,
    /// <c>NetworkCredential</c>, Azure's key, named-key and SAS credentials) carry a secret;
    /// numbers, booleans, enums, dates and cancellation tokens never do; and only text can be a secret by its name
    /// (<see cref="MayBeNamedSecret"/>). Types are resolved once per compilation.
    /// </summary>
    internal sealed class SecretTypes
    {
        private readonly INamedTypeSymbol? _httpRequestMessage;
        private readonly INamedTypeSymbol? _httpRequestHeaders;
        private readonly INamedTypeSymbol? _authenticationHeaderValue;
        private readonly INamedTypeSymbol? _apiKeyCredential;
        private readonly INamedTypeSymbol? _networkCredential;
        private readonly INamedTypeSymbol?[] _azureCredentials;
        private readonly INamedTypeSymbol? _cancellationToken;
        private readonly INamedTypeSymbol? _timeSpan;
        private readonly INamedTypeSymbol? _dateTimeOffset;
        private readonly INamedTypeSymbol? _stringValues;
        private readonly INamedTypeSymbol? _stringBuilder;
        private readonly INamedTypeSymbol? _enumerableOfT;
        private readonly INamedTypeSymbol? _keyValuePair;
        private readonly INamedTypeSymbol?[] _textWrappers;

        public SecretTypes(Compilation compilation)
        {
            _httpRequestMessage = compilation.GetTypeByMetadataName("System.Net.Http.HttpRequestMessage");
            _httpRequestHeaders = compilation.GetTypeByMetadataName("System.Net.Http.Headers.HttpRequestHeaders");
            _authenticationHeaderValue = compilation.GetTypeByMetadataName("System.Net.Http.Headers.AuthenticationHeaderValue");
            _apiKeyCredential = compilation.GetTypeByMetadataName("System.ClientModel.ApiKeyCredential");
            _networkCredential = compilation.GetTypeByMetadataName("System.Net.NetworkCredential");
            _azureCredentials = new[]
            {
                compilation.GetTypeByMetadataName("Azure.AzureKeyCredential"),
                compilation.GetTypeByMetadataName("Azure.AzureNamedKeyCredential"),
                compilation.GetTypeByMetadataName("Azure.AzureSasCredential"),
            };
            _cancellationToken = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
            _timeSpan = compilation.GetTypeByMetadataName("System.TimeSpan");
            _dateTimeOffset = compilation.GetTypeByMetadataName("System.DateTimeOffset");
            _stringValues = compilation.GetTypeByMetadataName("Microsoft.Extensions.Primitives.StringValues");
            _stringBuilder = compilation.GetTypeByMetadataName("System.Text.StringBuilder");
            _enumerableOfT = compilation.GetTypeByMetadataName("System.Collections.Generic.IEnumerable`1");
            _keyValuePair = compilation.GetTypeByMetadataName("System.Collections.Generic.KeyValuePair`2");

            // What holds or will hold one value: its text is the value's (a span of chars, an awaited task, a lazy value).
            _textWrappers = new[]
            {
                compilation.GetSpecialType(SpecialType.System_Nullable_T),
                compilation.GetTypeByMetadataName("System.ReadOnlySpan`1"),
                compilation.GetTypeByMetadataName("System.Span`1"),
                compilation.GetTypeByMetadataName("System.ReadOnlyMemory`1"),
                compilation.GetTypeByMetadataName("System.Memory`1"),
                compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1"),
                compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1"),
                compilation.GetTypeByMetadataName("System.Lazy`1"),
            };
        }

        /// <summary>ASP.NET Core's header values (<c>StringValues</c>): what a typed header property such as <c>Headers.Authorization</c> returns.</summary>
        public bool IsHeaderValues(ITypeSymbol? type) => Is(type, _stringValues);

        /// <summary>
        /// Whether a value of this type can be a secret because of its name. A secret a name can speak of is text: a
        /// string, chars, <c>StringValues</c>, a <c>StringBuilder</c>, a collection or task of those, or a value of a type
        /// the rule cannot see (<c>object</c>, <c>dynamic</c>, a type parameter, an unbound type). Any other type, a JSON
        /// token, a syntax token, a streamed update, a log-probability, a count, is not a secret whatever it is called;
        /// the types that do carry one (<see cref="SecretType"/>) are judged by their type.
        /// </summary>
        public bool MayBeNamedSecret(ITypeSymbol? type) => HoldsText(type, 0);

        private bool HoldsText(ITypeSymbol? type, int depth)
        {
            if (type is null)
            {
                return true;
            }

            if (depth > 4)
            {
                return false;
            }

            switch (type.TypeKind)
            {
                case TypeKind.Error:
                case TypeKind.Dynamic:
                case TypeKind.TypeParameter:
                    return true;
                case TypeKind.Array:
                    return type is IArrayTypeSymbol array
                        && (array.ElementType.SpecialType == SpecialType.System_Char || HoldsText(array.ElementType, depth + 1));
            }

            switch (type.SpecialType)
            {
                case SpecialType.System_String:
                case SpecialType.System_Object:
                    return true;
            }

            if (IsNeverSecret(type))
            {
                return false;
            }

            if (Is(type, _stringValues) || Is(type, _stringBuilder) || SecretType(type) is not null)
            {
                return true;
            }

            if (type is INamedTypeSymbol { IsGenericType: true } generic)
            {
                foreach (INamedTypeSymbol? wrapper in _textWrappers)
                {
                    if (Is(generic, wrapper))
                    {
                        ITypeSymbol held = generic.TypeArguments[0];
                        return held.SpecialType == SpecialType.System_Char || HoldsText(held, depth + 1);
                    }
                }

                if (Is(generic, _keyValuePair))
                {
                    return HoldsText(generic.TypeArguments[1], depth + 1);
                }
            }

            // apiKeys as a List<string>, secrets as a Dictionary<string, string>: a collection of secrets.
            foreach (INamedTypeSymbol contract in type.AllInterfaces)
            {
                if (Is(contract, _enumerableOfT))
                {
                    return HoldsText(contract.TypeArguments[0], depth + 1);
                }
            }

            return Is(type, _enumerableOfT) && type is INamedTypeSymbol sequence && HoldsText(sequence.TypeArguments[0], depth + 1);
        }

        /// <summary>Numbers, booleans, enums, dates and cancellation tokens: a length or a check about a secret is not the secret.</summary>
        public bool IsNeverSecret(ITypeSymbol? type)
        {
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments: { Length: 1 } arguments })
            {
                type = arguments[0];
            }

            if (type is null)
            {
                return false;
            }

            if (type.TypeKind == TypeKind.Enum)
            {
                return true;
            }

            switch (type.SpecialType)
            {
                case SpecialType.System_Boolean:
                case SpecialType.System_Char:
                case SpecialType.System_SByte:
                case SpecialType.System_Byte:
                case SpecialType.System_Int16:
                case SpecialType.System_UInt16:
                case SpecialType.System_Int32:
                case SpecialType.System_UInt32:
                case SpecialType.System_Int64:
                case SpecialType.System_UInt64:
                case SpecialType.System_Decimal:
                case SpecialType.System_Single:
                case SpecialType.System_Double:
                case SpecialType.System_IntPtr:
                case SpecialType.System_UIntPtr:
                case SpecialType.System_DateTime:
                    return true;
            }

            return Is(type, _cancellationToken) || Is(type, _timeSpan) || Is(type, _dateTimeOffset);
        }

        /// <summary>Why a value of this type carries a secret, or null.</summary>
        public string? SecretType(ITypeSymbol? type)
        {
            if (type is null)
            {
                return null;
            }

            if (InheritsFrom(type, _httpRequestMessage))
            {
                return "an HTTP request, printed with its Authorization header";
            }

            if (InheritsFrom(type, _httpRequestHeaders))
            {
                return "request headers, Authorization included";
            }

            if (Is(type, _authenticationHeaderValue))
            {
                return "the Authorization header";
            }

            if (InheritsFrom(type, _apiKeyCredential))
            {
                return "an API key credential";
            }

            return IsCredential(type) ? "a credential" : null;
        }

        /// <summary>
        /// The secret a credential hands out: <c>NetworkCredential.Password</c>, <c>AzureKeyCredential.Key</c>,
        /// <c>AzureNamedKeyCredential.Key</c>, <c>AzureSasCredential.Signature</c>. Not its user name or domain.
        /// </summary>
        public string? CredentialSecret(IPropertySymbol property)
            => property is { IsStatic: false, Type.SpecialType: SpecialType.System_String, Name: "Password" or "Key" or "Signature" }
               && (InheritsFrom(property.ContainingType, _apiKeyCredential) || IsCredential(property.ContainingType))
                ? $"the {property.Name.ToLowerInvariant()} of a {property.ContainingType.Name}"
                : null;

        private bool IsCredential(ITypeSymbol? type)
        {
            if (InheritsFrom(type, _networkCredential))
            {
                return true;
            }

            foreach (INamedTypeSymbol? credential in _azureCredentials)
            {
                if (InheritsFrom(type, credential))
                {
                    return true;
                }
            }

            return false;
        }

    }
}
