namespace TwinLang.Runtime.Signals;

/// <summary>A jump from one value to another (<c>step(at, from, to)</c>).</summary>
/// <param name="At">The time of the jump; the signal has the new value from this time on.</param>
/// <param name="From">The value before the jump.</param>
/// <param name="To">The value from the jump on.</param>
public sealed record StepSignal(double At, double From, double To) : ISignal
{
    /// <inheritdoc/>
    public double Evaluate(double t) => t < At ? From : To;
}
