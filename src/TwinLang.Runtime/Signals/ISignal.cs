namespace TwinLang.Runtime.Signals;

/// <summary>A scalar function of time that drives one model input. Must be pure and must not allocate.</summary>
public interface ISignal
{
    /// <summary>The value at time <paramref name="t"/> (seconds).</summary>
    double Evaluate(double t);
}
