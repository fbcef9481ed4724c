using TwinLang.Runtime.Signals;

namespace TwinLang.Runtime.TimeSeries;

/// <summary>What <see cref="TimeSeriesCsvReader"/> found: the converted data when the file is valid, and every error otherwise.</summary>
public sealed class CsvReadResult
{
    internal CsvReadResult(IReadOnlyList<double> times, IReadOnlyList<CsvColumn> columns, IReadOnlyList<CsvError> errors)
    {
        Times = times;
        Columns = columns;
        Errors = errors;
    }

    /// <summary>Whether the file had no errors; only then are <see cref="Times"/> and <see cref="Columns"/> filled.</summary>
    public bool Succeeded => Errors.Count == 0;

    /// <summary>The problems found, in file order (header problems first).</summary>
    public IReadOnlyList<CsvError> Errors { get; }

    /// <summary>The times of the data rows, converted to seconds.</summary>
    public IReadOnlyList<double> Times { get; }

    /// <summary>The columns read, in the order they were requested (or in file order when all were read).</summary>
    public IReadOnlyList<CsvColumn> Columns { get; }

    /// <summary>
    /// The column named <paramref name="name"/> as a signal over time; null when the read failed or no such
    /// column was read.
    /// </summary>
    public PiecewiseLinearSignal? Signal(string name, TableInterpolation interpolation = TableInterpolation.Linear)
    {
        if (!Succeeded)
        {
            return null;
        }

        foreach (var column in Columns)
        {
            if (string.Equals(column.Name, name, StringComparison.Ordinal))
            {
                return new PiecewiseLinearSignal(Times, column.Values, interpolation);
            }
        }

        return null;
    }
}
