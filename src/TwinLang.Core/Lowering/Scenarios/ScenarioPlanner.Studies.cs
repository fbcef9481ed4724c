using TwinLang.Binding;
using TwinLang.Syntax;
using TwinLang.Text;

namespace TwinLang.Lowering.Scenarios;

// Sweeps and ensembles: the values a sweep takes, the members, seed and draws of an ensemble, and the declared
// limits that truncate a draw. Malformed ones report TW5583..TW5586 (DiagnosticBuilder.Ensembles.cs).
public sealed partial class ScenarioPlanner
{
    private SweepPlan? Sweep(ScenarioSweepSyntax sweep)
    {
        var values = Numbers(sweep.Values);
        if (values is null)
        {
            return null;
        }

        var name = Name(sweep.Target);
        if (values.Count == 0)
        {
            Report(sweep.Values.Span, b => b.SweepWithoutValues(name));
            return null;
        }

        return new SweepPlan(name, values, _source, sweep.Target.Span);
    }

    private EnsemblePlan? Ensemble(ScenarioEnsembleSyntax ensemble, AssetSymbol? asset)
    {
        var members = Number(ensemble.Members);
        var seed = ensemble.Seed is { } seedExpression ? Number(seedExpression) : 0;
        if (members is not null && !(members >= 1 && members <= int.MaxValue && Math.Floor(members.Value) == members))
        {
            Report(ensemble.Members.Span, b => b.EnsembleMembersNotPositive(members.Value));
            members = null;
        }

        var draws = new List<DrawPlan>();
        var failed = members is null || seed is null;
        foreach (var assignment in ensemble.Distributions)
        {
            var draw = Draw(assignment, asset);
            failed |= draw is null;
            if (draw is not null)
            {
                draws.Add(draw);
            }
        }

        // A seed is an Int to the binder; negative ones keep their two's-complement bits.
        return failed || members is not { } count || seed is not { } seedValue
            ? null
            : new EnsemblePlan((int)count, unchecked((ulong)(long)seedValue), draws, _source, ensemble.Span);
    }

    private DrawPlan? Draw(DistributionAssignmentSyntax assignment, AssetSymbol? asset)
    {
        if (assignment.Distribution is not CallExpressionSyntax { Callee.Parts: [var callee] } call ||
            !DistributionPlan.Parameters.TryGetValue(callee.Text, out var parameters))
        {
            // The binder reported it.
            return null;
        }

        var given = Arguments(call, parameters);
        var values = parameters.Select(p => given.TryGetValue(p, out var argument) ? Number(argument) : null).ToList();
        if (values.Any(v => v is null))
        {
            return null;
        }

        var name = Name(assignment.Target);
        var declaration = DeclaredType(asset, name);
        return new DrawPlan(
            name,
            new DistributionPlan(callee.Text, [.. values.Select(v => v ?? 0)]),
            Limit(declaration, "min"),
            Limit(declaration, "max"),
            _source,
            assignment.Distribution.Span);
    }

    /// <summary>Reports TW5585 for every target varied by more than one sweep or draw; true when there is none.</summary>
    private bool VariedOnce(IEnumerable<(string Name, TextSpan Span)> targets)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var once = true;
        foreach (var (name, span) in targets)
        {
            if (!seen.Add(name))
            {
                Report(span, b => b.ParameterVariedTwice(name));
                once = false;
            }
        }

        return once;
    }

    /// <summary>The declared type of a flattened parameter name (<c>cells[*].r0</c> → <c>r0</c> in the cell asset), following components.</summary>
    private static TypeSyntax? DeclaredType(AssetSymbol? asset, string name) =>
        (FlattenedNames.Declaration(asset, name) as VariableSymbol)?.Syntax.Type;

    /// <summary>A <c>min</c> or <c>max</c> modifier of a declared type in SI, or null when it has none that is constant.</summary>
    private double? Limit(TypeSyntax? type, string which)
    {
        var modifier = type?.Modifiers.OfType<ValueModifierSyntax>().FirstOrDefault(m => m.Name.Text == which);
        return modifier is null ? null : Evaluate(modifier.Value);
    }
}
