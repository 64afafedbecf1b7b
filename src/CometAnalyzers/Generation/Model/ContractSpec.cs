using CometAnalyzers.Common;
using CometAnalyzers.Contract;

namespace CometAnalyzers.Generation.Model
{
    /// <summary>Everything the emitter needs for one contract, as a value: the generator caches on it.</summary>
    internal sealed record ContractSpec(
        string SourcePath,
        ContractSettings Settings,
        EquatableArray<TypeSpec> Types,
        TypeRef? Request,
        TypeRef? Response,
        TypeRef? StreamEvent,
        TypeRef? Error);
}
