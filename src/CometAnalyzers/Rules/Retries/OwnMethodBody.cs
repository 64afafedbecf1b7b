using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CometAnalyzers.Rules.Retries
{
    /// <summary>
    /// The body of a method of the project's own that the retry rules may read in place of a call or a method group
    /// (<c>IsTransient(r)</c>, <c>.HandleResult(IsTransient)</c>): declared once, in the file being analyzed (its
    /// semantic model is at hand and the build has bound it), not virtual or async, and with no ref, out or params
    /// parameter. Anything else stays a call the analyzer cannot see into.
    /// </summary>
    internal static class OwnMethodBody
    {
        public static IBlockOperation? Of(IMethodSymbol method, SemanticModel? model)
        {
            if (model is null || method.MethodKind is not (MethodKind.Ordinary or MethodKind.LocalFunction)
                || method.IsVirtual || method.IsAbstract || method.IsOverride || method.IsExtern || method.IsAsync
                || method.ReturnsVoid || method.ReturnsByRef || method.ReturnsByRefReadonly
                || method.DeclaringSyntaxReferences.Length != 1)
            {
                return null;
            }

            foreach (IParameterSymbol parameter in method.Parameters)
            {
                if (parameter.RefKind is RefKind.Ref or RefKind.Out || parameter.IsParams)
                {
                    return null;
                }
            }

            SyntaxReference declaration = method.DeclaringSyntaxReferences[0];
            if (declaration.SyntaxTree != model.SyntaxTree)
            {
                return null;
            }

            return model.GetOperation(declaration.GetSyntax()) switch
            {
                IMethodBodyOperation body => body.BlockBody ?? body.ExpressionBody,
                ILocalFunctionOperation localFunction => localFunction.Body,
                _ => null,
            };
        }

        /// <summary>The expression a body of one <c>return</c> (or an expression body) returns.</summary>
        public static IOperation? SingleReturn(IBlockOperation? body)
            => body is { Operations.Length: 1 } && body.Operations[0] is IReturnOperation { Kind: OperationKind.Return, ReturnedValue: { } value }
                ? value
                : null;
    }
}
