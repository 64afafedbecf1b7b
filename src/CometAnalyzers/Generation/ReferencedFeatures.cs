using System.Collections.Generic;
using CometAnalyzers.Generation.Emitter;
using CometAnalyzers.Generation.Model;
using Microsoft.CodeAnalysis;

namespace CometAnalyzers.Generation
{
    /// <summary>
    /// What the compilation's references offer the generated code: the sensitive-member attribute's source and the
    /// client's features. Both depend only on the references (and the assembly name, for a referenced project that grants
    /// its internals), which an edit of a source file leaves as they were.
    /// </summary>
    internal sealed record ReferencedFeatures(SensitiveAttributeSource SensitiveAttribute, ClientFeatures Client)
    {
        private static readonly object Gate = new();
        private static MetadataReference[] s_lastReferences = System.Array.Empty<MetadataReference>();
        private static string? s_lastAssemblyName;
        private static ReferencedFeatures? s_last;

        /// <summary>
        /// The features of <paramref name="compilation"/>'s references. The compiler hands every edit a new compilation, and
        /// looking types up in ~200 referenced assemblies takes about a millisecond each time, so the answer for the last
        /// reference set is reused while the compilation has the very same reference objects (compared one by one by
        /// identity, so a changed reference never reuses it) and the same assembly name.
        /// </summary>
        public static ReferencedFeatures Of(Compilation compilation)
        {
            var references = new List<MetadataReference>(compilation.References);
            lock (Gate)
            {
                if (s_last is not null && s_lastAssemblyName == compilation.AssemblyName && SameReferences(references, s_lastReferences))
                {
                    return s_last;
                }
            }

            var features = new ReferencedFeatures(SensitiveAttributeSources.InReferences(compilation), ClientFeatures.Of(compilation));
            lock (Gate)
            {
                s_lastReferences = references.ToArray();
                s_lastAssemblyName = compilation.AssemblyName;
                s_last = features;
            }

            return features;
        }

        private static bool SameReferences(List<MetadataReference> current, MetadataReference[] last)
        {
            if (current.Count != last.Length)
            {
                return false;
            }

            for (int i = 0; i < last.Length; i++)
            {
                if (!ReferenceEquals(current[i], last[i]))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
