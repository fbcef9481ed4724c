using System.Diagnostics;
using System.Globalization;
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
        var stopwatch = Stopwatch.StartNew();
        SimulationFailure? failureOrNull;
        try
        {
            failureOrNull = Integrate(model, options, solver, outputTimes, series);
        }
        catch (AlgebraicLoopException loop)
        {
            // Generated code reports a failed loop by throwing from deep inside a solver step; this is the one place
            // it becomes a structured failure.
            failureOrNull = new SimulationFailure(loop.Loop.IsInitial ? SimulationFailureKind.InitializationFailed : SimulationFailureKind.AlgebraicLoopNotConverged, loop.Loop.IsInitial ? options.StartTime : loop.Time, VariableKind.Output, -1, loop.VariableList, loop.Message);
        }

        solver.Statistics.WallTime = stopwatch.Elapsed;
        return new SimulationResult(series, solver.Statistics, failureOrNull);
    }

    private static SimulationFailure? Integrate(ITwinModel model, SimulationOptions options, OdeSolver solver, double[] outputTimes, TimeSeriesResult series)
    {
        var x0 = new double[model.Description.States.Count];
        model.InitialState(x0);
        if (!solver.Initialize(options.StartTime, x0))
        {
            return solver.Failure;
        }

        var nextOutput = 0;
        var nextReport = 0.0;
        while (true)
        {
            while (nextOutput < outputTimes.Length && outputTimes[nextOutput] <= solver.Time)
            {
                var failure = Record(model, options.Inputs, solver, outputTimes[nextOutput], series);
                if (failure is not null)
                {
                    return failure;
                }

                nextOutput++;
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

            if (!solver.Step(options.StopTime))
            {
                return solver.Failure;
            }
        }
    }

    /// <summary>Writes one row: interpolated states, inputs at that time, and the outputs computed from them.</summary>
    private static SimulationFailure? Record(ITwinModel model, IInputProvider? inputs, OdeSolver solver, double t, TimeSeriesResult series)
    {
        var description = model.Description;
        var stateCount = description.States.Count;
        var inputCount = description.Inputs.Count;
        var row = series.AddRow(t);
        var states = row[..stateCount];
        var outputs = row[(stateCount + inputCount)..];
        solver.Interpolate(t, states);
        inputs?.Evaluate(t, model.InputValues);
        model.InputValues.AsSpan().CopyTo(row.Slice(stateCount, inputCount));
        model.Outputs(t, states, outputs);
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

        if (model.InputValues.Length != description.Inputs.Count)
        {
            return $"The model '{description.Name}' declares {description.Inputs.Count.ToString(CultureInfo.InvariantCulture)} inputs but stores {model.InputValues.Length.ToString(CultureInfo.InvariantCulture)} values.";
        }

        return null;
    }
}
