using System.Collections.Immutable;
using TwinLang.Syntax;

namespace TwinLang.Formatting;

/// <summary>
/// Walks the code tokens and decides the gap before each one: nothing, one space, a new line in the block, or a
/// continuation line. Comments between two code tokens keep their place: one that stood on its own line stays
/// on its own line, one that trailed code keeps trailing it.
/// </summary>
internal sealed class FormattingEngine
{
    private static readonly HashSet<string> Operators = new(StringComparer.Ordinal)
    {
        "+", "-", "*", "/", "^", "==", "!=", "<", "<=", ">", ">=", "and", "or", "=", ":=", "~", "->",
    };

    private static readonly HashSet<string> ContinuationKeywords = new(StringComparer.Ordinal)
    {
        "then", "else", "elseif", "for",
    };

    private readonly string _source;
    private readonly ImmutableArray<SyntaxToken> _code;
    private readonly List<SyntaxToken>[] _commentsBefore;
    private readonly LayoutFacts _facts;
    private readonly int _indentSize;
    private readonly LineWriter _writer = new();
    private int _depth;

    public FormattingEngine(SyntaxTree tree, FormattingOptions options)
    {
        _source = tree.Text.Text;
        _indentSize = options.IndentSize;
        var code = ImmutableArray.CreateBuilder<SyntaxToken>();
        var comments = new List<List<SyntaxToken>> { new() };
        foreach (var token in tree.Tokens)
        {
            if (LayoutFacts.IsComment(token.Kind))
            {
                comments[^1].Add(token);
            }
            else if (token.Span.Length > 0)
            {
                code.Add(token);
                comments.Add([]);
            }
        }

        _code = code.ToImmutable();
        _commentsBefore = comments.ToArray();
        _facts = LayoutFacts.Collect(tree, _code);
    }

    private enum Gap
    {
        Tight,
        Space,
        Continuation,
        Line,
    }

    public string Run()
    {
        for (var i = 0; i < _code.Length; i++)
        {
            WriteGap(i);
            var token = _code[i];
            _writer.Write(token.Text);
            if (_facts.CommaAfter[i])
            {
                _writer.Write(",");
            }

            if (token.Text == "{")
            {
                _depth++;
                if (!_facts.InlineBrace[i])
                {
                    _writer.MarkOpenBrace();
                }
            }
        }

        WriteGap(_code.Length);
        return _writer.IsEmpty ? string.Empty : _writer.Finish();
    }

    /// <summary>Writes the comments before code token <paramref name="next"/> (or the end of file) and the gap to it.</summary>
    private void WriteGap(int next)
    {
        var atEnd = next == _code.Length;
        var gap = next == 0 || atEnd ? Gap.Line : Classify(next - 1, next);
        var position = next == 0 ? 0 : _code[next - 1].Span.End;
        var mustBreak = false;
        var sawComment = false;
        foreach (var comment in _commentsBefore[next])
        {
            var lines = CountLineBreaks(position, comment.Span.Start);
            var isLineComment = comment.Kind is TokenKind.LineComment or TokenKind.DocComment;
            if (_writer.IsEmpty)
            {
                _writer.Write(comment.Text);
            }
            else if (lines > 0 || mustBreak)
            {
                _writer.NewLine(gap == Gap.Line && lines > 1, Indent(gap));
                _writer.Write(comment.Text);
            }
            else if (isLineComment)
            {
                _writer.WriteTrailingComment(comment.Text);
            }
            else
            {
                // An inline block comment is spaced like a word, except that it hugs an opening bracket.
                if (!_writer.EndsWithOpeningBracket)
                {
                    _writer.Space();
                }

                _writer.Write(comment.Text);
            }

            mustBreak = isLineComment;
            sawComment = true;
            position = comment.Span.End;
        }

        if (atEnd)
        {
            return;
        }

        if (_code[next].Text == "}")
        {
            _depth--;
        }

        var linesBefore = CountLineBreaks(position, _code[next].Span.Start);
        if (_writer.IsEmpty)
        {
            return;
        }

        if (gap == Gap.Line)
        {
            _writer.NewLine(linesBefore > 1 && _code[next].Text != "}", Indent(gap));
        }
        else if (mustBreak || (sawComment && linesBefore > 0) || gap == Gap.Continuation)
        {
            _writer.NewLine(false, Indent(Gap.Continuation));
        }
        else if (gap == Gap.Space || (sawComment && _code[next].Text is not (")" or "]" or "," or ";")))
        {
            _writer.Space();
        }
    }

    private int Indent(Gap gap) => (_depth + (gap == Gap.Line ? 0 : 2)) * _indentSize;

    private Gap Classify(int previous, int next)
    {
        var before = _code[previous].Text;
        var after = _code[next].Text;
        if (before == "{" && after == "}" && _commentsBefore[next].Count == 0)
        {
            return Gap.Tight;
        }

        if ((before == "{" && !_facts.InlineBrace[previous]) || (after == "}" && !_facts.InlineBrace[next]) || _facts.LineStart[next])
        {
            return Gap.Line;
        }

        var sameUnit = _facts.UnitRegion[previous] >= 0 && _facts.UnitRegion[previous] == _facts.UnitRegion[next];
        if (!sameUnit && CountLineBreaks(_code[previous].Span.End, _code[next].Span.Start) > 0 &&
            (MayBreakBetween(previous, next) || WouldBecomeUnit(previous, next)))
        {
            return Gap.Continuation;
        }

        return Spacing(previous, next);
    }

    /// <summary>The spacing of two tokens on one line.</summary>
    private Gap Spacing(int previous, int next)
    {
        var left = _code[previous];
        var right = _code[next];
        var region = _facts.UnitRegion;
        if (region[previous] >= 0 && region[previous] == region[next])
        {
            return Gap.Tight;
        }

        if (left.Text is "(" or "[" or "@" || right.Text is ")" or "]" or "," or ";" or ":")
        {
            return Gap.Tight;
        }

        // A unit swallows an operator that touches it (`3 m^2` is a unit, `3 m ^ 2` a power of a literal),
        // so nothing may touch a unit from outside.
        if (_facts.SpaceBefore[next] || region[next] >= 0 || region[previous] >= 0)
        {
            return Gap.Space;
        }

        if (_facts.TightBefore[next])
        {
            return Gap.Tight;
        }

        if (right.Text is "(" or "[")
        {
            return left.Kind == TokenKind.Identifier || left.Text is ")" or "]" || (right.Text == "(" && left.Text is "der" or "reinit" or "connect")
                ? Gap.Tight
                : Gap.Space;
        }

        if (left.Text == "." || right.Text == ".")
        {
            return Gap.Tight;
        }

        if (left.Text == "..")
        {
            return _facts.TightRange[previous] ? Gap.Tight : Gap.Space;
        }

        if (right.Text == "..")
        {
            return _facts.TightRange[next] ? Gap.Tight : Gap.Space;
        }

        if (_facts.UnaryOperator[previous] || left.Text == "^" || right.Text == "^")
        {
            return Gap.Tight;
        }

        return Gap.Space;
    }

    /// <summary>
    /// The one line-breaking rule: a break the author wrote inside a member survives (as a continuation line)
    /// after a comma or an opening bracket, and next to an operator or <c>then</c>/<c>else</c>/<c>for</c>.
    /// Every other break is joined; nothing is ever broken that the author wrote on one line.
    /// </summary>
    private bool MayBreakBetween(int previous, int next)
    {
        var left = _code[previous].Text;
        return left is "," or "(" or "[" || IsBinaryOperator(previous) || IsBinaryOperator(next) ||
               ContinuationKeywords.Contains(left) || ContinuationKeywords.Contains(_code[next].Text);
    }

    /// <summary>
    /// A unit belongs to a number only on the number's line, so a break between a unit-less number and what
    /// could start a unit (<c>output every 10</c> / <c>soc</c>) carries meaning and must stay.
    /// </summary>
    private bool WouldBecomeUnit(int previous, int next) =>
        _code[previous].Kind == TokenKind.Number && _facts.UnitRegion[previous] < 0 && _facts.UnitRegion[next] < 0 &&
        (_code[next].Kind is TokenKind.Identifier or TokenKind.Number || _code[next].Text == "(");

    private bool IsBinaryOperator(int index) =>
        Operators.Contains(_code[index].Text) && _facts.UnitRegion[index] < 0 && !_facts.UnaryOperator[index];

    private int CountLineBreaks(int start, int end)
    {
        var count = 0;
        for (var i = start; i < end && i < _source.Length; i++)
        {
            if (_source[i] == '\n' || (_source[i] == '\r' && (i + 1 >= _source.Length || _source[i + 1] != '\n')))
            {
                count++;
            }
        }

        return count;
    }
}
