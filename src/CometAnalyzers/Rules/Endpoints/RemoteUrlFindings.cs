using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using CometAnalyzers.Contract;
using CometAnalyzers.Rules.Common;
using CometAnalyzers.Rules.Gating;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CometAnalyzers.Rules.Endpoints
{
    /// <summary>A hardcoded remote URL that reaches a request: where it is written, what it is, and where it is sent.</summary>
    internal readonly struct RemoteUrlFinding
    {
        public RemoteUrlFinding(Location location, string url, string sink)
        {
            Location = location;
            Url = url;
            Sink = sink;
        }

        /// <summary>The constant, in whichever file it is written.</summary>
        public Location Location { get; }

        public string Url { get; }

        public string Sink { get; }
    }

    /// <summary>
    /// COMET011's findings for one compilation, kept per file that sends: each file's sinks are read once, whoever asks
    /// first. A URL constant is reported where it is written, so the analysis of the file that declares it also needs
    /// the sinks of the other files (a shared <c>Endpoints.Gateway</c> constant is sent from elsewhere); it reads their
    /// findings from here. Every finding is a function of the compilation alone: the editor, which analyzes one file at a
    /// time, shows exactly what the build does.
    /// </summary>
    internal sealed class RemoteUrlFindings
    {
        private readonly Compilation _compilation;
        private readonly AnalyzerOptions _options;
        private readonly CompilationContracts _contracts;
        private readonly HttpSinks _sinks;
        private readonly UrlOrigins _origins;
        private readonly ForwardedParameters _forwarded;
        private readonly DeclaredValues _declared;
        private readonly GeneratedCode _generatedCode;
        private readonly bool _ungated;
        private readonly ConcurrentDictionary<SyntaxTree, ImmutableArray<RemoteUrlFinding>> _bySendingTree = new();
        private readonly ConcurrentDictionary<SyntaxTree, EndpointClassifier> _classifiers = new();

        /// <param name="compilation">The compilation analyzed.</param>
        /// <param name="options">Its options: allowed hosts are read per file.</param>
        /// <param name="contracts">Its contracts: their endpoints are COMET001's.</param>
        /// <param name="sinks">Where requests are sent.</param>
        /// <param name="ungated">
        /// Test-only (<see cref="UngatedAnalyzers"/>): read every file, whether it writes a URL or names a member that
        /// holds one, and every call's callee, whether its arguments can be a hardcoded URL or not.
        /// </param>
        public RemoteUrlFindings(Compilation compilation, AnalyzerOptions options, CompilationContracts contracts, HttpSinks sinks, bool ungated)
        {
            _ungated = ungated;
            _compilation = compilation;
            _options = options;
            _contracts = contracts;
            _sinks = sinks;
            _declared = new DeclaredValues(compilation);
            _origins = new UrlOrigins(sinks, _declared);
            _forwarded = new ForwardedParameters(sinks, _origins, _declared);
            _generatedCode = new GeneratedCode(compilation);
        }

        /// <summary>
        /// The findings located in <paramref name="model"/>'s file: from its own sinks, and, when it writes a URL that
        /// another file may send to, from the other files' sinks. Each location once.
        /// </summary>
        public List<RemoteUrlFinding> LocatedIn(SemanticModel model, CancellationToken cancellationToken)
        {
            SyntaxTree tree = model.SyntaxTree;
            var found = new List<RemoteUrlFinding>();
            var seen = new HashSet<TextSpan>();
            void Add(ImmutableArray<RemoteUrlFinding> findings)
            {
                foreach (RemoteUrlFinding finding in findings)
                {
                    if (finding.Location.SourceTree == tree && seen.Add(finding.Location.SourceSpan))
                    {
                        found.Add(finding);
                    }
                }
            }

            // A finding is located at a constant that starts with an http(s) literal: a file without one has none.
            UrlLiterals literals = UrlLiterals.For(tree, cancellationToken);
            if (!literals.Any && !_ungated)
            {
                return found;
            }

            Add(SentFrom(tree, model, cancellationToken));
            HashSet<string> holders = literals.HolderNames;
            if (holders.Count > 0 || _ungated)
            {
                foreach (SyntaxTree other in _compilation.SyntaxTrees)
                {
                    if (other != tree && (_ungated || TreeIdentifiers.For(other, cancellationToken).Overlaps(holders))
                        && !GeneratedTrees.IsGenerated(other, _compilation, cancellationToken))
                    {
                        Add(SentFrom(other, null, cancellationToken));
                    }
                }
            }

            found.Sort((a, b) => a.Location.SourceSpan.Start.CompareTo(b.Location.SourceSpan.Start));
            return found;
        }

        /// <summary>What the sinks of one file receive: hardcoded remote URLs, wherever they are written.</summary>
        private ImmutableArray<RemoteUrlFinding> SentFrom(SyntaxTree tree, SemanticModel? model, CancellationToken cancellationToken)
        {
            if (_bySendingTree.TryGetValue(tree, out ImmutableArray<RemoteUrlFinding> known))
            {
                return known;
            }

            model ??= _declared.ModelFor(tree, current: null);
            return _bySendingTree.GetOrAdd(tree, Read(model, cancellationToken));
        }

        private ImmutableArray<RemoteUrlFinding> Read(SemanticModel model, CancellationToken cancellationToken)
        {
            TreeNodeIndex index = TreeNodeIndex.For(model.SyntaxTree, cancellationToken);
            var scope = new TreeScope(model, _options, static _ => { }, cancellationToken);
            var findings = ImmutableArray.CreateBuilder<RemoteUrlFinding>();
            var sinks = new List<UrlSink>();
            var origins = new List<UrlOrigin>();
            foreach (SyntaxNode node in index.Nodes)
            {
                if (!ForwardedParameters.IsSinkShape(node) || _generatedCode.Contains(node, scope) || model.GetOperation(node, cancellationToken) is not { } operation)
                {
                    continue;
                }

                sinks.Clear();
                _sinks.Collect(operation, sinks, cancellationToken);
                if (sinks.Count == 0)
                {
                    _forwarded.Collect(operation, sinks, model, _ungated ? null : value => IsHardcodedRemote(value, model, origins, cancellationToken), cancellationToken);
                }

                foreach (UrlSink sink in sinks)
                {
                    origins.Clear();
                    _origins.Trace(sink.Value, sink.Kind, model, origins, cancellationToken);
                    foreach (UrlOrigin origin in origins)
                    {
                        if (Judge(origin, out IOperation? at) is { } url)
                        {
                            findings.Add(new RemoteUrlFinding(at!.Syntax.GetLocation(), url, sink.Description));
                        }
                    }
                }
            }

            return findings.ToImmutable();
        }

        /// <summary>True when a value a call passes on can be a hardcoded remote URL: then it is worth finding out where it goes.</summary>
        private bool IsHardcodedRemote(IOperation value, SemanticModel model, List<UrlOrigin> origins, CancellationToken cancellationToken)
        {
            origins.Clear();
            _origins.Trace(value, EndpointSinkKind.Url, model, origins, cancellationToken);
            return origins.Exists(origin => Judge(origin, out _) is not null);
        }

        /// <summary>
        /// The URL to show when the origin is a hardcoded remote endpoint, and <paramref name="at"/> the part of it to
        /// report at; null otherwise.
        /// </summary>
        private string? Judge(UrlOrigin origin, out IOperation? at)
        {
            at = origin.Constant;
            if (origin.IsUnknown)
            {
                return null;
            }

            // The options of the file the URL is written in decide, as they do for every diagnostic reported there.
            EndpointClassifier classifier = ClassifierFor(origin.Constant.Syntax.SyntaxTree);
            string judged = origin.Text;
            if (_contracts.HasContract && classifier.MatchContract(origin.Text) is not null)
            {
                // The contract's own endpoint is COMET001's, reported where it is written. Built from the contract's
                // named constants ("https://gateway.example.com" + CometApiContract.Path), the text before them is judged.
                if (ConstantStrings.LeadingBefore(origin.Constant, v => classifier.MatchContract(v) is not null) is not { } before
                    || before == origin.Constant || !ConstantText.TryGet(before, out judged))
                {
                    return null;
                }

                at = before;
            }

            bool remote = origin.Kind == EndpointSinkKind.UrlFormat
                ? classifier.IsRemoteUrl(EndpointText.BeforeFormatItem(judged), isPrefix: true)
                : classifier.IsRemoteUrl(judged, origin.IsPrefix || judged.Length < origin.Text.Length);
            return remote ? (at == origin.Constant ? origin.Text : judged) : null;
        }

        private EndpointClassifier ClassifierFor(SyntaxTree tree)
            => _classifiers.GetOrAdd(tree, t => new EndpointClassifier(_contracts.All, AllowedHosts.Read(_options, t)));
    }
}
