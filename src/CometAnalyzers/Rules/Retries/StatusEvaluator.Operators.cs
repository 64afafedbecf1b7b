using Microsoft.CodeAnalysis.Operations;

namespace CometAnalyzers.Rules.Retries
{
    /// <summary>Operators: logic with unknowns, equality, comparisons lifted over null, arithmetic.</summary>
    internal sealed partial class StatusEvaluator
    {
        private StatusValue Unary(IUnaryOperation unary)
        {
            StatusValue operand = Evaluate(unary.Operand);
            if (operand.Kind == ValueKind.Thrown)
            {
                return operand;
            }

            return unary.OperatorKind switch
            {
                UnaryOperatorKind.Not => StatusValue.Not(operand),
                UnaryOperatorKind.Minus when operand.Kind == ValueKind.Int => StatusValue.Int(-operand.Number, operand.FromStatus),
                UnaryOperatorKind.Plus => operand,
                _ => StatusValue.Vague(operand),
            };
        }

        private StatusValue Binary(IBinaryOperation binary)
        {
            StatusValue left = Evaluate(binary.LeftOperand);
            if (left.Kind == ValueKind.Thrown)
            {
                return left;
            }

            // Short-circuit: the right side never runs, so it can neither throw nor bind.
            if ((binary.OperatorKind == BinaryOperatorKind.ConditionalAnd && left.IsFalse)
                || (binary.OperatorKind == BinaryOperatorKind.ConditionalOr && left.IsTrue))
            {
                return left;
            }

            StatusValue right = Evaluate(binary.RightOperand);
            if (right.Kind == ValueKind.Thrown)
            {
                return right;
            }

            switch (binary.OperatorKind)
            {
                case BinaryOperatorKind.ConditionalAnd:
                case BinaryOperatorKind.And when left.Kind != ValueKind.Int && right.Kind != ValueKind.Int:
                    return StatusValue.And(left, right);
                case BinaryOperatorKind.ConditionalOr:
                case BinaryOperatorKind.Or when left.Kind != ValueKind.Int && right.Kind != ValueKind.Int:
                    return StatusValue.Or(left, right);
                case BinaryOperatorKind.Equals:
                    return ValueEquals(left, right);
                case BinaryOperatorKind.NotEquals:
                    return StatusValue.Not(ValueEquals(left, right));
                case BinaryOperatorKind.LessThan:
                case BinaryOperatorKind.LessThanOrEqual:
                case BinaryOperatorKind.GreaterThan:
                case BinaryOperatorKind.GreaterThanOrEqual:
                    return Compare(left, right, binary.OperatorKind);
                default:
                    return Arithmetic(left, right, binary.OperatorKind);
            }
        }

        public static StatusValue AreEqual(StatusValue left, StatusValue right)
            => left.Kind == ValueKind.Thrown ? left : right.Kind == ValueKind.Thrown ? right : ValueEquals(left, right);

        private static StatusValue ValueEquals(StatusValue left, StatusValue right)
        {
            bool fromStatus = left.FromStatus || right.FromStatus;
            if (left.Kind == ValueKind.Null || right.Kind == ValueKind.Null)
            {
                if (left.Kind == right.Kind)
                {
                    return StatusValue.Bool(true, fromStatus);
                }

                // The response, an outcome or an exception the scenario produced is never null.
                ValueKind other = left.Kind == ValueKind.Null ? right.Kind : left.Kind;
                return other is ValueKind.Int or ValueKind.Bool or ValueKind.Response or ValueKind.Outcome or ValueKind.PredicateArguments or ValueKind.Exception
                    ? StatusValue.Bool(false, fromStatus)
                    : StatusValue.Vaguest(left, right);
            }

            if (left.Kind == right.Kind && left.Kind is ValueKind.Int or ValueKind.Bool)
            {
                return StatusValue.Bool(left.Number == right.Number, fromStatus);
            }

            return StatusValue.Vaguest(left, right);
        }

        /// <summary>Relational comparison; lifted over nullables, so null compares false.</summary>
        private static StatusValue Compare(StatusValue left, StatusValue right, BinaryOperatorKind kind)
        {
            bool fromStatus = left.FromStatus || right.FromStatus;
            if ((left.Kind == ValueKind.Null && right.Kind is ValueKind.Int or ValueKind.Null)
                || (right.Kind == ValueKind.Null && left.Kind == ValueKind.Int))
            {
                return StatusValue.Bool(false, fromStatus);
            }

            if (left.Kind != ValueKind.Int || right.Kind != ValueKind.Int)
            {
                return StatusValue.Vaguest(left, right);
            }

            bool result = kind switch
            {
                BinaryOperatorKind.LessThan => left.Number < right.Number,
                BinaryOperatorKind.LessThanOrEqual => left.Number <= right.Number,
                BinaryOperatorKind.GreaterThan => left.Number > right.Number,
                _ => left.Number >= right.Number,
            };
            return StatusValue.Bool(result, fromStatus);
        }

        private static StatusValue Arithmetic(StatusValue left, StatusValue right, BinaryOperatorKind kind)
        {
            if (left.Kind != ValueKind.Int || right.Kind != ValueKind.Int)
            {
                return StatusValue.Vaguest(left, right);
            }

            bool fromStatus = left.FromStatus || right.FromStatus;
            long? result = kind switch
            {
                BinaryOperatorKind.Add => left.Number + right.Number,
                BinaryOperatorKind.Subtract => left.Number - right.Number,
                BinaryOperatorKind.Multiply => left.Number * right.Number,
                // long.MinValue / -1 and % -1 throw even unchecked; C# code doing that throws too, so it is not judged.
                BinaryOperatorKind.Divide when right.Number != 0 && !(right.Number == -1 && left.Number == long.MinValue) => left.Number / right.Number,
                BinaryOperatorKind.Remainder when right.Number != 0 && right.Number != -1 => left.Number % right.Number,
                BinaryOperatorKind.Remainder when right.Number == -1 => 0,
                _ => null,
            };
            return result is { } value ? StatusValue.Int(value, fromStatus) : StatusValue.Vaguest(left, right);
        }
    }
}
