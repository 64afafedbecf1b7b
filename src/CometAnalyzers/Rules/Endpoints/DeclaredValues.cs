using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CometAnalyzers.Rules.Endpoints
{
    /// <summary>
    /// The value a followed member or a small helper method always gives, as an operation of its declaration: the
    /// initializer of a const or readonly field or get-only property (<see cref="FollowedMembers"/>), the expression of
    /// an expression-bodied property, and the one returned expression of a non-virtual method or local function
    /// (<c>static string ForecastUrl(string city) =&gt; $"https://api.weather.io/v1/{city}";</c>). A declaration in
    /// another file is read with that file's semantic model: what a URL sink receives depends only on the compilation,
    /// never on which file the editor analyzed first. One instance per compilation.
    /// </summary>
    internal sealed class DeclaredValues
    {
        private readonly Compilation _compilation;
        private readonly ConstructorWrites _constructorWrites = new();
        private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _otherModels = new();

        public DeclaredValues(Compilation compilation) => _compilation = compilation;

        /// <summary>The value every read of <paramref name="member"/> gives; null when the member is not followed or a constructor may change it.</summary>
        public IOperation? ValueOf(ISymbol member, SemanticModel current, CancellationToken cancellationToken)
        {
            member = member.OriginalDefinition;
            if (!FollowedMembers.IsFollowed(member) || member.DeclaringSyntaxReferences.Length != 1)
            {
                return null;
            }

            ExpressionSyntax? expression = member.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) switch
            {
                VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
                PropertyDeclarationSyntax property => property.Initializer?.Value ?? ExpressionBody(property),
                _ => null,
            };
            if (expression is null || _constructorWrites.MayBeWritten(member, cancellationToken))
            {
                return null;
            }

            return ModelFor(expression.SyntaxTree, current).GetOperation(expression, cancellationToken);
        }

        /// <summary>
        /// The expression a call always returns: the target is an ordinary method or local function declared in source,
        /// neither virtual, abstract, extern, async nor an iterator, whose body is one expression or one <c>return</c>.
        /// Parameters in it stay unknown (they come from the caller).
        /// </summary>
        public IOperation? ReturnedBy(IInvocationOperation call, SemanticModel current, CancellationToken cancellationToken)
        {
            IMethodSymbol method = call.TargetMethod.OriginalDefinition;
            if (method.MethodKind is not (MethodKind.Ordinary or MethodKind.LocalFunction)
                || method.IsVirtual || method.IsAbstract || method.IsOverride || method.IsExtern || method.IsAsync
                || method.DeclaringSyntaxReferences.Length != 1)
            {
                return null;
            }

            SyntaxNode declaration = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            (ArrowExpressionClauseSyntax? arrow, BlockSyntax? body) = declaration switch
            {
                MethodDeclarationSyntax m => (m.ExpressionBody, m.Body),
                LocalFunctionStatementSyntax f => (f.ExpressionBody, f.Body),
                _ => (null, null),
            };
            ExpressionSyntax? returned = arrow?.Expression
                ?? (body is { Statements: { Count: 1 } statements } && statements[0] is ReturnStatementSyntax { Expression: { } value } ? value : null);
            return returned is null ? null : ModelFor(returned.SyntaxTree, current).GetOperation(returned, cancellationToken);
        }

        private static ExpressionSyntax? ExpressionBody(PropertyDeclarationSyntax property)
            => property.ExpressionBody?.Expression
               ?? (property.AccessorList is { Accessors: { Count: 1 } accessors } && accessors[0].IsKind(SyntaxKind.GetAccessorDeclaration)
                   ? accessors[0].ExpressionBody?.Expression
                   : null);

        /// <summary>
        /// The current file's model, or one made for another file. Making a model in an analyzer is what RS1030 warns
        /// about (it costs a binding of that file's members); it happens for a member or helper of another file that
        /// reaches a URL sink, and for the files whose sinks a file writing a URL needs (<see cref="RemoteUrlFindings"/>);
        /// each file's model is made once per compilation.
        /// </summary>
        public SemanticModel ModelFor(SyntaxTree tree, SemanticModel? current)
        {
            if (current is not null && tree == current.SyntaxTree)
            {
                return current;
            }

#pragma warning disable RS1030 // The declaration lives in another file; see the summary.
            return _otherModels.GetOrAdd(tree, t => _compilation.GetSemanticModel(t));
#pragma warning restore RS1030
        }
    }
}
