using Microsoft.CodeAnalysis;
using static CometAnalyzers.Rules.Secrets.TypeChecks;

namespace CometAnalyzers.Rules.Secrets
{
    /// <summary>
    /// What a value's type says: a request, request headers, the auth header and <c>ApiKeyCredential</c> carry a secret;
    /// numbers, booleans, enums, dates and cancellation tokens never do. Types are resolved once per compilation.
    /// </summary>
    internal sealed class SecretTypes
    {
        private readonly INamedTypeSymbol? _httpRequestMessage;
        private readonly INamedTypeSymbol? _httpRequestHeaders;
        private readonly INamedTypeSymbol? _authenticationHeaderValue;
        private readonly INamedTypeSymbol? _apiKeyCredential;
        private readonly INamedTypeSymbol? _cancellationToken;
        private readonly INamedTypeSymbol? _timeSpan;
        private readonly INamedTypeSymbol? _dateTimeOffset;

        public SecretTypes(Compilation compilation)
        {
            _httpRequestMessage = compilation.GetTypeByMetadataName("System.Net.Http.HttpRequestMessage");
            _httpRequestHeaders = compilation.GetTypeByMetadataName("System.Net.Http.Headers.HttpRequestHeaders");
            _authenticationHeaderValue = compilation.GetTypeByMetadataName("System.Net.Http.Headers.AuthenticationHeaderValue");
            _apiKeyCredential = compilation.GetTypeByMetadataName("System.ClientModel.ApiKeyCredential");
            _cancellationToken = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
            _timeSpan = compilation.GetTypeByMetadataName("System.TimeSpan");
            _dateTimeOffset = compilation.GetTypeByMetadataName("System.DateTimeOffset");
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

            return InheritsFrom(type, _apiKeyCredential) ? "an API key credential" : null;
        }

    }
}
