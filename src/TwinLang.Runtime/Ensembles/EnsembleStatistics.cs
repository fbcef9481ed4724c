using System.Globalization;
using TwinLang.Runtime.TimeSeries;

namespace TwinLang.Runtime.Ensembles;

/// <summary>
/// Summarises member series that share their output times: per column and time, the mean, the sample standard
/// deviation (n - 1; 0 for one member) and percentiles. Percentiles interpolate linearly between order statistics
/// (Hyndman and Fan's type 7, the default of R and NumPy): with the n values sorted, percentile q is at rank
/// h = (n - 1) q / 100, between the values at floor(h) and floor(h) + 1.
/// </summary>
public static class EnsembleStatistics
{
    /// <summary>
    /// The summary series: for each member column <c>x [u]</c>, the columns <c>x.mean</c>, <c>x.sd</c> and one per
    /// percentile (<c>x.p05</c>, <c>x.p50</c>, <c>x.p95</c>), each with unit <c>u</c>. Sums run in member order, so
    /// the result is the same however the members were computed.
    /// </summary>
    public static TimeSeriesResult Compute(IReadOnlyList<TimeSeriesResult> members, IReadOnlyList<double> percentiles)
    {
        ArgumentOutOfRangeException.ThrowIfZero(members.Count);
        var first = members[0];
        var labels = percentiles.Select(Label).ToArray();
        var columns = new List<ResultColumn>();
        foreach (var column in first.Columns)
        {
            columns.Add(column with { Name = column.Name + ".mean" });
            columns.Add(column with { Name = column.Name + ".sd" });
            columns.AddRange(labels.Select(label => column with { Name = column.Name + "." + label }));
        }

        var rows = members.Min(m => m.Count);
        var result = new TimeSeriesResult(columns, rows);
        var values = new double[members.Count];
        var width = 2 + percentiles.Count;
        for (var row = 0; row < rows; row++)
        {
            var target = result.AddRow(first.Times[row]);
            for (var column = 0; column < first.Columns.Count; column++)
            {
                for (var m = 0; m < members.Count; m++)
                {
                    values[m] = members[m][row, column];
                }

                var mean = Mean(values);
                target[column * width] = mean;
                target[column * width + 1] = StandardDeviation(values, mean);
                Array.Sort(values);
                for (var p = 0; p < percentiles.Count; p++)
                {
                    target[column * width + 2 + p] = Percentile(values, percentiles[p]);
                }
            }
        }

        return result;
    }

    /// <summary>Percentile <paramref name="percent"/> (0..100) of values sorted ascending, type 7; NaN when there are none.</summary>
    public static double Percentile(ReadOnlySpan<double> sorted, double percent)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (sorted.Length - 1) * percent / 100;
        var below = (int)Math.Floor(rank);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }

    /// <summary>A percentile's column suffix: <c>p05</c>, <c>p50</c>, <c>p95</c>, <c>p2.5</c>.</summary>
    public static string Label(double percent) =>
        percent == Math.Floor(percent) ? "p" + percent.ToString("00", CultureInfo.InvariantCulture) : "p" + percent.ToString(CultureInfo.InvariantCulture);

    private static double Mean(double[] values)
    {
        var sum = 0.0;
        foreach (var value in values)
        {
            sum += value;
        }

        return sum / values.Length;
    }

    private static double StandardDeviation(double[] values, double mean)
    {
        if (values.Length < 2)
        {
            return 0;
        }

        var sum = 0.0;
        foreach (var value in values)
        {
            sum += (value - mean) * (value - mean);
        }

        return Math.Sqrt(sum / (values.Length - 1));
    }
}
