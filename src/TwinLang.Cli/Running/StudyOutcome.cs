using TwinLang.Diagnostics;
using TwinLang.Runtime.Ensembles;
using TwinLang.Runtime.TimeSeries;

namespace TwinLang.Cli.Running;

/// <summary>
/// What a sweep or ensemble produced: one point per sweep combination (one point without sweeps), the columns that
/// name the swept parameters, counts for the summary, and every diagnostic.
/// </summary>
/// <param name="Points">The sweep points in <c>ScenarioPlan.SweepPoints</c> order; empty when the study could not start.</param>
/// <param name="SweepColumns">One column per sweep (its parameter's name and unit), in sweep order.</param>
/// <param name="Threads">The most threads used.</param>
/// <param name="WallTime">The wall time of all runs.</param>
/// <param name="Diagnostics">Setup problems, failed members and points.</param>
public sealed record StudyOutcome(IReadOnlyList<StudyPoint> Points, IReadOnlyList<ResultColumn> SweepColumns, int Threads, TimeSpan WallTime, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Ensemble members over all points (0 without an ensemble).</summary>
    public int Members => Points.Sum(p => p.Ensemble?.Members.Count ?? 0);

    /// <summary>Failed ensemble members over all points.</summary>
    public int FailedMembers => Points.Sum(p => p.Ensemble?.Failed ?? 0);

    /// <summary>True when there is something to write and no diagnostic is an error.</summary>
    public bool Succeeded => Points.Count > 0 && !Diagnostics.Any(d => d.IsError);
}

/// <summary>One sweep point's results.</summary>
/// <param name="Number">The point's 1-based number.</param>
/// <param name="Values">The swept values in SI, in sweep order (empty without sweeps).</param>
/// <param name="Series">
/// The selected columns of its run, or with an ensemble the statistics (<see cref="EnsembleStatistics"/>) over the
/// members that finished; null when all members failed.
/// </param>
/// <param name="Ensemble">The ensemble's result at this point, or null without an ensemble.</param>
public sealed record StudyPoint(int Number, IReadOnlyList<double> Values, TimeSeriesResult? Series, EnsembleResult? Ensemble);
