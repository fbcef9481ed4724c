namespace TwinLang.Runtime;

/// <summary>
/// Optional capability of an <see cref="ITwinModel"/>: zero-crossing events. An event fires when an indicator
/// changes sign; the driver locates the crossing time by root finding on the solver's dense output, calls
/// <see cref="HandleEvents"/>, and restarts the solver when the state was re-initialised.
/// </summary>
public interface ITwinModelEvents
{
    /// <summary>The number of event indicators.</summary>
    int EventIndicatorCount { get; }

    /// <summary>Writes the event indicator values at <c>(t, x)</c>. Must not allocate.</summary>
    void EventIndicators(double t, ReadOnlySpan<double> x, Span<double> indicators);

    /// <summary>
    /// Handles the events that fired at <paramref name="t"/>: <paramref name="crossings"/> holds, per indicator,
    /// +1 (rising through zero), -1 (falling) or 0 (no crossing). The handler may re-initialise <paramref name="x"/>
    /// and returns <see langword="true"/> when it did.
    /// </summary>
    bool HandleEvents(double t, ReadOnlySpan<sbyte> crossings, Span<double> x);
}
