using System.Collections.Generic;
using CometAnalyzers.Generation.Model;

namespace CometAnalyzers.Generation.Emitter
{
    /// <summary>
    /// The contract as a running client: <c>&lt;Name&gt;Client</c> (validate, send, retry, time out, parse, classify, measure),
    /// <c>&lt;Name&gt;ClientOptions</c>, <c>&lt;Name&gt;ClientException</c> and <c>&lt;Name&gt;ClientFailureClass</c>, and with
    /// Microsoft.Extensions.Http referenced <c>&lt;Name&gt;ServiceCollectionExtensions.Add&lt;Name&gt;Client</c>; then the
    /// contract probes (<c>&lt;Name&gt;Probe</c>, <c>&lt;Name&gt;ProbeResult</c>) and, with Microsoft.Extensions.Diagnostics.HealthChecks
    /// referenced, the canary as a health check (<see cref="ProbeHealthCheckEmitter"/>).
    /// Emitted only when the contract has a request and a response with the generated model API (objects or discriminated
    /// unions), when the compilation has the .NET 8 base library (<see cref="ClientFeatures.Client"/>), and when no schema
    /// type takes one of the client's names. A pure function of its inputs, like every emitter.
    /// </summary>
    internal static class ClientEmitter
    {
        public static List<GeneratedFile> Emit(ContractSpec spec, bool useRequiredKeyword, ClientFeatures features)
        {
            var files = new List<GeneratedFile>();
            if (!features.Client)
            {
                return files;
            }

            var context = new EmitContext(spec, useRequiredKeyword);
            if (ClientShape.Of(context) is not { } shape)
            {
                return files;
            }

            var names = new ClientNames(context, shape, features);
            string prefix = spec.Settings.Namespace + "." + spec.Settings.Name;
            files.Add(ContractEmitter.File(prefix + "ClientException.g.cs", context, w => ClientExceptionEmitter.Emit(w, names)));
            files.Add(ContractEmitter.File(prefix + "ClientOptions.g.cs", context, w => ClientOptionsEmitter.Emit(w, names)));
            files.Add(ContractEmitter.File(prefix + "Client.g.cs", context, w => ClientClassEmitter.Emit(w, names)));
            files.Add(ContractEmitter.File(prefix + "ClientTelemetry.g.cs", context, w => ClientTelemetryEmitter.Emit(w, names)));

            // The dependency-injection registration, with Microsoft.Extensions.Http referenced, unless a schema type takes its name.
            if (features.DependencyInjection && context.Find(ClientRegistrationEmitter.ClassName(names)) is null)
            {
                files.Add(ContractEmitter.File(prefix + "ServiceCollectionExtensions.g.cs", context, w => ClientRegistrationEmitter.Emit(w, names)));
            }

            // The glue to Microsoft.Extensions.Http.Resilience's standard pipeline, with it referenced (and the registration).
            if (names.Resilience)
            {
                files.Add(ContractEmitter.File(prefix + "ClientResilience.g.cs", context, w => ClientResilienceEmitter.Emit(w, names)));
            }

            // The probe and its health check, unless a schema type takes one of their names.
            if (ProbeShape.Of(context) is { } probe)
            {
                files.Add(ContractEmitter.File(prefix + "Probe.g.cs", context, w => ProbeEmitter.Emit(w, names, probe)));
                files.Add(ContractEmitter.File(prefix + "ProbeResult.g.cs", context, w => ProbeEmitter.EmitResult(w, names)));
                if (features.HealthChecks && !ProbeShape.Taken(context, ProbeHealthCheckEmitter.CheckSuffix))
                {
                    files.Add(ContractEmitter.File(prefix + "CanaryHealthCheck.g.cs", context, w => ProbeHealthCheckEmitter.EmitCheck(w, names)));
                    if (features.DependencyInjection && !ProbeShape.Taken(context, ProbeHealthCheckEmitter.RegistrationSuffix))
                    {
                        files.Add(ContractEmitter.File(prefix + "HealthChecksBuilderExtensions.g.cs", context, w => ProbeHealthCheckEmitter.EmitRegistration(w, names)));
                    }
                }
            }

            return files;
        }

        /// <summary>Writes C# text line by line at the writer's indentation ('\n' or "\r\n" in the text, '\n' out).</summary>
        internal static void Template(SourceWriter w, string text)
        {
            string[] lines = text.Replace("\r\n", "\n").Split('\n');
            int count = lines.Length;
            while (count > 0 && lines[count - 1].Trim().Length == 0)
            {
                count--;
            }

            for (int i = 0; i < count; i++)
            {
                string line = lines[i].TrimEnd();
                w.Line(line);
            }
        }
    }

    /// <summary>The fully qualified names every client file writes.</summary>
    internal sealed class ClientNames
    {
        public ClientNames(EmitContext context, ClientShape shape, ClientFeatures features)
        {
            Context = context;
            Shape = shape;
            Logging = features.Logging;
            Resilience = features.DependencyInjection && features.Resilience;
            Name = context.ContractName;
            Client = Name + "Client";
            Options = Name + "ClientOptions";
            Exception = Name + "ClientException";
            FailureClass = Name + "ClientFailureClass";
            QualifiedClient = context.Qualified(Client);
            QualifiedOptions = context.Qualified(Options);
            QualifiedException = context.Qualified(Exception);
            QualifiedFailure = context.Qualified(FailureClass);
            Contract = context.Qualified(context.Spec.Settings.ContractTypeName);
            TelemetryName = context.Namespace + "." + Client;
            FailureCounter = Name.ToLowerInvariant() + ".client.failures";
        }

        public EmitContext Context { get; }

        public ClientShape Shape { get; }

        public bool Logging { get; }

        /// <summary>The registration puts the client behind Microsoft.Extensions.Http.Resilience's standard pipeline.</summary>
        public bool Resilience { get; }

        public string Name { get; }

        public string Client { get; }

        public string Options { get; }

        public string Exception { get; }

        public string FailureClass { get; }

        public string QualifiedClient { get; }

        public string QualifiedOptions { get; }

        public string QualifiedException { get; }

        public string QualifiedFailure { get; }

        public string Contract { get; }

        /// <summary>The ActivitySource and Meter name.</summary>
        public string TelemetryName { get; }

        /// <summary>The failure counter's instrument name (lower-case contract name, OpenTelemetry style).</summary>
        public string FailureCounter { get; }

        public const string Logger = "global::Microsoft.Extensions.Logging.ILogger";
    }
}
