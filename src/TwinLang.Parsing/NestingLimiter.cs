using Antlr4.Runtime;
using TwinLang.Diagnostics;
using TwinLang.Text;
using static TwinLang.Parsing.Generated.TwinLangLexer;

namespace TwinLang.Parsing;

/// <summary>
/// Pre-scan of bracket depth before parsing: a bracket opened deeper than <see cref="TwinParser.MaxBracketDepth"/>
/// is reported once (TW0005) and the tokens up to its matching close are dropped, so the parser and every
/// recursive walk after it see a tree of bounded depth. 100 000 nested parentheses cost one linear scan.
/// </summary>
internal static class NestingLimiter
{
    public static List<IToken> Limit(SourceText text, List<IToken> tokens, List<Diagnostic> diagnostics, out List<(int Start, int End)> skipped)
    {
        skipped = [];
        var depth = 0;
        List<IToken>? kept = null;
        var skipFromDepth = -1;
        var skipStart = 0;

        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var isDefault = token.Channel == TokenConstants.DefaultChannel && token.Type != TokenConstants.EOF;
            var opens = isDefault && token.Type is LPAREN or CALL_LPAREN or LBRACK or LBRACE;
            var closes = isDefault && token.Type is RPAREN or RBRACK or RBRACE;

            if (skipFromDepth >= 0)
            {
                if (opens)
                {
                    depth++;
                }
                else if (closes && --depth <= skipFromDepth)
                {
                    // The matching close of the over-deep bracket: resume after it.
                    skipped.Add((skipStart, token.StopIndex + 1));
                    skipFromDepth = -1;
                }
                else if (token.Type == TokenConstants.EOF)
                {
                    skipped.Add((skipStart, text.Length));
                    kept?.Add(token);
                }

                continue;
            }

            if (opens && depth == TwinParser.MaxBracketDepth)
            {
                kept ??= tokens.GetRange(0, i);
                diagnostics.Add(DiagnosticCatalog.At(text, TextSpan.FromBounds(token.StartIndex, token.StopIndex + 1)).NestingTooDeep(TwinParser.MaxBracketDepth));
                skipFromDepth = depth;
                skipStart = token.StartIndex;
                depth++;
                continue;
            }

            if (opens)
            {
                depth++;
            }
            else if (closes && depth > 0)
            {
                depth--;
            }

            kept?.Add(token);
        }

        return kept ?? tokens;
    }
}
