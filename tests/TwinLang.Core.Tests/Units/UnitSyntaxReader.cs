using System.Collections.Immutable;
using System.Globalization;
using TwinLang.Syntax;
using TwinLang.Text;
using Xunit;

namespace TwinLang.Units;

/// <summary>
/// Builds unit syntax from text for tests, with real spans, so the unit library can be tested apart
/// from the parser: unit expressions, and files of <c>unit</c>/<c>quantity</c> lines (one declaration a
/// line, <c>///</c> docs, <c>//</c> comments, a <c>package</c> line). Not a parser of the language.
/// </summary>
internal sealed class UnitSyntaxReader
{
    private readonly string _text;
    private int _position;

    private UnitSyntaxReader(string text, int position)
    {
        _text = text;
        _position = position;
    }

    /// <summary>A unit expression such as <c>W/(m^2*K)</c>, spanning the whole text.</summary>
    public static UnitExpressionSyntax Expression(string text)
    {
        var reader = new UnitSyntaxReader(text, 0);
        var expression = reader.ReadExpression();
        Assert.Equal(text.Length, reader._position);
        return expression;
    }

    /// <summary>A number literal with an optional unit: <c>25 degC</c>, <c>2.5 A*h</c>, <c>3</c>.</summary>
    public static NumberLiteralSyntax Literal(string text)
    {
        var reader = new UnitSyntaxReader(text, 0);
        var literal = reader.ReadNumberLiteral(withUnit: true);
        Assert.Equal(text.Length, reader._position);
        return literal;
    }

    /// <summary>A syntax tree holding the unit and quantity declarations of <paramref name="text"/>.</summary>
    public static SyntaxTree File(string text, string path = "test.twin")
    {
        var source = new SourceText(text, path);
        var members = ImmutableArray.CreateBuilder<DeclarationSyntax>();
        var docs = new List<string>();
        var lineStart = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            var trimmed = rawLine.Trim();
            var indent = rawLine.Length - rawLine.TrimStart().Length;
            if (trimmed.StartsWith("///", StringComparison.Ordinal))
            {
                docs.Add(trimmed[3..].Trim());
            }
            else if (trimmed.StartsWith("unit ", StringComparison.Ordinal) || trimmed.StartsWith("quantity ", StringComparison.Ordinal))
            {
                var doc = docs.Count == 0 ? null : string.Join('\n', docs);
                members.Add(new UnitSyntaxReader(text, lineStart + indent).ReadDeclaration(lineStart + rawLine.TrimEnd().Length, doc));
                docs.Clear();
            }
            else
            {
                docs.Clear();
            }

            lineStart += rawLine.Length + 1;
        }

        var root = new CompilationUnitSyntax(new TextSpan(0, text.Length), null, [], members.ToImmutable());
        return new SyntaxTree(source, root, [], []);
    }

    private DeclarationSyntax ReadDeclaration(int end, string? doc)
    {
        var start = _position;
        var keyword = ReadWord();
        var name = ReadName();
        Expect('=');
        SkipSpaces();
        if (keyword == "quantity")
        {
            var unit = ReadExpression();
            var description = ReadDescription(end);
            return new QuantityDeclarationSyntax(TextSpan.FromBounds(start, end), name, doc, [], unit, description);
        }

        NumberLiteralSyntax? scale = null;
        UnitExpressionSyntax? unitExpression = null;
        var numberFollowedByUnitOperator = char.IsDigit(Peek()) && LooksLikeUnitOne();
        if (char.IsDigit(Peek()) && !numberFollowedByUnitOperator)
        {
            scale = ReadNumberLiteral(withUnit: false);
            SkipSpaces();
        }

        if (_position < end && (char.IsLetter(Peek()) || Peek() == '(' || Peek() == '1'))
        {
            unitExpression = ReadExpression();
            SkipSpaces();
        }

        NumberLiteralSyntax? offset = null;
        if (_text.AsSpan(_position).StartsWith("offset "))
        {
            _position += "offset ".Length;
            SkipSpaces();
            offset = ReadNumberLiteral(withUnit: false);
        }

        var unitDescription = ReadDescription(end);
        return new UnitDeclarationSyntax(TextSpan.FromBounds(start, end), name, doc, [], scale, unitExpression, offset, unitDescription);
    }

    // "1/s" is a unit expression, "1 m" or "0.01" a factor.
    private bool LooksLikeUnitOne()
    {
        var afterNumber = _position;
        while (afterNumber < _text.Length && (char.IsDigit(_text[afterNumber]) || _text[afterNumber] == '.'))
        {
            afterNumber++;
        }

        return _text.AsSpan(_position, afterNumber - _position).SequenceEqual("1") &&
            afterNumber < _text.Length && (_text[afterNumber] == '/' || _text[afterNumber] == '*');
    }

    private StringLiteralSyntax? ReadDescription(int end)
    {
        SkipSpaces();
        if (_position >= end || Peek() != '"')
        {
            return null;
        }

        var start = _position;
        var close = _text.IndexOf('"', start + 1);
        _position = close + 1;
        return new StringLiteralSyntax(TextSpan.FromBounds(start, _position), _text[(start + 1)..close]);
    }

    private UnitExpressionSyntax ReadExpression()
    {
        var left = ReadPower();
        while (Peek() is '*' or '/')
        {
            var isDivision = Peek() == '/';
            _position++;
            var right = ReadPower();
            left = new UnitBinarySyntax(left.Span.Union(right.Span), left, isDivision, right);
        }

        return left;
    }

    private UnitExpressionSyntax ReadPower()
    {
        var operand = ReadPrimary();
        if (Peek() != '^')
        {
            return operand;
        }

        _position++;
        var start = _position;
        if (Peek() == '-')
        {
            _position++;
        }

        while (char.IsDigit(Peek()))
        {
            _position++;
        }

        var exponent = int.Parse(_text[start.._position], CultureInfo.InvariantCulture);
        return new UnitPowerSyntax(TextSpan.FromBounds(operand.Span.Start, _position), operand, exponent);
    }

    private UnitExpressionSyntax ReadPrimary()
    {
        var start = _position;
        if (Peek() == '(')
        {
            _position++;
            var inner = ReadExpression();
            Expect(')');
            return new UnitParenthesizedSyntax(TextSpan.FromBounds(start, _position), inner);
        }

        if (Peek() == '1')
        {
            _position++;
            return new UnitOneSyntax(TextSpan.FromBounds(start, _position));
        }

        var name = ReadWord();
        Assert.True(name.Length > 0, $"Expected a unit name at {start} in '{_text}'.");
        return new UnitNameSyntax(TextSpan.FromBounds(start, _position), name);
    }

    private NumberLiteralSyntax ReadNumberLiteral(bool withUnit)
    {
        var start = _position;
        while (_position < _text.Length && (char.IsDigit(Peek()) || Peek() is '.' or 'e' or '-' or '+'))
        {
            _position++;
        }

        var number = _text[start.._position];
        var value = double.Parse(number, CultureInfo.InvariantCulture);
        UnitExpressionSyntax? unit = null;
        if (withUnit && _position < _text.Length)
        {
            SkipSpaces();
            unit = ReadExpression();
        }

        var isInteger = !number.Contains('.') && !number.Contains('e');
        return new NumberLiteralSyntax(TextSpan.FromBounds(start, _position), number, value, isInteger, unit);
    }

    private NameSyntax ReadName()
    {
        SkipSpaces();
        var start = _position;
        var word = ReadWord();
        return new NameSyntax(TextSpan.FromBounds(start, _position), word);
    }

    private string ReadWord()
    {
        SkipSpaces();
        var start = _position;
        while (_position < _text.Length && (char.IsLetterOrDigit(Peek()) || Peek() == '_'))
        {
            _position++;
        }

        return _text[start.._position];
    }

    private void Expect(char c)
    {
        SkipSpaces();
        Assert.Equal(c, Peek());
        _position++;
    }

    private void SkipSpaces()
    {
        while (_position < _text.Length && Peek() == ' ')
        {
            _position++;
        }
    }

    private char Peek() => _position < _text.Length ? _text[_position] : '\0';
}
