using System.Collections.Immutable;
using Antlr4.Runtime;
using TwinLang.Diagnostics;
using TwinLang.Syntax;
using TwinLang.Text;
using static TwinLang.Parsing.Generated.TwinLangParser;

namespace TwinLang.Parsing;

// Asset members, equations, statements, couplings, assimilation and scenario items.
internal sealed partial class CstToAstBuilder
{
    private MemberSyntax? BuildMember(MemberContext context)
    {
        MemberSyntax? member = context switch
        {
            _ when context.variableDeclaration() is { } v => BuildVariable(v),
            _ when context.componentDeclaration() is { } c => new ComponentDeclarationSyntax(Span(c), IsReal(c.PORT()), Name(c.IDENT(), c), BuildType(c.type(), c), String(c.STRING()), DocComment(c), c.annotation().Select(BuildAnnotation).ToImmutableArray()),
            _ when context.equationSection() is { } e => new EquationSectionSyntax(Span(e), IsReal(e.INITIAL()), Equations(e)),
            _ when context.whenSection() is { } w => new WhenSectionSyntax(Span(w), Expression(w.expression(), w), Statements(w)),
            _ when context.sampledSection() is { } s => new SampledSectionSyntax(Span(s), Expression(s.expression(0), s), s.OFFSET() is not null ? Expression(s.expression(1), s) : null, Statements(s)),
            _ when context.couplingDeclaration() is { } c => BuildCoupling(c),
            _ => null,
        };

        return member ?? (HasRealTokens(context) ? new ErrorMemberSyntax(Span(context)) : null);
    }

    private VariableDeclarationSyntax BuildVariable(VariableDeclarationContext context)
    {
        var kind = context.variableKind()?.Start.Type switch
        {
            CONSTANT => VariableKind.Constant,
            INPUT => VariableKind.Input,
            OUTPUT => VariableKind.Output,
            STATE => VariableKind.State,
            VARIABLE => VariableKind.Variable,
            DISCRETE => VariableKind.Discrete,
            POTENTIAL => VariableKind.Potential,
            FLOW => VariableKind.Flow,
            _ => VariableKind.Parameter,
        };
        var value = context.ASSIGN() is not null ? Expression(context.expression(), context) : null;
        return new VariableDeclarationSyntax(Span(context), kind, Name(context.IDENT(), context), BuildType(context.type(), context), value, String(context.STRING()), DocComment(context), context.annotation().Select(BuildAnnotation).ToImmutableArray());
    }

    private ImmutableArray<EquationSyntax> Equations(ParserRuleContext block) =>
        BuildList<EquationSyntax>(block, child => child is EquationContext e ? BuildEquation(e) : null, span => new ErrorEquationSyntax(span));

    private EquationSyntax? BuildEquation(EquationContext context) => context switch
    {
        SimpleEquationContext e => new SimpleEquationSyntax(Span(e), Expression(e.expression(0), e), Expression(e.expression(1), e), Iterators(e.forSuffix()?.iteratorList())),
        ConnectEquationContext e => new ConnectEquationSyntax(Span(e), Expression(e.expression(0), e), Expression(e.expression(1), e), Iterators(e.forSuffix()?.iteratorList())),
        ForEquationContext e => new ForEquationSyntax(Span(e), Iterators(e.iteratorList()), Equations(e)),
        _ => HasRealTokens(context) ? new ErrorEquationSyntax(Span(context)) : null,
    };

    private ImmutableArray<IteratorSyntax> Iterators(IteratorListContext? list) =>
        list is null
            ? []
            : list.iterator().Select(i => new IteratorSyntax(Span(i), Name(i.IDENT(), i), i.IN() is not null ? Expression(i.expression(), i) : null)).ToImmutableArray();

    private ImmutableArray<StatementSyntax> Statements(ParserRuleContext block) =>
        BuildList<StatementSyntax>(block, child => child is StatementContext s ? BuildStatement(s) : null, span => new ErrorStatementSyntax(span));

    private StatementSyntax? BuildStatement(StatementContext context) => context switch
    {
        AssignmentStatementContext s => new AssignmentStatementSyntax(Span(s), Expression(s.expression(0), s), Expression(s.expression(1), s)),
        ReinitStatementContext s => new ReinitStatementSyntax(Span(s), Expression(s.expression(0), s), Expression(s.expression(1), s)),
        TerminateStatementContext s => new TerminateStatementSyntax(Span(s), String(s.STRING())),
        _ => HasRealTokens(context) ? new ErrorStatementSyntax(Span(context)) : null,
    };

    private CouplingSyntax BuildCoupling(CouplingDeclarationContext context)
    {
        var ends = context.couplingEnd();
        var first = ends.Length > 0 ? BuildCouplingEnd(ends[0]) : MissingCouplingEnd(context);
        var second = ends.Length > 1 ? BuildCouplingEnd(ends[1]) : MissingCouplingEnd(context);
        var items = BuildList<CouplingItemSyntax>(context, child => child is CouplingItemContext i ? BuildCouplingItem(i) : null, null);
        return new CouplingSyntax(Span(context), Name(context.IDENT(), context), first, second, items, DocComment(context));
    }

    private CouplingEndSyntax BuildCouplingEnd(CouplingEndContext context) =>
        new(Span(context), BuildReference(context.reference(), context), context.STEP() is not null ? Expression(context.expression(), context) : null);

    private CouplingEndSyntax MissingCouplingEnd(ParserRuleContext owner)
    {
        var span = new TextSpan(MissingPosition(owner), 0);
        return new CouplingEndSyntax(span, new MissingExpressionSyntax(span), null);
    }

    private CouplingItemSyntax? BuildCouplingItem(CouplingItemContext context) => context switch
    {
        CouplingTransferContext c => new CouplingTransferSyntax(Span(c), IsReal(c.DOWN()) ? CouplingDirection.Down : CouplingDirection.Up, Expression(c.expression(0), c), Expression(c.expression(1), c), Iterators(c.forSuffix()?.iteratorList())),
        CouplingConserveContext c => new CouplingConserveSyntax(Span(c), Expression(c.expression(0), c), c.TOLERANCE() is not null ? Expression(c.expression(1), c) : null),
        CouplingSettingContext c when c.setting() is { } setting => new CouplingSettingSyntax(Span(c), BuildSetting(setting)),
        _ => null,
    };

    private AssimilationItemSyntax? BuildAssimilationItem(AssimilationItemContext context) => context switch
    {
        ObserveContext o => new ObserveSyntax(Span(o), Name(o.IDENT(), o), Expression(o.expression(0), o), String(After(o, o.FROM())), String(After(o, o.COLUMN())), o.EVERY() is not null ? Expression(o.expression(1), o) : null),
        EstimateContext e => new EstimateSyntax(Span(e), Expression(e.expression(0), e), e.PRIOR() is not null ? Expression(e.expression(1), e) : null),
        FilterContext f => new FilterSyntax(Span(f), Expression(f.expression(), f)),
        RejectContext r => new RejectSyntax(Span(r), Expression(r.expression(), r)),
        ReportContext r => new ReportSyntax(Span(r), r.IDENT().Select(n => Name(n, r)).ToImmutableArray()),
        _ => HasRealTokens(context) ? new ErrorAssimilationItemSyntax(Span(context)) : null,
    };

    private ScenarioItemSyntax? BuildScenarioItem(ScenarioItemContext context)
    {
        switch (context)
        {
            case ScenarioTimeContext t:
                {
                    var value = Expression(t.expression(), t);
                    if (value is RangeExpressionSyntax range)
                    {
                        return new ScenarioTimeSyntax(Span(t), range.Start, range.End);
                    }

                    if (value is not MissingExpressionSyntax)
                    {
                        diagnostics.Add(DiagnosticCatalog.At(text, value.Span).ExpectedTimeSpan(text.ToString(value.Span)));
                    }

                    return new ScenarioTimeSyntax(Span(t), value, new MissingExpressionSyntax(new TextSpan(value.Span.End, 0)));
                }

            case ScenarioSolverContext s:
                return new ScenarioSolverSyntax(Span(s), Expression(s.expression(), s));
            case ScenarioInputContext i:
                return new ScenarioInputSyntax(Span(i), Expression(i.expression(0), i), Expression(i.expression(1), i));
            case ScenarioSetContext s:
                return new ScenarioSetSyntax(Span(s), Expression(s.expression(0), s), Expression(s.expression(1), s));
            case ScenarioOutputContext o:
                {
                    var expressions = o.expression();
                    var hasEvery = o.EVERY() is not null;
                    var every = hasEvery ? Expression(expressions.FirstOrDefault(), o) : null;
                    var variables = expressions.Skip(hasEvery ? 1 : 0).Select(e => Expression(e, o)).ToImmutableArray();
                    return new ScenarioOutputSyntax(Span(o), every, variables);
                }

            case ScenarioSweepContext s:
                return new ScenarioSweepSyntax(Span(s), Expression(s.expression(0), s), Expression(s.expression(1), s));
            case ScenarioEnsembleContext e:
                {
                    var seed = e.SEED() is not null ? Expression(e.expression(1), e) : null;
                    var distributions = BuildList<DistributionAssignmentSyntax>(e, child => child is DistributionAssignmentContext d ? new DistributionAssignmentSyntax(Span(d), Expression(d.expression(0), d), Expression(d.expression(1), d)) : null, null);
                    return new ScenarioEnsembleSyntax(Span(e), Expression(e.expression(0), e), seed, distributions);
                }

            case ScenarioSettingContext s when s.setting() is { } setting:
                return new ScenarioSettingSyntax(Span(s), BuildSetting(setting));
            default:
                return HasRealTokens(context) ? new ErrorScenarioItemSyntax(Span(context)) : null;
        }
    }

    /// <summary>The token right after <paramref name="keyword"/> among the children of <paramref name="context"/>.</summary>
    private static Antlr4.Runtime.Tree.ITerminalNode? After(ParserRuleContext context, Antlr4.Runtime.Tree.ITerminalNode? keyword)
    {
        if (keyword is null || context.children is null)
        {
            return null;
        }

        var index = context.children.IndexOf(keyword);
        return index >= 0 && index + 1 < context.children.Count ? context.children[index + 1] as Antlr4.Runtime.Tree.ITerminalNode : null;
    }
}
