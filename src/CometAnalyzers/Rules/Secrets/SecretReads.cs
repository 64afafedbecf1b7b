using System;
using System.Collections.Generic;
using CometAnalyzers.Contract;
using CometAnalyzers.Rules.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using static CometAnalyzers.Rules.Common.TypeChecks;

namespace CometAnalyzers.Rules.Secrets
{
    /// <summary>
    /// Reads that return a secret whatever the variable is called: the contract's secret configuration key and
    /// environment variable (or keys and variables that name a secret), and header values read by name: the auth
    /// headers for certain, and from a header collection (<c>HttpHeaders</c>, <c>NonValidated</c>, ASP.NET Core's
    /// <c>IHeaderDictionary</c>) any header named like a credential (<see cref="CredentialHeaderNames"/>).
    /// Types are resolved once per compilation; an absent type is never matched.
    /// </summary>
    internal sealed class SecretReads
    {
        private static readonly string[] CommonAuthHeaders = { "Authorization", "Proxy-Authorization", "api-key", "x-api-key" };

        private static readonly HashSet<string> KeyedReadMethods = new(StringComparer.Ordinal)
        {
            "GetValues", "TryGetValues", "GetValue", "TryGetValue",
        };

        private readonly INamedTypeSymbol? _configuration;
        private readonly INamedTypeSymbol? _environment;
        private readonly INamedTypeSymbol? _httpHeaders;
        private readonly INamedTypeSymbol? _nonValidatedHeaders;
        private readonly INamedTypeSymbol? _headerDictionary;
        private readonly INamedTypeSymbol? _stringValues;
        private readonly HashSet<string> _authHeaders = new(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> _secretConfigKeys = new(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> _secretEnvVars = new(StringComparer.OrdinalIgnoreCase);

        public SecretReads(Compilation compilation, CompilationContracts contracts)
        {
            _configuration = compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.IConfiguration");
            _environment = compilation.GetTypeByMetadataName("System.Environment");
            _httpHeaders = compilation.GetTypeByMetadataName("System.Net.Http.Headers.HttpHeaders");
            _nonValidatedHeaders = compilation.GetTypeByMetadataName("System.Net.Http.Headers.HttpHeadersNonValidated");
            _headerDictionary = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.IHeaderDictionary");
            _stringValues = compilation.GetTypeByMetadataName("Microsoft.Extensions.Primitives.StringValues");
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

        /// <summary>
        /// A filter that drops an auth header: <c>h =&gt; h.Key != "Authorization"</c>, <c>!string.Equals(h.Key, "authorization", ...)</c>,
        /// <c>h.Key is not "Authorization"</c>. The usual way to log request headers without the secret.
        /// </summary>
        public bool ExcludesAuthHeader(IOperation predicate)
        {
            IOperation? body = predicate switch
            {
                IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda } => lambda.Body,
                IAnonymousFunctionOperation lambda => lambda.Body,
                _ => null,
            };
            if (body is null)
            {
                return false;
            }

            foreach (IOperation operation in body.DescendantsAndSelf())
            {
                bool excludes = operation switch
                {
                    IBinaryOperation { OperatorKind: BinaryOperatorKind.NotEquals } binary => IsAuthHeader(binary.LeftOperand) || IsAuthHeader(binary.RightOperand),
                    IUnaryOperation { OperatorKind: UnaryOperatorKind.Not, Operand: IInvocationOperation call } => MentionsAuthHeader(call),
                    INegatedPatternOperation { Pattern: IConstantPatternOperation constant } => IsAuthHeader(constant.Value),
                    _ => false,
                };
                if (excludes)
                {
                    return true;
                }
            }

            return false;
        }

        private bool MentionsAuthHeader(IInvocationOperation call)
        {
            foreach (IArgumentOperation argument in call.Arguments)
            {
                if (IsAuthHeader(argument.Value))
                {
                    return true;
                }
            }

            return call.Instance is { } instance && IsAuthHeader(instance);
        }

        private bool IsAuthHeader(IOperation? operation) => TryGetString(operation, out string name) && _authHeaders.Contains(name);

        /// <summary>The contract's auth header or a standard credential header (<c>Authorization</c>, <c>api-key</c>...), compared ignoring case.</summary>
        public bool IsAuthHeaderName(string name) => _authHeaders.Contains(name);

        /// <summary>A header name written as a constant or a <c>static readonly string</c> declared with a literal.</summary>
        public static bool TryGetHeaderName(IOperation? operation, out string name) => TryGetString(operation, out name);

        /// <summary>
        /// Any read above that returns a secret: a configuration key, an environment variable or a keyed value (a header,
        /// a setting). Certain when the contract or a standard credential header names it, by name otherwise.
        /// </summary>
        public SecretLeak? Find(IOperation operation, SecretNames names)
            => SecretLeak.Stronger(
                SecretLeak.Stronger(ConfigurationRead(operation, names), KeyedRead(operation, names) ?? HeaderProperty(operation)),
                operation is IInvocationOperation invocation ? EnvironmentRead(invocation, names) : null);

        /// <summary>A configuration value or section whose key is the contract's secret key (certain) or names a secret.</summary>
        private SecretLeak? ConfigurationRead(IOperation operation, SecretNames names)
        {
            if (_configuration is null || ConfigurationKey(operation) is not { } key)
            {
                return null;
            }

            if (_secretConfigKeys.Contains(key))
            {
                return new SecretLeak(operation, $"the secret read from configuration '{key}'", SecretBasis.Certain);
            }

            return names.IsSecret(key) ? new SecretLeak(operation, $"read from configuration '{key}', a key named like a secret", SecretBasis.Name) : null;
        }

        /// <summary><c>Environment.GetEnvironmentVariable(name)</c> with the contract's secret variable (certain) or a secret name.</summary>
        private SecretLeak? EnvironmentRead(IInvocationOperation invocation, SecretNames names)
        {
            if (!Is(invocation.TargetMethod.ContainingType, _environment) || invocation.TargetMethod.Name != "GetEnvironmentVariable"
                || invocation.Arguments.Length == 0 || !TryGetString(invocation.Arguments[0].Value, out string name))
            {
                return null;
            }

            if (_secretEnvVars.Contains(name))
            {
                return new SecretLeak(invocation, $"the secret read from environment variable '{name}'", SecretBasis.Certain);
            }

            return names.IsSecret(name) ? new SecretLeak(invocation, $"read from environment variable '{name}', a variable named like a secret", SecretBasis.Name) : null;
        }

        /// <summary>
        /// A value read by a constant key that is an auth header (certain) or names a secret: <c>GetValues("Authorization")</c>,
        /// <c>TryGetValues("x-api-key", out v)</c>, <c>headers["api-key"]</c>, <c>settings["ApiKey"]</c>.
        /// </summary>
        private SecretLeak? KeyedRead(IOperation operation, SecretNames names)
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

            bool fromHeaders = IsHeaderCollection(Receiver(operation)?.Type);
            SecretLeak? named = null;
            foreach (IArgumentOperation argument in arguments)
            {
                if (argument.Value is null || !TryGetString(argument.Value, out string key))
                {
                    continue;
                }

                if (_authHeaders.Contains(key))
                {
                    return new SecretLeak(operation, $"the '{key}' header value", SecretBasis.Certain);
                }

                if (named is null && fromHeaders && CredentialHeaderNames.SaysCredential(key))
                {
                    named = new SecretLeak(operation, $"the '{key}' header value, a header named like a credential", SecretBasis.Name);
                }

                if (named is null && names.IsSecret(key))
                {
                    named = new SecretLeak(operation, $"the value stored under '{key}', a key named like a secret", SecretBasis.Name);
                }
            }

            return named;
        }

        /// <summary>
        /// ASP.NET Core's typed header properties (<c>Request.Headers.Authorization</c>, <c>.ProxyAuthorization</c>,
        /// <c>.Cookie</c>): the property names the header it reads.
        /// </summary>
        private SecretLeak? HeaderProperty(IOperation operation)
        {
            if (operation is not IPropertyReferenceOperation { Property: { IsIndexer: false, IsStatic: false } property, Instance: { } headers }
                || !Implements(headers.Type, _headerDictionary) || !Is(property.Type, _stringValues))
            {
                return null;
            }

            foreach (string header in _authHeaders)
            {
                if (string.Equals(header.Replace("-", string.Empty), property.Name, StringComparison.OrdinalIgnoreCase))
                {
                    return new SecretLeak(operation, $"the '{header}' header value", SecretBasis.Certain);
                }
            }

            return CredentialHeaderNames.SaysCredential(property.Name)
                ? new SecretLeak(operation, $"the '{property.Name}' header value, a header named like a credential", SecretBasis.Name)
                : null;
        }

        /// <summary>Request and response headers, content headers, their <c>NonValidated</c> view and ASP.NET Core's header dictionary.</summary>
        private bool IsHeaderCollection(ITypeSymbol? type)
            => InheritsFrom(type, _httpHeaders) || Is(type, _nonValidatedHeaders) || Implements(type, _headerDictionary);

        /// <summary>What a keyed read reads from: the indexer's or method's instance, or an extension method's first argument.</summary>
        private static IOperation? Receiver(IOperation operation)
        {
            IOperation? receiver = operation switch
            {
                IPropertyReferenceOperation indexer => indexer.Instance,
                IInvocationOperation { Instance: { } instance } => instance,
                IInvocationOperation { TargetMethod.IsExtensionMethod: true, Arguments: { Length: > 0 } arguments } => arguments[0].Value,
                _ => null,
            };

            return receiver is null ? null : Conversions.Unwrap(receiver);
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
                    keyArgument = CallArguments.For(invocation.Arguments, "key")?.Value;
                    break;
                default:
                    return null;
            }

            if (receiver is null || !Implements(receiver.Type, _configuration) || !TryGetString(keyArgument, out string key))
            {
                return null;
            }

            return ConfigurationKey(Conversions.Unwrap(receiver)) is { } prefix ? prefix + ":" + key : key;
        }

        private static bool TryGetString(IOperation? operation, out string value)
            => ConstantText.TryGet(operation, out value) || TryGetReadOnlyString(operation, out value);

        /// <summary>
        /// A <c>static readonly string</c> declared here with a literal (<c>static readonly string AuthHeader = "Authorization";</c>):
        /// a constant in all but name. Read from the declaration's syntax, so no other tree is bound.
        /// </summary>
        private static bool TryGetReadOnlyString(IOperation? operation, out string value)
        {
            value = string.Empty;
            if (operation is not IFieldReferenceOperation { Field: { IsStatic: true, IsReadOnly: true, Type.SpecialType: SpecialType.System_String } field }
                || field.DeclaringSyntaxReferences.Length != 1
                || field.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: LiteralExpressionSyntax literal }
                || !literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                return false;
            }

            value = literal.Token.ValueText;
            return true;
        }
    }
}
