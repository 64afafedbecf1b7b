using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using CometAnalyzers.CodeFixes.Credentials;
using CometAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CometAnalyzers.CodeFixes
{
    /// <summary>
    /// COMET006: reads the secret where the hardcoded one was written. A literal that is the fallback of a configuration
    /// or environment read (<c>configuration["CometApi:ApiKey"] ?? "sk-..."</c>) becomes a throw: the read is there already.
    /// Any other literal becomes a read of the contract's <c>secretEnvVar</c> (always available) or, when an
    /// <c>IConfiguration</c> is in scope, of its <c>secretConfigKey</c>, each ending in <c>?? throw</c>; a header value keeps
    /// its scheme (<c>"Bearer " + ...</c>). No fix without a contract naming them (the rule has no default key or variable),
    /// for the default value of a configuration read, in a const or static initializer, at the use of a constant declared
    /// elsewhere, or where what it writes would not compile cleanly.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HardcodedCredentialCodeFixProvider))]
    [Shared]
    public sealed class HardcodedCredentialCodeFixProvider : CodeFixProvider
    {
        public const string EnvironmentKey = RuleIdentifiers.HardcodedCredential + "_EnvironmentVariable";

        public const string ConfigurationKey = RuleIdentifiers.HardcodedCredential + "_Configuration";

        public const string ThrowKey = RuleIdentifiers.HardcodedCredential + "_ThrowWhenMissing";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.HardcodedCredential);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            Diagnostic diagnostic = context.Diagnostics[0];
            CancellationToken cancellationToken = context.CancellationToken;
            SyntaxNode? root = await context.Document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            SemanticModel? model = await context.Document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null || CredentialLiterals.At(root, diagnostic.Location) is not { } literal
                || CredentialLiterals.InitializesConstantOrStatic(literal))
            {
                return;
            }

            ExpressionSyntax written = CredentialLiterals.Outermost(literal);
            if (FallbackReads.MissingValueMessage(written, model, cancellationToken) is { } message)
            {
                await OfferAsync(context, root, written, SecretReadExpressions.Throw(message), "Throw when the key is missing instead of using a hardcoded one", ThrowKey).ConfigureAwait(false);
                return;
            }

            if (FallbackReads.IsDefaultOfConfigurationRead(written, model, cancellationToken))
            {
                return;
            }

            string? scheme = diagnostic.Properties.TryGetValue(HardcodedCredentialAnalyzer.SchemeProperty, out string? prefix) && prefix is not null
                && literal.Token.ValueText.StartsWith(prefix, System.StringComparison.Ordinal) ? prefix : null;
            if (diagnostic.Properties.TryGetValue(HardcodedCredentialAnalyzer.SecretEnvVarProperty, out string? variable) && variable is not null)
            {
                ExpressionSyntax read = SecretReadExpressions.FromEnvironment(variable, ContractConstant(diagnostic, model, "SecretEnvVar", variable), scheme);
                await OfferAsync(context, root, written, read, $"Read the key from environment variable {variable}", EnvironmentKey).ConfigureAwait(false);
            }

            if (diagnostic.Properties.TryGetValue(HardcodedCredentialAnalyzer.SecretConfigKeyProperty, out string? key) && key is not null
                && ConfigurationInScope.NameAt(model, literal.SpanStart, cancellationToken) is { } configuration)
            {
                ExpressionSyntax read = SecretReadExpressions.FromConfiguration(configuration, key, ContractConstant(diagnostic, model, "SecretConfigKey", key), scheme);
                await OfferAsync(context, root, written, read, $"Read the key from configuration {key} through '{configuration}'", ConfigurationKey).ConfigureAwait(false);
            }
        }

        private static async Task OfferAsync(CodeFixContext context, SyntaxNode root, SyntaxNode original, SyntaxNode replacement, string title, string equivalenceKey)
        {
            if (await CompilesInPlace.ReplaceAsync(context.Document, root, original, replacement, context.CancellationToken).ConfigureAwait(false) is { } changed)
            {
                context.RegisterCodeFix(CodeAction.Create(title, _ => Task.FromResult(changed), equivalenceKey), context.Diagnostics[0]);
            }
        }

        /// <summary>
        /// The generated contract class's constant for the name (<c>CometApiContract.SecretEnvVar</c>), so the code follows the
        /// contract when it changes; null when the class is not generated (a contract with errors) or says something else.
        /// </summary>
        private static string? ContractConstant(Diagnostic diagnostic, SemanticModel model, string member, string value)
        {
            const string Global = "global::";
            return diagnostic.Properties.TryGetValue(HardcodedCredentialAnalyzer.ContractTypeProperty, out string? type) && type is not null && type.StartsWith(Global, System.StringComparison.Ordinal)
                && model.Compilation.GetTypeByMetadataName(type.Substring(Global.Length)) is { } contract
                && contract.GetMembers(member) is { Length: 1 } members && members[0] is IFieldSymbol { IsConst: true, ConstantValue: string constant } && constant == value
                ? type + "." + member
                : null;
        }
    }
}
