using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CometAnalyzers.Rules.Common
{
    /// <summary>
    /// The value under the conversions the compiler or the code wrapped around it. Which conversions to look through
    /// is a rule's choice: a boxing or a cast changes neither the text a value prints nor the constant it folds to, while
    /// a user-defined conversion runs code of its own.
    /// </summary>
    internal static class Conversions
    {
        /// <summary>Under every conversion, implicit or explicit, built-in or user-defined.</summary>
        public static IOperation Unwrap(IOperation operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }

        /// <summary>Under the built-in conversions only: a user-defined one (<c>PredicateBuilder</c> to a delegate) is kept.</summary>
        public static IOperation UnwrapBuiltIn(IOperation operation)
        {
            while (operation is IConversionOperation { Conversion.IsUserDefined: false } conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }

        /// <summary>Under the conversions the compiler inserted (boxing for an <c>object</c> parameter): what the code wrote.</summary>
        public static IOperation UnwrapImplicit(IOperation operation)
        {
            while (operation is IConversionOperation { IsImplicit: true } conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }
    }
}
