using Microsoft.CodeAnalysis;

namespace CometAnalyzers.Rules.Common
{
    /// <summary>The text of a string constant as the compiler folds it: a literal, a const, or a concatenation or interpolation of constants.</summary>
    internal static class ConstantText
    {
        public static bool TryGet(IOperation? operation, out string value)
        {
            if (operation is not null && operation.ConstantValue.HasValue && operation.ConstantValue.Value is string text)
            {
                value = text;
                return true;
            }

            value = string.Empty;
            return false;
        }
    }
}
