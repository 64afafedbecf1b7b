using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace CometAnalyzers.Contract.Json
{
    /// <summary>A JSON syntax error at a character offset.</summary>
    internal sealed class JsonSyntaxError
    {
        public JsonSyntaxError(int offset, int length, string message)
        {
            Offset = offset;
            Length = length;
            Message = message;
        }

        public int Offset { get; }

        public int Length { get; }

        public string Message { get; }
    }

    /// <summary>
    /// A strict RFC 8259 reader that keeps positions. The analyzer cannot load System.Text.Json (hosts bring
    /// their own copy), and diagnostics need offsets anyway. It never throws: the first syntax error stops it.
    /// </summary>
    internal sealed class JsonTextParser
    {
        /// <summary>Deeper documents are rejected instead of risking the compiler's stack.</summary>
        public const int MaxDepth = 128;

        private readonly string _text;
        private readonly List<JsonSyntaxError> _duplicateKeys = new();
        private int _pos;
        private int _depth;
        private JsonSyntaxError? _error;

        private JsonTextParser(string text) => _text = text;

        /// <summary>Parses a whole document. Returns null and sets <paramref name="error"/> on a syntax error.</summary>
        public static JsonNode? Parse(string text, out JsonSyntaxError? error, out IReadOnlyList<JsonSyntaxError> duplicateKeys)
        {
            var parser = new JsonTextParser(text);
            if (parser._text.Length > 0 && parser._text[0] == '\uFEFF')
            {
                parser._pos = 1;
            }

            JsonNode? root = parser.ParseValue();
            if (root is not null)
            {
                parser.SkipWhitespace();
                if (parser._pos < text.Length)
                {
                    parser.Fail(parser._pos, 1, "Unexpected text after the end of the JSON document.");
                    root = null;
                }
            }

            error = parser._error;
            duplicateKeys = parser._duplicateKeys;
            return error is null ? root : null;
        }

        private JsonNode? Fail(int offset, int length, string message)
        {
            _error ??= new JsonSyntaxError(offset, length, message);
            return null;
        }

        private void SkipWhitespace()
        {
            while (_pos < _text.Length)
            {
                char c = _text[_pos];
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
                {
                    _pos++;
                }
                else
                {
                    return;
                }
            }
        }

        private JsonNode? ParseValue()
        {
            SkipWhitespace();
            if (_pos >= _text.Length)
            {
                return Fail(_text.Length, 0, "Unexpected end of the file: a JSON value is missing.");
            }

            char c = _text[_pos];
            switch (c)
            {
                case '{':
                    return ParseObject();
                case '[':
                    return ParseArray();
                case '"':
                    int start = _pos;
                    string? value = ParseString();
                    return value is null ? null : new JsonStringNode(start, _pos - start, value);
                case 't':
                    return ParseLiteral("true", JsonKind.True);
                case 'f':
                    return ParseLiteral("false", JsonKind.False);
                case 'n':
                    return ParseLiteral("null", JsonKind.Null);
                default:
                    if (c == '-' || (c >= '0' && c <= '9'))
                    {
                        return ParseNumber();
                    }

                    return Fail(_pos, 1, $"Unexpected character '{Printable(c)}': a JSON value was expected.");
            }
        }

        private JsonNode? ParseLiteral(string literal, JsonKind kind)
        {
            if (string.CompareOrdinal(_text, _pos, literal, 0, literal.Length) != 0)
            {
                return Fail(_pos, 1, $"Invalid literal: '{literal}' was expected.");
            }

            int start = _pos;
            _pos += literal.Length;
            return new JsonLiteralNode(start, literal.Length, kind);
        }

        private JsonNode? ParseNumber()
        {
            int start = _pos;
            if (_text[_pos] == '-')
            {
                _pos++;
            }

            if (!ReadDigits(allowLeadingZero: false))
            {
                return Fail(start, System.Math.Max(1, _pos - start), "Invalid number.");
            }

            if (_pos < _text.Length && _text[_pos] == '.')
            {
                _pos++;
                if (!ReadDigits(allowLeadingZero: true))
                {
                    return Fail(start, _pos - start, "Invalid number: digits must follow the decimal point.");
                }
            }

            if (_pos < _text.Length && (_text[_pos] == 'e' || _text[_pos] == 'E'))
            {
                _pos++;
                if (_pos < _text.Length && (_text[_pos] == '+' || _text[_pos] == '-'))
                {
                    _pos++;
                }

                if (!ReadDigits(allowLeadingZero: true))
                {
                    return Fail(start, _pos - start, "Invalid number: digits must follow the exponent.");
                }
            }

            return new JsonNumberNode(start, _pos - start, _text.Substring(start, _pos - start));
        }

        private bool ReadDigits(bool allowLeadingZero)
        {
            int first = _pos;
            while (_pos < _text.Length && _text[_pos] >= '0' && _text[_pos] <= '9')
            {
                _pos++;
            }

            int count = _pos - first;
            return count > 0 && (allowLeadingZero || count == 1 || _text[first] != '0');
        }

        private string? ParseString()
        {
            int start = _pos;
            _pos++; // opening quote
            StringBuilder? builder = null;
            int runStart = _pos;
            while (true)
            {
                if (_pos >= _text.Length)
                {
                    Fail(start, _pos - start, "Unterminated string.");
                    return null;
                }

                char c = _text[_pos];
                if (c == '"')
                {
                    string result = builder is null
                        ? _text.Substring(runStart, _pos - runStart)
                        : builder.Append(_text, runStart, _pos - runStart).ToString();
                    _pos++;
                    if (HasUnpairedSurrogate(result))
                    {
                        // Such a string has no UTF-8 form: as a name or value it could never match a payload, and
                        // generated code that encodes it would throw (I-JSON, RFC 7493, forbids it for that reason).
                        Fail(start, _pos - start, "The string holds an unpaired UTF-16 surrogate (\\uD800-\\uDFFF), which has no UTF-8 form.");
                        return null;
                    }

                    return result;
                }

                if (c < ' ')
                {
                    Fail(_pos, 1, "Control characters must be escaped inside a string.");
                    return null;
                }

                if (c != '\\')
                {
                    _pos++;
                    continue;
                }

                builder ??= new StringBuilder();
                builder.Append(_text, runStart, _pos - runStart);
                if (_pos + 1 >= _text.Length)
                {
                    Fail(start, _pos - start, "Unterminated string.");
                    return null;
                }

                char escape = _text[_pos + 1];
                switch (escape)
                {
                    case '"': builder.Append('"'); break;
                    case '\\': builder.Append('\\'); break;
                    case '/': builder.Append('/'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'u':
                        if (_pos + 6 > _text.Length
                            || !int.TryParse(_text.Substring(_pos + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
                        {
                            Fail(_pos, System.Math.Min(6, _text.Length - _pos), "Invalid \\u escape: four hex digits were expected.");
                            return null;
                        }

                        builder.Append((char)code);
                        _pos += 4;
                        break;
                    default:
                        Fail(_pos, 2, $"Invalid escape sequence '\\{Printable(escape)}'.");
                        return null;
                }

                _pos += 2;
                runStart = _pos;
            }
        }

        private JsonNode? ParseObject()
        {
            int start = _pos;
            if (++_depth > MaxDepth)
            {
                return Fail(_pos, 1, $"The document is nested deeper than {MaxDepth} levels.");
            }

            _pos++;
            var properties = new List<JsonProperty>();
            var seen = new HashSet<string>(System.StringComparer.Ordinal);
            SkipWhitespace();
            if (_pos < _text.Length && _text[_pos] == '}')
            {
                _pos++;
                _depth--;
                return new JsonObjectNode(start, _pos - start, properties);
            }

            while (true)
            {
                SkipWhitespace();
                if (_pos >= _text.Length)
                {
                    return Fail(_text.Length, 0, "Unexpected end of the file: '}' was expected.");
                }

                if (_text[_pos] != '"')
                {
                    return Fail(_pos, 1, $"Unexpected character '{Printable(_text[_pos])}': a property name in double quotes was expected.");
                }

                int nameStart = _pos;
                string? name = ParseString();
                if (name is null)
                {
                    return null;
                }

                int nameLength = _pos - nameStart;
                SkipWhitespace();
                if (_pos >= _text.Length || _text[_pos] != ':')
                {
                    return Fail(System.Math.Min(_pos, _text.Length), _pos < _text.Length ? 1 : 0, "':' was expected after the property name.");
                }

                _pos++;
                JsonNode? value = ParseValue();
                if (value is null)
                {
                    return null;
                }

                if (!seen.Add(name))
                {
                    _duplicateKeys.Add(new JsonSyntaxError(nameStart, nameLength, $"Duplicate key '{name}': only the first is used."));
                }

                properties.Add(new JsonProperty(name, nameStart, nameLength, value));
                SkipWhitespace();
                if (_pos >= _text.Length)
                {
                    return Fail(_text.Length, 0, "Unexpected end of the file: ',' or '}' was expected.");
                }

                char c = _text[_pos];
                _pos++;
                if (c == '}')
                {
                    _depth--;
                    return new JsonObjectNode(start, _pos - start, properties);
                }

                if (c != ',')
                {
                    return Fail(_pos - 1, 1, $"Unexpected character '{Printable(c)}': ',' or '}}' was expected.");
                }
            }
        }

        private JsonNode? ParseArray()
        {
            int start = _pos;
            if (++_depth > MaxDepth)
            {
                return Fail(_pos, 1, $"The document is nested deeper than {MaxDepth} levels.");
            }

            _pos++;
            var items = new List<JsonNode>();
            SkipWhitespace();
            if (_pos < _text.Length && _text[_pos] == ']')
            {
                _pos++;
                _depth--;
                return new JsonArrayNode(start, _pos - start, items);
            }

            while (true)
            {
                JsonNode? item = ParseValue();
                if (item is null)
                {
                    return null;
                }

                items.Add(item);
                SkipWhitespace();
                if (_pos >= _text.Length)
                {
                    return Fail(_text.Length, 0, "Unexpected end of the file: ',' or ']' was expected.");
                }

                char c = _text[_pos];
                _pos++;
                if (c == ']')
                {
                    _depth--;
                    return new JsonArrayNode(start, _pos - start, items);
                }

                if (c != ',')
                {
                    return Fail(_pos - 1, 1, $"Unexpected character '{Printable(c)}': ',' or ']' was expected.");
                }
            }
        }

        private static bool HasUnpairedSurrogate(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                }
                else if (char.IsSurrogate(text[i]))
                {
                    return true;
                }
            }

            return false;
        }

        private static string Printable(char c) => c < ' ' || c > '~' ? $"\\u{(int)c:X4}" : c.ToString();
    }
}
