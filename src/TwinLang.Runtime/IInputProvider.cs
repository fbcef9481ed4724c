namespace TwinLang.Runtime;

/// <summary>
/// Supplies a model's inputs as functions of time. A driver calls <see cref="Evaluate"/> with the model's
/// <see cref="ITwinModel.InputValues"/> before every derivative and output evaluation.
/// </summary>
/// <remarks>
/// Implementations write only the inputs they drive (others keep their defaults), must not allocate, and must be
/// pure functions of <c>t</c>: an adaptive solver evaluates stages out of time order and revisits times after a
/// rejected step. <see cref="Signals.SignalInputProvider"/> is the standard implementation.
/// </remarks>
public interface IInputProvider
{
    /// <summary>Writes the input values at time <paramref name="t"/> into <paramref name="inputs"/>.</summary>
    void Evaluate(double t, Span<double> inputs);
}
