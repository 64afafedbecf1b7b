using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CometAnalyzers.Rules.Secrets
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

        /// <summary>Deconstruction, patterns and other writes whose value is not followed.</summary>
        Unknown,
    }

    internal readonly struct LocalWrite
    {
        public LocalWrite(LocalWriteKind kind, IOperation? value)
        {
            Kind = kind;
            Value = value;
        }

        public LocalWriteKind Kind { get; }

        public IOperation? Value { get; }
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
            foreach (IOperation operation in Root(reference).DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator when Same(declarator.Symbol, local):
                        if (Initializer(declarator) is { } initial)
                        {
                            writes.Add(new LocalWrite(LocalWriteKind.Assignment, initial));
                        }

                        break;
                    case IDeconstructionAssignmentOperation deconstruction when Mentions(deconstruction.Target, local):
                        writes.Add(new LocalWrite(LocalWriteKind.Unknown, null));
                        break;
                    case IAssignmentOperation assignment when IsLocal(assignment.Target, local):
                        // Simple, compound (+=) and coalesce (??=) assignments alike.
                        writes.Add(new LocalWrite(LocalWriteKind.Assignment, assignment.Value));
                        break;
                    case IArgumentOperation { Parameter.RefKind: RefKind.Out or RefKind.Ref } argument when IsLocal(argument.Value, local):
                        writes.Add(new LocalWrite(LocalWriteKind.OutArgument, argument.Parent));
                        break;
                    case IForEachLoopOperation loop when loop.LoopControlVariable is IVariableDeclaratorOperation variable && Same(variable.Symbol, local):
                        writes.Add(new LocalWrite(LocalWriteKind.ForEach, loop.Collection));
                        break;
                    case IForEachLoopOperation loop when loop.LoopControlVariable is { } control && Mentions(control, local):
                        writes.Add(new LocalWrite(LocalWriteKind.Unknown, null));
                        break;
                    case IDeclarationPatternOperation pattern when Same(pattern.DeclaredSymbol, local):
                        writes.Add(new LocalWrite(LocalWriteKind.Unknown, null));
                        break;
                }
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

        private static IOperation Root(IOperation operation)
        {
            while (operation.Parent is { } parent)
            {
                operation = parent;
            }

            return operation;
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
        }

        private static bool Same(ISymbol? left, ISymbol right) => SymbolEqualityComparer.Default.Equals(left, right);
    }
}
