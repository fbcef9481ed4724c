using System.Globalization;
using TwinLang.Runtime;
using TwinLang.Runtime.Ensembles;
using TwinLang.Runtime.TimeSeries;

namespace TwinLang.Cli.Running;

/// <summary>
/// The files of a study. Without sweeps the CSV is the ensemble's statistics in the ordinary results format
/// (<c>time [s]</c>, then <c>x.mean</c>, <c>x.sd</c>, <c>x.p05</c>, <c>x.p50</c>, <c>x.p95</c> per variable), which
/// <c>csv(...)</c> inputs can read again. With sweeps it is one long table: <c>point</c>, one column per swept
/// parameter, then time and the values (or statistics) of that point. The plot draws each chosen variable per
/// point, an ensemble's mean as a line over its shaded p05..p95 band.
/// </summary>
public static class StudyOutputs
{

    /// <summary>The results CSV.</summary>
    public static string Csv(StudyOutcome outcome)
    {
        var blocks = outcome.Points.Where(p => p.Series is not null).Select(p => ((IReadOnlyList<double>)[p.Number, .. p.Values], p.Series ?? throw new InvalidOperationException())).ToList();
        if (outcome.SweepColumns.Count == 0)
        {
            return blocks.Count == 0 ? string.Empty : TimeSeriesCsvWriter.WriteToString(blocks[0].Item2);
        }

        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        TimeSeriesCsvWriter.WriteStacked(writer, [new ResultColumn("point", string.Empty, VariableKind.Parameter), .. outcome.SweepColumns], blocks);
        return writer.ToString();
    }

    /// <summary>Each kept member series as CSV, named by a file suffix (<c>member-007</c>, or <c>point-2.member-007</c> with sweeps).</summary>
    public static IEnumerable<(string Suffix, string Csv)> MemberCsvs(StudyOutcome outcome)
    {
        foreach (var point in outcome.Points)
        {
            var members = point.Ensemble?.Members ?? [];
            var digits = members.Count.ToString(CultureInfo.InvariantCulture).Length;
            foreach (var member in members)
            {
                if (member.Series is { } series)
                {
                    var name = "member-" + member.Number.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0');
                    yield return (outcome.SweepColumns.Count == 0 ? name : $"point-{point.Number.ToString(CultureInfo.InvariantCulture)}.{name}", TimeSeriesCsvWriter.WriteToString(series));
                }
            }
        }
    }

    /// <summary>
    /// The plot: <paramref name="variables"/> (result column names) per point, or the first variable when null. With
    /// one variable the title names it and each legend entry is the point's swept values (or the statistic).
    /// </summary>
    public static string Svg(StudyOutcome outcome, string title, IReadOnlyList<string>? variables)
    {
        var drawn = outcome.Points.Where(p => p.Series is not null).ToList();
        var isEnsemble = drawn.Any(p => p.Ensemble is not null);
        var first = drawn.FirstOrDefault()?.Series;
        var names = variables ?? Variables(first, isEnsemble);
        var single = names.Count == 1;
        var percentiles = EnsembleOptions.DefaultPercentiles;
        var low = EnsembleStatistics.Label(percentiles[0]);
        var high = EnsembleStatistics.Label(percentiles[^1]);
        var longest = drawn.Select(p => p.Series).MaxBy(s => s?.Count ?? 0);
        var columns = new List<ResultColumn>();
        var sources = new List<(TimeSeriesResult Series, int Column)>();
        var lines = new List<int>();
        var bands = new List<SvgBand>();
        foreach (var point in drawn)
        {
            var series = point.Series ?? throw new InvalidOperationException();
            var values = StudyRunner.Values(outcome.SweepColumns, point.Values);
            foreach (var name in names)
            {
                var main = series.IndexOf(isEnsemble ? name + ".mean" : name);
                if (main < 0)
                {
                    continue;
                }

                lines.Add(Add(series, main, values.Length == 0 && isEnsemble && single ? $"mean, {low}..{high}" : values));
                var lower = series.IndexOf(name + "." + low);
                var upper = series.IndexOf(name + "." + high);
                if (isEnsemble && lower >= 0 && upper >= 0)
                {
                    bands.Add(new SvgBand(Add(series, lower, values), Add(series, upper, values), lines.Count - 1));
                }
            }
        }

        var wide = new TimeSeriesResult(columns, longest?.Count ?? 0);
        for (var row = 0; row < wide.Capacity; row++)
        {
            var target = wide.AddRow(longest?.Times[row] ?? 0);
            for (var c = 0; c < sources.Count; c++)
            {
                target[c] = row < sources[c].Series.Count ? sources[c].Series[row, sources[c].Column] : double.NaN;
            }
        }

        var members = drawn.Select(p => p.Ensemble?.Members.Count ?? 0).FirstOrDefault();
        var subtitle = isEnsemble ? $": mean and {low}..{high} of {members.ToString(CultureInfo.InvariantCulture)} members" : string.Empty;
        var what = single && first is not null && first.IndexOf(isEnsemble ? names[0] + ".mean" : names[0]) is var index and >= 0
            ? $": {names[0]}{(first.Columns[index].Unit.Length == 0 ? string.Empty : $" [{first.Columns[index].Unit}]")}"
            : string.Empty;
        var options = new SvgPlotOptions { Title = title + what + subtitle, Columns = lines, Bands = bands, LegendUnits = !single };
        return SvgPlotWriter.WriteToString(wide, options);

        // One variable: the legend tells points apart by their values (or, without sweeps, shows the statistic).
        int Add(TimeSeriesResult series, int column, string values)
        {
            var source = series.Columns[column];
            var name = !single ? (values.Length == 0 ? source.Name : $"{source.Name}, {values}") : values.Length == 0 ? source.Name : values;
            columns.Add(source with { Name = name });
            sources.Add((series, column));
            return columns.Count - 1;
        }
    }

    /// <summary>The variables of a statistics or run series: names without the statistic suffix, in column order.</summary>
    private static List<string> Variables(TimeSeriesResult? series, bool isEnsemble)
    {
        if (series is null)
        {
            return [];
        }

        var names = series.Columns.Select(c => c.Name)
            .Where(n => !isEnsemble || n.EndsWith(".mean", StringComparison.Ordinal))
            .Select(n => isEnsemble ? n[..^".mean".Length] : n);
        return [.. names.Take(1)];
    }
}
