using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using CometAnalyzers.Rules.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static CometAnalyzers.Rules.Common.TypeChecks;

namespace CometAnalyzers.Rules.Secrets
{
    /// <summary>A call that writes its arguments to a log: what to call it in the message and the values it writes.</summary>
    internal sealed class LogSink
    {
        public LogSink(string name, IReadOnlyList<IOperation> values, bool isStandardOutput = false, bool isTraceLevel = false)
        {
            Name = name;
            Values = values;
            IsStandardOutput = isStandardOutput;
            IsTraceLevel = isTraceLevel;
        }

        public string Name { get; }

        /// <summary>
        /// <c>Console.Write*</c> or <c>Console.Out.Write*</c>: where a console program shows its results to the person
        /// who ran it, as well as where some services log. <c>Console.Error</c> is not standard output.
        /// </summary>
        public bool IsStandardOutput { get; }

        /// <summary>
        /// A log call at the most detailed level (<c>LogTrace</c>, <c>LogLevel.Trace</c>, NLog <c>Trace</c>, Serilog
        /// <c>Verbose</c>): the level .NET documents as the one that may hold sensitive data, off by default and not to be
        /// enabled in production.
        /// </summary>
        public bool IsTraceLevel { get; }

        /// <summary>Each value is judged and reported on its own; params arrays are spread into their elements.</summary>
        public IReadOnlyList<IOperation> Values { get; }
    }

    /// <summary>
    /// Recognizes logging calls: <c>ILogger</c> and its <c>Log*</c>/<c>BeginScope</c> extensions, <c>[LoggerMessage]</c>
    /// methods, <c>LoggerMessage.Define</c> delegates, <c>Console.Write*</c>, <c>Console.Out/Error.Write*</c>,
    /// <c>Debug</c>/<c>Trace</c> writes, <c>Activity</c> tags, baggage and events, the tags of a metric measurement
    /// (<c>Counter&lt;T&gt;.Add</c>, <c>Histogram&lt;T&gt;.Record</c>...), NLog and Serilog (<see cref="LoggingLibraries"/>),
    /// and exception messages. Each type is resolved once per compilation; a sink whose type is absent is never matched.
    /// </summary>
    internal sealed class LogSinks
    {
        private static readonly HashSet<string> DiagnosticsWriteMethods = new(StringComparer.Ordinal)
        {
            "Write", "WriteLine", "WriteIf", "WriteLineIf", "Print", "TraceInformation", "TraceWarning", "TraceError",
        };

        private static readonly HashSet<string> ActivityMethods = new(StringComparer.Ordinal) { "SetTag", "AddTag", "SetBaggage", "AddBaggage" };

        /// <summary>What an instrument records a measurement with: <c>Counter&lt;T&gt;.Add</c>, <c>Histogram&lt;T&gt;.Record</c>...</summary>
        public static readonly HashSet<string> MeasurementMethods = new(StringComparer.Ordinal) { "Add", "Record" };

        private readonly INamedTypeSymbol? _logger;
        private readonly INamedTypeSymbol? _loggerExtensions;
        private readonly INamedTypeSymbol? _loggerMessageAttribute;
        private readonly INamedTypeSymbol? _console;
        private readonly INamedTypeSymbol? _textWriter;
        private readonly INamedTypeSymbol? _debug;
        private readonly INamedTypeSymbol? _trace;
        private readonly INamedTypeSymbol? _activity;
        private readonly INamedTypeSymbol? _activityEvent;
        private readonly INamedTypeSymbol? _instrument;
        private readonly INamedTypeSymbol? _exception;
        private readonly LoggingLibraries _libraries;

        public LogSinks(Compilation compilation)
        {
            _logger = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.ILogger");
            _loggerExtensions = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.LoggerExtensions");
            _loggerMessageAttribute = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.LoggerMessageAttribute");
            _console = compilation.GetTypeByMetadataName("System.Console");
            _textWriter = compilation.GetTypeByMetadataName("System.IO.TextWriter");
            _debug = compilation.GetTypeByMetadataName("System.Diagnostics.Debug");
            _trace = compilation.GetTypeByMetadataName("System.Diagnostics.Trace");
            _activity = compilation.GetTypeByMetadataName("System.Diagnostics.Activity");
            _activityEvent = compilation.GetTypeByMetadataName("System.Diagnostics.ActivityEvent");
            _instrument = compilation.GetTypeByMetadataName("System.Diagnostics.Metrics.Instrument`1");
            _exception = compilation.GetTypeByMetadataName("System.Exception");
            _libraries = new LoggingLibraries(compilation);
        }

        public bool IsAvailable => _logger is not null || _console is not null || _debug is not null || _trace is not null || _activity is not null || _instrument is not null || _libraries.IsAvailable;

        public LogSink? Find(IInvocationOperation invocation)
        {
            IMethodSymbol method = invocation.TargetMethod;
            INamedTypeSymbol? type = method.ContainingType;
            if (type is null)
            {
                return null;
            }

            if (Is(type, _loggerExtensions) || (Is(type, _logger) && method.Name is "Log" or "BeginScope"))
            {
                return AtLevel(Sink(method.Name, invocation, _ => true), method.Name == "LogTrace" || IsTraceLevelArgument(invocation));
            }

            if (IsLoggerMessage(method) || IsLoggerDelegate(method))
            {
                return AtLevel(
                    Sink(method.MethodKind == MethodKind.DelegateInvoke ? "a LoggerMessage delegate" : method.Name, invocation, _ => true),
                    IsLoggerMessage(method) && IsTraceLevelMessage(method));
            }

            if (Is(type, _console) && method.Name.StartsWith("Write", StringComparison.Ordinal))
            {
                return StandardOutput(Sink("Console." + method.Name, invocation, _ => true));
            }

            if (method.Name.StartsWith("Write", StringComparison.Ordinal) && InheritsFrom(type, _textWriter) && ConsoleWriter(invocation.Instance) is { } writer)
            {
                LogSink sink = Sink("Console." + writer + "." + method.Name, invocation, _ => true);
                return writer == "Out" ? StandardOutput(sink) : sink;
            }

            if ((Is(type, _debug) || Is(type, _trace)) && DiagnosticsWriteMethods.Contains(method.Name))
            {
                return Sink(type.Name + "." + method.Name, invocation, _ => true);
            }

            if (Is(type, _activity) && ActivityMethods.Contains(method.Name))
            {
                return Sink("Activity." + method.Name, invocation, p => p.Name == "value");
            }

            if (Is(type, _activity) && method.Name == "AddEvent")
            {
                return new LogSink("Activity.AddEvent", EventValues(invocation));
            }

            // A measurement's tags travel with it to every metrics backend; the measured number is not a leak.
            if (MeasurementMethods.Contains(method.Name) && InheritsFrom(type, _instrument))
            {
                return Sink(type.Name + "." + method.Name, invocation, p => p.Ordinal > 0);
            }

            // "NLog Error", "Serilog Information": the library says more than its ILogger or Logger type.
            return _libraries.Classify(method) switch
            {
                LibraryCall.WritesArguments => AtLevel(Sink(RootNamespace(type) + " " + method.Name, invocation, _ => true), method.Name is "Trace" or "ConditionalTrace" or "Verbose"),
                LibraryCall.WritesContextValue => Sink(RootNamespace(type) + " " + method.Name, invocation, p => p.Name == "value"),
                _ => null,
            };
        }

        /// <summary>
        /// <c>new InvalidOperationException($"... {apiKey}")</c>: an exception's message is written wherever the exception
        /// is logged (<c>LogError(ex, ...)</c>, the host's unhandled-exception log, a problem-details response).
        /// </summary>
        public LogSink? Find(IObjectCreationOperation creation)
            => creation.Type is { } type && InheritsFrom(type, _exception)
                ? Sink("the message of " + type.Name, creation.Arguments, p => p.Name == "message" && p.Type.SpecialType == SpecialType.System_String)
                : null;

        /// <summary>The name and tags of <c>new ActivityEvent(name, timestamp, tags)</c> passed to <c>AddEvent</c>.</summary>
        private List<IOperation> EventValues(IInvocationOperation invocation)
        {
            var values = new List<IOperation>();
            foreach (IArgumentOperation argument in invocation.Arguments)
            {
                if (Conversions.Unwrap(argument.Value) is IObjectCreationOperation creation && Is(creation.Type, _activityEvent))
                {
                    values.AddRange(Sink("Activity.AddEvent", creation.Arguments, p => p.Name is "name" or "tags").Values);
                }
            }

            return values;
        }

        private static LogSink StandardOutput(LogSink sink) => new(sink.Name, sink.Values, isStandardOutput: true);

        private static LogSink AtLevel(LogSink sink, bool traceLevel) => traceLevel ? new LogSink(sink.Name, sink.Values, isTraceLevel: true) : sink;

        /// <summary><c>logger.Log(LogLevel.Trace, ...)</c>: a constant level argument that is Trace (0).</summary>
        private static bool IsTraceLevelArgument(IInvocationOperation invocation)
        {
            foreach (IArgumentOperation argument in invocation.Arguments)
            {
                if (argument.Parameter is { Name: "logLevel" } && argument.Value.ConstantValue is { HasValue: true, Value: int level })
                {
                    return level == 0;
                }
            }

            return false;
        }

        /// <summary><c>[LoggerMessage(Level = LogLevel.Trace, ...)]</c> or <c>[LoggerMessage(0, LogLevel.Trace, ...)]</c>.</summary>
        private bool IsTraceLevelMessage(IMethodSymbol method)
        {
            IMethodSymbol declared = method.PartialDefinitionPart ?? method;
            foreach (AttributeData attribute in declared.GetAttributes())
            {
                if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _loggerMessageAttribute))
                {
                    continue;
                }

                foreach (KeyValuePair<string, TypedConstant> named in attribute.NamedArguments)
                {
                    if (named.Key == "Level" && named.Value.Value is int level)
                    {
                        return level == 0;
                    }
                }

                for (int i = 0; i < attribute.ConstructorArguments.Length; i++)
                {
                    if (attribute.AttributeConstructor?.Parameters[i].Name == "level" && attribute.ConstructorArguments[i].Value is int level)
                    {
                        return level == 0;
                    }
                }
            }

            return false;
        }

        private static LogSink Sink(string name, IInvocationOperation invocation, Func<IParameterSymbol, bool> include)
            => Sink(name, invocation.Arguments, include);

        private static LogSink Sink(string name, ImmutableArray<IArgumentOperation> arguments, Func<IParameterSymbol, bool> include)
        {
            var values = new List<IOperation>();
            foreach (IArgumentOperation argument in arguments)
            {
                if (argument.Parameter is not { } parameter || argument.Value is not { } value || !include(parameter))
                {
                    continue;
                }

                // Params arrays are spread so each element is judged and reported where it is written.
                if (ValueParts.Elements(value) is { } elements)
                {
                    values.AddRange(elements);
                }
                else
                {
                    values.Add(value);
                }
            }

            return new LogSink(name, values);
        }

        private bool IsLoggerMessage(IMethodSymbol method)
            => _loggerMessageAttribute is not null
               && (SymbolChecks.HasAttribute(method, _loggerMessageAttribute) || (method.PartialDefinitionPart is { } definition && SymbolChecks.HasAttribute(definition, _loggerMessageAttribute)));

        /// <summary>The <c>Action&lt;ILogger, ...&gt;</c> that <c>LoggerMessage.Define</c> returns, invoked.</summary>
        private bool IsLoggerDelegate(IMethodSymbol method)
            => method.MethodKind == MethodKind.DelegateInvoke && method.Parameters.Length > 1 && Is(method.Parameters[0].Type, _logger);

        private string? ConsoleWriter(IOperation? instance)
            => instance is not null && Conversions.Unwrap(instance) is IPropertyReferenceOperation { Property: { Name: "Out" or "Error" } property } && Is(property.ContainingType, _console)
                ? property.Name
                : null;

        private static string RootNamespace(INamedTypeSymbol type)
        {
            INamespaceSymbol? root = type.ContainingNamespace;
            while (root?.ContainingNamespace is { IsGlobalNamespace: false } parent)
            {
                root = parent;
            }

            return root?.Name ?? type.Name;
        }    }
}
