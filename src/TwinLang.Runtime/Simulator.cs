using System.Diagnostics;
using System.Globalization;
using TwinLang.Runtime.Events;
using TwinLang.Runtime.Loops;
using TwinLang.Runtime.Solvers;
using TwinLang.Runtime.TimeSeries;

namespace TwinLang.Runtime;

/// <summary>
/// Runs a model from its start to its stop time and records states, inputs and outputs at the output times
/// through the solver's dense output. Never throws on a model's numerical trouble or on invalid options: those end
/// in a <see cref="SimulationResult"/> with a <see cref="SimulationFailure"/>.
/// </summary>
public static class Simulator
{
    /// <summary>Runs <paramref name="model"/> with its current parameter values.</summary>
    public static SimulationResult Run(ITwinModel model, SimulationOptions options)
    {
        var description = model.Description;
        var stateCount = description.States.Count;
        var columns = TimeSeriesResult.ColumnsFor(description);
        var setupError = options.Validate(stateCount) ?? ValidateModelArrays(model);
        if (setupError is not null)
        {
            var failure = new SimulationFailure(SimulationFailureKind.InvalidSetup, options.StartTime, VariableKind.State, -1, string.Empty, setupError);
            return new SimulationResult(new TimeSeriesResult(columns, 0), new SolverStatistics(), failure);
        }

        var outputTimes = options.ResolveOutputTimes();
        var series = new TimeSeriesResult(columns, outputTimes.Length);
        var solver = SolverFactory.Create(new ModelOdeSystem(model, options.Inputs), options.Solver);
        var driver = model is ITwinModelEvents events && HasDiscreteBehaviour(model.Description) ? new EventDriver(model, events, options, solver) : null;
        var stopwatch = Stopwatch.StartNew();
        SimulationFailure? failureOrNull;
        try
        {
            failureOrNull = Integrate(model, options, solver, driver, outputTimes, series);
        }
        catch (AlgebraicLoopException loop)
        {
            // Generated code reports a failed loop by throwing from deep inside a solver step; this is the one place
            // it becomes a structured failure.
            failureOrNull = new SimulationFailure(loop.Loop.IsInitial ? SimulationFailureKind.InitializationFailed : SimulationFailureKind.AlgebraicLoopNotConverged, loop.Loop.IsInitial ? options.StartTime : loop.Time, VariableKind.Output, -1, loop.VariableList, loop.Message);
        }

        solver.Statistics.WallTime = stopwatch.Elapsed;
        return new SimulationResult(series, solver.Statistics, failureOrNull)
        {
            Events = driver is null ? [] : [.. driver.Log],
            Termination = driver?.Termination,
        };
    }

    private static bool HasDiscreteBehaviour(ModelDescription description) =>
        description.EventIndicatorCount > 0 || description.Clocks.Count > 0 || description.Discretes.Count > 0;

    private static SimulationFailure? Integrate(ITwinModel model, SimulationOptions options, OdeSolver solver, EventDriver? driver, double[] outputTimes, TimeSeriesResult series)
    {
        var x0 = new double[model.Description.States.Count];
        model.InitialState(x0);
        if (driver?.Start(options.StartTime, x0) is { } startFailure)
        {
            return startFailure;
        }

        if (!solver.Initialize(options.StartTime, x0))
        {
            return solver.Failure;
        }

        var nextOutput = 0;
        var nextReport = 0.0;
        while (true)
        {
            // At an event time the solver has restarted from the state after the event, so an output time equal to
            // it records the right limit; the outputs before it were recorded from the step that found the event.
            if (RecordUntil(model, options.Inputs, solver, outputTimes, ref nextOutput, solver.Time, inclusive: true, series) is { } recordFailure)
            {
                return recordFailure;
            }

            if (driver?.Termination is not null)
            {
                var last = series.Count == 0 ? double.NegativeInfinity : series.Times[^1];
                return last < solver.Time && series.Count < series.Capacity ? Record(model, options.Inputs, solver, solver.Time, series) : null;
            }

            var progress = new SimulationProgress(solver.Time, options.StartTime, options.StopTime, solver.Statistics.AcceptedSteps);
            if (options.Progress is { } report && (progress.Fraction >= nextReport || solver.Time >= options.StopTime))
            {
                report(progress);
                nextReport = progress.Fraction + options.ProgressInterval;
            }

            if (solver.Time >= options.StopTime)
            {
                return null;
            }

            if (options.Cancellation.IsCancellationRequested)
            {
                return new SimulationFailure(
                    SimulationFailureKind.Cancelled,
                    solver.Time,
                    VariableKind.State,
                    -1,
                    string.Empty,
                    $"The run was cancelled at t = {solver.Time.ToString("G6", CultureInfo.InvariantCulture)}.");
            }

            if (!solver.Step(driver is null ? options.StopTime : Math.Min(options.StopTime, driver.NextTick)))
            {
                return solver.Failure;
            }

            if (driver is not null && driver.Detect() is var eventTime && !double.IsNaN(eventTime))
            {
                if (RecordUntil(model, options.Inputs, solver, outputTimes, ref nextOutput, eventTime, inclusive: false, series) is { } beforeEvent)
                {
                    return beforeEvent;
                }

                if (driver.Handle(eventTime) is { } eventFailure)
                {
                    return eventFailure;
                }
            }
        }
    }

    /// <summary>Records the output times up to <paramref name="until"/> from the solver's last step.</summary>
    private static SimulationFailure? RecordUntil(ITwinModel model, IInputProvider? inputs, OdeSolver solver, double[] outputTimes, ref int nextOutput, double until, bool inclusive, TimeSeriesResult series)
    {
        while (nextOutput < outputTimes.Length && (outputTimes[nextOutput] < until || (inclusive && outputTimes[nextOutput] == until)))
        {
            var failure = Record(model, inputs, solver, outputTimes[nextOutput], series);
            if (failure is not null)
            {
                return failure;
            }

            nextOutput++;
        }

        return null;
    }

    /// <summary>Writes one row: interpolated states, inputs at that time, and the outputs computed from them.</summary>
    private static SimulationFailure? Record(ITwinModel model, IInputProvider? inputs, OdeSolver solver, double t, TimeSeriesResult series)
    {
        var description = model.Description;
        var stateCount = description.States.Count;
        var inputCount = description.Inputs.Count;
        var row = series.AddRow(t);
        var states = row[..stateCount];
        var outputs = row.Slice(stateCount + inputCount, description.Outputs.Count);
        solver.Interpolate(t, states);
        inputs?.Evaluate(t, model.InputValues);
        model.InputValues.AsSpan().CopyTo(row.Slice(stateCount, inputCount));
        model.Outputs(t, states, outputs);
        if (model is ITwinModelEvents events)
        {
            events.DiscreteValues.AsSpan().CopyTo(row[(stateCount + inputCount + outputs.Length)..]);
        }

        for (var i = 0; i < outputs.Length; i++)
        {
            if (!double.IsFinite(outputs[i]))
            {
                var name = description.Outputs[i].Name;
                var what = double.IsNaN(outputs[i]) ? "NaN" : "infinite";
                return new SimulationFailure(
                    SimulationFailureKind.NonFiniteValue,
                    t,
                    VariableKind.Output,
                    i,
                    name,
                    $"The value of '{name}' became {what} at t = {t.ToString("G6", CultureInfo.InvariantCulture)}.");
            }
        }

        return null;
    }

    private static string? ValidateModelArrays(ITwinModel model)
    {
        var description = model.Description;
        if (model.ParameterValues.Length != description.Parameters.Count)
        {
            return $"The model '{description.Name}' declares {description.Parameters.Count.ToString(CultureInfo.InvariantCulture)} parameters but stores {model.ParameterValues.Length.ToString(CultureInfo.InvariantCulture)} values.";
        }

        if (model is ITwinModelEvents events && events.DiscreteValues.Length != description.Discretes.Count)
        {
            return $"The model '{description.Name}' declares {description.Discretes.Count.ToString(CultureInfo.InvariantCulture)} discrete variables but stores {events.DiscreteValues.Length.ToString(CultureInfo.InvariantCulture)} values.";
        }

        if (model.InputValues.Length != description.Inputs.Count)
        {
            return $"The model '{description.Name}' declares {description.Inputs.Count.ToString(CultureInfo.InvariantCulture)} inputs but stores {model.InputValues.Length.ToString(CultureInfo.InvariantCulture)} values.";
        }

        return null;
    }
}
