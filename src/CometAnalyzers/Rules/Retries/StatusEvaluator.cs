using System.Collections.Generic;
using CometAnalyzers.Rules.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CometAnalyzers.Rules.Retries
{
    /// <summary>
    /// Evaluates expressions for one <see cref="Scenario"/>: comparisons, logic, patterns and switch expressions over
    /// the status code are computed; anything it cannot see into becomes <see cref="ValueKind.Unknown"/>, never a guess.
    /// </summary>
    internal sealed partial class StatusEvaluator
    {
        /// <summary>Deeper expressions (huge generated concatenations) are not judged, so the analyzer cannot overflow the stack.</summary>
        private const int MaxDepth = 100;

        private readonly RetrySymbols _symbols;
        private readonly Stack<StatusValue> _conditionalReceivers = new();
        private readonly Stack<StatusValue> _patternInputs = new();
        private int _depth;

        public StatusEvaluator(RetrySymbols symbols, Scenario scenario)
        {
            _symbols = symbols;
            Scenario = scenario;
        }

        public Scenario Scenario { get; }

        public Env Env { get; set; } = new();

        /// <summary>Set when a call the analyzer cannot see into received a value that depends on the outcome.</summary>
        public bool SawUnseenCall { get; set; }

        /// <summary>Set when the status was read, even if the result is opaque (<c>!ok &amp;&amp; attempt &lt; 3</c>).</summary>
        public bool ReadStatus { get; set; }

        /// <summary>
        /// Set the first time the status is read and never cleared: whether a whole predicate looked at a status at all,
        /// where <see cref="ReadStatus"/> tells it for one expression.
        /// </summary>
        public bool EverReadStatus { get; private set; }

        public StatusValue Evaluate(IOperation? operation)
        {
            if (operation is null)
            {
                return StatusValue.Opaque;
            }

            if (operation.ConstantValue.HasValue)
            {
                return Constant(operation.ConstantValue.Value);
            }

            if (_depth >= MaxDepth)
            {
                return StatusValue.Unknown;
            }

            _depth++;
            try
            {
                return EvaluateOperation(operation);
            }
            finally
            {
                _depth--;
            }
        }

        private StatusValue EvaluateOperation(IOperation operation)
        {
            if (AttemptTrail.Records(operation) || AttemptTrail.IsReset(operation))
            {
                Env.Record(operation);
            }

            switch (operation)
            {
                case ILocalReferenceOperation local:
                    return Env.Get(local.Local) ?? StatusValue.Opaque;
                case IParameterReferenceOperation parameter:
                    return Env.Get(parameter.Parameter) ?? StatusValue.Opaque;
                case IArgumentOperation argument:
                    return Evaluate(argument.Value);
                case IConversionOperation conversion:
                    return Convert(conversion);
                case IPropertyReferenceOperation property:
                    return Property(property);
                case IFieldReferenceOperation field:
                    return field.Instance is null ? StatusValue.Opaque : Propagate(Evaluate(field.Instance), StatusValue.Opaque);
                case IInvocationOperation invocation:
                    return Invoke(invocation);
                case IObjectCreationOperation creation:
                    return Create(creation);
                case IAwaitOperation await:
                    return Evaluate(await.Operation);
                case IUnaryOperation unary:
                    return Unary(unary);
                case IBinaryOperation binary:
                    return Binary(binary);
                case IIsPatternOperation isPattern:
                    return Match(isPattern.Pattern, Evaluate(isPattern.Value));
                case IIsTypeOperation isType:
                    return TypeTest(Evaluate(isType.ValueOperand), isType.TypeOperand, isType.IsNegated);
                case ISwitchExpressionOperation switchExpression:
                    return Switch(switchExpression);
                case IConditionalOperation conditional:
                    return Ternary(conditional);
                case IConditionalAccessOperation conditionalAccess:
                    return ConditionalAccess(conditionalAccess);
                case IConditionalAccessInstanceOperation:
                    return _conditionalReceivers.Count > 0 ? _conditionalReceivers.Peek() : StatusValue.Unknown;
                case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.PatternInput }:
                    return _patternInputs.Count > 0 ? _patternInputs.Peek() : StatusValue.Unknown;
                case IInstanceReferenceOperation:
                    return StatusValue.Opaque;
                case ICoalesceOperation coalesce:
                    return Coalesce(coalesce);
                case ISimpleAssignmentOperation assignment:
                    return Assign(assignment);
                case ICompoundAssignmentOperation compound:
                    return Overwrite(compound.Target, Evaluate(compound.Value));
                case IIncrementOrDecrementOperation increment:
                    return Overwrite(increment.Target, StatusValue.Opaque);
                case IThrowOperation throwExpression:
                    return StatusValue.Throw(ExceptionValue(throwExpression.Exception));
                case IVariableDeclaratorOperation declarator:
                    return Declare(declarator);
                case IAnonymousFunctionOperation or IDelegateCreationOperation:
                    return StatusValue.Opaque;
                default:
                    return Children(operation);
            }
        }

        /// <summary>The exception a <c>throw</c> operand produces.</summary>
        public StatusValue ExceptionValue(IOperation? operand)
        {
            if (operand is null)
            {
                return StatusValue.Unknown;
            }

            StatusValue value = Evaluate(operand);
            return value.Kind switch
            {
                ValueKind.Thrown => value.Inner!,
                ValueKind.Exception => value,
                _ => StatusValue.ExceptionOf(Conversions.UnwrapBuiltIn(operand).Type, status: null, statusKnown: false),
            };
        }

        private static StatusValue Constant(object? value)
            => value switch
            {
                null => StatusValue.Null(fromStatus: false),
                bool b => StatusValue.Bool(b, fromStatus: false),
                int i => StatusValue.Int(i, fromStatus: false),
                long l => StatusValue.Int(l, fromStatus: false),
                short s => StatusValue.Int(s, fromStatus: false),
                byte b => StatusValue.Int(b, fromStatus: false),
                sbyte b => StatusValue.Int(b, fromStatus: false),
                ushort s => StatusValue.Int(s, fromStatus: false),
                uint u => StatusValue.Int(u, fromStatus: false),
                _ => StatusValue.Opaque,
            };

        /// <summary>A thrown value wins; otherwise <paramref name="result"/>.</summary>
        private static StatusValue Propagate(StatusValue operand, StatusValue result) => operand.Kind == ValueKind.Thrown ? operand : result;

        /// <summary>Evaluates children for what they throw or bind; the result itself is not modelled.</summary>
        private StatusValue Children(IOperation operation)
        {
            bool dependsOnOutcome = false;
            foreach (IOperation child in operation.ChildOperations)
            {
                StatusValue value = Evaluate(child);
                if (value.Kind == ValueKind.Thrown)
                {
                    return value;
                }

                dependsOnOutcome |= value.DependsOnOutcome;
            }

            return dependsOnOutcome ? StatusValue.Unknown : StatusValue.Opaque;
        }

        private StatusValue Convert(IConversionOperation conversion)
        {
            StatusValue operand = Evaluate(conversion.Operand);
            return conversion.Conversion.IsUserDefined ? Propagate(operand, StatusValue.Vague(operand)) : operand;
        }

        private StatusValue Assign(ISimpleAssignmentOperation assignment)
        {
            StatusValue value = Evaluate(assignment.Value);
            return Overwrite(assignment.Target, value);
        }

        private StatusValue Declare(IVariableDeclaratorOperation declarator)
        {
            IOperation? initializer = declarator.Initializer?.Value ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer?.Value;
            StatusValue value = initializer is null ? StatusValue.Opaque : Evaluate(initializer);
            if (value.Kind != ValueKind.Thrown)
            {
                Env.Set(declarator.Symbol, value);
            }

            return value;
        }

        private StatusValue Overwrite(IOperation target, StatusValue value)
        {
            if (value.Kind == ValueKind.Thrown)
            {
                return value;
            }

            if (Conversions.UnwrapBuiltIn(target) is ILocalReferenceOperation or IParameterReferenceOperation)
            {
                Env.Set(OperationWalk.ReferencedSymbol(target)!, value);
            }

            return value;
        }

        private StatusValue Ternary(IConditionalOperation conditional)
        {
            StatusValue condition = Evaluate(conditional.Condition);
            if (condition.Kind == ValueKind.Thrown)
            {
                return condition;
            }

            if (condition.Kind == ValueKind.Bool)
            {
                StatusValue chosen = Evaluate(condition.IsTrue ? conditional.WhenTrue : conditional.WhenFalse);
                return chosen.WithFromStatus(chosen.FromStatus || condition.FromStatus);
            }

            return StatusValue.Vague(condition);
        }

        private StatusValue ConditionalAccess(IConditionalAccessOperation access)
        {
            StatusValue receiver = Evaluate(access.Operation);
            if (receiver.Kind is ValueKind.Thrown or ValueKind.Unknown)
            {
                return receiver;
            }

            if (receiver.Kind == ValueKind.Null)
            {
                return receiver;
            }

            _conditionalReceivers.Push(receiver);
            try
            {
                return Evaluate(access.WhenNotNull);
            }
            finally
            {
                _conditionalReceivers.Pop();
            }
        }

        private StatusValue Coalesce(ICoalesceOperation coalesce)
        {
            StatusValue value = Evaluate(coalesce.Value);
            if (value.Kind == ValueKind.Null)
            {
                StatusValue fallback = Evaluate(coalesce.WhenNull);
                return fallback.WithFromStatus(fallback.FromStatus || value.FromStatus);
            }

            return value.Kind is ValueKind.Opaque ? Propagate(Evaluate(coalesce.WhenNull), StatusValue.Opaque) : value;
        }

        private StatusValue Switch(ISwitchExpressionOperation switchExpression)
        {
            StatusValue input = Evaluate(switchExpression.Value);
            if (input.Kind == ValueKind.Thrown)
            {
                return input;
            }

            foreach (ISwitchExpressionArmOperation arm in switchExpression.Arms)
            {
                StatusValue matched = Match(arm.Pattern, input);
                if (arm.Guard is not null && matched.IsTrue)
                {
                    matched = StatusValue.And(matched, Evaluate(arm.Guard));
                }

                if (matched.Kind == ValueKind.Thrown)
                {
                    return matched;
                }

                if (matched.IsFalse)
                {
                    continue;
                }

                if (!matched.IsTrue)
                {
                    return StatusValue.Vague(matched);
                }

                StatusValue result = Evaluate(arm.Value);
                return result.WithFromStatus(result.FromStatus || matched.FromStatus || input.FromStatus);
            }

            // No arm matched: the switch throws SwitchExpressionException, which no predicate means.
            return StatusValue.Unknown;
        }
    }
}
