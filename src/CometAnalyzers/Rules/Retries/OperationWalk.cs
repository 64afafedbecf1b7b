using System.Collections.Generic;
using CometAnalyzers.Rules.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CometAnalyzers.Rules.Retries
{
    /// <summary>Walks an operation tree without entering lambdas or local functions: code there runs at another time.</summary>
    internal static class OperationWalk
    {
        public static IEnumerable<IOperation> DescendantsAndSelf(IOperation root)
        {
            var stack = new Stack<IOperation>();
            stack.Push(root);
            while (stack.Count > 0)
            {
                IOperation current = stack.Pop();
                yield return current;
                foreach (IOperation child in current.ChildOperations)
                {
                    if (child is not (IAnonymousFunctionOperation or ILocalFunctionOperation))
                    {
                        stack.Push(child);
                    }
                }
            }
        }

        /// <summary>The local, parameter or field an operation reads or writes, if it is one.</summary>
        public static ISymbol? ReferencedSymbol(IOperation operation)
            => Conversions.UnwrapBuiltIn(operation) switch
            {
                ILocalReferenceOperation local => local.Local,
                IParameterReferenceOperation parameter => parameter.Parameter,
                IFieldReferenceOperation field => field.Field,
                IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation } property => property.Property,
                _ => null,
            };
    }
}
