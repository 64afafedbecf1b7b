using System.Collections.Generic;
using System.Threading;
using CometAnalyzers.Common;
using CometAnalyzers.Contract.Schema;
using CometAnalyzers.Generation.Model;
using Microsoft.CodeAnalysis.Text;

namespace CometAnalyzers.Contract
{
    /// <summary>
    /// The outcome of compiling one contract file: its diagnostics and, when it has no error, the model to generate from.
    /// A contract with errors generates nothing, so a broken contract can never produce uncompilable code.
    /// </summary>
    internal sealed record ContractCompilation(ContractSettings? Settings, ContractSpec? Spec, EquatableArray<ContractDiagnostic> Diagnostics)
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
            if (document is null)
            {
                return new ContractCompilation(null, null, sink.ToArray());
            }

            ContractSpec spec = SchemaCompiler.Compile(document, documents, sink, cancellationToken);
            return new ContractCompilation(document.Settings, sink.HasErrors ? null : spec, sink.ToArray());
        }
    }
}
