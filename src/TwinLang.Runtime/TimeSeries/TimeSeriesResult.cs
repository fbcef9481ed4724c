namespace TwinLang.Runtime.TimeSeries;

/// <summary>
/// Recorded values at output times: one row per time, one column per variable, stored row-major in one array
/// allocated up front for every requested output time, so recording allocates nothing.
/// </summary>
public sealed class TimeSeriesResult
{
    private readonly ResultColumn[] _columns;
    private readonly double[] _times;
    private readonly double[] _values;

    /// <summary>Creates an empty store for up to <paramref name="capacity"/> rows of <paramref name="columns"/>.</summary>
    public TimeSeriesResult(IReadOnlyList<ResultColumn> columns, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _columns = [.. columns];
        _times = new double[capacity];
        _values = new double[capacity * _columns.Length];
    }

    /// <summary>The recorded variables, without time.</summary>
    public IReadOnlyList<ResultColumn> Columns => _columns;

    /// <summary>The number of rows recorded.</summary>
    public int Count { get; private set; }

    /// <summary>The number of rows the store can hold.</summary>
    public int Capacity => _times.Length;

    /// <summary>The recorded times.</summary>
    public ReadOnlySpan<double> Times => _times.AsSpan(0, Count);

    /// <summary>The value of <paramref name="column"/> in <paramref name="row"/>.</summary>
    public double this[int row, int column] => Row(row)[column];

    /// <summary>
    /// The columns recorded for a model: its states, then its inputs, then its outputs, then its discrete
    /// variables, in description order.
    /// </summary>
    public static IReadOnlyList<ResultColumn> ColumnsFor(ModelDescription description)
    {
        var columns = new List<ResultColumn>(description.States.Count + description.Inputs.Count + description.Outputs.Count + description.Discretes.Count);
        foreach (var kind in (ReadOnlySpan<VariableKind>)[VariableKind.State, VariableKind.Input, VariableKind.Output, VariableKind.Discrete])
        {
            foreach (var variable in description.Variables(kind))
            {
                columns.Add(new ResultColumn(variable.Name, variable.Unit, kind));
            }
        }

        return columns;
    }

    /// <summary>The values of row <paramref name="row"/>.</summary>
    public ReadOnlySpan<double> Row(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Count);
        return _values.AsSpan(row * _columns.Length, _columns.Length);
    }

    /// <summary>A copy of column <paramref name="column"/> over all recorded rows.</summary>
    public double[] Column(int column)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, _columns.Length);
        var values = new double[Count];
        for (var row = 0; row < Count; row++)
        {
            values[row] = _values[row * _columns.Length + column];
        }

        return values;
    }

    /// <summary>The index of the column named <paramref name="name"/> (ordinal), or -1.</summary>
    public int IndexOf(string name) => Array.FindIndex(_columns, c => string.Equals(c.Name, name, StringComparison.Ordinal));

    /// <summary>
    /// A copy restricted to the columns named <paramref name="names"/> (ordinal), in the order given; names without a
    /// column are skipped. Every column when none are named.
    /// </summary>
    public TimeSeriesResult Select(IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            return this;
        }

        var indices = names.Select(IndexOf).Where(i => i >= 0).ToArray();
        var selected = new TimeSeriesResult([.. indices.Select(i => _columns[i])], Count);
        for (var row = 0; row < Count; row++)
        {
            var values = Row(row);
            var target = selected.AddRow(_times[row]);
            for (var i = 0; i < indices.Length; i++)
            {
                target[i] = values[indices[i]];
            }
        }

        return selected;
    }

    /// <summary>Appends a row at <paramref name="time"/> and returns its values for the caller to fill.</summary>
    public Span<double> AddRow(double time)
    {
        if (Count == Capacity)
        {
            throw new InvalidOperationException("The result store is full; its capacity is the number of output times.");
        }

        _times[Count] = time;
        Count++;
        return _values.AsSpan((Count - 1) * _columns.Length, _columns.Length);
    }
}
