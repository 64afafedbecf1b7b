using Microsoft.CodeAnalysis;

namespace CometAnalyzers.Rules.Common
{
    /// <summary>Where an operation sits in the tree the semantic model built for its member.</summary>
    internal static class OperationTree
    {
        /// <summary>
        /// The top of the tree: the member's body (lambdas and local functions included), or the field or property
        /// initializer the operation is written in. What the rules follow within one method is found below it.
        /// </summary>
        public static IOperation Root(IOperation operation)
        {
            while (operation.Parent is { } parent)
            {
                operation = parent;
            }

            return operation;
        }
    }
}
