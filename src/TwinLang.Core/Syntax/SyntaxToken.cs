using TwinLang.Text;

namespace TwinLang.Syntax;

/// <summary>The classification of a lexical token, as editors and the formatter need it.</summary>
public enum TokenKind
{
    /// <summary>A reserved word such as <c>asset</c>.</summary>
    Keyword,

    /// <summary>A name.</summary>
    Identifier,

    /// <summary>A numeric literal.</summary>
    Number,

    /// <summary>A string literal.</summary>
    String,

    /// <summary>An operator such as <c>+</c> or <c>:=</c>.</summary>
    Operator,

    /// <summary>Brackets, commas, colons, dots.</summary>
    Punctuation,

    /// <summary>A <c>//</c> comment.</summary>
    LineComment,

    /// <summary>A <c>/* */</c> comment.</summary>
    BlockComment,

    /// <summary>A <c>///</c> documentation comment line.</summary>
    DocComment,

    /// <summary>A character the lexer could not use.</summary>
    Error,
}

/// <summary>One token of the source, comments included, so editors and the formatter never re-lex.</summary>
public readonly record struct SyntaxToken(TokenKind Kind, TextSpan Span, string Text);
