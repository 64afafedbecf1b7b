using System;
using System.Collections.Generic;
using System.Threading;
using CometAnalyzers.Rules.Gating;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CometAnalyzers.Rules.Secrets
{
    /// <summary>
    /// Names of the source members a log call can go through under a name of its own: methods with a [LoggerMessage]
    /// attribute, and fields and properties whose type or initializer mentions ILogger or LoggerMessage (the delegates
    /// LoggerMessage.Define returns, or a delegate type declared with an ILogger parameter). Read from declarations only.
    /// Any using alias counts as a mention, since it can stand for either.
    /// </summary>
    internal static class LoggerDeclarations
    {
        public static HashSet<string> Collect(Compilation compilation, CancellationToken cancellationToken)
        {
            var mentions = new HashSet<string>(StringComparer.Ordinal) { "ILogger", "LoggerMessage", "LoggerMessageAttribute" };
            var types = new List<TypeDeclarationSyntax>();
            var delegates = new List<DelegateDeclarationSyntax>();
            foreach (SyntaxTree tree in compilation.SyntaxTrees)
            {
                if (tree.GetRoot(cancellationToken) is CompilationUnitSyntax unit)
                {
                    AliasNames.AddDeclared(unit.Usings, mentions);
                    Gather(unit.Members, types, delegates, mentions);
                }
            }

            // Delegate types with an ILogger parameter make their fields logger delegates too.
            foreach (DelegateDeclarationSyntax declaration in delegates)
            {
                if (Mentions(declaration.ParameterList, mentions))
                {
                    mentions.Add(declaration.Identifier.ValueText);
                }
            }

            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (TypeDeclarationSyntax type in types)
            {
                foreach (MemberDeclarationSyntax member in type.Members)
                {
                    switch (member)
                    {
                        case MethodDeclarationSyntax method when method.AttributeLists.Count > 0 && Mentions(method.AttributeLists, mentions):
                            names.Add(method.Identifier.ValueText);
                            break;
                        case BaseFieldDeclarationSyntax field when Mentions(field.Declaration, mentions):
                            foreach (VariableDeclaratorSyntax variable in field.Declaration.Variables)
                            {
                                names.Add(variable.Identifier.ValueText);
                            }

                            break;
                        case PropertyDeclarationSyntax property when Mentions(property.Type, mentions) || (property.Initializer is { } initializer && Mentions(initializer, mentions)):
                            names.Add(property.Identifier.ValueText);
                            break;
                    }
                }
            }

            return names;
        }

        private static void Gather(SyntaxList<MemberDeclarationSyntax> members, List<TypeDeclarationSyntax> types, List<DelegateDeclarationSyntax> delegates, HashSet<string> mentions)
        {
            foreach (MemberDeclarationSyntax member in members)
            {
                switch (member)
                {
                    case BaseNamespaceDeclarationSyntax ns:
                        AliasNames.AddDeclared(ns.Usings, mentions);
                        Gather(ns.Members, types, delegates, mentions);
                        break;
                    case TypeDeclarationSyntax type:
                        types.Add(type);
                        Gather(type.Members, types, delegates, mentions);
                        break;
                    case DelegateDeclarationSyntax declaration:
                        delegates.Add(declaration);
                        break;
                }
            }
        }

        private static bool Mentions(SyntaxNode node, HashSet<string> names)
        {
            foreach (SyntaxToken token in node.DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.IdentifierToken) && names.Contains(token.ValueText))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Mentions(SyntaxList<AttributeListSyntax> lists, HashSet<string> names)
        {
            foreach (AttributeListSyntax list in lists)
            {
                if (Mentions(list, names))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
