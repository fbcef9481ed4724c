namespace TwinLang.Runtime;

/// <summary>How far a run has come; passed to <see cref="SimulationOptions.Progress"/>.</summary>
/// <param name="Time">The simulation time reached.</param>
/// <param name="StartTime">The start of the run.</param>
/// <param name="StopTime">The end of the run.</param>
/// <param name="AcceptedSteps">The steps accepted so far.</param>
public readonly record struct SimulationProgress(double Time, double StartTime, double StopTime, long AcceptedSteps)
{
    /// <summary>The fraction of the time span done, from 0 to 1.</summary>
    public double Fraction => StopTime > StartTime ? Math.Clamp((Time - StartTime) / (StopTime - StartTime), 0, 1) : 1;
}
