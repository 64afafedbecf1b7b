using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace CometAnalyzers.Rules.Secrets
{
    /// <summary>
    /// Types whose name says a <c>token</c> they hold is a piece of text, not a credential: model output and its
    /// log-probabilities (<c>ChatTokenLogProbabilityDetails.Token</c>), streamed updates and chunks, token usage, and
    /// the state of a tokenizer, lexer or parser (<c>JsonTokenReader.Token</c>). Only the ambiguous name (<c>token</c>,
    /// <c>lastToken</c>: see <see cref="SecretNames.IsAmbiguous"/>) gives way to its owner; <c>AccessToken</c> is a
    /// credential wherever it is declared.
    /// </summary>
    internal static class TextTokenOwners
    {
        private static readonly HashSet<string> TextWords = new(StringComparer.Ordinal)
        {
            // Model output and what is said about it.
            "probability", "probabilities", "logprob", "logprobs", "prob", "probs", "logit", "logits", "usage",
            "streaming", "stream", "update", "chunk", "delta", "vocabulary", "vocab",

            // Reading text: tokenizers, lexers, parsers and their encodings.
            "tokenizer", "tokenization", "tokenizing", "tokenize", "lexer", "lexical", "parse", "parser", "parsing", "scanner", "reader",
            "syntax", "json", "xml", "yaml", "encoding", "encoder", "decoder",
        };

        /// <summary>Whether the type, or a type it is nested in, is named for text output or parsing.</summary>
        public static bool SaysText(INamedTypeSymbol? owner)
        {
            for (INamedTypeSymbol? type = owner; type is not null; type = type.ContainingType)
            {
                if (NameSaysText(type.Name))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether a parameter's method, or the type that declares it, is named for text output or parsing:
        /// <c>OnStreamChunk(string token)</c>, <c>ParseToken(string token)</c>.
        /// </summary>
        public static bool SaysText(IParameterSymbol parameter)
            => parameter.ContainingSymbol is IMethodSymbol method && (NameSaysText(method.Name) || SaysText(method.ContainingType));

        private static bool NameSaysText(string name)
        {
            foreach (string word in IdentifierWords.Split(name))
            {
                if (TextWords.Contains(word))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
