using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static CometAnalyzers.Rules.Common.SymbolChecks;

namespace CometAnalyzers.Rules.Common
{
    /// <summary>How a local got a value.</summary>
    internal enum LocalWriteKind
    {
        /// <summary><c>var x = value</c>, <c>x = value</c>, <c>x += value</c>, <c>x ??= value</c>.</summary>
        Assignment,

        /// <summary><c>foreach (var x in value)</c>: the value is the collection.</summary>
        ForEach,

        /// <summary><c>M(out x)</c>: the value is the invocation that wrote it.</summary>
        OutArgument,

        /// <summary><c>value is string x</c>, <c>value is { Length: > 0 } x</c>, a switch's <c>string x</c>: the value matched.</summary>
        Match,

        /// <summary><c>x.Append(value)</c> on a StringBuilder: the value is the call, which keeps what it appends.</summary>
        Append,

        /// <summary>Deconstruction into anything but a tuple literal, nested patterns and other writes whose value is not followed.</summary>
        Unknown,
    }

    internal readonly struct LocalWrite
    {
        public LocalWrite(LocalWriteKind kind, IOperation? value, SyntaxNode? site = null)
        {
            Kind = kind;
            Value = value;
            Site = site;
        }

        public LocalWriteKind Kind { get; }

        public IOperation? Value { get; }

        /// <summary>Where the write is written: the declarator, assignment, call, loop or pattern (see <see cref="Secrets.ReachingWrites"/>).</summary>
        public SyntaxNode? Site { get; }

        public LocalWrite At(SyntaxNode site) => new(Kind, Value, site);
    }

    /// <summary>
    /// Every write to a local inside the method (lambdas and local functions included) that reads it.
    /// Locals are followed within one method only; fields and parameters are judged by name and type instead.
    /// </summary>
    internal static class LocalWrites
    {
        public static List<LocalWrite> Find(ILocalReferenceOperation reference)
        {
            ILocalSymbol local = reference.Local;
            var writes = new List<LocalWrite>();
            foreach (IOperation operation in OperationTree.Root(reference).DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator when Same(declarator.Symbol, local):
                        if (Initializer(declarator) is { } initial)
                        {
                            Add(new LocalWrite(LocalWriteKind.Assignment, initial));
                        }

                        break;
                    case IDeconstructionAssignmentOperation deconstruction when Mentions(deconstruction.Target, local):
                        Add(Deconstructed(deconstruction.Target, deconstruction.Value, local));
                        break;
                    case IAssignmentOperation assignment when IsLocal(assignment.Target, local):
                        // Simple, compound (+=) and coalesce (??=) assignments alike.
                        Add(new LocalWrite(LocalWriteKind.Assignment, assignment.Value));
                        break;
                    case IArgumentOperation { Parameter.RefKind: RefKind.Out or RefKind.Ref } argument when IsLocal(argument.Value, local):
                        Add(new LocalWrite(LocalWriteKind.OutArgument, argument.Parent));
                        break;
                    case IForEachLoopOperation loop when loop.LoopControlVariable is IVariableDeclaratorOperation variable && Same(variable.Symbol, local):
                        Add(new LocalWrite(LocalWriteKind.ForEach, loop.Collection));
                        break;
                    case IForEachLoopOperation loop when loop.LoopControlVariable is { } control && Mentions(control, local):
                        // foreach (var (name, values) in headers): the second of a pair is the entry's value, which
                        // carries what the collection carries; the key (a header name) is not followed.
                        Add(DeconstructedParts(control) is { Length: 2 } pair && IsLocal(pair[1], local)
                            ? new LocalWrite(LocalWriteKind.ForEach, loop.Collection)
                            : new LocalWrite(LocalWriteKind.Unknown, null));
                        break;
                    case IDeclarationPatternOperation pattern when Same(pattern.DeclaredSymbol, local):
                        Add(Matched(pattern));
                        break;
                    case IRecursivePatternOperation pattern when Same(pattern.DeclaredSymbol, local):
                        Add(Matched(pattern));
                        break;
                    case IInvocationOperation call when AppendsToStringBuilder(call.TargetMethod) && IsLocal(BuilderOf(call), local):
                        Add(new LocalWrite(LocalWriteKind.Append, call));
                        break;
                }

                void Add(LocalWrite write) => writes.Add(write.At(operation.Syntax));
            }

            return writes;
        }

        /// <summary>The one value a local ever holds: a const, or a local assigned once at its declaration. Null otherwise.</summary>
        public static IOperation? SingleValue(ILocalReferenceOperation reference)
        {
            List<LocalWrite> writes = Find(reference);
            return writes.Count == 1 && writes[0].Kind == LocalWriteKind.Assignment && IsDeclarationValue(writes[0].Value) ? writes[0].Value : null;
        }

        private static bool IsDeclarationValue(IOperation? value) => value?.Parent is IVariableInitializerOperation;

        /// <summary><c>var (a, b) = (x, y)</c>: each local gets the element at its position; any other value is not followed.</summary>
        private static LocalWrite Deconstructed(IOperation target, IOperation value, ILocalSymbol local)
        {
            value = Conversions.Unwrap(value);
            if (DeconstructedParts(target) is { } targets && value is ITupleOperation { Elements: var values } && values.Length == targets.Length)
            {
                for (int i = 0; i < targets.Length; i++)
                {
                    if (IsLocal(targets[i], local))
                    {
                        return new LocalWrite(LocalWriteKind.Assignment, values[i]);
                    }

                    if (Mentions(targets[i], local))
                    {
                        return Deconstructed(targets[i], values[i], local);
                    }
                }
            }

            return new LocalWrite(LocalWriteKind.Unknown, null);
        }

        /// <summary>The parts of a deconstruction target: <c>var (a, b)</c>, <c>(var a, var b)</c>, <c>(a, b)</c>.</summary>
        private static ImmutableArray<IOperation>? DeconstructedParts(IOperation target)
            => target switch
            {
                IDeclarationExpressionOperation declaration => DeconstructedParts(declaration.Expression),
                ITupleOperation tuple => tuple.Elements,
                _ => null,
            };

        /// <summary>The value a pattern's variable is matched against, through <c>not</c> and <c>and</c>; null inside a sub-pattern.</summary>
        private static LocalWrite Matched(IPatternOperation pattern)
        {
            IOperation current = pattern;
            while (current.Parent is INegatedPatternOperation or IBinaryPatternOperation)
            {
                current = current.Parent;
            }

            IOperation? value = current.Parent switch
            {
                IIsPatternOperation isPattern => isPattern.Value,
                ISwitchExpressionArmOperation { Parent: ISwitchExpressionOperation switchExpression } => switchExpression.Value,
                IPatternCaseClauseOperation { Parent: ISwitchCaseOperation { Parent: ISwitchOperation switchStatement } } => switchStatement.Value,
                _ => null,
            };

            return value is null ? new LocalWrite(LocalWriteKind.Unknown, null) : new LocalWrite(LocalWriteKind.Match, value);
        }

        /// <summary>StringBuilder's Append, AppendLine, AppendFormat, Insert and Replace: they return the builder they changed.</summary>
        private static bool AppendsToStringBuilder(IMethodSymbol method)
            => method.ContainingType is { Name: "StringBuilder", ContainingNamespace: { Name: "Text", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } type
                && SymbolEqualityComparer.Default.Equals(method.ReturnType, type);

        /// <summary>The builder at the start of a chain: <c>sb</c> in <c>sb.Append("key=").Append(apiKey)</c>.</summary>
        private static IOperation? BuilderOf(IInvocationOperation call)
        {
            IOperation? instance = call.Instance;
            while (instance is IInvocationOperation inner && AppendsToStringBuilder(inner.TargetMethod))
            {
                instance = inner.Instance;
            }

            return instance;
        }

        private static IOperation? Initializer(IVariableDeclaratorOperation declarator)
            => declarator.Initializer?.Value ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer?.Value;

        private static bool IsLocal(IOperation? operation, ILocalSymbol local)
            => operation switch
            {
                ILocalReferenceOperation reference => Same(reference.Local, local),
                IDeclarationExpressionOperation { Expression: ILocalReferenceOperation declared } => Same(declared.Local, local),
                _ => false,
            };

        private static bool Mentions(IOperation operation, ILocalSymbol local)
        {
            foreach (IOperation descendant in operation.DescendantsAndSelf())
            {
                if (IsLocal(descendant, local) || (descendant is IVariableDeclaratorOperation declarator && Same(declarator.Symbol, local)))
                {
                    return true;
                }
            }

            return false;
        }    }
}
