using Antlr4.Runtime;
using Antlr4.Runtime.Atn;
using Antlr4.Runtime.Misc;
using TwinLang.Diagnostics;
using TwinLang.Parsing.Generated;
using TwinLang.Text;
using static TwinLang.Parsing.Generated.TwinLangParser;

namespace TwinLang.Parsing;

/// <summary>
/// ANTLR's recovering strategy with our own reports: instead of ANTLR's English messages each error
/// becomes a TW0010 ("Expected X but found Y.") or, for a bracket left open, a TW0011 that names the
/// construct the bracket opened and where (Bicep's and Roslyn's habit of naming the open construct).
/// Recovery itself (single-token insertion/deletion, resynchronisation) is ANTLR's.
/// </summary>
internal sealed class SyntaxErrorStrategy(SourceText text, Action<IToken, Diagnostic> report) : DefaultErrorStrategy
{
    /// <summary>
    /// ANTLR gives up a whole rule when a block starts with a token nothing can follow (a loop's first
    /// iteration), so stray words before the first declaration or member would swallow the rest of the
    /// file. There we do what ANTLR does between iterations: report once, skip to a token that can
    /// start an item or follow the block, and stay in the loop.
    /// </summary>
    public override void Sync(Parser recognizer)
    {
        var state = recognizer.Interpreter.atn.states[recognizer.State];
        if (InErrorRecoveryMode(recognizer) || state.StateType != StateType.StarLoopEntry)
        {
            base.Sync(recognizer);
            return;
        }

        var next = recognizer.Atn.NextTokens(state);
        var la = recognizer.InputStream.LA(1);
        if (next.Contains(la) || next.Contains(TokenConstants.EPSILON))
        {
            base.Sync(recognizer);
            return;
        }

        ReportUnwantedToken(recognizer);
        ConsumeUntil(recognizer, recognizer.GetExpectedTokens().Or(GetErrorRecoverySet(recognizer)));
    }

    /// <summary>
    /// ANTLR deletes one unexpected token when the next one fits; never delete a keyword that starts a
    /// member, item or declaration: `state s: Real =` followed by `output o: Real` must not read as `= o`.
    /// </summary>
    protected override IToken? SingleTokenDeletion(Parser recognizer)
    {
        return StartsConstruct(recognizer.InputStream.LA(1)) ? null : base.SingleTokenDeletion(recognizer);
    }

    private static bool StartsConstruct(int type) => type is RBRACE or PACKAGE or IMPORT or QUANTITY or UNIT or ENUM or FUNCTION
        or TABLE or SURROGATE or CONNECTOR or ASSET or ASSIMILATION or SCENARIO or PARAMETER or CONSTANT or INPUT or OUTPUT or STATE
        or VARIABLE or DISCRETE or POTENTIAL or FLOW or COMPONENT or PORT or EQUATION or INITIAL or WHEN or SAMPLED or COUPLING
        or OBSERVE or ESTIMATE or FILTER or REJECT or REPORT or TIME or SOLVER or SET or SWEEP or ENSEMBLE or UP or DOWN or CONSERVE
        or REINIT or TERMINATE or CONNECT or FOR or LET or RETURN;

    public override void ReportError(Parser recognizer, RecognitionException e)
    {
        if (InErrorRecoveryMode(recognizer))
        {
            return;
        }

        BeginErrorCondition(recognizer);
        var found = e.OffendingToken ?? recognizer.CurrentToken;
        var expected = e is FailedPredicateException ? GetExpectedTokens(recognizer) : e.GetExpectedTokens() ?? GetExpectedTokens(recognizer);
        Report(recognizer, found, expected);
    }

    protected override void ReportUnwantedToken(Parser recognizer)
    {
        if (InErrorRecoveryMode(recognizer))
        {
            return;
        }

        BeginErrorCondition(recognizer);
        Report(recognizer, recognizer.CurrentToken, GetExpectedTokens(recognizer));
    }

    protected override void ReportMissingToken(Parser recognizer)
    {
        if (InErrorRecoveryMode(recognizer))
        {
            return;
        }

        BeginErrorCondition(recognizer);
        Report(recognizer, recognizer.CurrentToken, GetExpectedTokens(recognizer));
    }

    private void Report(Parser recognizer, IToken found, IntervalSet expected)
    {
        var span = found.Type == TokenConstants.EOF
            ? new TextSpan(text.Length, 0)
            : TextSpan.FromBounds(found.StartIndex, found.StopIndex + 1);
        var at = DiagnosticCatalog.At(text, span);
        var foundText = SyntaxDescriptions.Token(found);

        if (BlamesUnclosedBracket(expected, found))
        {
            // Of the brackets the grammar would accept a close for, blame the innermost open one.
            var open = new[] { RBRACE, RPAREN, RBRACK }
                .Where(expected.Contains)
                .Select(closer => (Closer: closer, Open: FindOpenBracket(recognizer.Context, closer)))
                .Where(c => c.Open is not null)
                .OrderByDescending(c => c.Open?.Bracket.StartIndex)
                .FirstOrDefault();
            if (open.Open is { } bracket)
            {
                var position = text.GetLinePosition(bracket.Bracket.StartIndex);
                var closerText = open.Closer switch
                {
                    RBRACE => "}",
                    RPAREN => ")",
                    _ => "]",
                };
                report(found, at.UnclosedBracket(closerText, bracket.Construct.Kind, bracket.Construct.Name, position.ToString(), foundText));
                return;
            }
        }

        report(found, at.UnexpectedToken(SyntaxDescriptions.Expected(expected), foundText));
    }

    /// <summary>
    /// A missing closing bracket is the best explanation when the file ends inside brackets, when a closing
    /// bracket is the only thing allowed, when another kind of closing bracket comes first, or when the
    /// next declaration starts while a block is open.
    /// </summary>
    private static bool BlamesUnclosedBracket(IntervalSet expected, IToken found)
    {
        if (!expected.Contains(RBRACE) && !expected.Contains(RPAREN) && !expected.Contains(RBRACK))
        {
            return false;
        }

        return found.Type is TokenConstants.EOF or RBRACE or RPAREN or RBRACK or PACKAGE or IMPORT or QUANTITY or ENUM or FUNCTION
                or TABLE or SURROGATE or CONNECTOR or ASSET or ASSIMILATION or SCENARIO
            || expected.Count == 1;
    }

    private static (IToken Bracket, (string Kind, string? Name) Construct)? FindOpenBracket(ParserRuleContext? context, int closer)
    {
        var opener = closer switch
        {
            RBRACE => LBRACE,
            RPAREN => LPAREN,
            _ => LBRACK,
        };
        bool Opens(int type) => type == opener || (opener == LPAREN && type == CALL_LPAREN);
        for (var ctx = context; ctx is not null; ctx = ctx.Parent as ParserRuleContext)
        {
            if (ctx.children is null)
            {
                continue;
            }

            var depth = 0;
            IToken? open = null;
            for (var i = ctx.children.Count - 1; i >= 0; i--)
            {
                if (ctx.children[i] is Antlr4.Runtime.Tree.ITerminalNode { Symbol: { TokenIndex: >= 0 } symbol })
                {
                    if (symbol.Type == closer)
                    {
                        depth++;
                    }
                    else if (Opens(symbol.Type))
                    {
                        if (depth == 0)
                        {
                            open = symbol;
                            break;
                        }

                        depth--;
                    }
                }
            }

            if (open is not null)
            {
                return (open, SyntaxDescriptions.Construct(ctx));
            }
        }

        return null;
    }
}
