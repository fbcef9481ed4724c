using TwinLang.Text;

namespace TwinLang.Lowering.Scenarios;

/// <summary>
/// <c>ensemble 200 seed 42 { capacity ~ normal(2.5 A*h, 0.05 A*h) }</c>: how many members, the seed that makes
/// the draws repeatable, and what each member draws.
/// </summary>
/// <param name="Members">The number of members; at least one.</param>
/// <param name="Seed">The seed as written (0 when none is written), reinterpreted as unsigned 64 bits.</param>
/// <param name="Draws">The drawn parameters in scenario order.</param>
/// <param name="Source">The scenario's source, for diagnostics.</param>
/// <param name="Span">The span of the <c>ensemble</c> item.</param>
public sealed record EnsemblePlan(int Members, ulong Seed, IReadOnlyList<DrawPlan> Draws, SourceText Source, TextSpan Span);

/// <summary>
/// <c>cells[*].r0 ~ lognormal(15 mOhm, 0.1)</c>: one independent draw per matching parameter element, truncated to
/// the parameter's declared <c>min</c>/<c>max</c> when it has them.
/// </summary>
/// <param name="Name">The target as written without blanks; <c>[*]</c> matches every index.</param>
/// <param name="Distribution">The distribution, in SI.</param>
/// <param name="Minimum">The parameter's declared <c>min</c> in SI, or null.</param>
/// <param name="Maximum">The parameter's declared <c>max</c> in SI, or null.</param>
/// <param name="Source">The scenario's source, for diagnostics.</param>
/// <param name="Span">The span of the distribution call.</param>
public sealed record DrawPlan(string Name, DistributionPlan Distribution, double? Minimum, double? Maximum, SourceText Source, TextSpan Span);

/// <summary>A distribution by its scenario name with its arguments in SI, in the order of its declared parameters.</summary>
/// <param name="Name">
/// <c>normal(mean, sd)</c>, <c>lognormal(median, sigma)</c>, <c>uniform(low, high)</c>, <c>laplace(mean, scale)</c>,
/// <c>cauchy(location, scale)</c> or <c>student_t(mean, scale, dof)</c>.
/// </param>
/// <param name="Arguments">The arguments in that order.</param>
public sealed record DistributionPlan(string Name, IReadOnlyList<double> Arguments)
{
    /// <summary>Each distribution's parameters in order, as the binder declares them.</summary>
    public static IReadOnlyDictionary<string, string[]> Parameters { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["cauchy"] = ["location", "scale"],
        ["laplace"] = ["mean", "scale"],
        ["lognormal"] = ["median", "sigma"],
        ["normal"] = ["mean", "sd"],
        ["student_t"] = ["mean", "scale", "dof"],
        ["uniform"] = ["low", "high"],
    };
}
