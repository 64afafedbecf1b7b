using System.Collections.Generic;
using System.Threading;
using CometAnalyzers.Rules.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CometAnalyzers.Rules.Endpoints
{
    /// <summary>
    /// Where a value a URL sink receives starts: a string constant (the part that fixes its scheme and host), or a
    /// parameter of the method the sink is in (the caller decides; see <see cref="ForwardedParameters"/>).
    /// </summary>
    internal readonly struct UrlOrigin
    {
        public UrlOrigin(IOperation constant, string text, bool isPrefix, EndpointSinkKind kind)
        {
            Constant = constant;
            Text = text;
            IsPrefix = isPrefix;
            Kind = kind;
            Parameter = null;
            Member = null;
        }

        private UrlOrigin(IParameterReferenceOperation parameter, bool isPrefix)
        {
            Constant = parameter;
            Text = string.Empty;
            IsPrefix = isPrefix;
            Kind = EndpointSinkKind.Url;
            Parameter = parameter.Parameter;
            Member = null;
        }

        private UrlOrigin(IMemberReferenceOperation member, bool isPrefix)
        {
            Constant = member;
            Text = string.Empty;
            IsPrefix = isPrefix;
            Kind = EndpointSinkKind.Url;
            Parameter = null;
            Member = member.Member.OriginalDefinition;
        }

        /// <summary>The literal, concatenation or interpolation text, possibly in another file (a field, a helper); or the parameter's read.</summary>
        public IOperation Constant { get; }

        /// <summary>Set when the value comes from a parameter: then there is no text to judge here.</summary>
        public IParameterSymbol? Parameter { get; }

        /// <summary>
        /// Set when the value comes from a field or property of the project's own that a constructor or setter may
        /// change: no text to judge here either, but an own client type that stores its address there sends to it
        /// (<see cref="StoredAddresses"/>).
        /// </summary>
        public ISymbol? Member { get; }

        /// <summary>True when the value is only known at run time (a parameter or a settable member): nothing to judge.</summary>
        public bool IsUnknown => Parameter is not null || Member is not null;

        public static UrlOrigin FromParameter(IParameterReferenceOperation parameter, bool isPrefix) => new(parameter, isPrefix);

        public static UrlOrigin FromMember(IMemberReferenceOperation member, bool isPrefix) => new(member, isPrefix);

        public string Text { get; }

        /// <summary>True when more is appended at run time: only a host already closed in <see cref="Text"/> is fixed.</summary>
        public bool IsPrefix { get; }

        public EndpointSinkKind Kind { get; }
    }

    /// <summary>
    /// Follows a value a URL sink receives back to the string constants it can start with. Followed: <c>new Uri(s)</c>
    /// and <c>new Uri(baseUri, relative)</c> (the base fixes the host), <c>ToString()</c> of a Uri or string, the
    /// string-building calls (<see cref="StringBuildingCalls"/>), the left-most part of a concatenation or interpolation,
    /// every alternative of <c>??</c>, <c>?:</c> and switch expressions, locals (every value assigned to them), followed
    /// fields and properties, and small helper methods (<see cref="DeclaredValues"/>). A parameter ends the trace as an
    /// origin of its own (the caller decides the value). Not followed: settable members, and the fallback of <c>??</c> when the left side is something the caller
    /// configures (a parameter or a member of <c>this</c>): <c>endpoint ?? new Uri("https://api.vendor.com")</c> is the
    /// documented default of a setting, not a hardcoded endpoint.
    /// </summary>
    internal sealed class UrlOrigins
    {
        /// <summary>How many hops (locals, members, helpers, nested alternatives) a value is followed through.</summary>
        private const int MaxDepth = 6;

        /// <summary>A local written more often than this is built step by step; its writes are not followed.</summary>
        private const int MaxLocalWrites = 4;

        private readonly HttpSinks _sinks;
        private readonly DeclaredValues _declared;

        public UrlOrigins(HttpSinks sinks, DeclaredValues declared)
        {
            _sinks = sinks;
            _declared = declared;
        }

        public void Trace(IOperation value, EndpointSinkKind kind, SemanticModel model, List<UrlOrigin> origins, CancellationToken cancellationToken)
            => Trace(value, kind, isPrefix: false, depth: 0, model, origins, cancellationToken);

        private void Trace(IOperation value, EndpointSinkKind kind, bool isPrefix, int depth, SemanticModel model, List<UrlOrigin> origins, CancellationToken cancellationToken)
        {
            value = Conversions.Unwrap(value);
            if (depth > MaxDepth)
            {
                return;
            }

            void Next(IOperation next, EndpointSinkKind nextKind, bool nextIsPrefix)
                => Trace(next, nextKind, nextIsPrefix, depth + 1, next.SemanticModel ?? model, origins, cancellationToken);

            switch (value)
            {
                case ICoalesceOperation coalesce:
                    Next(coalesce.Value, kind, isPrefix);
                    if (!IsCallerConfigured(coalesce.Value))
                    {
                        Next(coalesce.WhenNull, kind, isPrefix);
                    }

                    return;
                case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                    Next(conditional.WhenTrue, kind, isPrefix);
                    Next(whenFalse, kind, isPrefix);
                    return;
                case ISwitchExpressionOperation switchExpression:
                    foreach (ISwitchExpressionArmOperation arm in switchExpression.Arms)
                    {
                        Next(arm.Value, kind, isPrefix);
                    }

                    return;
                case IObjectCreationOperation creation when _sinks.IsUri(creation.Type):
                    TraceUriCreation(creation, isPrefix, Next);
                    return;
                case IInvocationOperation call:
                    TraceCall(call, kind, isPrefix, depth, model, origins, Next, cancellationToken);
                    return;
                case ILocalReferenceOperation local:
                    TraceLocal(local, kind, isPrefix, Next);
                    return;
                case IParameterReferenceOperation parameter:
                    origins.Add(UrlOrigin.FromParameter(parameter, isPrefix));
                    return;
                case IPropertyReferenceOperation { Property.Name: "Uri", Instance: IObjectCreationOperation builder } when IsUriBuilder(builder.Type):
                    TraceUriBuilder(builder, isPrefix, Next);
                    return;
                case IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol } member:
                    // A const of a referenced assembly has no declaration here: it is that library's default, not followed.
                    if (_declared.ValueOf(member.Member, model, cancellationToken) is { } declared)
                    {
                        Next(declared, kind, isPrefix);
                    }
                    else if (member.Member.Locations.Length > 0 && member.Member.Locations[0].IsInSource)
                    {
                        origins.Add(UrlOrigin.FromMember(member, isPrefix));
                    }

                    return;
            }

            if (ConstantText.TryGet(value, out string text))
            {
                // A constant built from named constants is judged from its first name: that member's declaration.
                IOperation leadingConstant = ConstantStrings.Leading(value);
                if (leadingConstant != value && ConstantStrings.IsNamedConstant(leadingConstant))
                {
                    Next(leadingConstant, kind, true);
                    return;
                }

                origins.Add(new UrlOrigin(value, text, isPrefix, kind));
                return;
            }

            // Built at run time: the left-most part fixes scheme and host. When every part is known after all (a local
            // assigned one constant), the whole URL is judged, reported at its first part.
            IOperation leading = ConstantStrings.Leading(value);
            if (leading != value)
            {
                if (Fold(value, depth: 0) is { } whole && ConstantText.TryGet(leading, out _))
                {
                    origins.Add(new UrlOrigin(leading, whole, isPrefix, kind));
                    return;
                }

                Next(leading, kind, true);
            }
        }

        /// <summary>
        /// The text a concatenation or interpolation builds when each part is a constant or a local assigned one constant
        /// (<c>var file = "logo.png"; $"https://cdn.vendor.io/img/{file}"</c>); null when any part is only known at run time.
        /// </summary>
        private static string? Fold(IOperation operation, int depth)
        {
            operation = Conversions.Unwrap(operation);
            if (ConstantText.TryGet(operation, out string text))
            {
                return text;
            }

            if (depth > MaxDepth)
            {
                return null;
            }

            switch (operation)
            {
                case ILocalReferenceOperation local:
                    return LocalWrites.SingleValue(local) is { } single ? Fold(single, depth + 1) : null;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary:
                    return Fold(binary.LeftOperand, depth + 1) is { } left && Fold(binary.RightOperand, depth + 1) is { } right ? left + right : null;
                case IInterpolatedStringOperation interpolated:
                    var builder = new System.Text.StringBuilder();
                    foreach (IInterpolatedStringContentOperation part in interpolated.Parts)
                    {
                        string? piece = part switch
                        {
                            IInterpolatedStringTextOperation { Text: { } partText } => Fold(partText, depth + 1),
                            IInterpolationOperation { Alignment: null, FormatString: null, Expression: { } hole } => Fold(hole, depth + 1),
                            _ => null,
                        };
                        if (piece is null)
                        {
                            return null;
                        }

                        builder.Append(piece);
                    }

                    return builder.ToString();
                default:
                    return null;
            }
        }

        /// <summary><c>new Uri(text)</c> and <c>new Uri(text, UriKind)</c>: the text; <c>new Uri(baseUri, relative)</c>: the base, with more appended.</summary>
        private static void TraceUriCreation(IObjectCreationOperation creation, bool isPrefix, System.Action<IOperation, EndpointSinkKind, bool> next)
        {
            bool hasRelative = false;
            IOperation? leading = null;
            foreach (IArgumentOperation argument in creation.Arguments)
            {
                switch (argument.Parameter?.Name)
                {
                    case "uriString" or "baseUri":
                        leading = argument.Value;
                        break;
                    case "relativeUri":
                        hasRelative = true;
                        break;
                }
            }

            if (leading is not null)
            {
                next(leading, EndpointSinkKind.Url, isPrefix || hasRelative);
            }
        }

        /// <summary>
        /// <c>new UriBuilder("https://x/").Uri</c>, sent as it is built: its URL, unless the initializer sets the scheme,
        /// host or port (then the constant no longer fixes where the request goes). A builder kept in a local and changed
        /// step by step is not followed.
        /// </summary>
        private static void TraceUriBuilder(IObjectCreationOperation builder, bool isPrefix, System.Action<IOperation, EndpointSinkKind, bool> next)
        {
            if (builder.Initializer is { } initializer)
            {
                foreach (IOperation member in initializer.Initializers)
                {
                    if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Scheme" or "Host" or "Port" } })
                    {
                        return;
                    }
                }
            }

            foreach (IArgumentOperation argument in builder.Arguments)
            {
                if (argument.Parameter?.Name == "uri")
                {
                    next(argument.Value, EndpointSinkKind.Url, isPrefix);
                }
            }
        }

        private static bool IsUriBuilder(ITypeSymbol? type)
            => type is INamedTypeSymbol { Name: "UriBuilder", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };

        private void TraceCall(
            IInvocationOperation call,
            EndpointSinkKind kind,
            bool isPrefix,
            int depth,
            SemanticModel model,
            List<UrlOrigin> origins,
            System.Action<IOperation, EndpointSinkKind, bool> next,
            CancellationToken cancellationToken)
        {
            IMethodSymbol method = call.TargetMethod;
            if (method.Name == "ToString" && method.Parameters.Length == 0 && call.Instance is { } instance
                && (instance.Type?.SpecialType == SpecialType.System_String || _sinks.IsUri(instance.Type)))
            {
                next(instance, kind, isPrefix);
                return;
            }

            if (StringBuildingCalls.Leading(call, out bool isCompositeFormat) is { } leading)
            {
                next(leading, isCompositeFormat && kind == EndpointSinkKind.Url ? EndpointSinkKind.UrlFormat : kind, isPrefix || isCompositeFormat);
                return;
            }

            if (_declared.ReturnedBy(call, model, cancellationToken) is not { } returned)
            {
                return;
            }

            // The helper's own parameters stand for what this call passes: ForecastUrl("https://x", city) is followed to "https://x".
            var inHelper = new List<UrlOrigin>();
            Trace(returned, kind, isPrefix, depth + 1, returned.SemanticModel ?? model, inHelper, cancellationToken);
            foreach (UrlOrigin origin in inHelper)
            {
                if (origin.Parameter is { } parameter && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, call.TargetMethod.OriginalDefinition)
                    && CallArguments.For(call.Arguments, parameter.Ordinal) is { IsImplicit: false, Value: { } argument })
                {
                    next(argument, kind, origin.IsPrefix);
                }
                else
                {
                    origins.Add(origin);
                }
            }
        }

        /// <summary>Every value assigned to the local (declaration, assignments in any branch); none when it is also written another way.</summary>
        private static void TraceLocal(ILocalReferenceOperation local, EndpointSinkKind kind, bool isPrefix, System.Action<IOperation, EndpointSinkKind, bool> next)
        {
            if (local.Local.HasConstantValue && local.Local.ConstantValue is string)
            {
                // A const local: its declaration holds the literal.
                if (LocalWrites.SingleValue(local) is { } constant)
                {
                    next(constant, kind, isPrefix);
                }

                return;
            }

            List<LocalWrite> writes = LocalWrites.Find(local);
            if (writes.Count > MaxLocalWrites || writes.Exists(w => w.Kind != LocalWriteKind.Assignment || w.Value is null))
            {
                return;
            }

            foreach (LocalWrite write in writes)
            {
                // url += "/v1/x" appends to what url held; url ??= "https://x" is a fallback like ??.
                bool appends = write.Value!.Parent is ICompoundAssignmentOperation;
                if (!appends)
                {
                    next(write.Value, kind, isPrefix);
                }
            }
        }

        /// <summary>
        /// A value the caller of this code configures: a parameter, a member of <c>this</c>, or a field or property read
        /// through them (<c>options.Endpoint</c>, <c>this._settings.BaseUrl</c>, <c>options?.Endpoint</c>). A
        /// configuration read (an indexer, a call) or a static member is not: its fallback is a hardcoded endpoint.
        /// </summary>
        private static bool IsCallerConfigured(IOperation value)
        {
            IOperation? current = Conversions.Unwrap(value);
            while (true)
            {
                switch (current)
                {
                    case IParameterReferenceOperation:
                    case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }:
                        return true;
                    case IConditionalAccessOperation conditional:
                        current = Conversions.Unwrap(conditional.Operation);
                        break;
                    case IFieldReferenceOperation { Instance: { } instance }:
                        current = Conversions.Unwrap(instance);
                        break;
                    case IPropertyReferenceOperation { Instance: { } instance, Arguments.Length: 0 }:
                        current = Conversions.Unwrap(instance);
                        break;
                    case IFieldReferenceOperation { Instance: null, Field.IsStatic: false }:
                    case IPropertyReferenceOperation { Instance: null, Property.IsStatic: false }:
                        return true;
                    default:
                        return false;
                }
            }
        }
    }
}
