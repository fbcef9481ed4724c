using System.Collections.Immutable;
using System.Globalization;
using Antlr4.Runtime;
using Antlr4.Runtime.Tree;
using TwinLang.Diagnostics;
using TwinLang.Syntax;
using TwinLang.Text;
using static TwinLang.Parsing.Generated.TwinLangParser;

namespace TwinLang.Parsing;

// Expressions, number literals, units and types.
internal sealed partial class CstToAstBuilder
{
    private ExpressionSyntax Expression(ExpressionContext? context, ParserRuleContext owner)
    {
        if (context is null || !HasRealTokens(context))
        {
            return new MissingExpressionSyntax(new TextSpan(MissingPosition(owner), 0));
        }

        // ANTLR builds `a + b + c + …` as a left-deep chain of contexts; walk its left spine with a loop
        // so a 100 000-term sum needs no deep recursion here.
        var spine = new Stack<ExpressionContext>();
        var current = context;
        while (current.ChildCount > 0 && current.GetChild(0) is ExpressionContext left)
        {
            spine.Push(current);
            current = left;
        }

        var result = BuildNonLeftRecursive(current);
        while (spine.Count > 0)
        {
            result = ApplyLeftRecursive(spine.Pop(), result);
        }

        return result;
    }

    private ExpressionSyntax BuildNonLeftRecursive(ExpressionContext context)
    {
        var span = Span(context);
        switch (context)
        {
            case PrimaryExpressionContext p:
                return BuildPrimary(p.primary(), p);
            case UnaryExpressionContext u:
                return new UnaryExpressionSyntax(span, u.op.Type == UNARY_MINUS ? UnaryOperator.Negate : UnaryOperator.Plus, Expression(u.expression(), u));
            case NotExpressionContext n:
                return new UnaryExpressionSyntax(span, UnaryOperator.Not, Expression(n.expression(), n));
            case ConditionalExpressionContext c:
                {
                    var expressions = c.expression();
                    var clauses = c.elseIfClause();
                    var whenFalse = c.ELSE() is not null ? Expression(expressions.Length > 2 ? expressions[2] : null, c) : new MissingExpressionSyntax(new TextSpan(MissingPosition(c), 0));

                    // `elseif` nests: the last clause is innermost, spanning from its keyword to the end.
                    for (var i = clauses.Length - 1; i >= 0; i--)
                    {
                        var clause = clauses[i];
                        var clauseSpan = TextSpan.FromBounds(Span(clause).Start, Math.Max(Span(clause).End, whenFalse.Span.End));
                        whenFalse = new ConditionalExpressionSyntax(clauseSpan, Expression(clause.expression(0), clause), Expression(clause.expression(1), clause), whenFalse);
                    }

                    return new ConditionalExpressionSyntax(span, Expression(c.expression(0), c), Expression(c.expression(1), c), whenFalse);
                }

            default:
                return new MissingExpressionSyntax(new TextSpan(span.Start, 0));
        }
    }

    private ExpressionSyntax ApplyLeftRecursive(ExpressionContext context, ExpressionSyntax left)
    {
        var span = Span(context);
        return context switch
        {
            MemberAccessExpressionContext m => new MemberAccessExpressionSyntax(span, left, Name(m.IDENT(), m)),
            IndexExpressionContext i => new IndexExpressionSyntax(span, left, Indices(i.indexList(), i)),
            PowerExpressionContext p => Binary(span, left, BinaryOperator.Power, Expression(p.expression(1), p)),
            MultiplicativeExpressionContext m => Binary(span, left, m.op.Type == STAR ? BinaryOperator.Multiply : BinaryOperator.Divide, Expression(m.expression(1), m)),
            AdditiveExpressionContext a => Binary(span, left, a.op.Type == PLUS ? BinaryOperator.Add : BinaryOperator.Subtract, Expression(a.expression(1), a)),
            ComparisonExpressionContext c => Binary(span, left, c.op.Type switch
            {
                LT => BinaryOperator.Less,
                LE => BinaryOperator.LessOrEqual,
                GT => BinaryOperator.Greater,
                GE => BinaryOperator.GreaterOrEqual,
                EQ => BinaryOperator.Equal,
                _ => BinaryOperator.NotEqual,
            }, Expression(c.expression(1), c)),
            AndExpressionContext a => Binary(span, left, BinaryOperator.And, Expression(a.expression(1), a)),
            OrExpressionContext o => Binary(span, left, BinaryOperator.Or, Expression(o.expression(1), o)),
            RangeExpressionContext r => new RangeExpressionSyntax(span, left, Expression(r.expression(1), r)),
            _ => left with { },
        };
    }

    private static BinaryExpressionSyntax Binary(TextSpan span, ExpressionSyntax left, BinaryOperator op, ExpressionSyntax right) =>
        new(span, left, op, right);

    private ImmutableArray<ExpressionSyntax> Indices(IndexListContext? list, ParserRuleContext owner)
    {
        if (list is null)
        {
            return [new MissingExpressionSyntax(new TextSpan(MissingPosition(owner), 0))];
        }

        return list.index().Select(index => index switch
        {
            WildcardIndexContext w => (ExpressionSyntax)new WildcardExpressionSyntax(Span(w)),
            ExpressionIndexContext e => Expression(e.expression(), e),
            _ => new MissingExpressionSyntax(new TextSpan(Span(index).Start, 0)),
        }).ToImmutableArray();
    }

    private ExpressionSyntax BuildPrimary(PrimaryContext? context, ParserRuleContext owner)
    {
        if (context is null)
        {
            return new MissingExpressionSyntax(new TextSpan(MissingPosition(owner), 0));
        }

        var span = Span(context);
        switch (context)
        {
            case NumberPrimaryContext n:
                return BuildNumberLiteral(n.numberLiteral());
            case StringPrimaryContext s:
                return String(s.STRING()) ?? (ExpressionSyntax)new MissingExpressionSyntax(new TextSpan(span.Start, 0));
            case BooleanPrimaryContext b:
                return new BooleanLiteralSyntax(span, b.TRUE() is not null);
            case NamePrimaryContext n:
                return new NameExpressionSyntax(span, new NameSyntax(span, n.GetText()));
            case ParenthesizedPrimaryContext p:
                return new ParenthesizedExpressionSyntax(span, Expression(p.expression(), p));
            case ArrayPrimaryContext a:
                return new ArrayLiteralExpressionSyntax(span, a.expression().Select(e => Expression(e, a)).ToImmutableArray());
            case CallPrimaryContext c:
                return BuildCall(c, span);
            default:
                return new MissingExpressionSyntax(new TextSpan(span.Start, 0));
        }
    }

    private ExpressionSyntax BuildCall(CallPrimaryContext context, TextSpan span)
    {
        var callee = context.callee();
        var parts = callee.children?.OfType<ITerminalNode>().Where(t => IsReal(t) && t.Symbol.Type != DOT).Select(t => new NameSyntax(Span(t.Symbol), t.GetText())).ToImmutableArray() ?? [];
        var calleeName = new QualifiedNameSyntax(Span(callee), parts.IsEmpty ? [MissingName(Span(callee).Start)] : parts);
        var body = context.callBody();
        if (body?.forSuffix() is { } forSuffix)
        {
            var argument = body.argument(0);
            var function = new NameSyntax(calleeName.Span, calleeName.Text);
            return new ReductionExpressionSyntax(span, function, Expression(argument?.expression(), body), Iterators(forSuffix.iteratorList()));
        }

        return new CallExpressionSyntax(span, calleeName, Arguments(body?.argument()));
    }

    private ImmutableArray<ArgumentSyntax> Arguments(ArgumentContext[]? arguments) =>
        arguments is null
            ? []
            : arguments.Select(a => new ArgumentSyntax(
                Span(a),
                a.argumentName() is { } name && HasRealTokens(name) ? new NameSyntax(Span(name), name.GetText()) : null,
                Expression(a.expression(), a))).ToImmutableArray();

    /// <summary><c>cells[i].ambient</c> in a coupling end: built as the expression it reads as.</summary>
    private ExpressionSyntax BuildReference(ReferenceContext? context, ParserRuleContext owner)
    {
        if (context?.children is null || context.children.Count == 0 || !IsReal(context.children[0] as ITerminalNode))
        {
            return new MissingExpressionSyntax(new TextSpan(MissingPosition(owner), 0));
        }

        var first = (ITerminalNode)context.children[0];
        var start = first.Symbol.StartIndex;
        ExpressionSyntax result = new NameExpressionSyntax(Span(first.Symbol), new NameSyntax(Span(first.Symbol), first.GetText()));
        for (var i = 1; i < context.children.Count; i++)
        {
            switch (context.children[i])
            {
                case ITerminalNode { Symbol.Type: DOT } when i + 1 < context.children.Count && context.children[i + 1] is ITerminalNode member && IsReal(member):
                    i++;
                    result = new MemberAccessExpressionSyntax(TextSpan.FromBounds(start, member.Symbol.StopIndex + 1), result, new NameSyntax(Span(member.Symbol), member.GetText()));
                    break;
                case IndexListContext list:
                    var end = i + 1 < context.children.Count && context.children[i + 1] is ITerminalNode close && IsReal(close) ? close.Symbol.StopIndex + 1 : Span(list).End;
                    result = new IndexExpressionSyntax(TextSpan.FromBounds(start, end), result, Indices(list, context));
                    break;
            }
        }

        return result;
    }

    // ---------------------------------------------------------------------------------------------
    // Numbers and units

    private NumberLiteralSyntax BuildNumberLiteral(NumberLiteralContext context)
    {
        var number = context.number();
        var unit = context.unit() is { } u ? BuildUnit(u, context) : null;
        return BuildNumber(number, negative: false, Span(context), unit);
    }

    private NumberLiteralSyntax BuildNumber(NumberContext? number, bool negative, TextSpan span, UnitExpressionSyntax? unit)
    {
        // Only the INT or FLOAT token: after recovery the context may also hold skipped tokens ("offset -ard").
        var token = number?.INT() ?? number?.FLOAT();
        if (number is null || !IsReal(token) || token is null)
        {
            return new NumberLiteralSyntax(span, "", 0, IsInteger: true, unit);
        }

        var digits = token.GetText();
        var written = negative ? "-" + digits : digits;
        var value = double.Parse(digits, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (double.IsInfinity(value))
        {
            diagnostics.Add(DiagnosticCatalog.At(text, Span(number)).NumberOutOfRange(digits));
            value = 0;
        }

        return new NumberLiteralSyntax(span, written, negative ? -value : value, number.INT() is not null, unit);
    }

    private UnitExpressionSyntax BuildUnit(UnitContext? context, ParserRuleContext owner)
    {
        if (context is null || !HasRealTokens(context))
        {
            return new MissingUnitSyntax(new TextSpan(MissingPosition(owner), 0));
        }

        var factors = context.unitFactor();
        var operators = context.children.OfType<ITerminalNode>().Where(t => t.Symbol.Type is STAR or SLASH).ToList();
        var result = BuildUnitFactor(factors[0]);
        for (var i = 1; i < factors.Length; i++)
        {
            var right = BuildUnitFactor(factors[i]);
            var isDivision = i - 1 < operators.Count && operators[i - 1].Symbol.Type == SLASH;
            result = new UnitBinarySyntax(TextSpan.FromBounds(result.Span.Start, right.Span.End), result, isDivision, right);
        }

        return result;
    }

    private UnitExpressionSyntax BuildUnitFactor(UnitFactorContext context)
    {
        var primary = BuildUnitPrimary(context.unitPrimary(), context);
        if (context.CARET() is null)
        {
            return primary;
        }

        var exponentContext = context.exponent;
        var exponent = 0;
        if (exponentContext?.INT() is { } digits && IsReal(digits))
        {
            var written = exponentContext.GetText();
            if (!int.TryParse(written, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent) || Math.Abs(exponent) > 100)
            {
                diagnostics.Add(DiagnosticCatalog.At(text, Span(exponentContext)).InvalidUnitNumber(written));
                exponent = 1;
            }
        }

        return new UnitPowerSyntax(Span(context), primary, exponent);
    }

    private UnitExpressionSyntax BuildUnitPrimary(UnitPrimaryContext? context, ParserRuleContext owner)
    {
        if (context is null || !HasRealTokens(context))
        {
            return new MissingUnitSyntax(new TextSpan(MissingPosition(owner), 0));
        }

        var span = Span(context);
        switch (context)
        {
            case UnitNameContext n:
                return new UnitNameSyntax(span, n.GetText());
            case UnitNumberContext n when n.GetText() == "1":
                return new UnitOneSyntax(span);
            case UnitNumberContext n:
                diagnostics.Add(DiagnosticCatalog.At(text, span).InvalidUnitNumber(n.GetText()));
                return new MissingUnitSyntax(span);
            case UnitParenthesizedContext p:
                return new UnitParenthesizedSyntax(span, BuildUnit(p.unit(), p));
            default:
                return new MissingUnitSyntax(new TextSpan(span.Start, 0));
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Types

    private TypeSyntax BuildType(TypeContext? context, ParserRuleContext owner)
    {
        if (context is null || !HasRealTokens(context))
        {
            var position = MissingPosition(owner);
            var missing = MissingName(position);
            return new TypeSyntax(new TextSpan(position, 0), new QualifiedNameSyntax(missing.Span, [missing]), [], []);
        }

        var dimensions = context.expression().Select(e => Expression(e, context)).ToImmutableArray();
        var modifiers = context.modifier().Select(m => m switch
        {
            UnitModifierContext u => (ModifierSyntax)new UnitModifierSyntax(Span(u), BuildUnit(u.unit(), u)),
            ValueModifierContext v => new ValueModifierSyntax(Span(v), Name(v.IDENT(), v), Expression(v.expression(), v)),
            _ => new ValueModifierSyntax(Span(m), MissingName(Span(m).Start), new MissingExpressionSyntax(new TextSpan(Span(m).Start, 0))),
        }).ToImmutableArray();
        return new TypeSyntax(Span(context), BuildQualifiedName(context.qualifiedName(), context), dimensions, modifiers);
    }
}
