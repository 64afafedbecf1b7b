using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using static CometAnalyzers.Rules.Common.TypeChecks;

namespace CometAnalyzers.Rules.Secrets
{
    /// <summary>
    /// Logging libraries besides Microsoft.Extensions.Logging whose calls write their arguments: NLog
    /// (<c>Logger</c>, <c>ILogger</c> and their extensions: <c>Trace</c>, <c>Debug</c>, <c>Info</c>, <c>Warn</c>,
    /// <c>Error</c>, <c>Fatal</c>, <c>Log</c>) and Serilog (<c>ILogger</c>, the static <c>Log</c>: <c>Write</c>,
    /// <c>Verbose</c>, <c>Debug</c>, <c>Information</c>, <c>Warning</c>, <c>Error</c>, <c>Fatal</c>, and the value of
    /// <c>ForContext</c>, which every later event carries). Resolved by metadata name once per compilation; a library
    /// that is not referenced is never matched.
    /// </summary>
    internal sealed class LoggingLibraries
    {
        /// <summary>The method names above, for the syntax gate (<see cref="LogCallGate"/>) that runs before anything is bound.</summary>
        public static readonly HashSet<string> MethodNames = new(StringComparer.Ordinal)
        {
            "Trace", "Debug", "Info", "Warn", "Error", "Fatal", "Log", "ConditionalDebug", "ConditionalTrace",
            "Write", "Verbose", "Information", "Warning", "ForContext",
        };

        private static readonly HashSet<string> NLogMethods = new(StringComparer.Ordinal)
        {
            "Trace", "Debug", "Info", "Warn", "Error", "Fatal", "Log", "ConditionalDebug", "ConditionalTrace",
        };

        private static readonly HashSet<string> SerilogMethods = new(StringComparer.Ordinal)
        {
            "Write", "Verbose", "Debug", "Information", "Warning", "Error", "Fatal",
        };

        private readonly INamedTypeSymbol? _nlogLoggerBase;
        private readonly INamedTypeSymbol? _nlogExtensions;
        private readonly INamedTypeSymbol? _serilogLogger;
        private readonly INamedTypeSymbol? _serilogLog;

        public LoggingLibraries(Compilation compilation)
        {
            _nlogLoggerBase = compilation.GetTypeByMetadataName("NLog.ILoggerBase");
            _nlogExtensions = compilation.GetTypeByMetadataName("NLog.ILoggerExtensions");
            _serilogLogger = compilation.GetTypeByMetadataName("Serilog.ILogger");
            _serilogLog = compilation.GetTypeByMetadataName("Serilog.Log");
        }

        public bool IsAvailable => _nlogLoggerBase is not null || _serilogLogger is not null;

        /// <summary>Whether the call writes its arguments, and which: all of them, or only a context property's value.</summary>
        public LibraryCall Classify(IMethodSymbol method)
        {
            INamedTypeSymbol? type = method.ContainingType;
            if (type is null)
            {
                return LibraryCall.None;
            }

            if (NLogMethods.Contains(method.Name) && (Implements(type, _nlogLoggerBase) || Is(type, _nlogExtensions)))
            {
                return LibraryCall.WritesArguments;
            }

            if (Implements(type, _serilogLogger) || Is(type, _serilogLog))
            {
                if (SerilogMethods.Contains(method.Name))
                {
                    return LibraryCall.WritesArguments;
                }

                if (method.Name == "ForContext")
                {
                    return LibraryCall.WritesContextValue;
                }
            }

            return LibraryCall.None;
        }
    }

    internal enum LibraryCall
    {
        None,

        /// <summary>The message template or text and every value it formats.</summary>
        WritesArguments,

        /// <summary><c>ForContext("ApiKey", key)</c>: the value is attached to every event the returned logger writes.</summary>
        WritesContextValue,
    }
}
