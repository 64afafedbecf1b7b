using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CometAnalyzers.Rules.Retries
{
    /// <summary>Pattern matching: constant, relational, and/or/not, type, declaration and property patterns.</summary>
    internal sealed partial class StatusEvaluator
    {
        public StatusValue Match(IPatternOperation pattern, StatusValue input)
        {
            if (input.Kind == ValueKind.Thrown)
            {
                return input;
            }

            switch (pattern)
            {
                case IDiscardPatternOperation:
                    return StatusValue.Bool(true, fromStatus: false);
                case IConstantPatternOperation constant:
                    return Propagate(input, ValueEquals(input, Evaluate(constant.Value)));
                case IRelationalPatternOperation relational:
                    return Compare(input, Evaluate(relational.Value), relational.OperatorKind);
                case INegatedPatternOperation negated:
                    return StatusValue.Not(Match(negated.Pattern, input));
                case IBinaryPatternOperation binary:
                    return BinaryPattern(binary, input);
                case ITypePatternOperation type:
                    return PatternTypeTest(type, type.MatchedType, input);
                case IDeclarationPatternOperation declaration:
                    return Declaration(declaration, input);
                case IRecursivePatternOperation recursive:
                    return Recursive(recursive, input);
                default:
                    return StatusValue.Vague(input);
            }
        }

        private StatusValue BinaryPattern(IBinaryPatternOperation binary, StatusValue input)
        {
            StatusValue left = Match(binary.LeftPattern, input);
            if (binary.OperatorKind == BinaryOperatorKind.Or)
            {
                return left.IsTrue ? left : StatusValue.Or(left, Match(binary.RightPattern, input));
            }

            return left.IsFalse ? left : StatusValue.And(left, Match(binary.RightPattern, input));
        }

        private StatusValue Declaration(IDeclarationPatternOperation declaration, StatusValue input)
        {
            StatusValue matched = declaration.MatchesNull
                ? StatusValue.Bool(true, fromStatus: false)
                : PatternTypeTest(declaration, declaration.MatchedType, input);
            Bind(declaration.DeclaredSymbol, input);
            return matched;
        }

        private StatusValue Recursive(IRecursivePatternOperation recursive, StatusValue input)
        {
            if (input.Kind == ValueKind.Null)
            {
                return StatusValue.Bool(false, input.FromStatus);
            }

            StatusValue matched = PatternTypeTest(recursive, recursive.MatchedType, input);
            if (!recursive.DeconstructionSubpatterns.IsEmpty)
            {
                return StatusValue.Vague(input);
            }

            Bind(recursive.DeclaredSymbol, input);
            foreach (IPropertySubpatternOperation subpattern in recursive.PropertySubpatterns)
            {
                if (matched.IsFalse)
                {
                    break;
                }

                _patternInputs.Push(input);
                StatusValue member;
                try
                {
                    member = Evaluate(subpattern.Member);
                }
                finally
                {
                    _patternInputs.Pop();
                }

                matched = StatusValue.And(matched, Match(subpattern.Pattern, member));
            }

            return matched;
        }

        /// <summary>
        /// A type test in a pattern: when the static type already matches, only null fails. A value the interpreter does
        /// not model (a header, a field) may be null or not: the test is not judged (<c>RetryAfter is { }</c>).
        /// </summary>
        private StatusValue PatternTypeTest(IPatternOperation pattern, ITypeSymbol? matchedType, StatusValue input)
        {
            if (matchedType is null || IsAssignable(pattern.InputType, matchedType))
            {
                return input.Kind switch
                {
                    ValueKind.Null => StatusValue.Bool(false, input.FromStatus),
                    ValueKind.Unknown or ValueKind.Opaque => StatusValue.Vague(input),
                    _ => StatusValue.Bool(true, fromStatus: false),
                };
            }

            return TypeTest(input, matchedType, negated: false);
        }

        private void Bind(ISymbol? symbol, StatusValue value)
        {
            if (symbol is not null)
            {
                Env.Set(symbol, value);
            }
        }

        /// <summary><c>value is T</c> for the values the interpreter models.</summary>
        public StatusValue TypeTest(StatusValue value, ITypeSymbol? type, bool negated)
        {
            if (value.Kind == ValueKind.Thrown)
            {
                return value;
            }

            StatusValue result = value.Kind switch
            {
                ValueKind.Null => StatusValue.Bool(false, value.FromStatus),
                ValueKind.Response when _symbols.HttpResponseMessage is not null => StatusValue.Bool(IsAssignable(_symbols.HttpResponseMessage, type), fromStatus: false),
                ValueKind.Exception when value.ExceptionType is not null => StatusValue.Bool(IsAssignable(value.ExceptionType, type), fromStatus: false),
                ValueKind.Int or ValueKind.Bool when type is not null && HoldsPrimitive(type, value.Kind) => StatusValue.Bool(true, value.FromStatus),
                _ => StatusValue.Vague(value),
            };
            return negated ? StatusValue.Not(result) : result;
        }

        private static bool IsAssignable(ITypeSymbol source, ITypeSymbol? target)
        {
            if (target is null)
            {
                return false;
            }

            if (target.SpecialType == SpecialType.System_Object)
            {
                return true;
            }

            for (ITypeSymbol? current = source; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, target))
                {
                    return true;
                }
            }

            foreach (INamedTypeSymbol implemented in source.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented, target))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when an int (status code) or bool value always passes <c>is T</c>.</summary>
        private static bool HoldsPrimitive(ITypeSymbol type, ValueKind kind)
        {
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
            {
                type = nullable.TypeArguments[0];
            }

            if (type.SpecialType is SpecialType.System_Object or SpecialType.System_ValueType)
            {
                return true;
            }

            return kind == ValueKind.Bool
                ? type.SpecialType == SpecialType.System_Boolean
                : type.TypeKind == TypeKind.Enum || type.SpecialType is SpecialType.System_Int32 or SpecialType.System_Enum;
        }
    }
}
