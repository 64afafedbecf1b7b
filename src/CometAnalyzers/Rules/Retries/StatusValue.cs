using Microsoft.CodeAnalysis;

namespace CometAnalyzers.Rules.Retries
{
    internal enum ValueKind
    {
        /// <summary>Depends on the outcome in a way the analyzer cannot see (a call it cannot look into).</summary>
        Unknown,

        /// <summary>Not known, but the same whatever the outcome: a field, a cancellation token, a counter.</summary>
        Opaque,
        Null,
        Bool,
        Int,

        /// <summary>The HTTP response of the scenario being evaluated.</summary>
        Response,

        /// <summary>A Polly v8 <c>Outcome&lt;T&gt;</c>: holds the response or the exception.</summary>
        Outcome,

        /// <summary>Polly v8 <c>RetryPredicateArguments&lt;T&gt;</c>.</summary>
        PredicateArguments,
        Exception,

        /// <summary>Evaluating the expression threw <see cref="StatusValue.Inner"/>.</summary>
        Thrown,
    }

    /// <summary>
    /// One value of the small abstract interpreter the retry rules run over predicates and loop bodies.
    /// <see cref="FromStatus"/> marks values computed from the status code, so decisions that depend on it can be told apart.
    /// </summary>
    internal sealed class StatusValue
    {
        public static readonly StatusValue Unknown = new(ValueKind.Unknown);
        public static readonly StatusValue Opaque = new(ValueKind.Opaque);
        public static readonly StatusValue Response = new(ValueKind.Response);

        private StatusValue(ValueKind kind, long number = 0, bool fromStatus = false, StatusValue? inner = null, ITypeSymbol? type = null, int? status = null, bool statusKnown = false)
        {
            Kind = kind;
            Number = number;
            FromStatus = fromStatus;
            Inner = inner;
            ExceptionType = type;
            ExceptionStatus = status;
            ExceptionStatusKnown = statusKnown;
        }

        public ValueKind Kind { get; }

        public long Number { get; }

        public bool FromStatus { get; }

        /// <summary>The response or exception of an outcome, the outcome of predicate arguments, or what was thrown.</summary>
        public StatusValue? Inner { get; }

        public ITypeSymbol? ExceptionType { get; }

        /// <summary>The status an exception carries; null for a failure that never got a response.</summary>
        public int? ExceptionStatus { get; }

        /// <summary>False for exceptions the code creates itself: their status is not modelled.</summary>
        public bool ExceptionStatusKnown { get; }

        public bool IsTrue => Kind == ValueKind.Bool && Number != 0;

        public bool IsFalse => Kind == ValueKind.Bool && Number == 0;

        /// <summary>True when the value carries, or is computed from, the outcome being evaluated.</summary>
        public bool DependsOnOutcome
            => FromStatus || Kind is ValueKind.Unknown or ValueKind.Response or ValueKind.Outcome or ValueKind.PredicateArguments
               || (Kind == ValueKind.Exception && ExceptionStatusKnown);

        public static StatusValue Null(bool fromStatus) => new(ValueKind.Null, fromStatus: fromStatus);

        public static StatusValue Bool(bool value, bool fromStatus) => new(ValueKind.Bool, value ? 1 : 0, fromStatus);

        public static StatusValue Int(long value, bool fromStatus) => new(ValueKind.Int, value, fromStatus);

        public static StatusValue OutcomeOf(StatusValue responseOrException) => new(ValueKind.Outcome, inner: responseOrException);

        public static StatusValue ArgumentsOf(StatusValue outcome) => new(ValueKind.PredicateArguments, inner: outcome);

        public static StatusValue ExceptionOf(ITypeSymbol? type, int? status, bool statusKnown)
            => new(ValueKind.Exception, type: type, status: status, statusKnown: statusKnown);

        public static StatusValue Throw(StatusValue exception) => new(ValueKind.Thrown, inner: exception);

        public StatusValue WithFromStatus(bool fromStatus)
            => fromStatus == FromStatus || Kind is not (ValueKind.Bool or ValueKind.Int or ValueKind.Null)
                ? this
                : new StatusValue(Kind, Number, fromStatus);

        /// <summary>Kleene negation: unknown stays unknown.</summary>
        public static StatusValue Not(StatusValue value)
            => value.Kind == ValueKind.Bool ? Bool(value.Number == 0, value.FromStatus) : Vague(value);

        /// <summary>Kleene conjunction: false wins over anything the analyzer does not know.</summary>
        public static StatusValue And(StatusValue left, StatusValue right)
        {
            if (left.Kind == ValueKind.Thrown)
            {
                return left;
            }

            if (left.IsFalse)
            {
                return left;
            }

            if (right.Kind == ValueKind.Thrown || right.IsFalse)
            {
                return right;
            }

            if (left.IsTrue && right.IsTrue)
            {
                return Bool(true, left.FromStatus || right.FromStatus);
            }

            return left.IsTrue ? Vague(right) : right.IsTrue ? Vague(left) : Vaguest(left, right);
        }

        /// <summary>Kleene disjunction: true wins over anything the analyzer does not know.</summary>
        public static StatusValue Or(StatusValue left, StatusValue right)
        {
            if (left.Kind == ValueKind.Thrown)
            {
                return left;
            }

            if (left.IsTrue)
            {
                return left;
            }

            if (right.Kind == ValueKind.Thrown || right.IsTrue)
            {
                return right;
            }

            if (left.IsFalse && right.IsFalse)
            {
                return Bool(false, left.FromStatus || right.FromStatus);
            }

            return left.IsFalse ? Vague(right) : right.IsFalse ? Vague(left) : Vaguest(left, right);
        }

        /// <summary>Unknown when the operand depends on the outcome, opaque otherwise.</summary>
        public static StatusValue Vague(StatusValue value) => value.DependsOnOutcome ? Unknown : Opaque;

        public static StatusValue Vaguest(StatusValue left, StatusValue right)
            => left.DependsOnOutcome || right.DependsOnOutcome ? Unknown : Opaque;

        public override string ToString()
            => Kind switch
            {
                ValueKind.Bool => IsTrue ? "true" : "false",
                ValueKind.Int => Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ValueKind.Exception => "exception " + ExceptionType?.Name,
                _ => Kind.ToString(),
            };
    }
}
