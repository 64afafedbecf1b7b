using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CometAnalyzers.Contract;
using CometAnalyzers.Rules.Gating;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CometAnalyzers.Rules.Endpoints
{
    /// <summary>
    /// COMET001's gate: a string constant is bound only when its text could name a contract endpoint, that is when it
    /// holds one of the contract's hosts or its path's last segment (compared ignoring case). Text built from named
    /// constants is read with <c>GetConstantValue</c>, which binds only the expression. A percent sign may hide either,
    /// so it is let through too. Never narrower than the rule: a constant that fails it cannot match a contract.
    /// </summary>
    internal sealed class ContractWords
    {
        /// <summary>String literals, and the text of interpolated strings (a literal operation written at the text).</summary>
        public static readonly ImmutableArray<SyntaxKind> Literals = ImmutableArray.Create(SyntaxKind.StringLiteralExpression, SyntaxKind.InterpolatedStringText);

        public static readonly ImmutableArray<SyntaxKind> Concatenations = ImmutableArray.Create(SyntaxKind.AddExpression);

        public static readonly ImmutableArray<SyntaxKind> Interpolations = ImmutableArray.Create(SyntaxKind.InterpolatedStringExpression);

        private readonly string[] _words;

        public ContractWords(ImmutableArray<ContractSettings> contracts)
        {
            var words = new List<string>();
            foreach (ContractSettings contract in contracts)
            {
                words.AddRange(contract.Hosts.Where(h => h.Length > 0));
                if (contract.Path.Split('/').LastOrDefault(s => s.Length > 0) is { } segment)
                {
                    words.Add(segment);
                }
            }

            _words = words.ToArray();
        }

        /// <summary>A string literal, interpolation or concatenation whose text may name a contract endpoint.</summary>
        public bool MayNameContract(CandidateNode context)
        {
            SyntaxNode node = context.Node;
            switch (node)
            {
                case LiteralExpressionSyntax literal:
                    return MayNameContract(literal.Token.ValueText);
                case InterpolatedStringTextSyntax interpolatedText:
                    return MayNameContract(interpolatedText.TextToken.ValueText);
            }

            List<StringPart> parts = StringSyntax.Parts(node);
            if (parts.Any(p => p.Kind == PartKind.NotConstant))
            {
                // Not a constant; its literals are judged on their own.
                return false;
            }

            if (parts.All(p => p.Kind == PartKind.Text))
            {
                return MayNameContract(string.Concat(parts.Select(p => p.Text)));
            }

            // Named constants add text the syntax does not show.
            Optional<object?> value = context.SemanticModel.GetConstantValue(node, context.CancellationToken);
            return value.HasValue && value.Value is string text && MayNameContract(text);
        }

        private bool MayNameContract(string text)
        {
            if (text.IndexOf('%') >= 0)
            {
                return true;
            }

            foreach (string word in _words)
            {
                if (text.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
