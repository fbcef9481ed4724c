using TwinLang.Diagnostics;
using TwinLang.Runtime;
using TwinLang.Runtime.TimeSeries;

namespace TwinLang.Cli.Running;

/// <summary>
/// What a run produced: the simulation result (null when the run could not start), the recorded series
/// restricted to the plan's selected variables, and every diagnostic (plan warnings, input-file errors, a
/// runtime failure).
/// </summary>
/// <param name="Result">The runtime's result, or null.</param>
/// <param name="Selected">The selected columns of the result (all when the plan selects none), or null.</param>
/// <param name="Diagnostics">The diagnostics in the order met.</param>
public sealed record RunOutcome(SimulationResult? Result, TimeSeriesResult? Selected, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when the run finished and no diagnostic is an error.</summary>
    public bool Succeeded => Result is { Succeeded: true } && !Diagnostics.Any(d => d.IsError);
}
