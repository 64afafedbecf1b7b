using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using CometAnalyzers.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CometAnalyzers.Contract
{
    /// <summary>
    /// The contracts a compilation carries as AdditionalFiles, read once per compilation for the rules.
    /// <see cref="Primary"/> (first by path) drives retry rules and code fixes; <see cref="All"/> feeds the endpoint and secret rules.
    /// </summary>
    internal sealed class CompilationContracts
    {
        private CompilationContracts(ImmutableArray<ContractSettings> all, bool hasContract)
        {
            All = all;
            HasContract = hasContract;
            Primary = all[0];
        }

        /// <summary>
        /// Every rule reads the contracts at compilation start; hosts hand out the same SourceText until the file changes,
        /// so each version of a contract is parsed once, not once per rule and compilation.
        /// </summary>
        private static readonly ConditionalWeakTable<SourceText, CachedSettings> SettingsCache = new();

        /// <summary>False when the rules run on <see cref="ContractSettings.Defaults"/>.</summary>
        public bool HasContract { get; }

        public ContractSettings Primary { get; }

        public ImmutableArray<ContractSettings> All { get; }

        public static CompilationContracts Read(AnalyzerOptions options, CancellationToken cancellationToken)
        {
            var found = new List<(string Path, ContractSettings Settings)>();
            foreach (AdditionalText file in options.AdditionalFiles)
            {
                if (!ContractFile.IsContract(file.Path))
                {
                    continue;
                }

                SourceText? text = file.GetText(cancellationToken);
                if (text is null)
                {
                    continue;
                }

                ContractSettings? settings = SettingsCache.GetValue(text, t => new CachedSettings(ContractReader.ReadSettingsOnly(new ContractFile(file.Path, t.ToString())))).Settings;
                if (settings is not null)
                {
                    found.Add((file.Path, settings));
                }
            }

            if (found.Count == 0)
            {
                return new CompilationContracts(ImmutableArray.Create(ContractSettings.Defaults), hasContract: false);
            }

            ImmutableArray<ContractSettings> ordered = found
                .OrderBy(f => f.Path, StringComparer.Ordinal)
                .Select(f => f.Settings)
                .ToImmutableArray();
            return new CompilationContracts(ordered, hasContract: true);
        }

        /// <summary>Every endpoint path of every contract.</summary>
        public IEnumerable<string> Paths => All.Select(c => c.Path).Distinct(StringComparer.Ordinal);

        /// <summary>Every host of every contract.</summary>
        public IEnumerable<string> Hosts => All.SelectMany(c => c.Hosts).Distinct(StringComparer.OrdinalIgnoreCase);

        private sealed class CachedSettings
        {
            public CachedSettings(ContractSettings? settings) => Settings = settings;

            public ContractSettings? Settings { get; }
        }
    }
}
