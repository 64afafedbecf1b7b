using System;
using CometAnalyzers.Rules.Common;
using CometAnalyzers.Rules.Gating;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CometAnalyzers.Rules.Secrets
{
    /// <summary>
    /// Which object creations may put a secret into an exception's message, judged from syntax first: an argument is
    /// more than a literal or <c>nameof</c>, which is how most exceptions are thrown
    /// (<c>new ArgumentNullException(nameof(apiKey))</c>), and the created type may be an exception. Written
    /// <c>new T(...)</c>, T's name ends in "Exception" (or is a using alias). Written target-typed <c>new(...)</c>, the
    /// type is read where the declaration beside it spells it (<c>Exception? e = new(...)</c>, a field or a property);
    /// elsewhere (a return, an argument, an assignment) the bound type decides. Only those are bound and handed to
    /// <see cref="LoggedArguments"/>.
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
            bool mayCreateException = context.Node switch
            {
                ObjectCreationExpressionSyntax { ArgumentList: { } list } creation => HasNonConstantArgument(list) && MayName(SyntaxNames.Created(creation), context),
                ImplicitObjectCreationExpressionSyntax creation => HasNonConstantArgument(creation.ArgumentList)
                    && (WrittenTargetType(creation) is not { } target || MayName(SyntaxNames.Rightmost(target), context)),
                _ => false,
            };

            return mayCreateException && _arguments.AnyMayLeak(context);
        }

        /// <summary>A type name that may be an exception's; null (<c>string</c>, an array, a tuple) never is.</summary>
        private bool MayName(string? typeName, CandidateNode context)
            => typeName is not null && (typeName.EndsWith("Exception", StringComparison.Ordinal) || _aliases.Contains(typeName, context.CancellationToken));

        /// <summary>
        /// The type a target-typed <c>new(...)</c> creates when the declaration it initializes spells it: a local, a field
        /// or a property (<c>Exception? error = new(...)</c> creates an Exception). Null where the target type is not
        /// written beside it.
        /// </summary>
        private static TypeSyntax? WrittenTargetType(ImplicitObjectCreationExpressionSyntax creation)
        {
            TypeSyntax? type = creation.Parent is EqualsValueClauseSyntax clause
                ? clause.Parent switch
                {
                    VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } => declaration.Type,
                    PropertyDeclarationSyntax property => property.Type,
                    _ => null,
                }
                : null;

            return type is NullableTypeSyntax nullable ? nullable.ElementType : type;
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
