namespace TwinLang.Runtime.Signals;

/// <summary>
/// A table of (time, value) points (<c>pwl</c> and <c>csv</c> inputs): interpolated between points, held
/// constant before the first and after the last. Evaluation is a binary search, so the signal stays pure and
/// can be shared by ensemble members running in parallel.
/// </summary>
public sealed class PiecewiseLinearSignal : ISignal
{
    private readonly double[] _times;
    private readonly double[] _values;

    /// <summary>Creates the table; <paramref name="times"/> must be finite and strictly increasing.</summary>
    public PiecewiseLinearSignal(IReadOnlyList<double> times, IReadOnlyList<double> values, TableInterpolation interpolation = TableInterpolation.Linear)
    {
        if (times.Count == 0 || times.Count != values.Count)
        {
            throw new ArgumentException("A table needs at least one point and as many values as times.", nameof(values));
        }

        _times = [.. times];
        _values = [.. values];
        for (var i = 0; i < _times.Length; i++)
        {
            if (!double.IsFinite(_times[i]) || !double.IsFinite(_values[i]) || (i > 0 && !(_times[i] > _times[i - 1])))
            {
                throw new ArgumentException("Table times and values must be finite and the times strictly increasing.", nameof(times));
            }
        }

        Interpolation = interpolation;
    }

    /// <summary>How values between points are computed.</summary>
    public TableInterpolation Interpolation { get; }

    /// <summary>The table's times.</summary>
    public IReadOnlyList<double> Times => _times;

    /// <summary>The table's values.</summary>
    public IReadOnlyList<double> Values => _values;

    /// <inheritdoc/>
    public double Evaluate(double t)
    {
        if (t <= _times[0])
        {
            return _values[0];
        }

        var last = _times.Length - 1;
        if (t >= _times[last])
        {
            return _values[last];
        }

        // Index of the last point at or before t; 0 ≤ i < last here.
        var found = Array.BinarySearch(_times, t);
        var i = found >= 0 ? found : ~found - 1;
        if (Interpolation == TableInterpolation.Hold || found >= 0)
        {
            return _values[i];
        }

        var fraction = (t - _times[i]) / (_times[i + 1] - _times[i]);
        return _values[i] + (_values[i + 1] - _values[i]) * fraction;
    }
}
