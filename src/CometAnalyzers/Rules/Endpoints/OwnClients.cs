using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CometAnalyzers.Rules.Endpoints
{
    /// <summary>
    /// Which client constructors are judged by their code rather than by their type's name. A library's client
    /// (<c>OllamaApiClient</c>) has no code to read, so its name is the only evidence that it sends to the address it
    /// takes. The project's own client has: a sample <c>FakeChatClient(Uri endpoint)</c> that keeps the Uri as metadata
    /// and answers from memory sends nothing, and its name must not make a placeholder URL an endpoint.
    /// </summary>
    internal static class OwnClients
    {
        /// <summary>
        /// True for a constructor written in this compilation's source as a declaration with a body to read. A record's
        /// or class's primary constructor has none: it keeps the name heuristic, which may report but never loses an endpoint.
        /// </summary>
        public static bool IsJudgedByCode(IMethodSymbol constructor)
        {
            IMethodSymbol definition = constructor.OriginalDefinition;
            return definition.MethodKind == MethodKind.Constructor
                && definition.DeclaringSyntaxReferences.Length == 1
                && definition.DeclaringSyntaxReferences[0].GetSyntax() is ConstructorDeclarationSyntax;
        }
    }
}
