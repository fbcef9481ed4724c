namespace TwinLang.Runtime.Solvers;

/// <summary>
/// The right-hand side <c>dx/dt = f(t, x)</c> a solver integrates. <see cref="ModelOdeSystem"/> adapts an
/// <see cref="ITwinModel"/> with its inputs; couplings and filters can integrate other systems the same way.
/// </summary>
public interface IOdeSystem
{
    /// <summary>The number of states.</summary>
    int Dimension { get; }

    /// <summary>The user-facing name of state <paramref name="index"/>, used in failure messages.</summary>
    string StateName(int index);

    /// <summary>Computes <c>dxdt = f(t, x)</c>. Must not allocate.</summary>
    void Evaluate(double t, ReadOnlySpan<double> x, Span<double> dxdt);
}
