using System;
using System.Text;

namespace CometAnalyzers.Generation.Emitter
{
    /// <summary>Indentation-aware text builder: every emitter writes through one of these. Always '\n' newlines.</summary>
    internal sealed class SourceWriter
    {
        private readonly StringBuilder _builder = new();
        private int _indent;

        public SourceWriter Line(string text = "")
        {
            if (text.Length > 0)
            {
                _builder.Append(' ', _indent * 4);
                _builder.Append(text);
            }

            _builder.Append('\n');
            return this;
        }

        public SourceWriter OpenBlock(string header)
        {
            Line(header);
            Line("{");
            _indent++;
            return this;
        }

        public SourceWriter CloseBlock(string suffix = "")
        {
            _indent--;
            Line("}" + suffix);
            return this;
        }

        public SourceWriter Indent()
        {
            _indent++;
            return this;
        }

        public SourceWriter Unindent()
        {
            _indent--;
            return this;
        }

        /// <summary>Writes an XML doc comment; text is escaped and split into lines.</summary>
        public SourceWriter Summary(string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return this;
            }

            Line("/// <summary>");
            foreach (string line in text!.Replace("\r\n", "\n").Split('\n'))
            {
                Line("/// " + EscapeXml(line.TrimEnd()));
            }

            return Line("/// </summary>");
        }

        public override string ToString() => _builder.ToString();

        public static string EscapeXml(string text)
            => SingleLine(text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;"));

        /// <summary>
        /// Text that stays inside one comment line and is valid XML: C# line terminators (CR, LF, NEL, LS, PS) become spaces,
        /// and characters XML forbids (controls, unpaired surrogates, U+FFFE, U+FFFF) are written as <c>\uXXXX</c>.
        /// </summary>
        public static string SingleLine(string text)
        {
            StringBuilder? builder = null;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                string? replacement = null;
                if (c is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029')
                {
                    replacement = " ";
                }
                else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    builder?.Append(c).Append(text[i + 1]);
                    i++;
                    continue;
                }
                else if ((c < ' ' && c != '\t') || char.IsSurrogate(c) || c == '\uFFFE' || c == '\uFFFF')
                {
                    replacement = "\\u" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
                }

                if (replacement is not null)
                {
                    builder ??= new StringBuilder(text, 0, i, text.Length + 8);
                    builder.Append(replacement);
                }
                else
                {
                    builder?.Append(c);
                }
            }

            return builder?.ToString() ?? text;
        }

        /// <summary>A C# string literal for any text (quotes, backslashes, control and non-ASCII characters escaped).</summary>
        public static string Literal(string? text)
        {
            if (text is null)
            {
                return "null";
            }

            var builder = new StringBuilder(text.Length + 2);
            builder.Append('"');
            foreach (char c in text)
            {
                switch (c)
                {
                    case '"': builder.Append("\\\""); break;
                    case '\\': builder.Append("\\\\"); break;
                    case '\n': builder.Append("\\n"); break;
                    case '\r': builder.Append("\\r"); break;
                    case '\t': builder.Append("\\t"); break;
                    default:
                        if (c < ' ' || c > '~')
                        {
                            builder.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            builder.Append(c);
                        }

                        break;
                }
            }

            return builder.Append('"').ToString();
        }

        /// <summary>A double literal that round-trips and reads the same in every culture.</summary>
        public static string DoubleLiteral(double value)
        {
            if (double.IsPositiveInfinity(value))
            {
                return "double.PositiveInfinity";
            }

            if (double.IsNegativeInfinity(value))
            {
                return "double.NegativeInfinity";
            }

            string text = value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            return text.IndexOfAny(new[] { '.', 'E', 'e' }) >= 0 ? text + "d" : text + ".0d";
        }

        /// <summary>UTF-8 bytes as a C# byte-array initializer, for allocation-free ReadOnlySpan properties.</summary>
        public static string Utf8Bytes(string text)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            var builder = new StringBuilder("new byte[] { ");
            for (int i = 0; i < bytes.Length; i++)
            {
                builder.Append(i == 0 ? string.Empty : ", ").Append(bytes[i].ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            return builder.Append(" }").ToString();
        }

        public static string Int(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

        public static string Doc(string text) => EscapeXml(text.Replace("\r", string.Empty).Replace("\n", " "));

        public static bool IsEmpty(string? text) => string.IsNullOrEmpty(text) || text!.Trim().Length == 0;

        internal static readonly string[] NoArgs = Array.Empty<string>();
    }
}
