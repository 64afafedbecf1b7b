using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CometAnalyzers.Rules.Endpoints
{
    /// <summary>
    /// The member names a type writes in its constructors and init accessors, in every part of a partial type. A
    /// readonly field or get-only auto-property written there does not keep its initializer's value (the constructor
    /// can take it from configuration), so its initializer is not an endpoint every use reads. Read from syntax, by
    /// name, once per type and only for a type that declares a followed member with a URL-like initializer; a name
    /// written anywhere in a constructor counts, which may miss an endpoint but never invents one. One instance per
    /// compilation.
    /// </summary>
    internal sealed class ConstructorWrites
    {
        /// <summary>Stands for every member: a struct constructor that assigns <c>this</c> replaces them all. No identifier holds a '&lt;'.</summary>
        private const string EveryMember = "<this>";

        private readonly ConcurrentDictionary<INamedTypeSymbol, HashSet<string>> _byType = new(SymbolEqualityComparer.Default);

        /// <summary>True when a constructor or init accessor of the member's type may assign it. Never for a const.</summary>
        public bool MayBeWritten(ISymbol member, CancellationToken cancellationToken)
        {
            if (member is IFieldSymbol { IsConst: true } || member.ContainingType is not { } type)
            {
                return false;
            }

            type = type.OriginalDefinition;
            if (!_byType.TryGetValue(type, out HashSet<string>? names))
            {
                names = _byType.GetOrAdd(type, Read(type, cancellationToken));
            }

            return names.Contains(member.Name) || names.Contains(EveryMember);
        }

        private static HashSet<string> Read(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            var names = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax declaration)
                {
                    continue;
                }

                foreach (MemberDeclarationSyntax member in declaration.Members)
                {
                    if (member is ConstructorDeclarationSyntax constructor)
                    {
                        AddWrites(constructor, names);
                    }
                    else if (member is BasePropertyDeclarationSyntax { AccessorList: { } accessors })
                    {
                        // An init accessor may assign the type's readonly fields too.
                        foreach (AccessorDeclarationSyntax accessor in accessors.Accessors)
                        {
                            if (accessor.IsKind(SyntaxKind.InitAccessorDeclaration))
                            {
                                AddWrites(accessor, names);
                            }
                        }
                    }
                }
            }

            return names;
        }

        /// <summary>Assignments (<c>=</c>, <c>??=</c>, deconstruction), <c>out</c>/<c>ref</c> arguments and <c>ref</c> expressions.</summary>
        private static void AddWrites(SyntaxNode body, HashSet<string> names)
        {
            foreach (SyntaxNode node in body.DescendantNodes())
            {
                switch (node)
                {
                    // An object or with initializer sets the new object's members, never this one's.
                    case AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax }:
                        break;
                    case AssignmentExpressionSyntax assignment:
                        AddTarget(assignment.Left, names);
                        break;
                    case ArgumentSyntax argument when argument.RefKindKeyword.IsKind(SyntaxKind.OutKeyword) || argument.RefKindKeyword.IsKind(SyntaxKind.RefKeyword):
                        AddTarget(argument.Expression, names);
                        break;
                    case RefExpressionSyntax reference:
                        AddTarget(reference.Expression, names);
                        break;
                }
            }
        }

        private static void AddTarget(ExpressionSyntax target, HashSet<string> names)
        {
            switch (target)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    AddTarget(parenthesized.Expression, names);
                    break;
                case TupleExpressionSyntax tuple:
                    foreach (ArgumentSyntax element in tuple.Arguments)
                    {
                        AddTarget(element.Expression, names);
                    }

                    break;
                case IdentifierNameSyntax name:
                    names.Add(name.Identifier.ValueText);
                    break;
                case MemberAccessExpressionSyntax access:
                    names.Add(access.Name.Identifier.ValueText);
                    break;
                case ThisExpressionSyntax:
                    names.Add(EveryMember);
                    break;
            }
        }
    }
}
