using System;
using CometAnalyzers.Rules.Gating;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CometAnalyzers.Rules.Secrets
{
    /// <summary>
    /// Which object creations may put a secret into an exception's message, judged from syntax first: the created type's
    /// name ends in "Exception" (or is a using alias), and an argument is more than a literal or <c>nameof</c>, which
    /// is how most exceptions are thrown (<c>new ArgumentNullException(nameof(apiKey))</c>). Only those are bound and
    /// handed to <see cref="LoggedArguments"/>.
    /// </summary>
    internal sealed class ExceptionMessageGate
    {
        private readonly AliasNames _aliases;
        private readonly LoggedArguments _arguments;

        public ExceptionMessageGate(Compilation compilation, LoggedArguments arguments)
        {
            _aliases = new AliasNames(compilation);
            _arguments = arguments;
        }

        public bool MayLeak(CandidateNode context)
        {
            if (context.Node is not ObjectCreationExpressionSyntax { ArgumentList: { } list } creation
                || SyntaxNames.Created(creation) is not { } name
                || !HasNonConstantArgument(list))
            {
                return false;
            }

            return (name.EndsWith("Exception", StringComparison.Ordinal) || _aliases.Contains(name, context.CancellationToken))
                && _arguments.AnyMayLeak(context);
        }

        private static bool HasNonConstantArgument(ArgumentListSyntax list)
        {
            foreach (ArgumentSyntax argument in list.Arguments)
            {
                bool constant = argument.Expression is LiteralExpressionSyntax
                    || (argument.Expression is InvocationExpressionSyntax call && SyntaxNames.Invoked(call) == "nameof");
                if (!constant)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
