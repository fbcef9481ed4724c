using TwinLang.Runtime.Events;
using TwinLang.Runtime.Solvers;
using TwinLang.Runtime.TimeSeries;

namespace TwinLang.Runtime;

/// <summary>What a run produced: the recorded series (up to the failure, if any), the solver counters and the failure.</summary>
/// <param name="Series">The values at the output times reached.</param>
/// <param name="Statistics">The solver's counters and the run's wall time.</param>
/// <param name="Failure">Why the run stopped early, or null when it reached the stop time.</param>
public sealed record SimulationResult(TimeSeriesResult Series, SolverStatistics Statistics, SimulationFailure? Failure)
{
    /// <summary>Whether the run reached its stop time.</summary>
    public bool Succeeded => Failure is null;

    /// <summary>The events and clock ticks of the run, in the order they were handled.</summary>
    public IReadOnlyList<SimulationEvent> Events { get; init; } = [];

    /// <summary>Set when a <c>terminate</c> statement ended the run (successfully) before its stop time.</summary>
    public SimulationTermination? Termination { get; init; }
}
