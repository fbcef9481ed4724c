using TwinLang.Text;

namespace TwinLang.Lowering.Scenarios;

/// <summary><c>sweep r0 in [10 mOhm, 15 mOhm]</c>: a parameter and the values it takes, in SI and in written order.</summary>
/// <param name="Name">The parameter's name (an array parameter takes each value in every element).</param>
/// <param name="Values">The values in SI; never empty.</param>
/// <param name="Source">The scenario's source, for diagnostics.</param>
/// <param name="Span">The span of the target.</param>
public sealed record SweepPlan(string Name, IReadOnlyList<double> Values, SourceText Source, TextSpan Span);
