using System;

namespace CometAnalyzers.Contract
{
    /// <summary>An AdditionalFile's path and text: the generator's cacheable input.</summary>
    internal sealed record ContractFile(string Path, string Text)
    {
        public const string ContractSuffix = ".contract.json";

        public static bool IsContract(string path) => path.EndsWith(ContractSuffix, StringComparison.OrdinalIgnoreCase);

        /// <summary>Other JSON files may be OpenAPI documents that a contract's $ref points into, or overlay files that correct them.</summary>
        public static bool IsReferenceableDocument(string path)
            => path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && !IsContract(path);

        public string FileName => System.IO.Path.GetFileName(Path);
    }
}
