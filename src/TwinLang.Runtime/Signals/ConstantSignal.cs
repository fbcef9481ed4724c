namespace TwinLang.Runtime.Signals;

/// <summary>A constant value.</summary>
/// <param name="Value">The value at every time.</param>
public sealed record ConstantSignal(double Value) : ISignal
{
    /// <inheritdoc/>
    public double Evaluate(double t) => Value;
}
