using System;
using System.Collections.Generic;
using System.Linq;
using CometAnalyzers.Rules.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static CometAnalyzers.Rules.Common.TypeChecks;

namespace CometAnalyzers.Rules.Secrets
{
    /// <summary>
    /// Finds what leaks inside a value written to a log (a secret, or sensitive content: see <see cref="LeakSources"/>):
    /// the value itself, or what it is built from through interpolation, concatenation, <c>string.Join/Concat/Format</c>,
    /// <c>ToString()</c>, value-preserving string and LINQ methods, tuples, anonymous objects and locals assigned in the
    /// same method. Numbers and booleans stop the search (a length or a null check is not the secret), and so do methods
    /// whose name says they redact, mask or hash. Method calls not listed here are not followed: their result is not
    /// assumed to carry their arguments.
    /// </summary>
    internal sealed class SecretLeakFinder
    {
        private const int MaxDepth = 24;

        private const string NamedSecret = SecretLeak.NamedReason;

        // String methods whose result still holds the whole receiver (Substring and Remove cut it, as masking does).
        // Replace is followed on its own (VisitReplace): what it replaces is taken out.
        private static readonly HashSet<string> PreservingStringMethods = new(StringComparer.Ordinal)
        {
            "Trim", "TrimStart", "TrimEnd", "ToUpper", "ToUpperInvariant", "ToLower", "ToLowerInvariant", "PadLeft", "PadRight",
            "Normalize", "Insert", "Clone", "ToCharArray", "Join", "Concat", "Format", "Copy", "Create",
        };

        private static readonly HashSet<string> PreservingLinqMethods = new(StringComparer.Ordinal)
        {
            "First", "FirstOrDefault", "Single", "SingleOrDefault", "Last", "LastOrDefault", "ElementAt", "ElementAtOrDefault",
            "ToArray", "ToList", "AsEnumerable", "Where", "Skip", "Take", "Distinct", "Reverse", "Concat", "Append", "DefaultIfEmpty",
        };

        // Properties that hand on what their owner holds: an option's Value, a header's Parameter, request.Headers.NonValidated.
        private static readonly HashSet<string> PassThroughProperties = new(StringComparer.Ordinal) { "Value", "Values", "Parameter", "NonValidated" };

        private readonly LeakSources _sources;
        private readonly INamedTypeSymbol? _enumerable;
        private readonly INamedTypeSymbol? _formattableString;
        private readonly INamedTypeSymbol? _convert;
        private readonly INamedTypeSymbol? _stringBuilder;
        private readonly INamedTypeSymbol? _memoryExtensions;

        public SecretLeakFinder(Compilation compilation, LeakSources sources)
        {
            _sources = sources;
            _enumerable = compilation.GetTypeByMetadataName("System.Linq.Enumerable");
            _formattableString = compilation.GetTypeByMetadataName("System.FormattableString");
            _convert = compilation.GetTypeByMetadataName("System.Convert");
            _stringBuilder = compilation.GetTypeByMetadataName("System.Text.StringBuilder");
            _memoryExtensions = compilation.GetTypeByMetadataName("System.MemoryExtensions");
        }

        /// <summary>Whether the finder judges a read of this property by the value it belongs to.</summary>
        public static bool PassesThrough(string propertyName) => PassThroughProperties.Contains(propertyName);

        public SecretLeak? Find(IOperation value, SecretNames names) => new Walk(this, names).Visit(value, 0);

        /// <summary>One search, with its own guard against locals that feed each other.</summary>
        private sealed class Walk
        {
            private readonly SecretLeakFinder _finder;
            private readonly SecretNames _names;
            // Reads being followed, not locals: `key = key.Trim()` reads the key's earlier value, another read of the same local.
            private readonly HashSet<ILocalReferenceOperation> _visitingReads = new();

            // Local function parameters being followed through their calls: a recursive call passes the parameter back to itself.
            private readonly HashSet<IParameterSymbol> _visitingParameters = new(SymbolEqualityComparer.Default);

            // Values a Replace being followed takes out of its receiver: text.Replace(apiKey, "***") holds no apiKey.
            private readonly List<IOperation> _removed = new();

            public Walk(SecretLeakFinder finder, SecretNames names)
            {
                _finder = finder;
                _names = names;
            }

            private LeakSources Sources => _finder._sources;

            public SecretLeak? Visit(IOperation? operation, int depth)
            {
                if (operation is null || depth > MaxDepth)
                {
                    return null;
                }

                if (operation is IConversionOperation conversion)
                {
                    return Visit(conversion.Operand, depth + 1);
                }

                if (Sources.NeverLeaks(operation.Type) || operation.ConstantValue.HasValue || IsRemoved(operation))
                {
                    return null;
                }

                if (Sources.Whole(operation, _names) is { } whole)
                {
                    return whole;
                }

                return operation switch
                {
                    IInterpolatedStringOperation interpolated => VisitAll(interpolated.Parts.Select(ValueParts.HoleValue), depth),
                    IInterpolatedStringHandlerCreationOperation handler => Visit(handler.Content, depth + 1),
                    IBinaryOperation binary => VisitAll(new[] { binary.LeftOperand, binary.RightOperand }, depth),
                    IConditionalOperation conditional => VisitAll(new[] { conditional.WhenTrue, conditional.WhenFalse }, depth),
                    ISwitchExpressionOperation switchExpression => VisitAll(switchExpression.Arms.Select(arm => arm.Value), depth),
                    ICoalesceOperation coalesce => VisitAll(new[] { coalesce.Value, coalesce.WhenNull }, depth),
                    IConditionalAccessOperation access => Visit(access.WhenNotNull, depth + 1),
                    IConditionalAccessInstanceOperation instance => Visit(ConditionalReceiver(instance), depth + 1),
                    IAwaitOperation awaited => Visit(awaited.Operation, depth + 1),
                    ITupleOperation tuple => VisitAll(tuple.Elements, depth),
                    IAnonymousObjectCreationOperation anonymous => VisitAll(anonymous.Initializers, depth),
                    ISimpleAssignmentOperation assignment => Visit(assignment.Value, depth + 1),
                    IArrayCreationOperation { Initializer: { } initializer } => VisitAll(initializer.ElementValues, depth),
                    ILocalReferenceOperation local => VisitLocal(local, depth),
                    IParameterReferenceOperation parameter => VisitParameter(parameter, depth),
                    IFieldReferenceOperation field => ByName(field, field.Field),
                    IPropertyReferenceOperation property => VisitProperty(property, depth),
                    IInvocationOperation invocation => VisitInvocation(invocation, depth),
                    IObjectCreationOperation creation when Is(creation.Type, _finder._stringBuilder) => VisitAll(ArgumentValues(creation.Arguments), depth),
                    _ => ValueParts.Elements(operation) is { } elements ? VisitAll(elements, depth) : null,
                };
            }

            /// <summary>The strongest finding among the operations: the first certain one, else the first by name.</summary>
            private SecretLeak? VisitAll(IEnumerable<IOperation?> operations, int depth)
            {
                SecretLeak? found = null;
                foreach (IOperation? operation in operations)
                {
                    found = SecretLeak.Stronger(found, Visit(operation, depth + 1));
                    if (found is { IsCertain: true })
                    {
                        break;
                    }
                }

                return found;
            }

            private SecretLeak? VisitLocal(ILocalReferenceOperation local, int depth)
            {
                string name = local.Local.Name;
                List<LocalWrite> writes = ReachingWrites.Of(local, LocalWrites.Find(local));

                // var token = part.Text: an ambiguous name gives way to a value the rule can follow on every write.
                bool judgedByValue = Sources.JudgesNames && _names.IsAmbiguous(name) && writes.Count > 0 && writes.TrueForAll(IsFollowed);

                // The name alone makes a finding; what the local holds may still make it a certain one.
                SecretLeak? found = judgedByValue ? null : ByName(local, local.Local);
                if (!_visitingReads.Add(local))
                {
                    return found;
                }

                try
                {
                    foreach (LocalWrite write in writes)
                    {
                        SecretLeak? leak = write.Kind switch
                        {
                            LocalWriteKind.Assignment or LocalWriteKind.ForEach or LocalWriteKind.Match or LocalWriteKind.Append => Visit(write.Value, depth + 1),
                            LocalWriteKind.OutArgument when write.Value is { } call && SourceRead(call) is { } read => read,
                            LocalWriteKind.OutArgument when write.Value is IInvocationOperation { TargetMethod.Name: "Deconstruct", Instance: { } owner } => Visit(owner, depth + 1),
                            _ => null,
                        };
                        if (leak is null && judgedByValue && ProducedByTokenMethod(write.Value, local.Local.Type))
                        {
                            leak = new SecretLeak(write.Value!, NamedSecret, SecretBasis.Name);
                        }

                        found = SecretLeak.Stronger(found, leak?.At(local));
                        if (found is { IsCertain: true })
                        {
                            break;
                        }
                    }

                    return found;
                }
                finally
                {
                    _visitingReads.Remove(local);
                }
            }

            /// <summary>A parameter by its name, or an ambiguous token by what its local function's calls pass (see <see cref="TokenParameters"/>).</summary>
            private SecretLeak? VisitParameter(IParameterReferenceOperation reference, int depth)
            {
                // Without names, a parameter says nothing: its value comes from callers the rule does not follow.
                IParameterSymbol parameter = reference.Parameter;
                if (!Sources.JudgesNames)
                {
                    return null;
                }

                switch (TokenParameters.Judge(parameter, _names))
                {
                    case ParameterJudgement.ByName:
                        return ByName(reference, parameter);
                    case ParameterJudgement.NotJudged:
                        return null;
                }

                if (!_visitingParameters.Add(parameter))
                {
                    return null;
                }

                try
                {
                    SecretLeak? found = null;
                    foreach (IOperation value in TokenParameters.PassedValues(reference))
                    {
                        // Show(jwt.WriteToken(claims)): as for a local, a method named for making a token passes one.
                        SecretLeak? leak = Visit(value, depth + 1) ?? (ProducedByTokenMethod(value, parameter.Type) ? new SecretLeak(value, NamedSecret, SecretBasis.Name) : null);
                        found = SecretLeak.Stronger(found, leak?.At(reference));
                        if (found is { IsCertain: true })
                        {
                            break;
                        }
                    }

                    return found;
                }
                finally
                {
                    _visitingParameters.Remove(parameter);
                }
            }

            private static bool IsFollowed(LocalWrite write)
                => write.Kind is LocalWriteKind.Assignment or LocalWriteKind.ForEach or LocalWriteKind.Match or LocalWriteKind.Append or LocalWriteKind.OutArgument;

            /// <summary>
            /// <c>jwt.WriteToken(claims)</c>, <c>await CreateTokenAsync(user)</c>, <c>TryGetToken(out token)</c>: a method whose
            /// name says it makes a token, writing a variable of type <paramref name="written"/>.
            /// </summary>
            private bool ProducedByTokenMethod(IOperation? value, ITypeSymbol written)
            {
                while (value is IAwaitOperation or IConversionOperation)
                {
                    value = value is IAwaitOperation awaited ? awaited.Operation : ((IConversionOperation)value).Operand;
                }

                return value is IInvocationOperation invocation && Sources.JudgesNames
                    && Sources.IsNamedSecret(_names, GetterName(invocation.TargetMethod.Name), written, invocation.TargetMethod.ContainingType);
            }

            private SecretLeak? VisitProperty(IPropertyReferenceOperation property, int depth)
            {
                SecretLeak? found = SourceRead(property);
                if (found is { IsCertain: true })
                {
                    return found;
                }

                if (!property.Property.IsIndexer)
                {
                    found = SecretLeak.Stronger(found, ByName(property, property.Property));
                }

                if (!PassThroughProperties.Contains(property.Property.Name))
                {
                    return found;
                }

                // _apiKey.Value: what the owner holds, and the owner's name said of the text it hands on.
                found = SecretLeak.Stronger(found, Visit(property.Instance, depth + 1));
                return found ?? (NamedOwner(property.Instance) is { } owner ? ByName(property, owner.Name, property.Type, owner.ContainingType) : null);
            }

            private SecretLeak? VisitInvocation(IInvocationOperation invocation, int depth)
            {
                IMethodSymbol method = invocation.TargetMethod;
                if (SecretNames.SaysRedacted(method.Name))
                {
                    return null;
                }

                if (SourceRead(invocation) is { } read)
                {
                    return read;
                }

                if (method.ContainingType?.SpecialType == SpecialType.System_String && method.Name == "Replace")
                {
                    return VisitReplace(invocation, depth);
                }

                if (IsPreserving(method))
                {
                    return VisitAll(new[] { invocation.Instance }.Concat(ArgumentValues(invocation)), depth);
                }

                if (Is(method.ContainingType, _finder._enumerable) && method.Name == "Where" && invocation.Arguments.Length == 2
                    && Sources.FiltersOut(invocation.Arguments[1].Value))
                {
                    return null;
                }

                if (Is(method.ContainingType, _finder._enumerable) && PreservingLinqMethods.Contains(method.Name))
                {
                    return VisitAll(ArgumentValues(invocation), depth);
                }

                if (Sources.Call(invocation) is { } called)
                {
                    return called;
                }

                // GetApiKey(), GetSecretAsync(): a getter whose name says it returns a secret.
                return invocation.Arguments.Length <= (method.IsExtensionMethod ? 1 : 0)
                    ? ByName(invocation, GetterName(method.Name), invocation.Type, method.ContainingType)
                    : null;
            }

            private SecretLeak? SourceRead(IOperation operation) => Sources.Read(operation, _names);

            /// <summary>
            /// <c>text.Replace(oldValue, newValue)</c> keeps what its receiver holds, less every occurrence of oldValue, and
            /// adds newValue. Replacing a secret is how code redacts one, so oldValue is never a leak, and a receiver whose
            /// only secret is oldValue comes out clean: <c>body.Replace(apiKey, "[REDACTED]")</c>.
            /// </summary>
            private SecretLeak? VisitReplace(IInvocationOperation replace, int depth)
            {
                IOperation? oldValue = CallArguments.For(replace.Arguments, "oldValue")?.Value;
                if (oldValue is not null)
                {
                    _removed.Add(oldValue);
                }

                SecretLeak? kept;
                try
                {
                    kept = Visit(replace.Instance, depth + 1);
                }
                finally
                {
                    if (oldValue is not null)
                    {
                        _removed.RemoveAt(_removed.Count - 1);
                    }
                }

                return kept is { IsCertain: true } ? kept : SecretLeak.Stronger(kept, Visit(CallArguments.For(replace.Arguments, "newValue")?.Value, depth + 1));
            }

            private bool IsRemoved(IOperation operation)
            {
                foreach (IOperation removed in _removed)
                {
                    if (SameValue.Equivalent(removed, operation))
                    {
                        return true;
                    }
                }

                return false;
            }

            private bool IsPreserving(IMethodSymbol method)
            {
                if (method.Name == "ToString")
                {
                    return true;
                }

                INamedTypeSymbol? type = method.ContainingType;
                return (type?.SpecialType == SpecialType.System_String && PreservingStringMethods.Contains(method.Name))
                    || (Is(type, _finder._formattableString) && method.Name is "Invariant" or "CurrentCulture")
                    || (Is(type, _finder._convert) && method.Name == "ToString")
                    || (Is(type, _finder._stringBuilder) && method.Name.StartsWith("Append", StringComparison.Ordinal))
                    || (Is(type, _finder._memoryExtensions) && method.Name is "AsSpan" or "AsMemory" && method.Parameters.Length == 1);
            }

            private SecretLeak? ByName(IOperation operation, ISymbol symbol)
                => Sources.JudgesNames && Sources.IsNamedSecret(_names, symbol) ? new SecretLeak(operation, NamedSecret, SecretBasis.Name) : null;

            private SecretLeak? ByName(IOperation operation, string name, ITypeSymbol? type, INamedTypeSymbol? owner)
                => Sources.JudgesNames && Sources.IsNamedSecret(_names, name, type, owner) ? new SecretLeak(operation, NamedSecret, SecretBasis.Name) : null;

            private static ISymbol? NamedOwner(IOperation? instance)
                => instance switch
                {
                    ILocalReferenceOperation local => local.Local,
                    IParameterReferenceOperation parameter => parameter.Parameter,
                    IFieldReferenceOperation field => field.Field,
                    IPropertyReferenceOperation { Property.IsIndexer: false } property => property.Property,
                    _ => null,
                };

            private static string GetterName(string name)
            {
                if (name.StartsWith("Get", StringComparison.Ordinal) && name.Length > 3)
                {
                    name = name.Substring(3);
                }

                return name.EndsWith("Async", StringComparison.Ordinal) && name.Length > 5 ? name.Substring(0, name.Length - 5) : name;
            }

            private static IEnumerable<IOperation> ArgumentValues(IInvocationOperation invocation) => ArgumentValues(invocation.Arguments);

            private static IEnumerable<IOperation> ArgumentValues(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments)
            {
                foreach (IArgumentOperation argument in arguments)
                {
                    if (argument.Value is { } value)
                    {
                        yield return value;
                    }
                }
            }

            /// <summary>The receiver that <c>?.</c> tested: the operation of the nearest enclosing conditional access.</summary>
            private static IOperation? ConditionalReceiver(IConditionalAccessInstanceOperation instance)
            {
                IOperation previous = instance;
                for (IOperation? parent = instance.Parent; parent is not null; previous = parent, parent = parent.Parent)
                {
                    if (parent is IConditionalAccessOperation access && access.WhenNotNull == previous)
                    {
                        return access.Operation;
                    }
                }

                return null;
            }
        }
    }
}
