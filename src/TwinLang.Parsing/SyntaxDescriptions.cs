using Antlr4.Runtime;
using Antlr4.Runtime.Misc;
using TwinLang.Parsing.Generated;
using static TwinLang.Parsing.Generated.TwinLangParser;

namespace TwinLang.Parsing;

/// <summary>How syntax errors name tokens, expected token sets and the constructs brackets open.</summary>
internal static class SyntaxDescriptions
{
    /// <summary>The text of a found token, or null at end of file.</summary>
    public static string? Token(IToken token) => token.Type == TokenConstants.EOF ? null : token.Text ?? "";

    /// <summary>The display of one token type: <c>'}'</c>, <c>a name</c>, <c>a number</c>.</summary>
    public static string Literal(int type) => type switch
    {
        TokenConstants.EOF => "end of file",
        IDENT => "a name",
        INT or FLOAT => "a number",
        STRING => "a string",
        UNARY_MINUS => "'-'",
        UNARY_PLUS => "'+'",
        CALL_LPAREN => "'('",
        _ => TwinLangLexer.DefaultVocabulary.GetLiteralName(type) ?? TwinLangLexer.DefaultVocabulary.GetDisplayName(type),
    };

    /// <summary>What the grammar allowed: a short list of tokens, or the construct they start.</summary>
    public static string Expected(IntervalSet expected)
    {
        var types = expected.ToList().Where(t => t != SEMI).ToList();
        var closer = types.FirstOrDefault(t => t is RBRACE or RPAREN or RBRACK);
        var suffix = closer == 0 ? "" : $" or {Literal(closer)}";

        string? category = null;
        if (types.Contains(QUANTITY) && types.Contains(ASSET))
        {
            category = "a declaration such as 'asset', 'connector', 'quantity', 'unit' or 'function'";
        }
        else if (types.Contains(PARAMETER) && types.Contains(EQUATION))
        {
            category = "a member such as 'parameter', 'state', 'component' or 'equation'";
        }
        else if (types.Contains(OBSERVE) && types.Contains(ESTIMATE))
        {
            category = "an assimilation item ('observe', 'estimate', 'filter', 'reject' or 'report')";
        }
        else if (types.Contains(SOLVER) && types.Contains(SWEEP))
        {
            category = "a scenario item such as 'time', 'solver', 'input', 'set' or 'output'";
        }
        else if (types.Contains(UP) && types.Contains(CONSERVE))
        {
            category = "a coupling item ('up', 'down', 'conserve' or a setting)";
        }
        else if (types.Contains(REINIT) && types.Contains(TERMINATE))
        {
            category = "a statement (an assignment ':=', 'reinit' or 'terminate')";
        }
        else if (types.Contains(CONNECT) && types.Contains(FOR))
        {
            category = "an equation";
        }
        else if (types.Contains(PARAMETER) && types.Contains(POTENTIAL))
        {
            category = "a variable declaration such as 'potential' or 'flow'";
        }
        else if (types.Contains(IDENT) && types.Contains(INT) && types.Contains(LPAREN) && types.Contains(IF))
        {
            category = "an expression";
        }

        if (category is not null)
        {
            return category + suffix;
        }

        var names = types.Select(Literal).Distinct(StringComparer.Ordinal).ToList();
        return names.Count switch
        {
            0 => "nothing more",
            1 => names[0],
            <= 5 => string.Join(", ", names.Take(names.Count - 1)) + " or " + names[^1],
            _ => string.Join(", ", names.Take(4)) + " or another of " + (names.Count - 4) + " tokens",
        };
    }

    /// <summary>The construct whose bracket is open in <paramref name="context"/>: ("asset", "Cell").</summary>
    public static (string Kind, string? Name) Construct(ParserRuleContext context) => context switch
    {
        AssetDeclarationContext c => ("asset", Name(c.IDENT())),
        ConnectorDeclarationContext c => ("connector", Name(c.IDENT())),
        EnumDeclarationContext c => ("enum", Name(c.IDENT())),
        FunctionDeclarationContext c => ("the parameters of function", Name(c.IDENT())),
        BlockFunctionBodyContext c => ("the body of function", Name((c.Parent as FunctionDeclarationContext)?.IDENT())),
        TableDeclarationContext c => ("the parameters of table", Name(c.IDENT())),
        InlineTableBodyContext c => ("the rows of table", Name((c.Parent as TableDeclarationContext)?.IDENT())),
        SurrogateDeclarationContext c => ("the parameters of surrogate", Name(c.IDENT())),
        AssimilationDeclarationContext c => ("assimilation", Name(c.IDENT())),
        ScenarioDeclarationContext c => ("scenario", Name(c.IDENT())),
        CouplingDeclarationContext c => ("coupling", Name(c.IDENT())),
        EquationSectionContext c => (c.INITIAL() is null ? "the equation section" : "the initial equation section", null),
        ForEquationContext => ("the for-equation", null),
        WhenSectionContext => ("the when section", null),
        SampledSectionContext => ("the sampled section", null),
        ScenarioEnsembleContext => ("the ensemble block", null),
        CallPrimaryContext c => ("the call of", c.callee().GetText()),
        ConnectEquationContext => ("the call of", "connect"),
        ReinitStatementContext => ("the call of", "reinit"),
        ParenthesizedPrimaryContext => ("the parenthesis", null),
        ArrayPrimaryContext => ("the array literal", null),
        IndexExpressionContext or ReferenceContext => ("the index", null),
        TypeContext c => ("the type", c.qualifiedName().GetText()),
        AnnotationContext c => ("the annotation", Name(c.IDENT()) is { } n ? "@" + n : null),
        CouplingEndContext => ("the step of the coupling end", null),
        UnitParenthesizedContext => ("the unit", null),
        _ => ("the construct", null),
    };

    private static string? Name(Antlr4.Runtime.Tree.ITerminalNode? name) =>
        name is { Symbol.TokenIndex: >= 0 } ? name.GetText() : null;
}
