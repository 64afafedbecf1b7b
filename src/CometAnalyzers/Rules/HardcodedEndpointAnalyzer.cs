using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using CometAnalyzers.Contract;
using CometAnalyzers.Rules.Endpoints;
using CometAnalyzers.Rules.Gating;
using CometAnalyzers.Rules.Secrets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CometAnalyzers.Rules
{
    /// <summary>
    /// COMET001: a string constant hardcodes an endpoint. Contract endpoints (the contract's path or hosts) are
    /// reported wherever the constant is written; other remote http(s) URLs only where they reach HTTP.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class HardcodedEndpointAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Diagnostic property: the generated contract class, as the code fix writes it.</summary>
        internal const string ContractTypeProperty = "ContractType";

        /// <summary>Diagnostic property: the contract path a path literal can be replaced with.</summary>
        internal const string ContractPathProperty = "ContractPath";

        private const int MaxShownLength = 100;

        /// <summary>How many locals, string-building calls and nested <c>??</c>/<c>?:</c>/switch expressions a sink value is followed through.</summary>
        private const int MaxFollowDepth = 4;

        private static readonly DiagnosticDescriptor Rule = new(
            RuleIdentifiers.HardcodedEndpoint,
            title: "Endpoint URL or path is hardcoded",
            messageFormat: "'{0}' hardcodes {1}; {2}",
            RuleIdentifiers.UsageCategory,
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "A hardcoded base URL or endpoint path cannot be changed or rolled back without a redeploy. Read the base URL from configuration and take the path from the generated contract class.",
            helpLinkUri: RuleIdentifiers.GetHelpUri(RuleIdentifiers.HardcodedEndpoint));

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                CompilationContracts contracts = CompilationContracts.Read(start.Options, start.CancellationToken);
                var analyzer = new AnalyzerContext(start.Compilation, contracts);
                var gates = new EndpointGates(start.Compilation, contracts.All);
                var gate = new OperationGate(start.Compilation);
                gate.Add<ILiteralOperation>(EndpointGates.Literals, gates.MayBeConstantEndpoint, analyzer.AnalyzeConstant);
                gate.Add<IBinaryOperation>(EndpointGates.Concatenations, gates.MayBeConstantEndpoint, analyzer.AnalyzeConstant);
                gate.Add<IInterpolatedStringOperation>(EndpointGates.Interpolations, gates.MayBeConstantEndpoint, analyzer.AnalyzeConstant);
                gate.Add<ISymbolInitializerOperation>(EndpointGates.FieldInitializers, EndpointGates.MayBeFieldAlias, analyzer.AnalyzeAlias);
                if (analyzer.Sinks.IsAvailable)
                {
                    gate.Add<IObjectCreationOperation>(EndpointGates.Creations, gates.MayBeSink, analyzer.AnalyzeSink);
                    gate.Add<IInvocationOperation>(EndpointGates.Invocations, gates.MayBeSink, analyzer.AnalyzeSink);
                    gate.Add<ISimpleAssignmentOperation>(EndpointGates.Assignments, gates.MayBeSink, analyzer.AnalyzeSink);
                }

                gate.Register(start);
            });
        }

        private sealed class AnalyzerContext
        {
            private readonly CompilationContracts _contracts;
            private readonly PerTree<EndpointClassifier> _classifiers = new();
            private readonly EndpointFieldTracker _tracker = new();
            private readonly ConstructorWrites _constructorWrites = new();

            public AnalyzerContext(Compilation compilation, CompilationContracts contracts)
            {
                _contracts = contracts;
                Sinks = new EndpointSinks(compilation);
            }

            public EndpointSinks Sinks { get; }

            /// <summary>Every outermost string constant: contract endpoints are reported here, field URLs are remembered.</summary>
            public void AnalyzeConstant(RuleOperationContext context, IOperation operation)
            {
                if (!ConstantStrings.TryGetValue(operation, out string value) || !ConstantStrings.IsOutermost(operation))
                {
                    return;
                }

                EndpointClassifier classifier = ClassifierFor(context);
                string judged = value;
                if (classifier.MatchContract(value) is { } matched)
                {
                    // A contract endpoint is never judged again as a plain URL where it reaches HTTP.
                    if (ContractEndpoint(operation, matched, classifier) is { } contract)
                    {
                        if (_tracker.TryClaim(operation.Syntax.GetLocation()))
                        {
                            context.ReportDiagnostic(ForContract(operation, value, contract));
                        }

                        return;
                    }

                    // Built from endpoint constants reported at their declarations: only what is written before them is judged.
                    if (TextBeforeNamedEndpoints(operation, classifier) is not { } written)
                    {
                        return;
                    }

                    judged = written;
                }

                if (InitializedMember(operation, context.CancellationToken, out bool viaFormat) is { } member)
                {
                    // Through string.Format the member holds the formatted text, so a URL sink reads this constant as a format.
                    _tracker.AddInitializer(
                        member,
                        operation.Syntax.GetLocation(),
                        kind => FixedRemoteEndpoint(member, operation, value, judged, viaFormat && kind == EndpointSinkKind.Url ? EndpointSinkKind.UrlFormat : kind, classifier),
                        context.ReportDiagnostic);
                }
            }

            /// <summary>
            /// A followed member's remote URL, judged once the member reaches HTTP. A member a constructor may assign does
            /// not keep its initializer's value, so the initializer is no endpoint every use reads. The constructors are
            /// read only here, for a remote URL that reached a sink, and once per type; the tracker may call this for
            /// another tree's analysis, so that read is not cancelled with this one.
            /// </summary>
            private Diagnostic? FixedRemoteEndpoint(ISymbol member, IOperation operation, string value, string judged, EndpointSinkKind kind, EndpointClassifier classifier)
                => RemoteEndpoint(operation, value, judged, kind, classifier) is { } diagnostic && !_constructorWrites.MayBeWritten(member, CancellationToken.None)
                    ? diagnostic
                    : null;

            /// <summary>A followed member initialized with another (<c>Alias = Url</c>, <c>Alias = Endpoints.Url</c>) takes its URL from it.</summary>
            public void AnalyzeAlias(RuleOperationContext context, ISymbolInitializerOperation initializer)
            {
                if (Initialized(initializer) is { } alias && FollowedMembers.IsFollowed(alias)
                    && ConstantStrings.Unwrap(initializer.Value) is IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol } reference
                    && FollowedMembers.IsFollowed(reference.Member)
                    && !_constructorWrites.MayBeWritten(alias, context.CancellationToken))
                {
                    _tracker.AddAlias(alias, reference.Member.OriginalDefinition, context.ReportDiagnostic);
                }
            }

            /// <summary>Strings that reach HTTP: reported when they are remote URLs, at the constant or at its declaration.</summary>
            public void AnalyzeSink(RuleOperationContext context, IOperation operation)
            {
                foreach (EndpointSinkValue sink in Sinks.ValuesOf(operation))
                {
                    AnalyzeSinkValue(context, sink.Value, sink.Kind, depth: 0);
                }
            }

            /// <summary>
            /// Judges each alternative's leading part. A local assigned once is followed to its initializer, a
            /// string-building call to the argument its result starts with, and a <c>??</c>, <c>?:</c> or switch
            /// expression found there (or on the left of a concatenation) is split into its alternatives too.
            /// </summary>
            private void AnalyzeSinkValue(RuleOperationContext context, IOperation sinkValue, EndpointSinkKind kind, int depth)
            {
                foreach (IOperation alternative in Alternatives(sinkValue))
                {
                    IOperation value = ConstantStrings.Leading(alternative);
                    EndpointSinkKind followedKind = kind;
                    IOperation? followed = value switch
                    {
                        ILocalReferenceOperation local => LocalWrites.SingleValue(local),
                        ICoalesceOperation or IConditionalOperation or ISwitchExpressionOperation when value != alternative => value,
                        IInvocationOperation call => BuiltFrom(call, kind, out followedKind),
                        _ => null,
                    };
                    if (followed is not null && depth < MaxFollowDepth)
                    {
                        AnalyzeSinkValue(context, followed, followedKind, depth + 1);
                    }
                    else
                    {
                        AnalyzeLeading(context, value, kind);
                    }
                }
            }

            private void AnalyzeLeading(RuleOperationContext context, IOperation value, EndpointSinkKind kind)
            {
                if (value is IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol } reference && FollowedMembers.IsFollowed(reference.Member))
                {
                    _tracker.AddSinkUse(reference.Member.OriginalDefinition, kind, context.ReportDiagnostic);
                    return;
                }

                // Named constants are judged at their declaration; contract endpoints were reported by AnalyzeConstant.
                if (ConstantStrings.IsNamedConstant(value) || !ConstantStrings.TryGetValue(value, out string text))
                {
                    return;
                }

                EndpointClassifier classifier = ClassifierFor(context);
                string judged = text;
                if (classifier.MatchContract(text) is { } matched)
                {
                    // Reported by AnalyzeConstant, unless its endpoint came from named constants alone: then the text
                    // written before them ("https://gateway.example.com" + Contract.Path) is still a hardcoded URL.
                    if (ContractEndpoint(value, matched, classifier) is not null || TextBeforeNamedEndpoints(value, classifier) is not { } written)
                    {
                        return;
                    }

                    judged = written;
                }

                if (RemoteEndpoint(value, text, judged, kind, classifier) is { } diagnostic && _tracker.TryClaim(diagnostic.Location))
                {
                    context.ReportDiagnostic(diagnostic);
                }
            }

            /// <summary>The constant text written before the first named constant that is a contract endpoint, if any.</summary>
            private static string? TextBeforeNamedEndpoints(IOperation operation, EndpointClassifier classifier)
                => ConstantStrings.LeadingBefore(operation, v => classifier.MatchContract(v) is not null) is { } part
                   && ConstantStrings.TryGetValue(part, out string text)
                    ? text
                    : null;

            /// <summary>
            /// The argument a string-building call's result starts with (<c>FormattableString.Invariant($"https://x/{p}")</c>).
            /// A <c>string.Format</c> format string reaches a URL sink as a format, judged up to its first format item.
            /// </summary>
            private static IOperation? BuiltFrom(IInvocationOperation call, EndpointSinkKind kind, out EndpointSinkKind argumentKind)
            {
                IOperation? leading = StringBuildingCalls.Leading(call, out bool isCompositeFormat);
                argumentKind = isCompositeFormat && kind == EndpointSinkKind.Url ? EndpointSinkKind.UrlFormat : kind;
                return leading;
            }

            /// <summary>
            /// Every value a sink can receive: both sides of <c>??</c>, both branches of <c>?:</c> and every arm of a switch
            /// expression. A URL written as the fallback of a configured one (<c>config["BaseUrl"] ?? "https://..."</c>) or
            /// for one environment (<c>env switch { "prod" => "https://...", ... }</c>) is still a hardcoded endpoint.
            /// </summary>
            private static IEnumerable<IOperation> Alternatives(IOperation value)
            {
                while (value is IConversionOperation { IsImplicit: true } conversion)
                {
                    value = conversion.Operand;
                }

                return value switch
                {
                    ICoalesceOperation coalesce => Alternatives(coalesce.Value).Concat(Alternatives(coalesce.WhenNull)),
                    IConditionalOperation { WhenFalse: { } whenFalse } conditional => Alternatives(conditional.WhenTrue).Concat(Alternatives(whenFalse)),
                    ISwitchExpressionOperation switchExpression => switchExpression.Arms.SelectMany(arm => Alternatives(arm.Value)),
                    _ => new[] { value },
                };
            }

            /// <summary>
            /// The contract whose endpoint this constant hardcodes. A constant built from named constants that are
            /// endpoints themselves is reported at their declarations instead, unless its own literals add an endpoint.
            /// </summary>
            private static ContractSettings? ContractEndpoint(IOperation operation, ContractSettings contract, EndpointClassifier classifier)
            {
                if (!ConstantStrings.NamedConstantValues(operation).Any(v => classifier.MatchContract(v) is not null))
                {
                    return contract;
                }

                return ConstantStrings.OwnLiterals(operation).Select(classifier.MatchContract).FirstOrDefault(c => c is not null);
            }

            /// <summary>Reports <paramref name="value"/> when <paramref name="judged"/>, the part that fixes its host, is remote.</summary>
            private static Diagnostic? RemoteEndpoint(IOperation operation, string value, string judged, EndpointSinkKind kind, EndpointClassifier classifier)
            {
                bool remote = kind switch
                {
                    EndpointSinkKind.Host => classifier.IsRemoteHost(judged),
                    EndpointSinkKind.UrlFormat => classifier.IsRemoteUrl(EndpointText.BeforeFormatItem(judged)),
                    _ => classifier.IsRemoteUrl(judged),
                };
                return remote
                    ? Diagnostic.Create(Rule, operation.Syntax.GetLocation(), Shorten(value), "an HTTP endpoint", "read the URL from configuration so it can change without a redeploy")
                    : null;
            }

            private static Diagnostic ForContract(IOperation operation, string value, ContractSettings contract)
            {
                string configKey = contract.BaseUrlConfigKey is { } key ? $" ('{key}')" : string.Empty;
                ImmutableDictionary<string, string?> properties = ImmutableDictionary<string, string?>.Empty
                    .Add(ContractTypeProperty, contract.ContractTypeFullName)
                    .Add(ContractPathProperty, contract.Path);
                return Diagnostic.Create(
                    Rule,
                    operation.Syntax.GetLocation(),
                    properties,
                    Shorten(value),
                    $"the {contract.Name} endpoint",
                    $"read the base URL from configuration{configKey} and use {contract.ContractTypeName}.Path");
            }

            /// <summary>
            /// The followed field or property this constant initializes, alone or as the leading part of its initializer
            /// (<c>static readonly string Users = "https://x/users/" + Version;</c>), also through a call that builds a
            /// string from it (<c>FormattableString.Invariant($"https://x/{Version}")</c>; <paramref name="viaFormat"/> for
            /// <c>string.Format</c>). A property's expression body (<c>string Url => "https://x/";</c>) is its initializer
            /// here: every read returns that value.
            /// </summary>
            private static ISymbol? InitializedMember(IOperation operation, CancellationToken cancellationToken, out bool viaFormat)
            {
                viaFormat = false;
                IOperation current = operation;
                while (current.Parent is { } parent)
                {
                    if (IsLeadingPartOf(current, parent))
                    {
                        current = parent;
                    }
                    else if (StringBuiltFrom(current, out bool isCompositeFormat) is { } call)
                    {
                        viaFormat |= isCompositeFormat;
                        current = call;
                    }
                    else
                    {
                        break;
                    }
                }

                ISymbol? member = current.Parent switch
                {
                    ISymbolInitializerOperation initializer => Initialized(initializer),
                    IReturnOperation returned => FollowedMembers.ExpressionBodied(returned, cancellationToken),
                    _ => null,
                };
                return member is not null && FollowedMembers.IsFollowed(member) ? member : null;
            }

            /// <summary>
            /// The string-building call whose result starts with <paramref name="part"/>, if <paramref name="part"/> is its
            /// leading argument; <paramref name="isCompositeFormat"/> for <c>string.Format</c>'s format string.
            /// </summary>
            private static IInvocationOperation? StringBuiltFrom(IOperation part, out bool isCompositeFormat)
            {
                isCompositeFormat = false;
                // Between an argument's value and its call: the argument, an interpolated string handler, a params array.
                IOperation? call = part.Parent;
                for (int hops = 0; hops < 4 && call is not null and not IInvocationOperation; hops++)
                {
                    call = call.Parent;
                }

                if (call is not IInvocationOperation invocation || StringBuildingCalls.Leading(invocation, out isCompositeFormat) is not { } leading)
                {
                    return null;
                }

                for (IOperation? current = part; current is not null && current != invocation; current = current.Parent)
                {
                    if (current == leading)
                    {
                        return invocation;
                    }
                }

                isCompositeFormat = false;
                return null;
            }

            /// <summary>The field or property an initializer sets; null for a parameter's default or a local's initializer.</summary>
            private static ISymbol? Initialized(ISymbolInitializerOperation initializer)
                => initializer switch
                {
                    IFieldInitializerOperation { InitializedFields: { Length: 1 } fields } => fields[0],
                    IPropertyInitializerOperation { InitializedProperties: { Length: 1 } properties } => properties[0],
                    _ => null,
                };

            private static bool IsLeadingPartOf(IOperation part, IOperation parent)
                => parent switch
                {
                    IConversionOperation => true,
                    IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary => binary.LeftOperand == part,
                    IInterpolatedStringTextOperation or IInterpolationOperation => parent.Parent is IInterpolatedStringOperation { Parts: { Length: > 0 } parts } && parts[0] == parent,
                    IInterpolatedStringOperation => true,

                    // An interpolation lowered to a handler (string.Create): each literal part is an AppendLiteral call.
                    IInterpolatedStringAppendOperation => parent.Parent is IInterpolatedStringOperation { Parts: { Length: > 0 } appends } && appends[0] == parent,
                    IInvocationOperation { Parent: IInterpolatedStringAppendOperation } => true,
                    IArgumentOperation { Parent: IInvocationOperation { Parent: IInterpolatedStringAppendOperation } } => true,
                    _ => false,
                };

            private EndpointClassifier ClassifierFor(RuleOperationContext context)
                => _classifiers.Get(
                    context.Scope,
                    (Contracts: _contracts.All, context.Options),
                    static (tree, inputs) => new EndpointClassifier(inputs.Contracts, AllowedHosts.Read(inputs.Options, tree)));

            private static string Shorten(string value)
                => value.Length <= MaxShownLength ? value : value.Substring(0, MaxShownLength) + "...";
        }
    }
}
