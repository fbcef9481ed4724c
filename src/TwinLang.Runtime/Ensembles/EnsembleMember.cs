using TwinLang.Runtime.Solvers;
using TwinLang.Runtime.TimeSeries;

namespace TwinLang.Runtime.Ensembles;

/// <summary>One member's run.</summary>
/// <param name="Number">The member number, 1-based; also its random stream.</param>
/// <param name="Draws">The drawn values in SI, aligned with <see cref="EnsembleResult.DrawnParameters"/>.</param>
/// <param name="Failure">Why its run stopped early, or null.</param>
/// <param name="Statistics">Its solver counters.</param>
/// <param name="Series">Its kept columns when <see cref="EnsembleOptions.KeepMemberSeries"/> is set, else null.</param>
public sealed record EnsembleMember(int Number, IReadOnlyList<double> Draws, SimulationFailure? Failure, SolverStatistics Statistics, TimeSeriesResult? Series)
{
    /// <summary>Whether the member reached the stop time.</summary>
    public bool Succeeded => Failure is null;
}
