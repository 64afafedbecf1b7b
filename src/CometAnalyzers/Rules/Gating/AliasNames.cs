using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CometAnalyzers.Rules.Gating
{
    /// <summary>
    /// Every name a using alias introduces anywhere in the compilation (<c>using H = System.Net.Http.HttpClient;</c>,
    /// global or not): a type written through one of them does not show its own name, so a gate that tests type names
    /// lets these through. Read once per compilation from the usings at the top of files and namespaces, never from bodies.
    /// </summary>
    internal sealed class AliasNames
    {
        private readonly Compilation _compilation;
        private HashSet<string>? _names;

        public AliasNames(Compilation compilation) => _compilation = compilation;

        public bool Contains(string name, CancellationToken cancellationToken)
        {
            HashSet<string>? names = Volatile.Read(ref _names);
            if (names is null)
            {
                names = Collect(_compilation, cancellationToken);
                Volatile.Write(ref _names, names);
            }

            return names.Contains(name);
        }

        private static HashSet<string> Collect(Compilation compilation, CancellationToken cancellationToken)
        {
            var names = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (SyntaxTree tree in compilation.SyntaxTrees)
            {
                if (tree.GetRoot(cancellationToken) is CompilationUnitSyntax unit)
                {
                    AddDeclared(unit.Usings, names);
                    AddFromMembers(unit.Members, names);
                }
            }

            return names;
        }

        private static void AddFromMembers(SyntaxList<MemberDeclarationSyntax> members, HashSet<string> names)
        {
            foreach (MemberDeclarationSyntax member in members)
            {
                if (member is BaseNamespaceDeclarationSyntax ns)
                {
                    AddDeclared(ns.Usings, names);
                    AddFromMembers(ns.Members, names);
                }
            }
        }

        /// <summary>The names the alias directives among <paramref name="usings"/> introduce.</summary>
        public static void AddDeclared(SyntaxList<UsingDirectiveSyntax> usings, HashSet<string> names)
        {
            foreach (UsingDirectiveSyntax directive in usings)
            {
                if (directive.Alias is { } alias)
                {
                    names.Add(alias.Name.Identifier.ValueText);
                }
            }
        }
    }
}
