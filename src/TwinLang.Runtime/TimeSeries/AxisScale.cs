using System.Globalization;

namespace TwinLang.Runtime.TimeSeries;

/// <summary>
/// A linear axis with "nice" tick spacing (1, 2 or 5 times a power of ten, after Heckbert's "Nice numbers for
/// graph labels", Graphics Gems 1990) whose ends are rounded out to whole ticks.
/// </summary>
internal sealed class AxisScale
{
    private const int TargetTickCount = 6;

    private AxisScale(double minimum, double maximum, double step, int tickCount)
    {
        Minimum = minimum;
        Maximum = maximum;
        Step = step;
        TickCount = tickCount;
    }

    public double Minimum { get; }

    public double Maximum { get; }

    public double Step { get; }

    public int TickCount { get; }

    public static AxisScale Create(double low, double high)
    {
        if (!double.IsFinite(low) || !double.IsFinite(high))
        {
            (low, high) = (0, 1);
        }

        if (high <= low)
        {
            var pad = low == 0 ? 1 : Math.Abs(low) * 0.1;
            (low, high) = (low - pad, high + pad);
        }

        var step = NiceStep((high - low) / (TargetTickCount - 1));
        var minimum = Math.Floor(low / step) * step;
        var maximum = Math.Ceiling(high / step) * step;
        var tickCount = (int)Math.Round((maximum - minimum) / step) + 1;
        return new AxisScale(minimum, maximum, step, tickCount);
    }

    public double Tick(int index) => Minimum + index * Step;

    /// <summary>Maps <paramref name="value"/> to [0, 1] along the axis.</summary>
    public double Fraction(double value) => (value - Minimum) / (Maximum - Minimum);

    /// <summary>A tick label with just enough decimals for the step; scientific notation for extreme magnitudes.</summary>
    public string Label(double value)
    {
        var magnitude = Math.Max(Math.Abs(Minimum), Math.Abs(Maximum));
        if (magnitude >= 1e6 || Step < 1e-4)
        {
            return value.ToString("0.###E+0", CultureInfo.InvariantCulture);
        }

        var decimals = Math.Max(0, -(int)Math.Floor(Math.Log10(Step) + 1e-9));
        var rounded = Math.Round(value, decimals) + 0.0;
        return rounded.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    private static double NiceStep(double rough)
    {
        var exponent = Math.Floor(Math.Log10(rough));
        var power = Math.Pow(10, exponent);
        var fraction = rough / power;
        var nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
        return nice * power;
    }
}
