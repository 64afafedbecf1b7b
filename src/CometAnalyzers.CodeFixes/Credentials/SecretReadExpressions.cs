using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace CometAnalyzers.CodeFixes.Credentials
{
    /// <summary>
    /// The code the COMET006 fix writes. Every read ends in <c>?? throw</c>: the result is a non-null string wherever the
    /// literal was (no nullable warning), and a missing key fails where it is read, saying which key, instead of an
    /// unauthorized call later. Names are written in full and simplified against the file's usings.
    /// </summary>
    internal static class SecretReadExpressions
    {
        /// <summary><c>Environment.GetEnvironmentVariable(CometApiContract.SecretEnvVar) ?? throw ...</c>, with the variable's name when the class is not there.</summary>
        public static ExpressionSyntax FromEnvironment(string variable, string? contractConstant, string? scheme)
            => Replacement(
                $"global::System.Environment.GetEnvironmentVariable({contractConstant ?? Literal(variable)})",
                $"The API key is missing: set the environment variable {variable}.",
                scheme);

        /// <summary><c>configuration[CometApiContract.SecretConfigKey] ?? throw ...</c>.</summary>
        public static ExpressionSyntax FromConfiguration(string configuration, string key, string? contractConstant, string? scheme)
            => Replacement(
                $"{configuration}[{contractConstant ?? Literal(key)}]",
                $"The API key is missing: set the configuration value {key}.",
                scheme);

        /// <summary><c>throw new InvalidOperationException("...")</c>, in place of a fallback.</summary>
        public static ExpressionSyntax Throw(string message)
            => Annotate(SyntaxFactory.ParseExpression(ThrowText(message)));

        private static ExpressionSyntax Replacement(string read, string message, string? scheme)
        {
            string required = $"{read} ?? {ThrowText(message)}";
            string text = scheme is null ? $"({required})" : $"({Literal(scheme)} + ({required}))";
            return Annotate(SyntaxFactory.ParseExpression(text));
        }

        private static string ThrowText(string message) => $"throw new global::System.InvalidOperationException({Literal(message)})";

        private static string Literal(string text) => SymbolDisplay.FormatLiteral(text, quote: true);

        /// <summary>
        /// Every part is annotated, not only the whole: the simplifier's reducers run one after another, and once the
        /// parentheses around the whole are taken away, an annotation on them alone would leave the names in full.
        /// </summary>
        private static ExpressionSyntax Annotate(ExpressionSyntax expression)
            => expression
                .ReplaceNodes(expression.DescendantNodes().OfType<ExpressionSyntax>(), (_, rewritten) => rewritten.WithAdditionalAnnotations(Simplifier.Annotation))
                .WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation);
    }
}
