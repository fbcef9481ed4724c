using Antlr4.Runtime;
using TwinLang.Parsing.Generated;

namespace TwinLang.Parsing;

/// <summary>
/// Base of the generated parser: the semantic predicates of the unit-literal rule and a guard on rule
/// nesting so pathological input (100 000 unary minus signs, <c>a^a^a^…</c>) cannot overflow the stack.
/// </summary>
internal abstract class TwinLangParserBase : Parser
{
    /// <summary>Rule nesting beyond which parsing stops with <see cref="NestingTooDeepException"/>.</summary>
    internal const int MaxRuleDepth = 1500;

    private int _depth;

    // The token at which the depth first passed three quarters of the limit: cutting the file there
    // leaves a prefix whose parse stays well inside the limit, whatever the parser needs to unwind.
    private int _safeCutTokenIndex = -1;

    protected TwinLangParserBase(ITokenStream input)
        : base(input)
    {
    }

    protected TwinLangParserBase(ITokenStream input, TextWriter output, TextWriter errorOutput)
        : base(input, output, errorOutput)
    {
    }

    /// <summary>
    /// A unit follows a number only when it starts with a name on the number's own line, so
    /// <c>x = 3</c> at the end of one equation never swallows the name that begins the next one.
    /// </summary>
    protected bool UnitFollows()
    {
        var next = TokenStream.LT(1);
        var previous = TokenStream.LT(-1);
        return next.Type == TwinLangLexer.IDENT && previous is not null && next.Line == previous.Line;
    }

    /// <summary>
    /// The operator at LT(1) touches the token before it and the one after it: <c>K/W</c> continues a
    /// unit, <c>K/W * q</c> ends it before <c>*</c>.
    /// </summary>
    protected bool Touching()
    {
        var previous = TokenStream.LT(-1);
        var op = TokenStream.LT(1);
        var next = TokenStream.LT(2);
        return previous is not null
            && op.StartIndex == previous.StopIndex + 1
            && next.Type != TokenConstants.EOF
            && next.StartIndex == op.StopIndex + 1;
    }

    public override void EnterRule(ParserRuleContext localctx, int state, int ruleIndex)
    {
        Deeper();
        base.EnterRule(localctx, state, ruleIndex);
    }

    public override void EnterRecursionRule(ParserRuleContext localctx, int state, int ruleIndex, int precedence)
    {
        Deeper();
        base.EnterRecursionRule(localctx, state, ruleIndex, precedence);
    }

    public override void ExitRule()
    {
        _depth--;
        base.ExitRule();
    }

    public override void UnrollRecursionContexts(ParserRuleContext parentCtx)
    {
        _depth--;
        base.UnrollRecursionContexts(parentCtx);
    }

    private void Deeper()
    {
        ++_depth;
        if (_depth == MaxRuleDepth * 3 / 4 && _safeCutTokenIndex < 0)
        {
            _safeCutTokenIndex = CurrentToken.TokenIndex;
        }

        if (_depth > MaxRuleDepth)
        {
            throw new NestingTooDeepException(_safeCutTokenIndex >= 0 ? _safeCutTokenIndex : CurrentToken.TokenIndex);
        }
    }
}

/// <summary>Thrown by the parser's depth guard; caught by <see cref="TwinParser"/>, never seen by callers.</summary>
internal sealed class NestingTooDeepException(int tokenIndex) : Exception("Rule nesting too deep.")
{
    /// <summary>Index in the token stream of the token at which the limit was passed.</summary>
    public int TokenIndex { get; } = tokenIndex;
}
