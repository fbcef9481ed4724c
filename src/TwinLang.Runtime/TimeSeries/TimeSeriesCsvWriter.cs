using System.Globalization;

namespace TwinLang.Runtime.TimeSeries;

/// <summary>
/// Writes a <see cref="TimeSeriesResult"/> as CSV in the format <see cref="TimeSeriesCsvReader"/> reads: a header
/// of <c>name [unit]</c> cells starting with <c>time [s]</c>, then one row per output time. Numbers are in the
/// invariant culture in their shortest round-trippable form, and lines end in <c>\n</c>, so output is
/// byte-identical across machines and cultures.
/// </summary>
public static class TimeSeriesCsvWriter
{
    /// <summary>Writes all columns of <paramref name="result"/> to <paramref name="writer"/>.</summary>
    public static void Write(TextWriter writer, TimeSeriesResult result)
    {
        writer.Write(CsvLine.Quote(CsvHeaderCell.Format("time", "s")));
        foreach (var column in result.Columns)
        {
            writer.Write(',');
            writer.Write(CsvLine.Quote(CsvHeaderCell.Format(column.Name, column.Unit)));
        }

        writer.Write('\n');
        var times = result.Times;
        for (var row = 0; row < result.Count; row++)
        {
            writer.Write(Format(times[row]));
            foreach (var value in result.Row(row))
            {
                writer.Write(',');
                writer.Write(Format(value));
            }

            writer.Write('\n');
        }
    }

    /// <summary>
    /// Writes several results with the same columns as one long table (a parameter sweep): each row starts with the
    /// key cells of its block (<paramref name="keys"/> gives their names and units, for example <c>point</c> and
    /// <c>kp [W/K]</c>), then time and the values. Blocks follow one another in the order given. The times repeat,
    /// so <see cref="TimeSeriesCsvReader"/> does not read it back; analysis tools group by the key columns.
    /// </summary>
    public static void WriteStacked(TextWriter writer, IReadOnlyList<ResultColumn> keys, IReadOnlyList<(IReadOnlyList<double> Keys, TimeSeriesResult Series)> blocks)
    {
        var cells = keys.Select(k => CsvHeaderCell.Format(k.Name, k.Unit)).Append(CsvHeaderCell.Format("time", "s"));
        var columns = blocks.Count == 0 ? [] : blocks[0].Series.Columns;
        writer.Write(string.Join(",", cells.Concat(columns.Select(c => CsvHeaderCell.Format(c.Name, c.Unit))).Select(CsvLine.Quote)));
        writer.Write('\n');
        foreach (var (values, series) in blocks)
        {
            var prefix = string.Concat(values.Select(v => Format(v) + ","));
            for (var row = 0; row < series.Count; row++)
            {
                writer.Write(prefix);
                writer.Write(Format(series.Times[row]));
                foreach (var value in series.Row(row))
                {
                    writer.Write(',');
                    writer.Write(Format(value));
                }

                writer.Write('\n');
            }
        }
    }

    /// <summary>Writes <paramref name="result"/> to a string.</summary>
    public static string WriteToString(TimeSeriesResult result)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(writer, result);
        return writer.ToString();
    }

    // "R" is the shortest string that parses back to the same double on .NET Core 3.0 and later.
    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
