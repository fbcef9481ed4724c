using System.Globalization;

namespace TwinLang.Runtime.Events;

/// <summary>How events are located and when a run of events is given up as endless.</summary>
public sealed record EventOptions
{
    /// <summary>
    /// The width of the time bracket a located crossing ends in, in seconds; null for
    /// 1e-12 · max(1, |start|, |stop|). The event is handled at the bracket's right end, where the condition holds.
    /// </summary>
    public double? TimeTolerance { get; init; }

    /// <summary>The most rounds of event iteration at one time (handlers making further conditions true) before the run fails.</summary>
    public int MaxIterations { get; init; } = 100;

    /// <summary>Chattering: this many consecutive times with <c>when</c> events, all within <see cref="ChatteringWindow"/>, fail the run.</summary>
    public int ChatteringEvents { get; init; } = 50;

    /// <summary>The window of chattering detection in seconds; null for 1e-8 of the run's span.</summary>
    public double? ChatteringWindow { get; init; }

    /// <summary>A message describing the first invalid setting, or null.</summary>
    public string? Validate()
    {
        if (TimeTolerance is { } tolerance && !(tolerance > 0 && double.IsFinite(tolerance)))
        {
            return $"The event time tolerance must be positive and finite but is {Format(tolerance)}.";
        }

        if (MaxIterations < 1 || ChatteringEvents < 2)
        {
            return $"Event iteration needs at least 1 round and chattering detection at least 2 events, but got {Format(MaxIterations)} and {Format(ChatteringEvents)}.";
        }

        if (ChatteringWindow is { } window && !(window >= 0 && double.IsFinite(window)))
        {
            return $"The chattering window must be finite and not negative but is {Format(window)}.";
        }

        return null;
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
