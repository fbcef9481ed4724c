using System.Collections.Immutable;
using Antlr4.Runtime;
using Antlr4.Runtime.Tree;
using TwinLang.Diagnostics;
using TwinLang.Syntax;
using TwinLang.Text;
using static TwinLang.Parsing.Generated.TwinLangParser;

namespace TwinLang.Parsing;

/// <summary>
/// Maps ANTLR parse contexts to Core's immutable syntax nodes with absolute spans (the Cosmos DB SQL
/// parser's CstToAstVisitor split). Every part may be missing after error recovery: absent pieces become
/// Missing* nodes and skipped tokens Error* nodes, so the builder never fails on a broken tree.
/// Split by concern: declarations here, members/items in .Members, expressions/units/types in .Expressions.
/// </summary>
internal sealed partial class CstToAstBuilder(SourceText text, BufferedTokenStream stream, List<Diagnostic> diagnostics)
{
    public CompilationUnitSyntax Build(CompilationUnitContext unit)
    {
        var package = unit.packageDeclaration() is { } p ? BuildPackage(p) : null;
        var imports = unit.importDeclaration().Select(BuildImport).ToImmutableArray();
        var members = BuildList<DeclarationSyntax>(unit, child => child is DeclarationContext d ? BuildDeclaration(d) : null, span => new ErrorDeclarationSyntax(span, MissingName(span.End)));
        return new CompilationUnitSyntax(new TextSpan(0, text.Length), package, imports, members);
    }

    private PackageDeclarationSyntax BuildPackage(PackageDeclarationContext context) =>
        new(Span(context), BuildQualifiedName(context.qualifiedName(), context), String(context.STRING()));

    private ImportSyntax BuildImport(ImportDeclarationContext context) =>
        new(Span(context), BuildQualifiedName(context.qualifiedName(), context), IsReal(context.STAR()), IsReal(context.IDENT()) ? Name(context.IDENT(), context) : null);

    private DeclarationSyntax? BuildDeclaration(DeclarationContext context)
    {
        var doc = DocComment(context);
        var annotations = context.annotation().Select(BuildAnnotation).ToImmutableArray();
        var span = Span(context);
        DeclarationSyntax? result = context.declarationBody() switch
        {
            { } body when body.quantityDeclaration() is { } q => new QuantityDeclarationSyntax(span, Name(q.IDENT(), q), doc, annotations, BuildUnit(q.unit(), q), String(q.STRING())),
            { } body when body.unitDeclaration() is { } u => BuildUnitDeclaration(u, span, doc, annotations),
            { } body when body.enumDeclaration() is { } e => new EnumDeclarationSyntax(span, Name(e.IDENT(), e), doc, annotations, e.enumMember().Select(m => new EnumMemberSyntax(Span(m), Name(m.IDENT(), m), DocComment(m))).ToImmutableArray()),
            { } body when body.functionDeclaration() is { } f => BuildFunction(f, span, doc, annotations),
            { } body when body.tableDeclaration() is { } t => BuildTable(t, span, doc, annotations),
            { } body when body.surrogateDeclaration() is { } s => new SurrogateDeclarationSyntax(span, Name(s.IDENT(), s), doc, annotations, Parameters(s.parameterList()), BuildType(s.type(), s), Expression(s.expression(), s), String(s.STRING())),
            { } body when body.connectorDeclaration() is { } c => new ConnectorDeclarationSyntax(span, Name(c.IDENT(), c), doc, annotations, BuildList<VariableDeclarationSyntax>(c, child => child is VariableDeclarationContext v ? BuildVariable(v) : null, null)),
            { } body when body.assetDeclaration() is { } a => new AssetDeclarationSyntax(span, Name(a.IDENT(), a), doc, annotations, a.type() is { } baseType ? BuildType(baseType, a) : null, BuildList<MemberSyntax>(a, child => child is MemberContext m ? BuildMember(m) : null, s => new ErrorMemberSyntax(s))),
            { } body when body.assimilationDeclaration() is { } a => new AssimilationDeclarationSyntax(span, Name(a.IDENT(), a), doc, annotations, BuildQualifiedName(a.qualifiedName(), a), BuildList<AssimilationItemSyntax>(a, child => child is AssimilationItemContext i ? BuildAssimilationItem(i) : null, s => new ErrorAssimilationItemSyntax(s))),
            { } body when body.scenarioDeclaration() is { } s => new ScenarioDeclarationSyntax(span, Name(s.IDENT(), s), doc, annotations, BuildQualifiedName(s.qualifiedName(), s), BuildList<ScenarioItemSyntax>(s, child => child is ScenarioItemContext i ? BuildScenarioItem(i) : null, sp => new ErrorScenarioItemSyntax(sp))),
            _ => null,
        };

        if (result is null && HasRealTokens(context))
        {
            return new ErrorDeclarationSyntax(span, MissingName(span.End));
        }

        return result;
    }

    private UnitDeclarationSyntax BuildUnitDeclaration(UnitDeclarationContext context, TextSpan span, string? doc, ImmutableArray<AnnotationSyntax> annotations)
    {
        NumberLiteralSyntax? scale = null;
        UnitExpressionSyntax? unit = null;
        if (context.unitValue() is { } value)
        {
            scale = value.number() is { } number ? BuildNumber(number, negative: false, span: Span(number), unit: null) : null;
            unit = value.unit() is { } u ? BuildUnit(u, value) : null;
        }

        if (scale is null && unit is null)
        {
            unit = new MissingUnitSyntax(new TextSpan(MissingPosition(context), 0));
        }

        NumberLiteralSyntax? offset = null;
        if (context.signedNumber() is { } signed && signed.number() is { } offsetNumber)
        {
            offset = BuildNumber(offsetNumber, IsReal(signed.UNARY_MINUS()), Span(signed), unit: null);
        }

        return new UnitDeclarationSyntax(span, Name(context.IDENT(), context), doc, annotations, scale, unit, offset, String(context.STRING()));
    }

    private FunctionDeclarationSyntax BuildFunction(FunctionDeclarationContext context, TextSpan span, string? doc, ImmutableArray<AnnotationSyntax> annotations)
    {
        var lets = ImmutableArray<LetStatementSyntax>.Empty;
        ExpressionSyntax result;
        switch (context.functionBody())
        {
            case ExpressionFunctionBodyContext body:
                result = Expression(body.expression(), body);
                break;
            case BlockFunctionBodyContext body:
                lets = body.letStatement().Select(l => new LetStatementSyntax(Span(l), Name(l.IDENT(), l), Expression(l.expression(), l))).ToImmutableArray();
                result = Expression(body.expression(), body);
                break;
            default:
                result = new MissingExpressionSyntax(new TextSpan(MissingPosition(context), 0));
                break;
        }

        return new FunctionDeclarationSyntax(span, Name(context.IDENT(), context), doc, annotations, Parameters(context.parameterList()), BuildType(context.type(), context), lets, result);
    }

    private TableDeclarationSyntax BuildTable(TableDeclarationContext context, TextSpan span, string? doc, ImmutableArray<AnnotationSyntax> annotations)
    {
        var settings = context.setting().Select(BuildSetting).ToImmutableArray();
        var rows = ImmutableArray<TableRowSyntax>.Empty;
        StringLiteralSyntax? source = null;
        switch (context.tableBody())
        {
            case InlineTableBodyContext body:
                rows = body.tableRow().Select(r =>
                {
                    var expressions = r.expression();
                    var inputs = expressions.Length > 1 ? expressions[..^1].Select(e => Expression(e, r)).ToImmutableArray() : [];
                    var output = IsReal(r.ARROW()) && expressions.Length > 0 ? Expression(expressions[^1], r) : new MissingExpressionSyntax(new TextSpan(MissingPosition(r), 0));
                    if (!IsReal(r.ARROW()))
                    {
                        inputs = expressions.Select(e => Expression(e, r)).ToImmutableArray();
                    }

                    return new TableRowSyntax(Span(r), inputs, output);
                }).ToImmutableArray();
                break;
            case FileTableBodyContext body:
                source = String(body.STRING());
                break;
        }

        return new TableDeclarationSyntax(span, Name(context.IDENT(), context), doc, annotations, Parameters(context.parameterList()), BuildType(context.type(), context), settings, rows, source);
    }

    private ImmutableArray<ParameterSyntax> Parameters(ParameterListContext? list) =>
        list is null ? [] : list.parameter().Select(p => new ParameterSyntax(Span(p), Name(p.IDENT(), p), BuildType(p.type(), p))).ToImmutableArray();

    private AnnotationSyntax BuildAnnotation(AnnotationContext context) =>
        new(Span(context), Name(context.IDENT(), context), Arguments(context.argumentList()?.argument()));

    private SettingSyntax BuildSetting(SettingContext context) =>
        new(Span(context), Name(context.IDENT(), context), Expression(context.expression(), context));

    // ---------------------------------------------------------------------------------------------
    // Shared helpers

    /// <summary>
    /// The items of a block in source order. Tokens the parser skipped while recovering are error nodes
    /// among the context's children; each run of them becomes one error item (when the list has such a kind).
    /// </summary>
    private ImmutableArray<T> BuildList<T>(ParserRuleContext context, Func<IParseTree, T?> build, Func<TextSpan, T>? error)
        where T : class
    {
        var items = ImmutableArray.CreateBuilder<T>();
        if (context.children is null)
        {
            return items.ToImmutable();
        }

        var errorStart = -1;
        var errorEnd = -1;
        void Flush()
        {
            if (errorStart >= 0 && error is not null)
            {
                items.Add(error(TextSpan.FromBounds(errorStart, errorEnd)));
            }

            errorStart = -1;
        }

        foreach (var child in context.children)
        {
            if (child is IErrorNode { Symbol: { TokenIndex: >= 0 } symbol } && symbol.Type != TokenConstants.EOF)
            {
                if (errorStart < 0)
                {
                    errorStart = symbol.StartIndex;
                }

                errorEnd = symbol.StopIndex + 1;
                continue;
            }

            if (child is ParserRuleContext && build(child) is { } item)
            {
                Flush();
                items.Add(item);
            }
            else if (child is not IErrorNode)
            {
                Flush();
            }
        }

        Flush();
        return items.ToImmutable();
    }

    private TextSpan Span(ParserRuleContext context)
    {
        var start = context.Start;
        var stop = context.Stop;
        var startOffset = start is null || start.StartIndex < 0 ? 0 : Math.Min(start.StartIndex, text.Length);
        if (stop is null || stop.StopIndex < 0 || stop.TokenIndex < (start?.TokenIndex ?? 0) || stop.Type == TokenConstants.EOF)
        {
            var end = stop is { Type: not TokenConstants.EOF, StopIndex: >= 0 } && stop.TokenIndex >= (start?.TokenIndex ?? 0) ? stop.StopIndex + 1 : startOffset;
            return TextSpan.FromBounds(startOffset, Math.Max(startOffset, Math.Min(end, text.Length)));
        }

        return TextSpan.FromBounds(startOffset, Math.Min(stop.StopIndex + 1, text.Length));
    }

    private static TextSpan Span(IToken token) => TextSpan.FromBounds(token.StartIndex, token.StopIndex + 1);

    /// <summary>Where a missing piece of <paramref name="context"/> is placed: right after what was parsed of it.</summary>
    private int MissingPosition(ParserRuleContext context) => Span(context).End;

    private static bool IsReal(ITerminalNode? node) => node is { Symbol: { TokenIndex: >= 0, StartIndex: >= 0 } symbol } && symbol.Type != TokenConstants.EOF;

    private static bool HasRealTokens(ParserRuleContext context) =>
        context.Start is { TokenIndex: >= 0 } start && start.Type != TokenConstants.EOF && context.Stop is { } stop && stop.TokenIndex >= start.TokenIndex;

    private NameSyntax Name(ITerminalNode? node, ParserRuleContext owner) =>
        IsReal(node) && node is not null ? new NameSyntax(Span(node.Symbol), node.GetText()) : MissingName(MissingPosition(owner));

    private static NameSyntax MissingName(int position) => new(new TextSpan(position, 0), "", IsMissing: true);

    private QualifiedNameSyntax BuildQualifiedName(QualifiedNameContext? context, ParserRuleContext owner)
    {
        if (context is null)
        {
            var missing = MissingName(MissingPosition(owner));
            return new QualifiedNameSyntax(missing.Span, [missing]);
        }

        // One pass over the children: this runs for every type and callee, so it avoids the generated
        // accessors' per-call arrays.
        var parts = ImmutableArray.CreateBuilder<NameSyntax>();
        var endsWithDot = false;
        foreach (var child in context.children ?? [])
        {
            if (child is ITerminalNode { Symbol: { TokenIndex: >= 0 } symbol } && symbol.Type != TokenConstants.EOF)
            {
                endsWithDot = symbol.Type == Generated.TwinLangLexer.DOT;
                if (!endsWithDot)
                {
                    parts.Add(new NameSyntax(Span(symbol), symbol.Text ?? ""));
                }
            }
        }

        if (parts.Count == 0 || endsWithDot)
        {
            parts.Add(MissingName(MissingPosition(context)));
        }

        return new QualifiedNameSyntax(Span(context), parts.ToImmutable());
    }

    private StringLiteralSyntax? String(ITerminalNode? node)
    {
        if (!IsReal(node) || node is null)
        {
            return null;
        }

        var raw = node.GetText();
        var span = Span(node.Symbol);
        return new StringLiteralSyntax(span, Unescape(raw, span.Start));
    }

    /// <summary>Strips the quotes (the closing one may be missing) and resolves <c>\" \\ \n \t</c>; reports other escapes.</summary>
    private string Unescape(string raw, int offset)
    {
        var end = raw.Length > 1 && raw[^1] == '"' && !EndsWithEscapedQuote(raw) ? raw.Length - 1 : raw.Length;
        var builder = new System.Text.StringBuilder(end);
        for (var i = 1; i < end; i++)
        {
            var c = raw[i];
            if (c != '\\' || i + 1 >= end)
            {
                builder.Append(c);
                continue;
            }

            var next = raw[++i];
            switch (next)
            {
                case '"':
                case '\\':
                    builder.Append(next);
                    break;
                case 'n':
                    builder.Append('\n');
                    break;
                case 't':
                    builder.Append('\t');
                    break;
                default:
                    diagnostics.Add(DiagnosticCatalog.At(text, new TextSpan(offset + i - 1, 2)).InvalidEscape("\\" + next));
                    builder.Append(next);
                    break;
            }
        }

        return builder.ToString();
    }

    private static bool EndsWithEscapedQuote(string raw)
    {
        // An unterminated string may end in \" : count the backslashes before the last quote.
        var backslashes = 0;
        for (var i = raw.Length - 2; i >= 1 && raw[i] == '\\'; i--)
        {
            backslashes++;
        }

        return backslashes % 2 == 1;
    }

    /// <summary>
    /// The <c>///</c> lines directly above <paramref name="context"/> (its first token, annotations
    /// included), each stripped of <c>///</c> and one space, joined with <c>\n</c>.
    /// </summary>
    private string? DocComment(ParserRuleContext context)
    {
        var start = context.Start;
        if (start is null || start.TokenIndex < 0)
        {
            return null;
        }

        var hidden = stream.GetHiddenTokensToLeft(start.TokenIndex);
        if (hidden is null || hidden.Count == 0)
        {
            return null;
        }

        var firstHidden = hidden[0].TokenIndex;
        var previousLine = firstHidden > 0 ? stream.Get(firstHidden - 1).Line : -1;
        var lines = new List<string>();
        for (var i = hidden.Count - 1; i >= 0; i--)
        {
            var token = hidden[i];
            if (token.Type != Generated.TwinLangLexer.DOC_COMMENT || token.Line == previousLine)
            {
                break;
            }

            var line = token.Text[3..].TrimEnd('\r');
            lines.Add(line.StartsWith(' ') ? line[1..] : line);
        }

        if (lines.Count == 0)
        {
            return null;
        }

        lines.Reverse();
        return string.Join('\n', lines);
    }
}
