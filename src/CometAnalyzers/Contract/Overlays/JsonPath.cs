using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Threading;
using CometAnalyzers.Contract.Json;

namespace CometAnalyzers.Contract.Overlays
{
    /// <summary>A JSONPath syntax problem: where in the path text (a character index) and what.</summary>
    internal sealed class JsonPathError
    {
        public JsonPathError(int index, int length, string message)
        {
            Index = index;
            Length = length;
            Message = message;
        }

        public int Index { get; }

        public int Length { get; }

        public string Message { get; }
    }

    /// <summary>One step from a node to a child: a member name, or an array index (then <see cref="Name"/> is null).</summary>
    internal sealed class JsonLocation
    {
        public static readonly JsonLocation Root = new(null, null, -1);

        private JsonLocation(JsonLocation? parent, string? name, int index)
        {
            Parent = parent;
            Name = name;
            Index = index;
            Depth = parent is null ? 0 : parent.Depth + 1;
        }

        public JsonLocation? Parent { get; }

        public string? Name { get; }

        public int Index { get; }

        public int Depth { get; }

        public JsonLocation Member(string name) => new(this, name, -1);

        public JsonLocation Item(int index) => new(this, null, index);

        /// <summary>The steps from the root, first step first (empty for the root).</summary>
        public IReadOnlyList<JsonLocation> Steps()
        {
            var steps = new JsonLocation[Depth];
            for (JsonLocation? current = this; current is not null && current.Depth > 0; current = current.Parent)
            {
                steps[current.Depth - 1] = current;
            }

            return steps;
        }

        /// <summary>The normalized path (RFC 9535 2.7), as a diagnostic shows it.</summary>
        public override string ToString()
        {
            var text = new StringBuilder("$");
            foreach (JsonLocation step in Steps())
            {
                text.Append(step.Name is null ? "[" + step.Index.ToString(CultureInfo.InvariantCulture) + "]" : "['" + step.Name.Replace("\\", "\\\\").Replace("'", "\\'") + "']");
            }

            return text.ToString();
        }
    }

    /// <summary>A node a JSONPath query selected, and where it is.</summary>
    internal readonly struct JsonPathMatch
    {
        public JsonPathMatch(JsonNode node, JsonLocation location)
        {
            Node = node;
            Location = location;
        }

        public JsonNode Node { get; }

        public JsonLocation Location { get; }
    }

    /// <summary>
    /// The JSONPath (RFC 9535) that overlay targets are written in, in the subset real overlays use, with no dependency:
    /// the root <c>$</c>; member names <c>.name</c>, <c>['name']</c> and <c>["name"]</c>; indexes <c>[0]</c> and <c>[-1]</c>;
    /// wildcards <c>.*</c> and <c>[*]</c>; several selectors in one bracket (<c>['a','b']</c>); descendants <c>..name</c>,
    /// <c>..*</c> and <c>..[…]</c>; filters <c>[?(@.type == 'x')]</c> and <c>[?@ == 'x']</c> with <c>==</c>, <c>!=</c>,
    /// <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c>, <c>&amp;&amp;</c>, <c>||</c>, <c>!</c>, parentheses, existence tests
    /// (<c>[?@.deprecated]</c>) and string, number, <c>true</c>, <c>false</c> and <c>null</c> literals. Slices and function
    /// extensions (<c>length()</c>, <c>match()</c>, …) are not supported: they are a <see cref="JsonPathError"/> at their
    /// place, like any syntax error. Never throws.
    /// </summary>
    internal sealed class JsonPath
    {
        /// <summary>Deeper nesting of brackets, parentheses and filters is rejected instead of risking the compiler's stack.</summary>
        public const int MaxNesting = 32;

        /// <summary>Node visits one query may make (a filter with descendants inside descendants grows quadratically).</summary>
        public const int DefaultVisitBudget = 4_000_000;

        private readonly IReadOnlyList<Segment> _segments;

        private JsonPath(string text, IReadOnlyList<Segment> segments)
        {
            Text = text;
            _segments = segments;
        }

        public string Text { get; }

        /// <summary>Parses <paramref name="text"/>; null with <paramref name="error"/> set when it is not in the supported subset.</summary>
        public static JsonPath? Parse(string text, out JsonPathError? error)
        {
            var parser = new Parser(text);
            IReadOnlyList<Segment>? segments = parser.ParseWhole();
            error = parser.Error;
            return segments is null ? null : new JsonPath(text, segments);
        }

        /// <summary>
        /// The nodes the query selects, in the order RFC 9535 gives them (a node before its descendants, array items in order), without duplicates.
        /// Null when the query would visit more than <paramref name="visitBudget"/> nodes.
        /// </summary>
        public IReadOnlyList<JsonPathMatch>? Select(JsonNode root, CancellationToken cancellationToken, int visitBudget = DefaultVisitBudget)
        {
            var evaluator = new Evaluator(root, visitBudget, cancellationToken);
            List<JsonPathMatch>? matches = evaluator.Run(_segments, new JsonPathMatch(root, JsonLocation.Root));
            if (matches is null)
            {
                return null;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            var unique = new List<JsonPathMatch>(matches.Count);
            foreach (JsonPathMatch match in matches)
            {
                if (seen.Add(match.Location.ToString()))
                {
                    unique.Add(match);
                }
            }

            return unique;
        }

        private enum SelectorKind
        {
            Name,
            Wildcard,
            Index,
            Filter,
        }

        private enum Operator
        {
            Equal,
            NotEqual,
            Less,
            LessOrEqual,
            Greater,
            GreaterOrEqual,
        }

        private sealed class Segment
        {
            public Segment(bool descendant, IReadOnlyList<Selector> selectors)
            {
                Descendant = descendant;
                Selectors = selectors;
            }

            public bool Descendant { get; }

            public IReadOnlyList<Selector> Selectors { get; }

            /// <summary>One name or one index, not below the current node: selects at most one node.</summary>
            public bool IsSingular => !Descendant && Selectors.Count == 1 && Selectors[0].Kind is SelectorKind.Name or SelectorKind.Index;
        }

        private sealed class Selector
        {
            private Selector(SelectorKind kind, string? name, int index, Expression? filter)
            {
                Kind = kind;
                Name = name;
                Index = index;
                Filter = filter;
            }

            public SelectorKind Kind { get; }

            public string? Name { get; }

            public int Index { get; }

            public Expression? Filter { get; }

            public static Selector ForName(string name) => new(SelectorKind.Name, name, 0, null);

            public static Selector ForIndex(int index) => new(SelectorKind.Index, null, index, null);

            public static Selector ForFilter(Expression filter) => new(SelectorKind.Filter, null, 0, filter);

            public static readonly Selector Wildcard = new(SelectorKind.Wildcard, null, 0, null);
        }

        /// <summary>A filter expression: a logical operator, a comparison, an existence test or an operand of a comparison.</summary>
        private abstract class Expression
        {
        }

        private sealed class LogicalExpression : Expression
        {
            public LogicalExpression(bool isAnd, IReadOnlyList<Expression> operands)
            {
                IsAnd = isAnd;
                Operands = operands;
            }

            public bool IsAnd { get; }

            public IReadOnlyList<Expression> Operands { get; }
        }

        private sealed class NotExpression : Expression
        {
            public NotExpression(Expression operand) => Operand = operand;

            public Expression Operand { get; }
        }

        private sealed class ComparisonExpression : Expression
        {
            public ComparisonExpression(Expression left, Operator op, Expression right)
            {
                Left = left;
                Op = op;
                Right = right;
            }

            public Expression Left { get; }

            public Operator Op { get; }

            public Expression Right { get; }
        }

        /// <summary>A query from the current node (<c>@</c>) or the root (<c>$</c>); alone it tests that something exists.</summary>
        private sealed class QueryExpression : Expression
        {
            public QueryExpression(bool fromRoot, IReadOnlyList<Segment> segments)
            {
                FromRoot = fromRoot;
                Segments = segments;
            }

            public bool FromRoot { get; }

            public IReadOnlyList<Segment> Segments { get; }

            public bool IsSingular
            {
                get
                {
                    foreach (Segment segment in Segments)
                    {
                        if (!segment.IsSingular)
                        {
                            return false;
                        }
                    }

                    return true;
                }
            }
        }

        private sealed class LiteralExpression : Expression
        {
            public LiteralExpression(JsonNode value) => Value = value;

            public JsonNode Value { get; }
        }

        private sealed class Parser
        {
            private readonly string _text;
            private int _pos;
            private int _nesting;

            public Parser(string text) => _text = text;

            public JsonPathError? Error { get; private set; }

            public IReadOnlyList<Segment>? ParseWhole()
            {
                if (_text.Length == 0 || _text[0] != '$')
                {
                    return Fail<IReadOnlyList<Segment>>(0, Math.Min(1, _text.Length), "a JSONPath starts with '$' (the root of the document)");
                }

                _pos = 1;
                IReadOnlyList<Segment>? segments = ParseSegments();
                if (segments is null)
                {
                    return null;
                }

                if (_pos < _text.Length)
                {
                    return Fail<IReadOnlyList<Segment>>(_pos, 1, $"unexpected '{_text[_pos]}': a segment starts with '.', '..' or '['");
                }

                return segments;
            }

            private IReadOnlyList<Segment>? ParseSegments()
            {
                var segments = new List<Segment>();
                while (true)
                {
                    int save = _pos;
                    SkipBlanks();
                    if (_pos >= _text.Length || (_text[_pos] != '.' && _text[_pos] != '['))
                    {
                        _pos = save;
                        return segments;
                    }

                    Segment? segment = ParseSegment();
                    if (segment is null)
                    {
                        return null;
                    }

                    segments.Add(segment);
                }
            }

            private Segment? ParseSegment()
            {
                if (_text[_pos] == '[')
                {
                    IReadOnlyList<Selector>? selectors = ParseBracket();
                    return selectors is null ? null : new Segment(false, selectors);
                }

                // '.' or '..'
                bool descendant = _pos + 1 < _text.Length && _text[_pos + 1] == '.';
                _pos += descendant ? 2 : 1;
                if (_pos >= _text.Length)
                {
                    return Fail(_pos - 1, 1, descendant ? "'..' must be followed by a name, '*' or '['" : "'.' must be followed by a name or '*'");
                }

                char c = _text[_pos];
                if (descendant && c == '[')
                {
                    IReadOnlyList<Selector>? selectors = ParseBracket();
                    return selectors is null ? null : new Segment(true, selectors);
                }

                if (c == '*')
                {
                    _pos++;
                    return new Segment(descendant, new[] { Selector.Wildcard });
                }

                int start = _pos;
                while (_pos < _text.Length && IsNameChar(_text[_pos]))
                {
                    _pos++;
                }

                if (_pos == start)
                {
                    return c == '.'
                        ? Fail(_pos, 1, "'...' is not a segment: write '..name' or '..[…]'")
                        : Fail(_pos, 1, $"'{c}' cannot start a member name after '.': write ['{c}…'] in brackets");
                }

                return new Segment(descendant, new[] { Selector.ForName(_text.Substring(start, _pos - start)) });
            }

            /// <summary>Letters, digits, '_', '-' and anything beyond ASCII (RFC 9535's shorthand names, plus '-' as in x-oai-traits).</summary>
            private static bool IsNameChar(char c)
                => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c >= 0x80;

            private IReadOnlyList<Selector>? ParseBracket()
            {
                int open = _pos;
                if (!Enter(open))
                {
                    return null;
                }

                _pos++; // '['
                var selectors = new List<Selector>();
                while (true)
                {
                    SkipBlanks();
                    Selector? selector = ParseSelector();
                    if (selector is null)
                    {
                        return null;
                    }

                    selectors.Add(selector);
                    SkipBlanks();
                    if (_pos >= _text.Length)
                    {
                        return Fail<IReadOnlyList<Selector>>(open, 1, "'[' is not closed by ']'");
                    }

                    if (_text[_pos] == ',')
                    {
                        _pos++;
                        continue;
                    }

                    if (_text[_pos] == ']')
                    {
                        _pos++;
                        _nesting--;
                        return selectors;
                    }

                    return _text[_pos] == ':'
                        ? Fail<IReadOnlyList<Selector>>(_pos, 1, "array slices ([start:end]) are not supported: select items by index or with a filter")
                        : Fail<IReadOnlyList<Selector>>(_pos, 1, $"unexpected '{_text[_pos]}': expected ',' or ']'");
                }
            }

            private Selector? ParseSelector()
            {
                if (_pos >= _text.Length)
                {
                    return Fail<Selector>(_pos - 1, 1, "a selector is expected after '['");
                }

                char c = _text[_pos];
                switch (c)
                {
                    case '\'':
                    case '"':
                        return ParseString() is { } name ? Selector.ForName(name) : null;
                    case '*':
                        _pos++;
                        return Selector.Wildcard;
                    case '?':
                        _pos++;
                        SkipBlanks();
                        return ParseOr() is { } filter ? Selector.ForFilter(filter) : null;
                    case ':':
                        return Fail<Selector>(_pos, 1, "array slices ([start:end]) are not supported: select items by index or with a filter");
                }

                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    int start = _pos;
                    _pos++;
                    while (_pos < _text.Length && _text[_pos] >= '0' && _text[_pos] <= '9')
                    {
                        _pos++;
                    }

                    string digits = _text.Substring(start, _pos - start);
                    if (!int.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int index))
                    {
                        return Fail<Selector>(start, _pos - start, $"'{digits}' is not an array index");
                    }

                    SkipBlanks();
                    if (_pos < _text.Length && _text[_pos] == ':')
                    {
                        return Fail<Selector>(_pos, 1, "array slices ([start:end]) are not supported: select items by index or with a filter");
                    }

                    return Selector.ForIndex(index);
                }

                return Fail<Selector>(_pos, 1, $"unexpected '{c}': a selector is a quoted name, an index, '*' or a filter '?…'");
            }

            private Expression? ParseOr()
            {
                if (!Enter(_pos))
                {
                    return null;
                }

                var operands = new List<Expression>();
                while (true)
                {
                    Expression? operand = ParseAnd();
                    if (operand is null)
                    {
                        return null;
                    }

                    operands.Add(operand);
                    SkipBlanks();
                    if (!Follows("||"))
                    {
                        break;
                    }

                    _pos += 2;
                    SkipBlanks();
                }

                _nesting--;
                return operands.Count == 1 ? operands[0] : new LogicalExpression(false, operands);
            }

            private Expression? ParseAnd()
            {
                var operands = new List<Expression>();
                while (true)
                {
                    Expression? operand = ParseUnary();
                    if (operand is null)
                    {
                        return null;
                    }

                    operands.Add(operand);
                    SkipBlanks();
                    if (!Follows("&&"))
                    {
                        break;
                    }

                    _pos += 2;
                    SkipBlanks();
                }

                return operands.Count == 1 ? operands[0] : new LogicalExpression(true, operands);
            }

            private Expression? ParseUnary()
            {
                if (_pos < _text.Length && _text[_pos] == '!' && !Follows("!="))
                {
                    _pos++;
                    SkipBlanks();
                    if (!Enter(_pos))
                    {
                        return null;
                    }

                    Expression? operand = ParseUnary();
                    _nesting--;
                    return operand is null ? null : new NotExpression(operand);
                }

                return ParseComparison();
            }

            private Expression? ParseComparison()
            {
                if (_pos < _text.Length && _text[_pos] == '(')
                {
                    int open = _pos;
                    _pos++;
                    SkipBlanks();
                    Expression? inner = ParseOr();
                    if (inner is null)
                    {
                        return null;
                    }

                    SkipBlanks();
                    if (_pos >= _text.Length || _text[_pos] != ')')
                    {
                        return _pos >= _text.Length
                            ? Fail<Expression>(open, 1, "'(' is not closed by ')'")
                            : Fail<Expression>(_pos, 1, $"unexpected '{_text[_pos]}': expected ')'");
                    }

                    _pos++;
                    return inner;
                }

                int leftStart = _pos;
                Expression? left = ParseOperand();
                if (left is null)
                {
                    return null;
                }

                int leftEnd = _pos;
                SkipBlanks();
                Operator? op = ReadOperator();
                if (op is null)
                {
                    if (left is LiteralExpression)
                    {
                        return Fail<Expression>(leftStart, leftEnd - leftStart, "a literal alone is not a test: compare it with '@…' (for example @ == 'x')");
                    }

                    return left;
                }

                SkipBlanks();
                int rightStart = _pos;
                Expression? right = ParseOperand();
                if (right is null)
                {
                    return null;
                }

                if (left is QueryExpression { IsSingular: false })
                {
                    return Fail<Expression>(leftStart, leftEnd - leftStart, "a comparison needs a single value: use member names and indexes only (no '*', '..' or filter)");
                }

                if (right is QueryExpression { IsSingular: false })
                {
                    return Fail<Expression>(rightStart, _pos - rightStart, "a comparison needs a single value: use member names and indexes only (no '*', '..' or filter)");
                }

                return new ComparisonExpression(left, op.Value, right);
            }

            private Operator? ReadOperator()
            {
                (string Text, Operator Op)[] operators =
                {
                    ("==", Operator.Equal), ("!=", Operator.NotEqual), ("<=", Operator.LessOrEqual),
                    (">=", Operator.GreaterOrEqual), ("<", Operator.Less), (">", Operator.Greater),
                };
                foreach ((string text, Operator op) in operators)
                {
                    if (Follows(text))
                    {
                        _pos += text.Length;
                        return op;
                    }
                }

                return null;
            }

            private Expression? ParseOperand()
            {
                if (_pos >= _text.Length)
                {
                    return Fail<Expression>(Math.Max(0, _text.Length - 1), 1, "the filter ends too early: a test such as @.name == 'x' is expected");
                }

                char c = _text[_pos];
                if (c == '@' || c == '$')
                {
                    _pos++;
                    IReadOnlyList<Segment>? segments = ParseSegments();
                    return segments is null ? null : new QueryExpression(c == '$', segments);
                }

                if (c == '\'' || c == '"')
                {
                    return ParseString() is { } value ? new LiteralExpression(new JsonStringNode(0, 0, value)) : null;
                }

                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return ParseNumber();
                }

                int start = _pos;
                while (_pos < _text.Length && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] == '_'))
                {
                    _pos++;
                }

                string word = _text.Substring(start, _pos - start);
                switch (word)
                {
                    case "true":
                        return new LiteralExpression(new JsonLiteralNode(0, 0, JsonKind.True));
                    case "false":
                        return new LiteralExpression(new JsonLiteralNode(0, 0, JsonKind.False));
                    case "null":
                        return new LiteralExpression(new JsonLiteralNode(0, 0, JsonKind.Null));
                }

                if (word.Length > 0 && _pos < _text.Length && _text[_pos] == '(')
                {
                    return Fail<Expression>(start, word.Length, $"function extensions ({word}()) are not supported");
                }

                return word.Length > 0
                    ? Fail<Expression>(start, word.Length, $"'{word}' is not a value: write a string in quotes, a number, true, false, null or a query from @ or $")
                    : Fail<Expression>(start, 1, $"unexpected '{c}': a test such as @.name == 'x' is expected");
            }

            private Expression? ParseNumber()
            {
                int start = _pos;
                if (_text[_pos] == '-')
                {
                    _pos++;
                }

                int digits = _pos;
                while (_pos < _text.Length && ((_text[_pos] >= '0' && _text[_pos] <= '9') || _text[_pos] == '.' || _text[_pos] == 'e' || _text[_pos] == 'E'
                    || ((_text[_pos] == '+' || _text[_pos] == '-') && (_text[_pos - 1] == 'e' || _text[_pos - 1] == 'E'))))
                {
                    _pos++;
                }

                string text = _text.Substring(start, _pos - start);
                if (_pos == digits || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                {
                    return Fail<Expression>(start, Math.Max(1, _pos - start), $"'{text}' is not a number");
                }

                return new LiteralExpression(new JsonNumberNode(0, 0, text));
            }

            private string? ParseString()
            {
                int start = _pos;
                char quote = _text[_pos++];
                var value = new StringBuilder();
                while (_pos < _text.Length)
                {
                    char c = _text[_pos];
                    if (c == quote)
                    {
                        _pos++;
                        return value.ToString();
                    }

                    if (c != '\\')
                    {
                        value.Append(c);
                        _pos++;
                        continue;
                    }

                    if (_pos + 1 >= _text.Length)
                    {
                        break;
                    }

                    char escape = _text[_pos + 1];
                    switch (escape)
                    {
                        case '\'':
                        case '"':
                        case '\\':
                        case '/':
                            value.Append(escape);
                            break;
                        case 'b':
                            value.Append('\b');
                            break;
                        case 'f':
                            value.Append('\f');
                            break;
                        case 'n':
                            value.Append('\n');
                            break;
                        case 'r':
                            value.Append('\r');
                            break;
                        case 't':
                            value.Append('\t');
                            break;
                        case 'u':
                            if (_pos + 5 < _text.Length
                                && int.TryParse(_text.Substring(_pos + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
                            {
                                value.Append((char)code);
                                _pos += 4;
                                break;
                            }

                            Fail(_pos, Math.Min(6, _text.Length - _pos), "'\\u' must be followed by four hexadecimal digits");
                            return null;
                        default:
                            Fail(_pos, 2, $"'\\{escape}' is not an escape sequence");
                            return null;
                    }

                    _pos += 2;
                }

                Fail(start, 1, $"the string starting here is not closed by {quote}");
                return null;
            }

            private bool Enter(int at)
            {
                if (++_nesting > MaxNesting)
                {
                    Fail(at, 1, $"brackets, parentheses and filters are nested more than {MaxNesting} levels deep");
                    return false;
                }

                return true;
            }

            private bool Follows(string token) => _pos + token.Length <= _text.Length && string.CompareOrdinal(_text, _pos, token, 0, token.Length) == 0;

            private void SkipBlanks()
            {
                while (_pos < _text.Length && (_text[_pos] == ' ' || _text[_pos] == '\t' || _text[_pos] == '\n' || _text[_pos] == '\r'))
                {
                    _pos++;
                }
            }

            private T? Fail<T>(int index, int length, string message)
                where T : class
            {
                Error ??= new JsonPathError(index, Math.Max(1, length), message);
                return null;
            }

            private Segment? Fail(int index, int length, string message) => Fail<Segment>(index, length, message);
        }

        /// <summary>Runs a parsed query over a tree, counting node visits against a budget.</summary>
        private sealed class Evaluator
        {
            private readonly JsonNode _root;
            private readonly CancellationToken _cancellationToken;
            private int _budget;

            public Evaluator(JsonNode root, int budget, CancellationToken cancellationToken)
            {
                _root = root;
                _budget = budget;
                _cancellationToken = cancellationToken;
            }

            public List<JsonPathMatch>? Run(IReadOnlyList<Segment> segments, JsonPathMatch start)
            {
                var current = new List<JsonPathMatch> { start };
                foreach (Segment segment in segments)
                {
                    var next = new List<JsonPathMatch>();
                    foreach (JsonPathMatch match in current)
                    {
                        if (segment.Descendant)
                        {
                            var all = new List<JsonPathMatch>();
                            if (!DescendantsAndSelf(match, all))
                            {
                                return null;
                            }

                            foreach (JsonPathMatch descendant in all)
                            {
                                if (!Apply(segment, descendant, next))
                                {
                                    return null;
                                }
                            }
                        }
                        else if (!Apply(segment, match, next))
                        {
                            return null;
                        }
                    }

                    current = next;
                }

                return current;
            }

            private bool Apply(Segment segment, JsonPathMatch match, List<JsonPathMatch> output)
            {
                foreach (Selector selector in segment.Selectors)
                {
                    if (!Spend())
                    {
                        return false;
                    }

                    switch (selector.Kind)
                    {
                        case SelectorKind.Name:
                            if (match.Node is JsonObjectNode obj && obj.GetProperty(selector.Name!) is { } property)
                            {
                                output.Add(new JsonPathMatch(property.Value, match.Location.Member(property.Name)));
                            }

                            break;
                        case SelectorKind.Index:
                            if (match.Node is JsonArrayNode array)
                            {
                                int index = selector.Index < 0 ? array.Items.Count + selector.Index : selector.Index;
                                if (index >= 0 && index < array.Items.Count)
                                {
                                    output.Add(new JsonPathMatch(array.Items[index], match.Location.Item(index)));
                                }
                            }

                            break;
                        case SelectorKind.Wildcard:
                            AddChildren(match, output);
                            break;
                        case SelectorKind.Filter:
                            var children = new List<JsonPathMatch>();
                            AddChildren(match, children);
                            foreach (JsonPathMatch child in children)
                            {
                                bool? passes = Test(selector.Filter!, child);
                                if (passes is null)
                                {
                                    return false;
                                }

                                if (passes.Value)
                                {
                                    output.Add(child);
                                }
                            }

                            break;
                    }
                }

                return true;
            }

            private static void AddChildren(JsonPathMatch match, List<JsonPathMatch> output)
            {
                if (match.Node is JsonObjectNode obj)
                {
                    foreach (JsonProperty property in obj.Properties)
                    {
                        // A duplicate key is not a second member: the first one is the member, as everywhere in the contract reader.
                        if (obj.GetProperty(property.Name) == property)
                        {
                            output.Add(new JsonPathMatch(property.Value, match.Location.Member(property.Name)));
                        }
                    }
                }
                else if (match.Node is JsonArrayNode array)
                {
                    for (int i = 0; i < array.Items.Count; i++)
                    {
                        output.Add(new JsonPathMatch(array.Items[i], match.Location.Item(i)));
                    }
                }
            }

            /// <summary>The node and everything below it, in document order; false when the budget runs out.</summary>
            private bool DescendantsAndSelf(JsonPathMatch match, List<JsonPathMatch> output)
            {
                var stack = new Stack<JsonPathMatch>();
                stack.Push(match);
                var children = new List<JsonPathMatch>();
                while (stack.Count > 0)
                {
                    if (!Spend())
                    {
                        return false;
                    }

                    JsonPathMatch current = stack.Pop();
                    output.Add(current);
                    children.Clear();
                    AddChildren(current, children);
                    for (int i = children.Count - 1; i >= 0; i--)
                    {
                        stack.Push(children[i]);
                    }
                }

                return true;
            }

            /// <summary>Whether <paramref name="current"/> passes the filter; null when the budget runs out.</summary>
            private bool? Test(Expression expression, JsonPathMatch current)
            {
                switch (expression)
                {
                    case LogicalExpression logical:
                        foreach (Expression operand in logical.Operands)
                        {
                            bool? value = Test(operand, current);
                            if (value is null)
                            {
                                return null;
                            }

                            if (value.Value != logical.IsAnd)
                            {
                                return !logical.IsAnd;
                            }
                        }

                        return logical.IsAnd;
                    case NotExpression not:
                        return !Test(not.Operand, current);
                    case QueryExpression query:
                        List<JsonPathMatch>? found = Query(query, current);
                        return found is null ? null : found.Count > 0;
                    case ComparisonExpression comparison:
                        if (!Operand(comparison.Left, current, out JsonNode? left) || !Operand(comparison.Right, current, out JsonNode? right))
                        {
                            return null;
                        }

                        return Compare(left, comparison.Op, right);
                    default:
                        return false;
                }
            }

            private List<JsonPathMatch>? Query(QueryExpression query, JsonPathMatch current)
                => Run(query.Segments, query.FromRoot ? new JsonPathMatch(_root, JsonLocation.Root) : current);

            /// <summary>The value of a comparison operand; null when a query selects nothing. False when the budget runs out.</summary>
            private bool Operand(Expression expression, JsonPathMatch current, out JsonNode? value)
            {
                value = null;
                if (expression is LiteralExpression literal)
                {
                    value = literal.Value;
                    return true;
                }

                List<JsonPathMatch>? found = Query((QueryExpression)expression, current);
                if (found is null)
                {
                    return false;
                }

                value = found.Count == 1 ? found[0].Node : null;
                return true;
            }

            private bool Spend()
            {
                if ((_budget & 0xFFF) == 0)
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                }

                return --_budget >= 0;
            }
        }

        /// <summary>RFC 9535 comparison: nothing equals only nothing; &lt; and friends compare numbers with numbers and strings with strings.</summary>
        private static bool Compare(JsonNode? left, Operator op, JsonNode? right)
        {
            switch (op)
            {
                case Operator.Equal:
                    return AreEqual(left, right);
                case Operator.NotEqual:
                    return !AreEqual(left, right);
                case Operator.Less:
                    return IsLess(left, right);
                case Operator.Greater:
                    return IsLess(right, left);
                case Operator.LessOrEqual:
                    return IsLess(left, right) || AreEqual(left, right);
                default:
                    return IsLess(right, left) || AreEqual(left, right);
            }
        }

        private static bool IsLess(JsonNode? left, JsonNode? right)
        {
            if (left is JsonNumberNode a && right is JsonNumberNode b && Number(a) is { } x && Number(b) is { } y)
            {
                return x < y;
            }

            return left is JsonStringNode s && right is JsonStringNode t && string.CompareOrdinal(s.Value, t.Value) < 0;
        }

        /// <summary>Deep equality of JSON values (numbers by value, objects regardless of member order).</summary>
        public static bool AreEqual(JsonNode? left, JsonNode? right)
        {
            if (left is null || right is null)
            {
                return left is null && right is null;
            }

            switch (left)
            {
                case JsonNumberNode a:
                    return right is JsonNumberNode b && (Number(a) is { } x && Number(b) is { } y ? x.Equals(y) : string.Equals(a.Text, b.Text, StringComparison.Ordinal));
                case JsonStringNode s:
                    return right is JsonStringNode t && string.Equals(s.Value, t.Value, StringComparison.Ordinal);
                case JsonArrayNode array:
                    if (right is not JsonArrayNode other || other.Items.Count != array.Items.Count)
                    {
                        return false;
                    }

                    for (int i = 0; i < array.Items.Count; i++)
                    {
                        if (!AreEqual(array.Items[i], other.Items[i]))
                        {
                            return false;
                        }
                    }

                    return true;
                case JsonObjectNode obj:
                    if (right is not JsonObjectNode otherObject)
                    {
                        return false;
                    }

                    int members = 0;
                    foreach (JsonProperty property in obj.Properties)
                    {
                        if (obj.GetProperty(property.Name) != property)
                        {
                            continue;
                        }

                        members++;
                        if (!AreEqual(property.Value, otherObject[property.Name]))
                        {
                            return false;
                        }
                    }

                    int otherMembers = 0;
                    foreach (JsonProperty property in otherObject.Properties)
                    {
                        if (otherObject.GetProperty(property.Name) == property)
                        {
                            otherMembers++;
                        }
                    }

                    return members == otherMembers;
                default:
                    return left.Kind == right.Kind;
            }
        }

        private static double? Number(JsonNumberNode node)
            => double.TryParse(node.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) ? value : null;
    }
}
