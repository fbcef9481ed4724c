namespace TwinLang.Runtime.Solvers;

/// <summary>
/// Optional capability of an <see cref="IOdeSystem"/>: the analytic Jacobian <c>∂f/∂x</c>, which the stiff solvers
/// use instead of finite differences.
/// </summary>
public interface IOdeJacobian
{
    /// <summary>Writes the dense Jacobian (row-major, <c>jacobian[i * n + j] = ∂f_i/∂x_j</c>) at <c>(t, x)</c>. Must not allocate.</summary>
    void Jacobian(double t, ReadOnlySpan<double> x, Span<double> jacobian);
}
