using Microsoft.CodeAnalysis;

namespace CometAnalyzers.Rules.Retries
{
    /// <summary>The generated contract class as the code fixes name it, from the metadata name the diagnostics carry.</summary>
    internal static class ContractClassName
    {
        /// <summary>True when the compilation has the generated class with <paramref name="member"/>: a fix must not break the build.</summary>
        public static bool Declares(Compilation compilation, string metadataName, string member)
            => compilation.GetTypeByMetadataName(metadataName) is { } type && !type.GetMembers(member).IsEmpty;

        /// <summary><c>global::CometApi.Contracts.CometApiContract</c>: fixes write this and let the simplifier shorten it.</summary>
        public static string Qualified(string metadataName) => "global::" + metadataName;

        /// <summary><c>CometApiContract</c>, for code action titles.</summary>
        public static string Simple(string metadataName) => metadataName.Substring(metadataName.LastIndexOf('.') + 1);
    }
}
