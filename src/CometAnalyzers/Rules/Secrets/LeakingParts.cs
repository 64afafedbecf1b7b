using System.Collections.Generic;
using System.Linq;
using CometAnalyzers.Rules.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CometAnalyzers.Rules.Secrets
{
    /// <summary>
    /// The parts of a leaking value a code fix replaces, sent along as a diagnostic's additional locations: the leaking
    /// holes of an interpolation, the leaking operands of a concatenation, or else the whole value.
    /// </summary>
    internal static class LeakingParts
    {
        public static IEnumerable<IOperation> Of(IOperation value, SecretLeakFinder finder, SecretNames names)
        {
            IOperation unwrapped = Conversions.Unwrap(value);
            if (unwrapped is IInterpolatedStringHandlerCreationOperation { Content: { } content })
            {
                unwrapped = content;
            }

            switch (unwrapped)
            {
                case IInterpolatedStringOperation interpolated:
                    foreach (IInterpolatedStringContentOperation part in interpolated.Parts)
                    {
                        if (ValueParts.HoleValue(part) is { } hole && finder.Find(hole, names) is not null)
                        {
                            yield return part;
                        }
                    }

                    yield break;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } concatenation:
                    foreach (IOperation operand in new[] { concatenation.LeftOperand, concatenation.RightOperand })
                    {
                        foreach (IOperation part in finder.Find(operand, names) is null ? Enumerable.Empty<IOperation>() : Of(operand, finder, names))
                        {
                            yield return part;
                        }
                    }

                    yield break;
                default:
                    yield return value;
                    yield break;
            }
        }
    }
}
