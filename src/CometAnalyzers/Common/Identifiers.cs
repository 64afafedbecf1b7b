using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace CometAnalyzers.Common
{
    /// <summary>C# identifier checks and the JSON-name to PascalCase mapping the generator uses.</summary>
    internal static class Identifiers
    {
        /// <summary>Null when <paramref name="name"/> is a usable identifier prefix; otherwise why not.</summary>
        public static string? Validate(string name)
        {
            if (name.Length == 0)
            {
                return "it is empty";
            }

            if (!SyntaxFacts.IsValidIdentifier(name))
            {
                return "it must start with a letter or '_' and hold only letters, digits and '_'";
            }

            return null;
        }

        /// <summary>
        /// Null when <paramref name="name"/> can be an <c>x-csharp-name</c> (a generated type or member name, used verbatim);
        /// otherwise why not.
        /// </summary>
        public static string? ValidateCustomName(string name)
        {
            if (Validate(name) is { } problem)
            {
                return problem;
            }

            if (IsKeyword(name))
            {
                return "it is a C# keyword";
            }

            // Generated code names its own fields, locals and parameters with '_' or a lower-case letter, so a member
            // named like them would be shadowed; and C# keeps lower-case type names for future keywords (CS8981).
            return char.IsLetter(name[0]) && !char.IsLower(name[0]) ? null : "it must start with an upper-case letter";
        }

        public static string? ValidateNamespace(string ns)
        {
            if (ns.Length == 0)
            {
                return "it is empty";
            }

            foreach (string part in ns.Split('.'))
            {
                if (!SyntaxFacts.IsValidIdentifier(part))
                {
                    return $"'{part}' is not a C# identifier";
                }

                if (IsKeyword(part))
                {
                    return $"'{part}' is a C# keyword";
                }
            }

            return null;
        }

        public static bool IsKeyword(string name)
            => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None;

        /// <summary>
        /// snake_case, camelCase, kebab-case, dotted and spaced names to PascalCase. Characters that cannot
        /// appear in an identifier split words; a leading digit gets a '_' prefix; an empty result becomes "Value".
        /// </summary>
        public static string ToPascalCase(string jsonName)
        {
            var builder = new StringBuilder(jsonName.Length);
            bool upperNext = true;
            foreach (char c in jsonName)
            {
                if (IsIdentifierPart(c) && c != '_')
                {
                    builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
                    upperNext = false;
                }
                else
                {
                    upperNext = true;
                }
            }

            if (builder.Length == 0)
            {
                return "Value";
            }

            if (!IsIdentifierStart(builder[0]))
            {
                builder.Insert(0, '_');
            }

            return builder.ToString();
        }

        private static bool IsIdentifierStart(char c) => c == '_' || char.IsLetter(c);

        private static bool IsIdentifierPart(char c)
        {
            if (c == '_' || char.IsLetterOrDigit(c))
            {
                return true;
            }

            UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
            return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.ConnectorPunctuation;
        }
    }
}
