using TwinLang.Runtime.TimeSeries;

namespace TwinLang.Runtime.Ensembles;

/// <summary>What an ensemble produced.</summary>
/// <param name="Members">Every member in number order.</param>
/// <param name="DrawnParameters">The parameter indices each member drew, in draw order.</param>
/// <param name="Statistics">Mean, standard deviation and percentiles over the members that succeeded (see <see cref="EnsembleStatistics"/>), or null when none did.</param>
/// <param name="Threads">The threads used.</param>
/// <param name="WallTime">The wall time of all members.</param>
/// <param name="SetupFailure">Why no member ran (<see cref="SimulationFailureKind.InvalidSetup"/>: invalid options or distributions), or null.</param>
public sealed record EnsembleResult(IReadOnlyList<EnsembleMember> Members, IReadOnlyList<int> DrawnParameters, TimeSeriesResult? Statistics, int Threads, TimeSpan WallTime, SimulationFailure? SetupFailure = null)
{
    /// <summary>The number of members whose run failed (left out of the statistics).</summary>
    public int Failed => Members.Count(m => !m.Succeeded);
}
