using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using CometAnalyzers.Rules.Gating;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CometAnalyzers.Rules.Endpoints
{
    /// <summary>
    /// What a file writes that can start a URL: whether it has an http(s) string literal or interpolation text at all,
    /// and the names of the members those are written in (a field, property or method). Read from the shared node
    /// index once per tree and kept as long as the tree lives: most files write no URL, and COMET011 then does nothing.
    /// </summary>
    internal sealed class UrlLiterals
    {
        private static readonly ConditionalWeakTable<SyntaxTree, UrlLiterals> ByTree = new();

        private UrlLiterals(bool any, HashSet<string> holderNames)
        {
            Any = any;
            HolderNames = holderNames;
        }

        /// <summary>True when the file writes an http(s) literal.</summary>
        public bool Any { get; }

        /// <summary>
        /// The members another file can read those literals through (<see cref="FollowedHolder"/>). Another file can only
        /// send to one of them by naming it, so only files that mention one of these names are read for sinks
        /// (<see cref="TreeIdentifiers"/>).
        /// </summary>
        public HashSet<string> HolderNames { get; }

        public static UrlLiterals For(SyntaxTree tree, CancellationToken cancellationToken)
        {
            if (ByTree.TryGetValue(tree, out UrlLiterals? known))
            {
                return known;
            }

            UrlLiterals read = Read(tree, cancellationToken);
            return ByTree.GetValue(tree, _ => read);
        }

        private static UrlLiterals Read(SyntaxTree tree, CancellationToken cancellationToken)
        {
            bool any = false;
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (SyntaxNode node in TreeNodeIndex.For(tree, cancellationToken).Nodes)
            {
                string? text = node switch
                {
                    LiteralExpressionSyntax literal => literal.Token.ValueText,
                    InterpolatedStringTextSyntax interpolated => interpolated.TextToken.ValueText,
                    _ => null,
                };
                if (text is null || !(text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                any = true;
                if (FollowedHolder(node) is { } holder)
                {
                    names.Add(holder);
                }
            }

            return new UrlLiterals(any, names);
        }

        /// <summary>
        /// The member another file could read this URL through: a const or readonly field whose initializer holds it, a
        /// followed property (<see cref="FollowedMembers"/>) whose initializer or expression body holds it, or a method
        /// whose one expression or one <c>return</c> holds it. Private members of a type that is not partial are only
        /// read in their own file, and so is any other place (a local, an argument, an attribute).
        /// </summary>
        private static string? FollowedHolder(SyntaxNode literal)
        {
            for (SyntaxNode? current = literal; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax field } variable }
                        when FollowedMembers.IsFollowed(field) && IsVisibleElsewhere(field.Modifiers, field):
                        return variable.Identifier.ValueText;
                    case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property } when IsFollowedProperty(property):
                        return property.Identifier.ValueText;
                    case ArrowExpressionClauseSyntax arrow:
                        return arrow.Parent switch
                        {
                            PropertyDeclarationSyntax property when IsFollowedProperty(property) => property.Identifier.ValueText,
                            AccessorDeclarationSyntax { Parent.Parent: PropertyDeclarationSyntax property } when IsFollowedProperty(property) => property.Identifier.ValueText,
                            MethodDeclarationSyntax method when IsVisibleElsewhere(method.Modifiers, method) => method.Identifier.ValueText,
                            _ => null,
                        };
                    case ReturnStatementSyntax { Parent: BlockSyntax { Statements.Count: 1, Parent: MethodDeclarationSyntax method } }
                        when IsVisibleElsewhere(method.Modifiers, method):
                        return method.Identifier.ValueText;
                    case StatementSyntax or MemberDeclarationSyntax or AttributeSyntax:
                        return null;
                }
            }

            return null;
        }

        private static bool IsFollowedProperty(PropertyDeclarationSyntax property)
            => FollowedMembers.IsFollowed(property) && IsVisibleElsewhere(property.Modifiers, property);

        /// <summary>Not private, or private in a partial type, whose other parts may live in other files.</summary>
        private static bool IsVisibleElsewhere(SyntaxTokenList modifiers, MemberDeclarationSyntax member)
        {
            bool isPrivate = !modifiers.Any(m => m.IsKind(SyntaxKind.PublicKeyword) || m.IsKind(SyntaxKind.InternalKeyword) || m.IsKind(SyntaxKind.ProtectedKeyword));
            return !isPrivate || (member.Parent is TypeDeclarationSyntax type && type.Modifiers.Any(m => m.IsKind(SyntaxKind.PartialKeyword)));
        }
    }
}