using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CometAnalyzers.Rules.Retries
{
    internal static class LoopLocations
    {
        /// <summary>The <c>while</c>, <c>do</c> or <c>for</c> keyword: short, and what the reader sees first.</summary>
        public static Location Keyword(ILoopOperation loop)
            => loop.Syntax switch
            {
                WhileStatementSyntax whileStatement => whileStatement.WhileKeyword.GetLocation(),
                DoStatementSyntax doStatement => doStatement.DoKeyword.GetLocation(),
                ForStatementSyntax forStatement => forStatement.ForKeyword.GetLocation(),
                _ => loop.Syntax.GetFirstToken().GetLocation(),
            };
    }
}
