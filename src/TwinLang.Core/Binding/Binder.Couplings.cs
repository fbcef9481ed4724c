using TwinLang.Syntax;

namespace TwinLang.Binding;

// Multiscale couplings: both ends are components of the asset, steps are durations, 'up' rules set a
// variable of the second (coarse) side and 'down' rules one of the first (fine) side, each rule is
// dimensionally consistent, and 'conserve' names a quantity that an 'up' rule aggregates with sum().
public sealed partial class Binder
{
    private static readonly Dictionary<string, string[]> CouplingSettings = new(StringComparer.Ordinal)
    {
        ["extrapolation"] = ["hold", "linear"],
        ["interpolation"] = ["hold", "linear", "spline"],
    };

    private void BindCoupling(CouplingSymbol coupling, BindContext context, AssetFacts facts)
    {
        var syntax = coupling.Syntax;
        coupling.First = BindCouplingEnd(syntax.First, context);
        coupling.Second = BindCouplingEnd(syntax.Second, context);
        var summed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in syntax.Items)
        {
            switch (item)
            {
                case CouplingTransferSyntax transfer:
                    BindTransfer(coupling, transfer, context, facts, summed);
                    break;
                case CouplingConserveSyntax conserve:
                    {
                        var type = BindExpression(conserve.Quantity, context);
                        if (!type.IsError && !summed.Contains(PathText(conserve.Quantity, context)))
                        {
                            Report(At(context.File, conserve.Quantity.Span).ConserveWithoutSumRule(context.File.Source.ToString(conserve.Quantity.Span)));
                        }

                        if (conserve.Tolerance is { } tolerance)
                        {
                            CheckAssignable(type, BindExpression(tolerance, context), tolerance.Span, context);
                        }

                        break;
                    }

                case CouplingSettingSyntax setting:
                    BindSettings(context.File, [setting.Setting], $"Coupling '{coupling.Name}'", CouplingSettings);
                    break;
            }
        }
    }

    private ComponentSymbol? BindCouplingEnd(CouplingEndSyntax end, BindContext context)
    {
        if (end.Step is { } step)
        {
            CheckAssignable(TimeType, BindExpression(step, context), step.Span, context);
        }

        if (end.Target is NameExpressionSyntax name && !name.Name.IsMissing)
        {
            var type = BindExpression(end.Target, context);
            if (type.IsError)
            {
                return null;
            }

            if (context.Owner?.LookupMember(name.Name.Text) is ComponentSymbol { IsPort: false } component)
            {
                return component;
            }
        }
        else if (end.Target is MissingExpressionSyntax)
        {
            return null;
        }
        else
        {
            BindExpression(end.Target, context);
        }

        Report(At(context.File, end.Target.Span).CouplingEndNotComponent(context.File.Source.ToString(end.Target.Span)));
        return null;
    }

    private void BindTransfer(CouplingSymbol coupling, CouplingTransferSyntax transfer, BindContext context, AssetFacts facts, HashSet<string> summed)
    {
        var (inner, iterators) = DeclareIterators(transfer.Iterators, context, coupling);
        var equationFacts = new EquationFacts();
        inner = inner.WithFacts(equationFacts);
        var target = BindExpression(transfer.Target, inner);
        var value = BindExpression(transfer.Value, inner);
        CheckIteratorsInferred(iterators, context);
        facts.Merge(equationFacts);
        if (target.IsError)
        {
            return;
        }

        var up = transfer.Direction == CouplingDirection.Up;
        var side = up ? coupling.Second : coupling.First;
        var root = RootComponentOfPath(transfer.Target, inner);
        var text = context.File.Source.ToString(transfer.Target.Span);
        if (side is not null && (root is null || !ReferenceEquals(root, side) || transfer.Target is not MemberAccessExpressionSyntax))
        {
            Report(At(context.File, transfer.Target.Span).CouplingTargetWrongSide(up ? "up" : "down", side.Name, text));
            return;
        }

        if (transfer.Target is MemberAccessExpressionSyntax access && root is not null &&
            root.ComponentType?.LookupMember(access.Member.Text) is VariableSymbol variable)
        {
            if (variable.VariableKind is VariableKind.Parameter or VariableKind.Constant)
            {
                Report(At(context.File, transfer.Target.Span).EquationForFixedValue(text, KindName(variable)));
                return;
            }

            if (variable.VariableKind == VariableKind.Input)
            {
                facts.SetInputs.Add((root, variable));
            }
        }

        if (CheckAssignable(target, value, transfer.Value.Span, inner))
        {
            facts.Tally.AddEquations(IteratorCount(iterators) * ElementCount(target));
        }

        if (up && IsSum(transfer.Value))
        {
            summed.Add(PathText(transfer.Target, context));
        }
    }

    private static bool IsSum(ExpressionSyntax value) => value switch
    {
        ReductionExpressionSyntax { Function.Text: "sum" } => true,
        CallExpressionSyntax { Callee.Parts: [{ Text: "sum" }] } => true,
        ParenthesizedExpressionSyntax p => IsSum(p.Expression),
        _ => false,
    };

    /// <summary>A target path without spaces, so <c>coolant.heat</c> in a rule and in conserve compare equal.</summary>
    private static string PathText(ExpressionSyntax expression, BindContext context) =>
        string.Concat(context.File.Source.ToString(expression.Span).Where(c => !char.IsWhiteSpace(c)));

    /// <summary>The own component a member path starts from (<c>cells</c> in <c>cells[i].ambient</c>).</summary>
    private static ComponentSymbol? RootComponentOfPath(ExpressionSyntax path, BindContext context)
    {
        while (true)
        {
            switch (path)
            {
                case MemberAccessExpressionSyntax access:
                    path = access.Target;
                    continue;
                case IndexExpressionSyntax index:
                    path = index.Target;
                    continue;
                case NameExpressionSyntax name:
                    return context.LookupLocal(name.Name.Text) is null ? context.Owner?.LookupMember(name.Name.Text) as ComponentSymbol : null;
                default:
                    return null;
            }
        }
    }
}
