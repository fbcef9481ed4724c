namespace TwinLang.Runtime.Signals;

/// <summary>A linear transition between two values over a time interval, constant outside it (<c>ramp</c>).</summary>
public sealed record RampSignal : ISignal
{
    /// <summary>Creates a ramp from <paramref name="from"/> at <paramref name="start"/> to <paramref name="to"/> at <paramref name="end"/>.</summary>
    public RampSignal(double start, double end, double from, double to)
    {
        if (!(end > start))
        {
            throw new ArgumentException("A ramp must end after it starts.", nameof(end));
        }

        Start = start;
        End = end;
        From = from;
        To = to;
    }

    /// <summary>The time the ramp starts.</summary>
    public double Start { get; }

    /// <summary>The time the ramp ends.</summary>
    public double End { get; }

    /// <summary>The value up to <see cref="Start"/>.</summary>
    public double From { get; }

    /// <summary>The value from <see cref="End"/> on.</summary>
    public double To { get; }

    /// <inheritdoc/>
    public double Evaluate(double t)
    {
        if (t <= Start)
        {
            return From;
        }

        if (t >= End)
        {
            return To;
        }

        return From + (To - From) * ((t - Start) / (End - Start));
    }
}
