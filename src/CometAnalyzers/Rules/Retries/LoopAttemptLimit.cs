using System.Linq;
using CometAnalyzers.Rules.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CometAnalyzers.Rules.Retries
{
    /// <summary>
    /// How many times a counted <c>for</c> loop can go round: <c>for (int attempt = 0; attempt &lt; 5; attempt++)</c> sends
    /// at most five times, four retries. Only a loop whose header alone bounds it is measured: a counter declared (or set)
    /// with a constant, compared with a constant in the condition, stepped by one at the bottom, written nowhere in the
    /// body, and no other check of a counter in the body (that check could stop it sooner).
    /// </summary>
    internal sealed class LoopAttemptLimit
    {
        private LoopAttemptLimit(int attempts, IOperation limit, int? attemptsWithLimit)
        {
            Attempts = attempts;
            Limit = limit;
            AttemptsWithLimit = attemptsWithLimit;
        }

        /// <summary>The most times the loop body runs.</summary>
        public int Attempts { get; }

        /// <summary>The constant that sets the count: the condition's bound, or the start of a loop that counts down.</summary>
        public IOperation Limit { get; }

        /// <summary>What <see cref="Attempts"/> would be with the replacement limit <see cref="Measure"/> was given in place of <see cref="Limit"/>.</summary>
        public int? AttemptsWithLimit { get; }

        public static LoopAttemptLimit? Measure(IForLoopOperation loop, int replacementLimit)
        {
            if (loop.AtLoopBottom.Length != 1 || Step(loop.AtLoopBottom[0]) is not { } step
                || loop.Before.Length != 1 || Start(loop.Before[0], step.Counter) is not { } start
                || loop.Condition is not IBinaryOperation comparison
                || AttemptBound.CounterGuards(loop).Count != 1
                || WritesCounter(loop.Body, step.Counter))
            {
                return null;
            }

            // Read `attempt < 5` and `5 > attempt` alike: the counter on the left.
            BinaryOperatorKind kind = comparison.OperatorKind;
            IOperation left = Conversions.UnwrapBuiltIn(comparison.LeftOperand);
            IOperation right = Conversions.UnwrapBuiltIn(comparison.RightOperand);
            if (!Reads(left, step.Counter))
            {
                (left, right) = (right, left);
                kind = Mirror(kind);
            }

            if (!Reads(left, step.Counter) || right.ConstantValue is not { HasValue: true, Value: int end })
            {
                return null;
            }

            long? attempts = Count(start.Value, end, kind, step.Up);
            if (attempts is not { } count || count < 1 || count > int.MaxValue)
            {
                return null;
            }

            // Counting down, the start sets the count (`for (int left = 5; left > 0; left--)`); counting up, the bound does.
            IOperation limit = step.Up ? right : start.Operation;
            long? replaced = step.Up ? Count(start.Value, replacementLimit, kind, up: true) : Count(replacementLimit, end, kind, up: false);
            return new LoopAttemptLimit((int)count, limit, replaced is >= 1 and <= int.MaxValue ? (int)replaced : null);
        }

        private static long? Count(long start, long end, BinaryOperatorKind kind, bool up)
            => (kind, up) switch
            {
                (BinaryOperatorKind.LessThan, true) => end - start,
                (BinaryOperatorKind.LessThanOrEqual, true) => end - start + 1,
                (BinaryOperatorKind.GreaterThan, false) => start - end,
                (BinaryOperatorKind.GreaterThanOrEqual, false) => start - end + 1,
                _ => null,
            };

        private static BinaryOperatorKind Mirror(BinaryOperatorKind kind)
            => kind switch
            {
                BinaryOperatorKind.LessThan => BinaryOperatorKind.GreaterThan,
                BinaryOperatorKind.LessThanOrEqual => BinaryOperatorKind.GreaterThanOrEqual,
                BinaryOperatorKind.GreaterThan => BinaryOperatorKind.LessThan,
                BinaryOperatorKind.GreaterThanOrEqual => BinaryOperatorKind.LessThanOrEqual,
                _ => kind,
            };

        /// <summary><c>attempt++</c>, <c>++attempt</c>, <c>attempt += 1</c>, and the same downwards.</summary>
        private static (ILocalSymbol Counter, bool Up)? Step(IOperation bottom)
        {
            IOperation operation = bottom is IExpressionStatementOperation statement ? statement.Operation : bottom;
            switch (operation)
            {
                case IIncrementOrDecrementOperation { Target: ILocalReferenceOperation target } increment:
                    return (target.Local, increment.Kind == OperationKind.Increment);
                case ICompoundAssignmentOperation { Target: ILocalReferenceOperation target, Value.ConstantValue: { HasValue: true, Value: 1 } } compound
                    when compound.OperatorKind is BinaryOperatorKind.Add or BinaryOperatorKind.Subtract:
                    return (target.Local, compound.OperatorKind == BinaryOperatorKind.Add);
                default:
                    return null;
            }
        }

        /// <summary><c>int attempt = 0</c> or <c>attempt = 0</c>: the counter's constant start.</summary>
        private static (int Value, IOperation Operation)? Start(IOperation before, ILocalSymbol counter)
        {
            IOperation? value = before switch
            {
                IVariableDeclarationGroupOperation { Declarations.Length: 1 } group
                    when group.Declarations[0].Declarators is { Length: 1 } declarators && SymbolEqualityComparer.Default.Equals(declarators[0].Symbol, counter)
                    => declarators[0].Initializer?.Value,
                IExpressionStatementOperation { Operation: ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment }
                    when SymbolEqualityComparer.Default.Equals(target.Local, counter) => assignment.Value,
                _ => null,
            };
            return value?.ConstantValue is { HasValue: true, Value: int start } ? (start, Conversions.UnwrapBuiltIn(value)) : null;
        }

        private static bool Reads(IOperation operation, ILocalSymbol counter)
            => operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, counter);

        /// <summary>Any write in the body, lambdas included: then the header no longer tells the count.</summary>
        private static bool WritesCounter(IOperation body, ILocalSymbol counter)
            => body.DescendantsAndSelf().Any(operation => operation switch
            {
                IAssignmentOperation assignment => Reads(Conversions.UnwrapBuiltIn(assignment.Target), counter),
                IIncrementOrDecrementOperation increment => Reads(Conversions.UnwrapBuiltIn(increment.Target), counter),
                IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } argument => Reads(Conversions.UnwrapBuiltIn(argument.Value), counter),
                _ => false,
            });
    }
}
