using System;
using CometAnalyzers.Generation.Model;

namespace CometAnalyzers.Generation.Emitter
{
    /// <summary>
    /// Which probes a contract's client can run, read from the same model spec as <see cref="ClientShape"/>: the streaming
    /// canary needs a stream event, the unknown-model probe a non-sensitive string <c>model</c> on the request, the
    /// malformed-request probe a required top-level property to remove (<c>model</c> when it is required, else the first
    /// required one). The canary, the missing-auth probe and <c>RunAsync</c> are always there.
    /// </summary>
    internal sealed class ProbeShape
    {
        private ProbeShape(string? removedProperty)
        {
            RemovedProperty = removedProperty;
        }

        /// <summary>The names the probe's files declare in the contract's namespace; a schema type with one of them (ignoring case) means no probe.</summary>
        public static readonly string[] DeclaredSuffixes = { "Probe", "ProbeResult" };

        /// <summary>The JSON name of the required top-level property the malformed request leaves out, or null for no such probe.</summary>
        public string? RemovedProperty { get; }

        /// <summary>The probe's shape, or null when a schema type takes one of its names.</summary>
        public static ProbeShape? Of(EmitContext c)
        {
            foreach (string suffix in DeclaredSuffixes)
            {
                if (Taken(c, suffix))
                {
                    return null;
                }
            }

            string? removed = null;
            if (c.Spec.Request is { Kind: TypeKind.Object, Name: { } name } && c.Find(name) is ObjectSpec request)
            {
                foreach (PropertySpec property in request.Properties)
                {
                    if (property.Required && (removed is null || property.JsonName == "model"))
                    {
                        removed = property.JsonName;
                    }
                }
            }

            return new ProbeShape(removed);
        }

        /// <summary>True when a schema type takes <paramref name="suffix"/> after the contract's name (ignoring case).</summary>
        public static bool Taken(EmitContext c, string suffix)
        {
            foreach (TypeSpec type in c.Spec.Types)
            {
                if (string.Equals(type.Name, c.ContractName + suffix, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
