using System.Collections.Immutable;
using Antlr4.Runtime;
using TwinLang.Diagnostics;
using TwinLang.Parsing.Generated;
using TwinLang.Syntax;
using TwinLang.Text;
using static TwinLang.Parsing.Generated.TwinLangLexer;

namespace TwinLang.Parsing;

/// <summary>
/// Runs the lexer once over the whole file: classifies every token for <see cref="SyntaxTree.Tokens"/>,
/// reports the lexical errors (TW0001–TW0003) and hands the parser a token list in which an
/// unterminated string is an ordinary string, so one missing quote costs one diagnostic, and in which
/// a sign is told from a binary operator (see the <c>tokens</c> section of TwinLangLexer.g4).
/// </summary>
internal static class TokenScanner
{
    public sealed record Result(ImmutableArray<SyntaxToken> Tokens, List<IToken> ParserTokens);

    public static Result Scan(SourceText text, List<Diagnostic> diagnostics)
    {
        // AntlrInputStream indexes UTF-16 code units, so token offsets are the offsets of SourceText.
        var lexer = new TwinLangLexer(new AntlrInputStream(text.Text));
        lexer.RemoveErrorListeners();
        var syntaxTokens = ImmutableArray.CreateBuilder<SyntaxToken>();
        var parserTokens = new List<IToken>();
        var errorStart = -1;
        var errorEnd = -1;
        var previousEndsOperand = false;
        IToken? previous = null;

        while (true)
        {
            var token = lexer.NextToken();
            if (token.Type == TokenConstants.EOF)
            {
                parserTokens.Add(token);
                break;
            }

            var span = TextSpan.FromBounds(token.StartIndex, token.StopIndex + 1);
            if (token.Type == ERROR_CHAR)
            {
                // A run of adjacent invalid characters (binary garbage) is one diagnostic.
                if (token.StartIndex != errorEnd)
                {
                    FlushInvalid(text, diagnostics, errorStart, errorEnd);
                    errorStart = token.StartIndex;
                }

                errorEnd = span.End;
            }
            else
            {
                FlushInvalid(text, diagnostics, errorStart, errorEnd);
                errorStart = errorEnd = -1;
            }

            switch (token.Type)
            {
                case UNTERMINATED_STRING:
                    diagnostics.Add(DiagnosticCatalog.At(text, span).UnterminatedString());
                    ((CommonToken)token).Type = STRING;
                    break;
                case UNTERMINATED_BLOCK_COMMENT:
                    diagnostics.Add(DiagnosticCatalog.At(text, span).UnterminatedBlockComment());
                    break;
            }

            if (token.Channel == TokenConstants.DefaultChannel)
            {
                if (!previousEndsOperand && token.Type is MINUS or PLUS)
                {
                    ((CommonToken)token).Type = token.Type == MINUS ? UNARY_MINUS : UNARY_PLUS;
                }

                if (token.Type == LPAREN && previous is { Type: IDENT or DER or STEP or ENSEMBLE } && previous.Line == token.Line)
                {
                    ((CommonToken)token).Type = CALL_LPAREN;
                }

                previous = token;
                previousEndsOperand = token.Type is IDENT or INT or FLOAT or STRING or RPAREN or RBRACK or TRUE or FALSE or TIME;
            }

            syntaxTokens.Add(new SyntaxToken(Classify(token.Type), span, token.Text ?? ""));
            parserTokens.Add(token);
        }

        FlushInvalid(text, diagnostics, errorStart, errorEnd);
        return new Result(syntaxTokens.ToImmutable(), parserTokens);
    }

    private static void FlushInvalid(SourceText text, List<Diagnostic> diagnostics, int start, int end)
    {
        if (start >= 0)
        {
            var span = TextSpan.FromBounds(start, end);
            diagnostics.Add(DiagnosticCatalog.At(text, span).InvalidCharacter(text.ToString(span)));
        }
    }

    private static TokenKind Classify(int type) => type switch
    {
        IDENT => TokenKind.Identifier,
        INT or FLOAT => TokenKind.Number,
        STRING or UNTERMINATED_STRING => TokenKind.String,
        DOC_COMMENT => TokenKind.DocComment,
        LINE_COMMENT => TokenKind.LineComment,
        BLOCK_COMMENT or UNTERMINATED_BLOCK_COMMENT => TokenKind.BlockComment,
        ERROR_CHAR => TokenKind.Error,
        COLON_ASSIGN or EQ or NE or LE or GE or ARROW or DOTDOT or ASSIGN or LT or GT or PLUS or MINUS or STAR
            or SLASH or CARET or TILDE or AT or UNARY_MINUS or UNARY_PLUS => TokenKind.Operator,
        DOT or COMMA or COLON or SEMI or LPAREN or CALL_LPAREN or RPAREN or LBRACK or RBRACK or LBRACE or RBRACE => TokenKind.Punctuation,
        _ => TokenKind.Keyword,
    };
}
