using System.Collections.Generic;
using System.Threading;
using CometAnalyzers.Common;
using Microsoft.CodeAnalysis.Text;

namespace CometAnalyzers.Contract
{
    /// <summary>The outcome of compiling one contract file: its settings, its diagnostics and (later) its schema model.</summary>
    internal sealed record ContractCompilation(ContractSettings? Settings, EquatableArray<ContractDiagnostic> Diagnostics)
    {
        public bool HasErrors
        {
            get
            {
                foreach (ContractDiagnostic diagnostic in Diagnostics)
                {
                    if (diagnostic.IsError)
                    {
                        return true;
                    }
                }

                return false;
            }
        }
    }

    /// <summary>One entry point for the analyzer and the generator, so they can never disagree about a contract.</summary>
    internal static class ContractCompiler
    {
        public static ContractCompilation Compile(ContractFile file, IReadOnlyList<ContractFile> documents, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var sink = new DiagnosticSink(file.Path, SourceText.From(file.Text));
            ContractDocument? document = ContractReader.Read(file, sink);
            return new ContractCompilation(document?.Settings, sink.ToArray());
        }
    }
}
