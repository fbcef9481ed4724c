using TwinLang.Text;

namespace TwinLang.Lowering.Scenarios;

/// <summary>
/// What one run of an asset needs, worked out from a scenario (or the defaults when there is none), with
/// every value in SI: the time span, the solver, the input signals, parameter overrides and outputs.
/// Variable names are written as in the scenario with blanks removed (<c>cells[1].soc</c>).
/// </summary>
/// <param name="AssetName">The simulated asset's name.</param>
/// <param name="ScenarioName">The scenario's name, or null for the default run.</param>
/// <param name="StartTime">Start time in seconds.</param>
/// <param name="StopTime">Stop time in seconds.</param>
/// <param name="Solver">The solver and its settings.</param>
/// <param name="Inputs">The inputs driven by signals, in scenario order.</param>
/// <param name="Overrides">Parameter overrides (<c>set</c>), in scenario order.</param>
/// <param name="OutputInterval">The output interval in seconds, or null for the runtime's default grid.</param>
/// <param name="OutputVariables">The selected variables, or empty for all.</param>
public sealed record ScenarioPlan(
    string AssetName,
    string? ScenarioName,
    double StartTime,
    double StopTime,
    SolverPlan Solver,
    IReadOnlyList<InputPlan> Inputs,
    IReadOnlyList<ParameterOverride> Overrides,
    double? OutputInterval,
    IReadOnlyList<string> OutputVariables)
{
    /// <summary>The documented span of a run without a scenario: 0 s to 10 s.</summary>
    public const double DefaultStopTime = 10.0;

    /// <summary>The parameter sweeps, in scenario order; their cartesian product gives the runs (<see cref="SweepPoints"/>).</summary>
    public IReadOnlyList<SweepPlan> Sweeps { get; init; } = [];

    /// <summary>The Monte-Carlo ensemble run at every sweep point, or null for single runs.</summary>
    public EnsemblePlan? Ensemble { get; init; }

    /// <summary>True when the scenario asks for more than one run (a sweep or an ensemble).</summary>
    public bool IsStudy => Sweeps.Count > 0 || Ensemble is not null;

    /// <summary>
    /// The cartesian product of the sweeps: one entry per run, holding one value per sweep in sweep order. The
    /// first sweep varies slowest (row-major), so <c>sweep a in [1, 2]</c> then <c>sweep b in [10, 20]</c> gives
    /// (1, 10), (1, 20), (2, 10), (2, 20). Without sweeps there is one point with no values.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<double>> SweepPoints()
    {
        IReadOnlyList<IReadOnlyList<double>> points = [[]];
        foreach (var sweep in Sweeps)
        {
            points = [.. points.SelectMany(point => sweep.Values.Select(value => (IReadOnlyList<double>)[.. point, value]))];
        }

        return points;
    }
}

/// <summary>
/// A solver by its scenario name (<c>dopri5</c>, <c>rk4</c>, <c>euler</c>, <c>rodas3</c>, <c>rodas4</c>, <c>auto</c>;
/// <c>rodas</c> is planned as <c>rodas4</c>) and the settings written; null settings take the runtime's defaults.
/// </summary>
/// <param name="Name">The solver name.</param>
/// <param name="RelativeTolerance"><c>rtol</c> of the adaptive solvers.</param>
/// <param name="AbsoluteTolerance"><c>atol</c> of the adaptive solvers.</param>
/// <param name="Step"><c>step</c> in seconds: rk4/euler, or a fixed-step rodas3/rodas4.</param>
/// <param name="InitialStep"><c>initial_step</c> in seconds, adaptive solvers.</param>
/// <param name="MaxStep"><c>max_step</c> in seconds, adaptive solvers.</param>
public sealed record SolverPlan(string Name, double? RelativeTolerance = null, double? AbsoluteTolerance = null, double? Step = null, double? InitialStep = null, double? MaxStep = null)
{
    /// <summary>The solver of a run that names none.</summary>
    public static SolverPlan Default { get; } = new("dopri5");
}

/// <summary>An input driven by a signal.</summary>
/// <param name="Name">The input's name.</param>
/// <param name="Signal">The signal, in SI.</param>
/// <param name="Source">The scenario's source, for diagnostics.</param>
/// <param name="Span">The span of the signal expression.</param>
public sealed record InputPlan(string Name, SignalPlan Signal, SourceText Source, TextSpan Span);

/// <summary>A parameter override: <c>set capacity = 3 A*h</c>, in SI.</summary>
/// <param name="Name">The parameter's name.</param>
/// <param name="Value">The value in SI.</param>
/// <param name="Source">The scenario's source, for diagnostics.</param>
/// <param name="Span">The span of the target.</param>
public sealed record ParameterOverride(string Name, double Value, SourceText Source, TextSpan Span);

/// <summary>A signal over time, every number in SI.</summary>
public abstract record SignalPlan;

/// <summary>A constant value.</summary>
/// <param name="Value">The value.</param>
public sealed record ConstantSignalPlan(double Value) : SignalPlan;

/// <summary><c>step(at, from, to)</c>.</summary>
/// <param name="At">The switching time.</param>
/// <param name="From">The value before it.</param>
/// <param name="To">The value from it on.</param>
public sealed record StepSignalPlan(double At, double From, double To) : SignalPlan;

/// <summary><c>ramp(start, duration, from, to)</c>.</summary>
/// <param name="Start">The ramp's start time.</param>
/// <param name="Duration">The ramp's duration.</param>
/// <param name="From">The value before the ramp.</param>
/// <param name="To">The value after it.</param>
public sealed record RampSignalPlan(double Start, double Duration, double From, double To) : SignalPlan;

/// <summary><c>sine(amplitude, frequency, offset, phase)</c>; the phase in radians.</summary>
/// <param name="Amplitude">The amplitude.</param>
/// <param name="Frequency">The frequency in Hz.</param>
/// <param name="Offset">The mean value.</param>
/// <param name="Phase">The phase in radians.</param>
public sealed record SineSignalPlan(double Amplitude, double Frequency, double Offset, double Phase) : SignalPlan;

/// <summary><c>pwl(times, values)</c>: a piecewise-linear table, held outside its range.</summary>
/// <param name="Times">The times, in seconds.</param>
/// <param name="Values">The values.</param>
public sealed record TableSignalPlan(IReadOnlyList<double> Times, IReadOnlyList<double> Values) : SignalPlan;

/// <summary>
/// <c>csv(file, column, unit)</c>: a column of a time-series file. The file is read by the host (Core does
/// no I/O); its path is relative to the scenario's file. Values convert to SI by <c>value · Scale + Offset</c>;
/// without a unit the header's unit is not checked and the values are taken as SI.
/// </summary>
/// <param name="File">The file as written.</param>
/// <param name="Column">The column name (the input's name when not written).</param>
/// <param name="Unit">The unit the column's header must give, or null.</param>
/// <param name="Scale">The unit's scale to SI.</param>
/// <param name="Offset">The unit's offset to SI (affine units).</param>
public sealed record CsvSignalPlan(string File, string Column, string? Unit, double Scale, double Offset) : SignalPlan;
