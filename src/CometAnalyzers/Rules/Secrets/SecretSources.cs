using System;
using System.Collections.Generic;
using CometAnalyzers.Contract;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CometAnalyzers.Rules.Secrets
{
    /// <summary>
    /// Values that are secrets by where they come from or what they are, independent of their name:
    /// request objects and headers, the auth header, the contract's secret configuration key and environment variable,
    /// and <c>ApiKeyCredential</c>. Each type is resolved once per compilation; an absent type is never matched.
    /// </summary>
    internal sealed class SecretSources
    {
        private static readonly string[] CommonAuthHeaders = { "Authorization", "Proxy-Authorization", "api-key", "x-api-key" };

        private static readonly HashSet<string> KeyedReadMethods = new(StringComparer.Ordinal)
        {
            "GetValues", "TryGetValues", "GetValue", "TryGetValue",
        };

        private readonly INamedTypeSymbol? _httpRequestMessage;
        private readonly INamedTypeSymbol? _httpRequestHeaders;
        private readonly INamedTypeSymbol? _authenticationHeaderValue;
        private readonly INamedTypeSymbol? _apiKeyCredential;
        private readonly INamedTypeSymbol? _configuration;
        private readonly INamedTypeSymbol? _environment;
        private readonly INamedTypeSymbol? _cancellationToken;
        private readonly INamedTypeSymbol? _timeSpan;
        private readonly INamedTypeSymbol? _dateTimeOffset;
        private readonly HashSet<string> _authHeaders = new(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> _secretConfigKeys = new(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> _secretEnvVars = new(StringComparer.OrdinalIgnoreCase);

        public SecretSources(Compilation compilation, CompilationContracts contracts)
        {
            _httpRequestMessage = compilation.GetTypeByMetadataName("System.Net.Http.HttpRequestMessage");
            _httpRequestHeaders = compilation.GetTypeByMetadataName("System.Net.Http.Headers.HttpRequestHeaders");
            _authenticationHeaderValue = compilation.GetTypeByMetadataName("System.Net.Http.Headers.AuthenticationHeaderValue");
            _apiKeyCredential = compilation.GetTypeByMetadataName("System.ClientModel.ApiKeyCredential");
            _configuration = compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.IConfiguration");
            _environment = compilation.GetTypeByMetadataName("System.Environment");
            _cancellationToken = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
            _timeSpan = compilation.GetTypeByMetadataName("System.TimeSpan");
            _dateTimeOffset = compilation.GetTypeByMetadataName("System.DateTimeOffset");

            _authHeaders.UnionWith(CommonAuthHeaders);
            foreach (ContractSettings contract in contracts.All)
            {
                _authHeaders.Add(contract.AuthHeader);
                if (contract.SecretConfigKey is { } key)
                {
                    _secretConfigKeys.Add(key);
                }

                if (contract.SecretEnvVar is { } variable)
                {
                    _secretEnvVars.Add(variable);
                }
            }
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

        /// <summary>A configuration value or section whose key is the contract's secret key or names a secret.</summary>
        public string? ConfigurationRead(IOperation operation, SecretNames names)
        {
            if (_configuration is null || ConfigurationKey(operation) is not { } key)
            {
                return null;
            }

            return _secretConfigKeys.Contains(key) || names.IsSecret(key) ? $"the secret read from configuration '{key}'" : null;
        }

        /// <summary><c>Environment.GetEnvironmentVariable(name)</c> with the contract's secret variable or a secret name.</summary>
        public string? EnvironmentRead(IInvocationOperation invocation, SecretNames names)
        {
            if (!Is(invocation.TargetMethod.ContainingType, _environment) || invocation.TargetMethod.Name != "GetEnvironmentVariable"
                || invocation.Arguments.Length == 0 || !TryGetString(invocation.Arguments[0].Value, out string name))
            {
                return null;
            }

            return _secretEnvVars.Contains(name) || names.IsSecret(name) ? $"the secret read from environment variable '{name}'" : null;
        }

        /// <summary>
        /// A value read by a constant key that is an auth header or names a secret: <c>GetValues("Authorization")</c>,
        /// <c>TryGetValues("x-api-key", out v)</c>, <c>headers["api-key"]</c>, <c>settings["ApiKey"]</c>.
        /// </summary>
        public string? KeyedRead(IOperation operation, SecretNames names)
        {
            System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments = operation switch
            {
                IInvocationOperation invocation when KeyedReadMethods.Contains(invocation.TargetMethod.Name) => invocation.Arguments,
                IPropertyReferenceOperation { Property.IsIndexer: true } indexer => indexer.Arguments,
                _ => default,
            };

            if (arguments.IsDefault)
            {
                return null;
            }

            foreach (IArgumentOperation argument in arguments)
            {
                if (argument.Value is null || !TryGetString(argument.Value, out string key))
                {
                    continue;
                }

                if (_authHeaders.Contains(key))
                {
                    return $"the '{key}' header value";
                }

                if (names.IsSecret(key))
                {
                    return $"the value stored under '{key}'";
                }
            }

            return null;
        }

        /// <summary>The full key of <c>config["a:b"]</c>, <c>config.GetSection("a")["b"]</c>, <c>GetValue&lt;T&gt;("a:b")</c>.</summary>
        private string? ConfigurationKey(IOperation operation)
        {
            IOperation? receiver;
            IOperation? keyArgument;
            switch (operation)
            {
                case IPropertyReferenceOperation { Property.IsIndexer: true, Arguments: { Length: 1 } arguments } indexer:
                    receiver = indexer.Instance;
                    keyArgument = arguments[0].Value;
                    break;
                case IInvocationOperation invocation when invocation.TargetMethod.Name is "GetSection" or "GetRequiredSection" or "GetValue":
                    receiver = invocation.Instance ?? (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
                    keyArgument = KeyArgument(invocation);
                    break;
                default:
                    return null;
            }

            if (receiver is null || !IsConfiguration(receiver.Type) || !TryGetString(keyArgument, out string key))
            {
                return null;
            }

            return ConfigurationKey(Unwrap(receiver)) is { } prefix ? prefix + ":" + key : key;
        }

        private static IOperation? KeyArgument(IInvocationOperation invocation)
        {
            foreach (IArgumentOperation argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name == "key")
                {
                    return argument.Value;
                }
            }

            return null;
        }

        private bool IsConfiguration(ITypeSymbol? type)
        {
            if (type is null || _configuration is null)
            {
                return false;
            }

            if (Is(type, _configuration))
            {
                return true;
            }

            foreach (INamedTypeSymbol contract in type.AllInterfaces)
            {
                if (Is(contract, _configuration))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool TryGetString(IOperation? operation, out string value)
        {
            if (operation is not null && operation.ConstantValue.HasValue && operation.ConstantValue.Value is string text)
            {
                value = text;
                return true;
            }

            value = string.Empty;
            return false;
        }

        private static IOperation Unwrap(IOperation operation)
        {
            while (operation is IConversionOperation { Operand: { } operand })
            {
                operation = operand;
            }

            return operation;
        }

        private static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected)
            => expected is not null && SymbolEqualityComparer.Default.Equals(type?.OriginalDefinition, expected);

        private static bool InheritsFrom(ITypeSymbol type, INamedTypeSymbol? expected)
        {
            for (ITypeSymbol? current = type; current is not null && expected is not null; current = current.BaseType)
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
