namespace TwinLang.Runtime.Signals;

/// <summary>
/// <c>offset + amplitude · sin(2π · frequency · (t − start) + phase)</c> from <see cref="Start"/> on, and
/// <see cref="Offset"/> before it (<c>sine</c>).
/// </summary>
/// <param name="Amplitude">The amplitude.</param>
/// <param name="Frequency">The frequency in hertz.</param>
/// <param name="Phase">The phase in radians at <paramref name="Start"/>.</param>
/// <param name="Offset">The value the sine oscillates around.</param>
/// <param name="Start">The time the oscillation starts.</param>
public sealed record SineSignal(double Amplitude, double Frequency, double Phase = 0, double Offset = 0, double Start = 0) : ISignal
{
    /// <inheritdoc/>
    public double Evaluate(double t) =>
        t < Start ? Offset : Offset + Amplitude * Math.Sin(2 * Math.PI * Frequency * (t - Start) + Phase);
}
