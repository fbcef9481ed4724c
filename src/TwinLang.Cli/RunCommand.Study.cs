using System.CommandLine;
using System.Globalization;
using TwinLang.Binding;
using TwinLang.Cli.Running;
using TwinLang.Diagnostics;
using TwinLang.Lowering.Scenarios;
using TwinLang.Runtime;
using TwinLang.Runtime.Ensembles;
using TwinLang.Runtime.Signals;

namespace TwinLang.Cli;

// Scenarios with sweeps or an ensemble: run every point (and member) in parallel, write the statistics or the long
// sweep table with its plot, optionally every member's CSV, and summarise members, failures, threads and wall time.
public static partial class RunCommand
{
    /// <summary>Points whose final values the summary lists before it stops.</summary>
    private const int SummaryPoints = 10;

    private static Option<int?> ThreadsOption()
    {
        var threads = new Option<int?>("--threads") { Description = "The most threads for sweeps and ensembles (default: the processor count); results are the same for any count." };
        threads.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1)
            {
                result.AddError("Option '--threads' expects a positive number.");
            }
        });
        return threads;
    }

    private static int ExecuteStudy(CliContext context, RunArguments arguments, ScenarioPlan plan, ITwinModel twin, IReadOnlyDictionary<string, ISignal> signals, SymbolLocation anchor, string csvPath, List<Diagnostic> diagnostics)
    {
        var progress = arguments.Quiet ? null : new ProgressLine(context.Error);
        var outcome = StudyRunner.Run(twin, plan, signals, anchor, arguments.Threads ?? Environment.ProcessorCount, arguments.MemberCsv, progress is null ? null : progress.ReportRuns);
        progress?.Finish();
        diagnostics.AddRange(outcome.Diagnostics);
        if (outcome.Points.Count == 0)
        {
            return ExitCodes.Errors;
        }

        var svgPath = Path.ChangeExtension(csvPath, ".svg");
        var title = $"{plan.ScenarioName} ({plan.AssetName})";
        var plot = arguments.Plot?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var path = csvPath;
        try
        {
            File.WriteAllText(path, StudyOutputs.Csv(outcome));
            path = svgPath;
            File.WriteAllText(path, StudyOutputs.Svg(outcome, title, plot));
            if (arguments.MemberCsv)
            {
                var folder = Path.ChangeExtension(csvPath, ".members");
                Directory.CreateDirectory(folder);
                foreach (var (suffix, csv) in StudyOutputs.MemberCsvs(outcome))
                {
                    path = Path.Combine(folder, suffix + ".csv");
                    File.WriteAllText(path, csv);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(DiagnosticCatalog.At(anchor.Source, anchor.Span).OutputNotWritable(path, e.Message));
            return ExitCodes.Errors;
        }

        if (!arguments.Quiet)
        {
            WriteStudySummary(context.Out, plan, outcome, Path.GetRelativePath(context.WorkingDirectory, csvPath), Path.GetRelativePath(context.WorkingDirectory, svgPath));
        }

        return outcome.Succeeded && !diagnostics.Any(d => d.IsError) ? ExitCodes.Success : ExitCodes.Errors;
    }

    private static void WriteStudySummary(TextWriter output, ScenarioPlan plan, StudyOutcome outcome, string csv, string svg)
    {
        output.Write(Invariant($"Ran scenario '{plan.ScenarioName}' of '{plan.AssetName}': t = {plan.StartTime:G6} s .. {plan.StopTime:G6} s with {plan.Solver.Name}\n"));
        if (plan.Sweeps.Count > 0)
        {
            output.Write(Invariant($"Sweep: {outcome.Points.Count} points over {string.Join(", ", plan.Sweeps.Select(s => $"'{s.Name}'"))}\n"));
        }

        if (plan.Ensemble is { } ensemble)
        {
            var perPoint = plan.Sweeps.Count > 0 ? " per point" : string.Empty;
            output.Write(Invariant($"Ensemble: {ensemble.Members} members{perPoint} (seed {ensemble.Seed}), {outcome.FailedMembers} of {outcome.Members} failed\n"));
        }

        output.Write(Invariant($"Threads: {outcome.Threads}, wall time {outcome.WallTime.TotalMilliseconds:F0} ms\n"));
        foreach (var point in outcome.Points.Take(SummaryPoints))
        {
            var prefix = plan.Sweeps.Count == 0 ? "  " : $"  point {point.Number.ToString(CultureInfo.InvariantCulture)} ({StudyRunner.Values(outcome.SweepColumns, point.Values)}): ";
            output.Write(prefix + FinalValues(point) + "\n");
        }

        output.Write($"Wrote {csv} and {svg}\n");
    }

    /// <summary>The last row of a point: values of a run, or mean and outer percentiles of an ensemble, for the first few variables.</summary>
    private static string FinalValues(StudyPoint point)
    {
        if (point.Series is not { Count: > 0 } series)
        {
            return "no results";
        }

        var last = series.Row(series.Count - 1);
        var parts = new List<string>();
        for (var i = 0; i < series.Columns.Count && parts.Count < DefaultPlotColumns; i++)
        {
            var column = series.Columns[i];
            var unit = column.Unit.Length == 0 ? string.Empty : " " + column.Unit;
            if (point.Ensemble is null)
            {
                parts.Add(Invariant($"{column.Name} = {last[i]:G6}{unit}"));
            }
            else if (column.Name.EndsWith(".mean", StringComparison.Ordinal))
            {
                var name = column.Name[..^".mean".Length];
                var (lowLabel, highLabel) = (EnsembleStatistics.Label(EnsembleOptions.DefaultPercentiles[0]), EnsembleStatistics.Label(EnsembleOptions.DefaultPercentiles[^1]));
                var low = series.IndexOf(name + "." + lowLabel);
                var high = series.IndexOf(name + "." + highLabel);
                var band = low >= 0 && high >= 0 ? Invariant($" ({lowLabel} {last[low]:G6}, {highLabel} {last[high]:G6})") : string.Empty;
                parts.Add(Invariant($"{name} = {last[i]:G6}{unit}{band}"));
            }
        }

        return string.Join(", ", parts);
    }
}
