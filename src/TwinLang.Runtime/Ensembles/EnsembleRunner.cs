using System.Diagnostics;
using TwinLang.Runtime.TimeSeries;

namespace TwinLang.Runtime.Ensembles;

/// <summary>
/// Runs a Monte-Carlo ensemble in parallel: member k clones the prototype (so it starts from the prototype's
/// parameters and inputs whatever ran before on its thread), draws its parameters from random stream k, and runs
/// <see cref="Simulator.Run"/>. Results are collected by member number and summarised in member order, so they are
/// bit-identical for any thread count and any scheduling.
/// </summary>
public static class EnsembleRunner
{
    /// <summary>
    /// Runs the ensemble. <paramref name="simulation"/> is shared by all members, so its input provider must be safe to
    /// call from several threads (the signal providers are: signals are pure functions of time). Its progress callback
    /// is not used. When <see cref="EnsembleOptions.Validate"/> refuses the options, no member runs and the result
    /// carries an <see cref="SimulationFailureKind.InvalidSetup"/> failure.
    /// </summary>
    public static EnsembleResult Run(ITwinModel prototype, SimulationOptions simulation, EnsembleOptions options)
    {
        if (options.Validate(prototype.Description.Parameters.Count) is { } invalid)
        {
            var failure = new SimulationFailure(SimulationFailureKind.InvalidSetup, simulation.StartTime, VariableKind.Parameter, -1, string.Empty, invalid);
            return new EnsembleResult([], [], null, 0, TimeSpan.Zero, failure);
        }

        var memberOptions = simulation with { Progress = null };
        var drawn = options.Draws.SelectMany(d => d.Parameters).ToArray();
        var columns = options.Columns;
        var clock = Stopwatch.StartNew();
        var members = ParallelRuns.Map(options.Members, options.Threads, index => RunMember(prototype, memberOptions, options, drawn.Length, index + 1, columns));
        var succeeded = members.Where(m => m.Series is not null && m.Succeeded).Select(m => m.Series ?? throw new UnreachableException()).ToList();
        var statistics = succeeded.Count == 0 ? null : EnsembleStatistics.Compute(succeeded, options.Percentiles);
        var threads = Math.Min(options.Threads, options.Members);
        var kept = options.KeepMemberSeries ? members : [.. members.Select(m => m with { Series = null })];
        return new EnsembleResult(kept, drawn, statistics, threads, clock.Elapsed);
    }

    private static EnsembleMember RunMember(ITwinModel prototype, SimulationOptions simulation, EnsembleOptions options, int drawCount, int number, IReadOnlyList<string>? columns)
    {
        var model = prototype.Clone();
        var random = EnsembleRandom.ForStream(options.Seed, (ulong)number);
        var draws = new double[drawCount];
        var next = 0;
        foreach (var draw in options.Draws)
        {
            foreach (var parameter in draw.Parameters)
            {
                var value = draw.Distribution.Sample(ref random);
                model.ParameterValues[parameter] = value;
                draws[next++] = value;
            }
        }

        var result = Simulator.Run(model, simulation);
        var series = columns is null ? result.Series : result.Series.Select(columns);
        options.MemberFinished?.Invoke(number);
        return new EnsembleMember(number, draws, result.Failure, result.Statistics, series);
    }
}
