using System.Globalization;
using TwinLang.Runtime.Events;
using TwinLang.Runtime.Solvers;

namespace TwinLang.Runtime;

/// <summary>One run of a model: time span, output times, solver, inputs, progress and cancellation.</summary>
public sealed record SimulationOptions
{
    /// <summary>The number of output intervals when neither <see cref="OutputInterval"/> nor <see cref="OutputTimes"/> is given.</summary>
    public const int DefaultOutputIntervals = 500;

    /// <summary>The start time in seconds.</summary>
    public double StartTime { get; init; }

    /// <summary>The stop time in seconds; must be after <see cref="StartTime"/>.</summary>
    public double StopTime { get; init; } = 1.0;

    /// <summary>Record every this many seconds from the start; the stop time is always recorded.</summary>
    public double? OutputInterval { get; init; }

    /// <summary>Explicit output times, strictly increasing within [start, stop]; overrides <see cref="OutputInterval"/>.</summary>
    public IReadOnlyList<double>? OutputTimes { get; init; }

    /// <summary>The solver and its tolerances.</summary>
    public SolverOptions Solver { get; init; } = new();

    /// <summary>Event location and the limits of event iteration and chattering (models with <see cref="ITwinModelEvents"/>).</summary>
    public EventOptions Events { get; init; } = new();

    /// <summary>Drives the model's inputs; null leaves them at their values.</summary>
    public IInputProvider? Inputs { get; init; }

    /// <summary>Called as the run advances (at most once per <see cref="ProgressInterval"/> of the span, and at the end).</summary>
    public Action<SimulationProgress>? Progress { get; init; }

    /// <summary>The fraction of the time span between two progress reports.</summary>
    public double ProgressInterval { get; init; } = 0.01;

    /// <summary>Stops the run between steps with a <see cref="SimulationFailureKind.Cancelled"/> failure.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>A message describing the first invalid setting for a model of <paramref name="stateCount"/> states, or null.</summary>
    public string? Validate(int stateCount)
    {
        if (!double.IsFinite(StartTime) || !double.IsFinite(StopTime) || !(StopTime > StartTime))
        {
            return $"The stop time must be finite and after the start time {Format(StartTime)} but is {Format(StopTime)}.";
        }

        if (OutputTimes is { } times)
        {
            for (var i = 0; i < times.Count; i++)
            {
                if (!(times[i] >= StartTime && times[i] <= StopTime))
                {
                    return $"Output time {Format(times[i])} lies outside the run from {Format(StartTime)} to {Format(StopTime)}.";
                }

                if (i > 0 && !(times[i] > times[i - 1]))
                {
                    return $"Output times must increase strictly but {Format(times[i])} follows {Format(times[i - 1])}.";
                }
            }
        }
        else if (OutputInterval is { } interval && !(interval > 0 && double.IsFinite(interval)))
        {
            return $"The output interval must be positive and finite but is {Format(interval)}.";
        }

        if (!(ProgressInterval >= 0 && ProgressInterval <= 1))
        {
            return $"The progress interval must be a fraction of the run between 0 and 1 but is {Format(ProgressInterval)}.";
        }

        return Events.Validate() ?? Solver.Validate(stateCount);
    }

    /// <summary>The output times of this run; the options must be valid.</summary>
    public double[] ResolveOutputTimes()
    {
        if (OutputTimes is { } times)
        {
            return [.. times];
        }

        var span = StopTime - StartTime;
        var interval = OutputInterval ?? span / DefaultOutputIntervals;

        // Grid points are start + k·interval; one that rounding puts within a millionth of an interval of the stop
        // time is the stop time, which is always recorded.
        var intervals = (long)Math.Floor(span / interval + 1e-6);
        var onGrid = StartTime + intervals * interval >= StopTime - 1e-6 * interval;
        var count = intervals + (onGrid ? 1 : 2);
        // For intervals like 0.1 or 0.05, k / 20 is the correctly rounded decimal where k · 0.05 is not
        // (3 · 0.05 = 0.15000000000000002), which keeps written times tidy.
        var perUnit = 1.0 / interval;
        var wholePerUnit = Math.Round(perUnit);
        var useDivision = wholePerUnit >= 1 && Math.Abs(perUnit - wholePerUnit) <= 1e-9 * perUnit;
        var result = new double[count];
        for (var k = 0; k < count - 1; k++)
        {
            result[k] = StartTime + (useDivision ? k / wholePerUnit : k * interval);
        }

        result[^1] = StopTime;
        return result;
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
