using TwinLang.Runtime.Events;

namespace TwinLang.Runtime;

/// <summary>
/// Optional capability of an <see cref="ITwinModel"/>: discrete variables, zero-crossing events (<c>when</c>) and
/// clocked sections (<c>sampled</c>). The <see cref="Simulator"/> detects crossings of the indicators after each
/// accepted step, locates them on the solver's dense output, calls <see cref="HandleEvent"/> and restarts the
/// solver; it stops its steps exactly on clock ticks and calls <see cref="Tick"/> there.
/// </summary>
/// <remarks>
/// Indicator <c>i</c> belongs to the <c>when</c> section <see cref="EventSectionInfo"/> of
/// <see cref="ModelDescription.Events"/> whose range holds <c>i</c>; a section repeated over a component array has
/// one indicator per element. The condition of an indicator is true exactly when its value is positive.
/// </remarks>
public interface ITwinModelEvents
{
    /// <summary>
    /// Discrete storage, length <c>Description.Discretes.Count</c>: values held between events and ticks. Set to
    /// their start values by <see cref="ITwinModel.InitialState"/>; read by <see cref="ITwinModel.Derivatives"/>
    /// and <see cref="ITwinModel.Outputs"/>.
    /// </summary>
    double[] DiscreteValues { get; }

    /// <summary>Writes every event indicator at <c>(t, x)</c> (condition true ⇔ value &gt; 0). Must not allocate.</summary>
    void EventIndicators(double t, ReadOnlySpan<double> x, Span<double> indicators);

    /// <summary>
    /// Runs the statements of the <c>when</c> section element that <paramref name="indicator"/> stands for, in
    /// order, at <paramref name="t"/>: re-initialised states are written to <paramref name="x"/>, discrete values
    /// to <see cref="DiscreteValues"/>. Returns the reason of a <c>terminate</c> statement, or null.
    /// </summary>
    string? HandleEvent(int indicator, double t, Span<double> x);

    /// <summary>The period of clock <paramref name="clock"/> in seconds, for the current parameter values.</summary>
    double ClockPeriod(int clock);

    /// <summary>The time of the first tick of clock <paramref name="clock"/> in seconds (ticks are at offset + k·period).</summary>
    double ClockOffset(int clock);

    /// <summary>Runs the statements of clock <paramref name="clock"/> (every element) at a tick; as <see cref="HandleEvent"/>.</summary>
    string? Tick(int clock, double t, Span<double> x);
}
