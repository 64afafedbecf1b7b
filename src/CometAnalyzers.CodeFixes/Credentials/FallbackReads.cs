using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CometAnalyzers.CodeFixes.Credentials
{
    /// <summary>
    /// A hardcoded key written as the fallback of a read that already names where the key lives:
    /// <c>configuration["CometApi:ApiKey"] ?? "sk-..."</c>, <c>Environment.GetEnvironmentVariable("COMETAPI_API_KEY") ?? "sk-..."</c>.
    /// The secret is read already; the fix replaces the fallback with a throw, so a missing key fails at once and says which.
    /// </summary>
    internal static class FallbackReads
    {
        private const string ConfigurationInterface = "Microsoft.Extensions.Configuration.IConfiguration";

        /// <summary>What the exception says is missing, or null when the literal is not the fallback of such a read.</summary>
        public static string? MissingValueMessage(ExpressionSyntax fallback, SemanticModel model, CancellationToken cancellationToken)
        {
            if (fallback.Parent is not BinaryExpressionSyntax coalesce || !coalesce.IsKind(SyntaxKind.CoalesceExpression) || coalesce.Right != fallback
                || model.GetOperation(coalesce.Left, cancellationToken) is not { } read)
            {
                return null;
            }

            while (read is IConversionOperation { IsImplicit: true } conversion)
            {
                read = conversion.Operand;
            }

            INamedTypeSymbol? configuration = model.Compilation.GetTypeByMetadataName(ConfigurationInterface);
            switch (read)
            {
                case IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer when IsConfiguration(indexer.Instance?.Type, configuration):
                    return ConfigurationMessage(indexer.Arguments[0].Value);
                case IInvocationOperation { TargetMethod: { Name: "GetEnvironmentVariable", ContainingType: { Name: "Environment", ContainingNamespace.Name: "System" } } } environment
                    when environment.Arguments.Length > 0:
                    return environment.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string variable }
                        ? $"The API key is missing: set the environment variable {variable}."
                        : "The API key is missing: set its environment variable.";
                case IInvocationOperation { TargetMethod.Name: "GetValue" or "GetConnectionString" } invocation
                    when IsConfiguration(Receiver(invocation)?.Type, configuration):
                    return ConfigurationMessage(KeyArgument(invocation));
                default:
                    return null;
            }
        }

        /// <summary>
        /// Whether the literal is the default value of a configuration read (<c>GetValue("CometApi:ApiKey", "sk-...")</c>).
        /// An argument is evaluated before the call: a read put there would run, and throw, even when the key is configured.
        /// </summary>
        public static bool IsDefaultOfConfigurationRead(ExpressionSyntax value, SemanticModel model, CancellationToken cancellationToken)
            => value.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } }
               && model.GetOperation(call, cancellationToken) is IInvocationOperation invocation
               && IsConfiguration(Receiver(invocation)?.Type, model.Compilation.GetTypeByMetadataName(ConfigurationInterface));

        private static IOperation? Receiver(IInvocationOperation invocation)
            => invocation.Instance ?? (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);

        private static IOperation? KeyArgument(IInvocationOperation invocation)
        {
            foreach (IArgumentOperation argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name is "key" or "name")
                {
                    return argument.Value;
                }
            }

            return null;
        }

        private static string ConfigurationMessage(IOperation? key)
            => key?.ConstantValue is { HasValue: true, Value: string name }
                ? $"The API key is missing: set the configuration value {name}."
                : "The API key is missing: set its configuration value.";

        public static bool IsConfiguration(ITypeSymbol? type, INamedTypeSymbol? configuration)
        {
            if (type is null || configuration is null)
            {
                return false;
            }

            if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, configuration))
            {
                return true;
            }

            foreach (INamedTypeSymbol implemented in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, configuration))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
